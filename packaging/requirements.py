"""Print the requirements for a PySide6 6.9 environment (the 信创 bundle, the 6.9 test run).

    python packaging/requirements.py [--test] [--build] [--pyside VERSION]

The project's own dependencies from pyproject.toml, with the PySide6 lines replaced by the pinned
6.9.3 line: from 6.12 on QtPdf ships in pyside6-pdf (manylinux_2_34 only), before 6.12 in
pyside6-addons, which 6.9.3 has as a manylinux_2_28 wheel. --test adds the test extra, --build
PyInstaller, --pyside another PySide6 version (the ARM64 build uses 6.8.0.2, the last
manylinux_2_31 aarch64 release).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYSIDE = "6.9.3"


def pinned(version: str) -> list[str]:
    """The PySide6 lines for one version (before 6.12 QtPdf is in pyside6-addons)."""
    return [
        f"pyside6-essentials=={version}",
        f"pyside6-addons=={version}",
        f"shiboken6=={version}",
    ]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower()


def requirements(test: bool = False, build: bool = False, pyside: str = PYSIDE) -> list[str]:
    """The requirement lines."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    extras = project.get("optional-dependencies", {})
    if test:
        wanted += extras.get("test", [])
    if build:
        wanted += extras.get("build", [])
    kept = [r for r in wanted if not _name(r).startswith(("pyside6", "shiboken6"))]
    unique = list(dict.fromkeys(kept))
    return pinned(pyside) + unique


if __name__ == "__main__":
    args = sys.argv[1:]
    version = args[args.index("--pyside") + 1] if "--pyside" in args else PYSIDE
    print("\n".join(requirements("--test" in args, "--build" in args, version)))
