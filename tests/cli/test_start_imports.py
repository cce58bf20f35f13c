"""Commands that print no document load none of the libraries that printing and importing need.

Asserts what gets imported (a regression guard for start-up time), never how long it takes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "seed003_baoan.json"
HEAVY = (
    "PySide6",
    "reportlab",
    "openpyxl",
    "docx",
    "pdfplumber",
    "pypdf",
    "sqlite_utils",
    "click",
    "dateutil",
    "pluggy",
    "urllib.request",
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-imports") / "j.db"
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(path), "import-json", str(FIXTURE)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize(
    "args", [["list"], ["list", "--json"], ["show", "1", "--json"], ["score", "1"], ["profiles"]]
)
def test_a_command_that_prints_no_document_loads_no_heavy_library(db: Path, args: list[str]):
    code = (
        "import sys\n"
        "from desktop.__main__ import main\n"
        f"code = main(['--db', {str(db)!r}, *{args!r}])\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} "
        f"or m in {HEAVY!r})\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stderr, done.stderr
