"""Hostile inputs against the CLI: exit code, the one line on stderr, wall time.

Run: python bench/bench_hostile.py [--timeout SECONDS] [--only NAME]
Prints a Markdown table. Every row should show exit 2, one Chinese line, no traceback, < 10 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import hostile_files as H  # noqa: E402

Case = tuple[str, Callable[[Path, Path], list[str]]]


def _imp(command: str, maker: Callable[[Path], Path]) -> Callable[[Path, Path], list[str]]:
    return lambda folder, db: ["--db", str(db), command, str(maker(folder))]


def _seeded(folder: Path, db: Path) -> None:
    """One project (id 1) in the database."""
    case = folder / "seed.json"
    case.write_text(json.dumps(H._project(), ensure_ascii=False), encoding="utf-8")
    subprocess.run(
        _cmd(["--db", str(db), "import-json", str(case)]), check=True, capture_output=True
    )


def _cmd(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "desktop", *args]


def _export_onto(
    kind: str, target: Callable[[Path, Path], Path]
) -> Callable[[Path, Path], list[str]]:
    def make(folder: Path, db: Path) -> list[str]:
        _seeded(folder, db)
        return ["--db", str(db), kind, "1", "--out", str(target(folder, db))]

    return make


def _readonly_target(folder: Path, db: Path) -> Path:
    out = folder / "只读.xlsx"
    out.write_bytes(b"keep")
    out.chmod(0o444)
    return out


def _other_sqlite(folder: Path, db: Path) -> Path:
    other = folder / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    return other


def _backups_target(folder: Path, db: Path) -> Path:
    (folder / "backups").mkdir(exist_ok=True)
    return folder / "backups" / "导出.json"


def _existing(folder: Path, db: Path) -> Path:
    out = folder / "已有.json"
    out.write_text("旧内容", encoding="utf-8")
    return out


def _corrupt_db(folder: Path, db: Path) -> list[str]:
    H.seeded_database(db)
    H.corrupt_one_page(db)  # one page overwritten
    case = folder / "new.json"
    case.write_text(json.dumps(H._project(name="新项目"), ensure_ascii=False), encoding="utf-8")
    return ["--db", str(db), "import-json", str(case)]


CASES: list[Case] = [
    ("JSON nested 100 000 deep", _imp("import-json", H.json_deep)),
    ("JSON lone surrogate \\ud800", _imp("import-json", H.json_lone_surrogate)),
    ("money 1e30", _imp("import-json", H.json_money_1e30)),
    ("money 1e309", _imp("import-json", H.json_money_1e309)),
    ("money 30-digit number", _imp("import-json", H.json_money_30_digits)),
    ("money 30-digit text", _imp("import-json", H.json_money_30_digit_text)),
    ("money 10^12 元", _imp("import-json", H.json_money_trillion)),
    ("year 5000 digits (number)", _imp("import-json", H.json_year_5000_digits)),
    ("year 5000 digits (text)", _imp("import-json", H.json_year_text_5000_digits)),
    ("project name 1 M chars", _imp("import-json", H.json_long_name)),
    ("100 000 indicators", _imp("import-json", H.json_many_indicators)),
    ("50 MB section", _imp("import-json", H.json_big_section)),
    ("bundle: same project twice", _imp("import-json", H.json_same_project_twice)),
    ("xlsx 7 KB, cell at XFD1048576", _imp("import-xlsx", H.xlsx_far_cell)),
    ("xlsx merged range to XFD1048576", _imp("import-xlsx", H.xlsx_far_merge)),
    ("xlsx 300 MB shared string", _imp("import-xlsx", H.xlsx_huge_string)),
    (".doc renamed .docx", _imp("import-docx", H.doc_renamed_docx)),
    ("export-xlsx onto the database", _export_onto("export-xlsx", lambda f, db: db)),
    ("export-json onto the database", _export_onto("export-json", lambda f, db: db)),
    ("export-pdf onto the database", _export_onto("export-pdf", lambda f, db: db)),
    (
        "export-json onto the -wal file",
        _export_onto("export-json", lambda f, db: Path(f"{db}-wal")),
    ),
    ("export-xlsx onto another SQLite file", _export_onto("export-xlsx", _other_sqlite)),
    ("export-json into backups/", _export_onto("export-json", _backups_target)),
    ("export-xlsx onto a read-only file", _export_onto("export-xlsx", _readonly_target)),
    ("export-json onto an existing file", _export_onto("export-json", _existing)),
    ("import into a corrupt database", _corrupt_db),
]
SLOW_TEXT_CASES: list[Case] = [
    ("text: 16 000 short reports", _imp("import-text", H.text_many_reports)),
    ("text: 19 MB report", _imp("import-text", H.text_19mb)),
]


def run_case(name: str, make: Callable[[Path, Path], list[str]], timeout: float) -> str:
    """One Markdown row: case, exit code, the stderr line(s), seconds."""
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    try:
        args = make(folder, folder / "jixiao.db")
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                _cmd(args), capture_output=True, text=True, timeout=timeout, cwd=ROOT
            )
            code, err = str(proc.returncode), proc.stderr.strip()
        except subprocess.TimeoutExpired:
            code, err = "killed", f"(no answer after {timeout:.0f} s)"
        seconds = time.perf_counter() - start
        lines = err.splitlines()
        shown = " / ".join(lines[-1:]) if lines else "(nothing on stderr)"
        flags = []
        if "Traceback" in err:
            flags.append("TRACEBACK")
        if len(lines) > 1:
            flags.append(f"{len(lines)} lines")
        if len(shown) > 160:
            shown = shown[:157] + "…"
        extra = f" [{', '.join(flags)}]" if flags else ""
        return f"| {name} | {code} | {shown}{extra} | {seconds:.1f} |"
    finally:
        for p in folder.rglob("*"):
            if p.is_file():
                p.chmod(0o644)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--only", default="")
    parser.add_argument("--no-text", action="store_true", help="skip the two large text files")
    opts = parser.parse_args()
    cases = CASES + ([] if opts.no_text else SLOW_TEXT_CASES)
    print("| input | exit | stderr (last line) | seconds |")
    print("|---|---|---|---|")
    for name, make in cases:
        if opts.only and opts.only.lower() not in name.lower():
            continue
        print(run_case(name, make, opts.timeout), flush=True)


if __name__ == "__main__":
    main()
