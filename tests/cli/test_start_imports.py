"""Commands that print no document load none of the libraries that printing and importing need.

Asserts what gets imported (a regression guard for start-up time), never how long it takes.
"""

from __future__ import annotations

import os
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


def test_check_reads_parsed_data_and_compiled_patterns_from_the_cache(db: Path, tmp_path: Path):
    """The second `check` parses no TOML and compiles none of the program's own regular
    expressions (the standard library's are its business):
    both come from the cache folder the first one filled; the findings are the same."""
    code = (
        "import sys, re._parser as rp\n"
        "made = []\n"
        "original = rp.parse\n"
        "def parse(p, flags=0, state=None):\n"
        "    frame = sys._getframe(1)\n"
        "    skip = ('re/', 're\\\\', 'regex_cache')\n"
        "    while frame and any(s in frame.f_code.co_filename for s in skip):\n"
        "        frame = frame.f_back\n"
        "    made.append(p) if frame and 'desktop' in frame.f_code.co_filename else None\n"
        "    return original(p, flags, state)\n"
        "rp.parse = parse\n"
        "from desktop.__main__ import main\n"
        f"code = main(['--db', {str(db)!r}, 'check', '1'])\n"
        "print('TOML', 'tomllib' in sys.modules, 'COMPILED', len(made), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    env = dict(os.environ, JIXIAO_CACHE_DIR=str(tmp_path / "cache"))
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert runs[0].returncode == runs[1].returncode and runs[0].stdout == runs[1].stdout
    assert "TOML True" in runs[0].stderr and "COMPILED 0" not in runs[0].stderr
    assert "TOML False COMPILED 0" in runs[1].stderr, runs[1].stderr
