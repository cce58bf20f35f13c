"""Real read-only places for tests that run as root (root ignores permission bits).

- ``as_nobody``: run the program as the unprivileged user ``nobody`` (setpriv), so a folder with
  mode 0555 really cannot be written.
- ``read_only_mount``: a read-only bind mount of a folder (the kernel answers EROFS, even to root).

Both skip the test when the machine does not allow them, and say why.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import site
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOBODY = 65534


def _site_packages() -> list[str]:
    return [p for p in site.getsitepackages() if Path(p).is_dir()]


def nobody_python() -> list[str]:
    """A Python interpreter ``nobody`` can run with this checkout and its packages importable."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a check as the user nobody")
    for exe in (sys.executable, "/usr/bin/python3"):
        probe = subprocess.run(
            [*_setpriv(), exe, "-c", "import desktop.cli, sqlite_utils"],
            env=nobody_env(Path(tempfile.gettempdir())),
            capture_output=True,
            cwd="/",
        )
        if probe.returncode == 0:
            return [exe]
    pytest.skip("no Python interpreter the user nobody can run with the packages")


def _setpriv() -> list[str]:
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def nobody_env(home: Path) -> dict[str, str]:
    """Environment for a process run as nobody: this checkout first, its own home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "PYTHON"))}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *_site_packages()])
    env.update(HOME=str(home), JIXIAO_LOG_DIR=str(home), XDG_RUNTIME_DIR=str(home))
    env.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    return env


def run_as_nobody(
    args: list[str], home: Path, timeout: float = 120, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m desktop ARGS` as the user nobody."""
    python = nobody_python()
    return subprocess.run(
        [*_setpriv(), *python, "-m", "desktop", *args],
        env={**nobody_env(home), **(extra_env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd="/",
    )


@contextlib.contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder under the system temp dir that nobody can reach (pytest's tmp_path is 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="jixiao-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            with contextlib.suppress(OSError):
                path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def read_only_mount(folder: Path) -> Iterator[Path]:
    """``folder`` bind-mounted read-only onto itself for the duration."""
    done = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(
            "cannot make a read-only bind mount here: " + done.stderr.decode(errors="replace")
        )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
