"""Benchmark of 审核: all checks over 1000 projects (100 units × 10 projects, and 10 units ×
100 projects), and one project against 100 siblings of 20+ sections each. Prints timings.

The projects are the four real reports of seed 003 with per-project variations, so every
group is full of shared and copied sentences (the expensive case for the copy check).

Run: python bench/bench_checks.py
"""

from __future__ import annotations

import copy
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.exchange.jsonio import read_projects
from desktop.model.checks import run_checks
from desktop.model.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def seed_projects() -> list[Project]:
    """The four projects of seed 003."""
    out: list[Project] = []
    for path in sorted(FIXTURES.glob("seed003_*.json")):
        out.extend(read_projects(path))
    return out


def make_group(unit: int, size: int, base: list[Project]) -> list[Project]:
    """``size`` projects of one unit and year: seed texts with per-project variations."""
    group: list[Project] = []
    for i in range(size):
        p = copy.deepcopy(base[i % len(base)])
        p.unit.name = f"第{unit}单位"
        p.name = f"{p.name}{i}号"
        p.id = unit * 10000 + i
        p.sections["basic_info"] = (
            f"{i}.本项目编号{unit}-{i}，保障第{i}项专门工作。" + p.sections.get("basic_info", "")
        )
        for k in range(8):
            p.sections[f"extra{k}"] = (
                f"第{i}个项目的第{k}段补充说明，涉及工作量{i * k}次、人员{k}名、经费{i}万元。"
            )
        group.append(p)
    return group


def time_all(groups: list[list[Project]]) -> float:
    """CPU seconds to check every project of every group against its siblings."""
    start = time.process_time()
    for group in groups:
        for p in group:
            run_checks(p, [q for q in group if q is not p])
    return time.process_time() - start


def main() -> None:
    """Print the timings."""
    base = seed_projects()
    for units, size in ((100, 10), (10, 100)):
        groups = [make_group(u, size, base) for u in range(units)]
        total = sum(len(g) for g in groups)
        first = time_all(groups)
        again = time_all(groups)
        print(
            f"{total} 个项目（{units} 个单位 × {size} 个项目）全部审核（CPU 时间）：首次 {first:.2f} s，"
            f"再次 {again:.2f} s"
        )
    group = make_group(99, 101, base)
    for p in group:
        for k in range(20):
            p.sections.setdefault(f"s{k}", p.sections.get("basic_info", "") + f"第{k}部分。")
    target, siblings = group[0], group[1:]
    start = time.perf_counter()
    run_checks(target, siblings)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    run_checks(target, siblings)
    warm = time.perf_counter() - start
    print(f"1 个项目对 100 个同组项目（每个 20+ 部分）：首次 {cold:.3f} s，再次 {warm:.3f} s")


if __name__ == "__main__":
    main()
