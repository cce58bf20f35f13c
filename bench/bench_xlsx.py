"""Benchmark: 1000 projects in the database → xlsx (汇总 + per-project sheets), timings printed.

Run: python bench/bench_xlsx.py [N] — includes reading the DB and running the checks.
"""

from __future__ import annotations

import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.exchange.xlsx.export import write_workbook
from desktop.model.checks import run_checks
from desktop.model.project import (
    Execution,
    Funds,
    FundsRow,
    Goals,
    Indicator,
    Project,
    Unit,
)
from desktop.store import repo
from desktop.store.db import open_store


def make_project(i: int) -> Project:
    """A realistic project with 8 indicators."""
    d = Decimal
    funds = Funds()
    budget = d(10000 + i * 37)
    funds.rows["total"] = FundsRow(
        "total", budget, budget, (budget * d("0.93")).quantize(d("0.01"))
    )
    funds.rows["fiscal"] = FundsRow(
        "fiscal", budget, budget, (budget * d("0.93")).quantize(d("0.01"))
    )
    inds = [
        Indicator("产出指标", "数量指标", f"完成任务数{k}", "≥12次", "13次", d(10), None)
        for k in range(3)
    ]
    inds += [
        Indicator("产出指标", "质量指标", "工作完成合格率", "=100%", "100%", d(10), None),
        Indicator("产出指标", "成本指标", "项目总成本", f"≤{budget}元", f"{budget}元", d(10), None),
        Indicator(
            "效益指标", "社会效益", "工作顺利开展", "达成年度指标", "达成年度指标", d(20), None
        ),
        Indicator("效益指标", "可持续影响", "长效机制建立", "长期", "长期", d(10), None),
        Indicator("满意度指标", "服务对象满意度", "服务对象满意度", "≥90%", "95%", d(10), None),
    ]
    return Project(
        unit=Unit(name=f"某区第{i % 20}局", department="某区人民政府"),
        year=2023,
        name=f"项目{i:04d}经费",
        funds=funds,
        execution=Execution(d(10), None),
        goals=Goals("保障本年度工作经费，确保各项工作顺利完成。" * 2, "全年保障到位。"),
        sections={"basic_info": "项目基本情况。" * 20},
        indicators=inds,
    )


def main() -> None:
    """Fill a database, then time export variants."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        with store.transaction():
            for i in range(n):
                repo.insert_project(store, make_project(i))
        for label, limit in ((f"汇总 + {min(100, n)} sheets", 100), (f"汇总 + {n} sheets", None)):
            t0 = time.perf_counter()
            ids = [r.id for r in repo.list_projects(store)]
            projects = repo.load_projects(store, ids)
            t1 = time.perf_counter()
            findings = {p.id: run_checks(p, []) for p in projects}
            t2 = time.perf_counter()
            out = Path(tmp) / "bench.xlsx"
            write_workbook(projects, out, findings, sheets_limit=limit)
            t3 = time.perf_counter()
            print(
                f"{n} projects, {label}: load {t1 - t0:.2f} s, checks {t2 - t1:.2f} s, "
                f"xlsx {t3 - t2:.2f} s, total {t3 - t0:.2f} s, {out.stat().st_size // 1024} KiB"
            )
        store.close()


if __name__ == "__main__":
    main()
