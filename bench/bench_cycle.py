"""Benchmark of the year's cycle: 1000 projects (10 units × 100) each with approved targets, a
运行监控 of every indicator and three 整改 items — insert, load, the cycle checks, next-year
copies and a unit/year Excel export with monitoring and 整改 sheets. Prints timings.

Run: python bench/bench_cycle.py
"""

from __future__ import annotations

import copy
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.exchange.xlsx.export import write_workbook
from desktop.model.carry_forward import next_year_copy
from desktop.model.checks import CHECKS
from desktop.model.forms import load_form
from desktop.store import repo
from desktop.store.db import open_store
from tests.cycle_helpers import year_project

CYCLE_CODES = (
    "E-BASELINE-CHANGED",
    "W-MONITOR-NO-CORRECTION",
    "W-MONITOR-BEHIND",
    "I-MONITOR-UNKNOWN",
    "W-RECT-OVERDUE",
)


def _timed(label: str, start: float) -> float:
    now = time.perf_counter()
    print(f"{label:<44}{(now - start) * 1000:>9.0f} ms")
    return now


def main() -> None:
    """Run each step once and print its time."""
    base = year_project()
    projects = []
    for unit in range(10):
        for i in range(100):
            p = copy.deepcopy(base)
            p.unit.name = f"第{unit}单位"
            p.name = f"保安费用{i}号"
            projects.append(p)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        t = time.perf_counter()
        with store.transaction():
            ids = [repo.insert_project(store, p) for p in projects]
        t = _timed("insert 1000 projects with their cycle", t)
        loaded = repo.load_projects(store, ids)
        t = _timed("load 1000 projects with their cycle", t)
        form = load_form("self_evaluation")
        for p in loaded:
            for code in CYCLE_CODES:
                CHECKS[code](p, [], form)
        t = _timed("cycle checks over 1000 projects", t)
        copies = [next_year_copy(p) for p in loaded]
        t = _timed("1000 next-year copies", t)
        unit = [p for p in loaded if p.unit.name == "第0单位"]
        write_workbook(unit, Path(tmp) / "unit.xlsx")
        _timed("Excel of one unit/year (100 projects)", t)
        assert len(copies) == 1000
        store.close()


if __name__ == "__main__":
    main()
