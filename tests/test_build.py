"""The PyInstaller one-folder build works: it builds from build.spec and the binary runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.timeout(3000)
@pytest.mark.slow
def test_pyinstaller_build_runs_list_and_version(tmp_path):
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    if not pyinstaller.exists() and shutil.which("pyinstaller") is None:
        pytest.skip("PyInstaller not installed")
    exe = str(pyinstaller) if pyinstaller.exists() else "pyinstaller"
    r = subprocess.run(
        [
            exe,
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(REPO / "build.spec"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    folder = tmp_path / "dist" / "jixiao"
    binary = folder / ("jixiao.exe" if sys.platform == "win32" else "jixiao")
    out = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("jixiao ")
    db = tmp_path / "built.db"
    out = subprocess.run(
        [str(binary), "--db", str(db), "list", "--json"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
    # the window opens from the built program too (Qt plugins bundled)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JIXIAO_QUIT_AFTER_SHOW="1")
    out = subprocess.run(
        [str(binary), "--db", str(db)], capture_output=True, text=True, timeout=120, env=env
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "JIXIAO_READY" in out.stdout
    # the forms travel with the build
    assert (folder / "_internal" / "forms" / "self_evaluation.toml").exists()
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"one-folder build: {size / 2**20:.0f} MB")
