"""The dependency floors in pyproject.toml are the versions scripts/test-lowest.sh tests."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _floors() -> dict[str, Version]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    found: dict[str, Version] = {}
    for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        req = Requirement(text)
        for spec in req.specifier:
            if spec.operator == ">=":
                found[re.sub(r"[-_.]+", "-", req.name).lower()] = Version(spec.version)
    return found


def _pins() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "scripts" / "lowest-constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower()] = Version(version)
    return pins


def test_every_pin_is_its_floor():
    floors, pins = _floors(), _pins()
    assert pins, "no pins"
    assert {name: floors.get(name) for name in pins} == pins


def test_every_floor_that_pip_can_install_is_pinned():
    # PySide6 is left out on purpose (see the constraints file); the lint and build tools are
    # not what the tests exercise.
    skipped = {"pyside6-essentials", "pyside6-pdf", "tomli", "ruff", "mypy", "pyinstaller"}
    assert set(_floors()) - skipped == set(_pins())
