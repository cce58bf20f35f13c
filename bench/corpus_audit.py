"""审核 over real reports: imports each report with the program's text import (as `jixiao
import-text` does), checks every project against its siblings and prints the findings per report,
then a table with the false-错误 count: 错误 on reports whose facts file names no slip, other than
those about what lies beyond the cut of a partial copy and known misreadings by the import.

Run: python bench/corpus_audit.py [FILE_OR_FOLDER ...]   (default: tests/fixtures/real)
     add --quiet for the table only
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.model.checks import ERROR, WARNING
from tests.corpus_audit import REAL, audit, fact_kind, reports, summary_line


def main(argv: list[str]) -> int:
    """Print findings per report and the summary table; exit 0."""
    quiet = "--quiet" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or [REAL]
    audited = []
    start = time.perf_counter()
    for path in reports(paths):
        item = audit(path)
        audited.append(item)
        if quiet:
            continue
        print(f"== {summary_line(item)}")
        for project, found in item.projects:
            print(f"   项目“{project.name}”（{project.unit.name}，{project.year}年）")
            for f in found:
                print(f"      {f.severity} {f.code} {f.message}")
    elapsed = time.perf_counter() - start
    print()
    print("| 报告 | 项目 | 错误 | 其中截断缺失 | 其中误读 | 警告 | 提示 | 事实文件 | 误报错误 |")
    print("|---|---|---|---|---|---|---|---|---|")
    false_errors = 0
    for item in audited:
        wrong = len(item.false_errors())
        false_errors += wrong
        kind = fact_kind(item)
        if item.refused:
            print(f"| {item.path.name} | 未导入 | | | | | | {kind} | |")
            continue
        print(
            f"| {item.path.name} | {len(item.projects)} | {item.count(ERROR)} | "
            f"{len(item.cut_errors())} | {len(item.misread_errors())} | "
            f"{item.count(WARNING)} | {item.count('提示')} | {kind} | {wrong} |"
        )
    print()
    print(
        f"{len(audited)} 份报告，数字相符的报告上的错误（误报）：{false_errors}；用时 {elapsed:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
