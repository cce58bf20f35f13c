"""All benchmarks in one table, with the targets beside each figure.

Run: python bench/bench_all.py            (prints a Markdown table for the README)
Each figure is measured on this machine, in fresh processes where start-up matters.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.model.project import (  # noqa: E402
    Execution,
    Funds,
    FundsRow,
    Goals,
    Indicator,
    Project,
    Unit,
)

Row = tuple[str, str, str]


def project(i: int, indicators: int = 8, unit: str = "某区信访局") -> Project:
    """A realistic project with funds, three sections and some indicators."""
    d = Decimal
    funds = Funds()
    funds.rows["total"] = FundsRow("total", d("80000.00"), d("90000.00"), d("85000.00"))
    funds.rows["fiscal"] = FundsRow("fiscal", d("80000.00"), d("90000.00"), d("85000.00"))
    rows = [
        Indicator("产出指标", "数量指标", f"保障人数{k}", "≥2人", "2人", d(5), d(5))
        for k in range(indicators)
    ]
    return Project(
        unit=Unit(name=unit, department="某区人民政府"),
        year=2023,
        name=f"项目{i:05d}",
        form="self_evaluation",
        funds=funds,
        execution=Execution(d(10), None),
        goals=Goals("保障本年度内两名保安人员的经费。" * 3, "全年保障到位。" * 3),
        sections={
            "basic_info": "保障本年度内两名保安人员的经费，确保信访安保工作质量。" * 10,
            "conclusion": "该项目资金预期产出和效果能满足需求。" * 5,
            "problems": "无。",
        },
        indicators=rows,
    )


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of fn in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def make_db(path: Path, count: int, big_indicators: int = 0) -> list[int]:
    """A database file with `count` projects (one of them with many indicators)."""
    from desktop.store import repo
    from desktop.store.db import open_store

    store = open_store(path)
    ids = []
    with store.transaction():
        for i in range(count):
            unit = f"单位{i % 50:02d}"
            n = big_indicators if (big_indicators and i == 0) else 8
            ids.append(repo.insert_project(store, project(i, n, unit)))
    store.close()
    return ids


def cli_start(small: Path, big: Path) -> list[Row]:
    """`jixiao --db X list --json`, a fresh process each run: small file, then 10 000 projects."""
    rows = []
    for db, name, target in (
        (small, "CLI 启动（list，1 个项目）", "< 500 ms"),
        (big, "CLI list --json（10 000 个项目）", "—"),
    ):
        cmd = [sys.executable, "-m", "desktop", "--db", str(db), "list", "--json"]
        ms = median_ms(lambda: subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True), 5)  # noqa: B023
        rows.append((name, f"{ms:.0f} ms", target))
    return rows


def open_big_db(db: Path) -> Row:
    """Open the 10 000-project file and list its projects (what the navigator needs)."""
    from desktop.store import repo
    from desktop.store.db import open_store

    def run() -> None:
        store = open_store(db)
        repo.list_projects(store)
        store.close()

    return ("打开 10 000 个项目的数据库并列出", f"{median_ms(run, 5):.0f} ms", "< 1 s")


def window_usable(small: Path, big: Path) -> list[Row]:
    """Process start → main window shown and idle (the program quits right after)."""
    env = dict(os.environ, JIXIAO_QUIT_AFTER_SHOW="1")
    rows = []
    for db, name in (
        (small, "窗口可用（启动到显示，含退出；1 个项目）"),
        (big, "窗口可用（10 000 个项目）"),
    ):
        cmd = [sys.executable, "-m", "desktop", "--db", str(db)]
        ms = median_ms(
            lambda: subprocess.run(cmd, cwd=ROOT, capture_output=True, env=env, timeout=60),  # noqa: B023
            5,
        )
        rows.append((name, f"{ms:.0f} ms", "< 1 s"))
    return rows


def gui_inprocess(db: Path, big_id: int, ids: list[int]) -> list[Row]:
    """Switch project and grid edit → total, inside one real window."""
    from PySide6.QtWidgets import QApplication

    import desktop.ui  # noqa: F401
    from desktop.store.db import open_store
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    store = open_store(db)
    window = MainWindow(store)
    window.show()
    app.processEvents()
    samples = []
    for k in range(40):
        pid = ids[1 + (k % 20) * 37]
        start = time.perf_counter()
        window.select_project(pid)
        app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    rows = [
        (
            "切换项目（中位数 / 最大）",
            f"{statistics.median(samples):.1f} / {max(samples):.1f} ms",
            "< 50 ms",
        )
    ]
    window.select_project(big_id)
    app.processEvents()
    grid = getattr(window, "grid", None)
    if grid is not None and hasattr(grid, "model"):
        model = grid.model()
        from PySide6.QtCore import Qt

        edits = []
        weight_col = _column(model, "分值")
        for k in range(100):
            index = model.index(1 + (k % 400), weight_col)
            start = time.perf_counter()
            model.setData(index, str(4 + k % 3), Qt.ItemDataRole.EditRole)
            model.data(model.index(model.rowCount() - 1, weight_col), Qt.ItemDataRole.DisplayRole)
            edits.append((time.perf_counter() - start) * 1000)
        rows.append(
            (
                "表格编辑 → 新合计（500 行，中位数 / 最大）",
                f"{statistics.median(edits):.2f} / {max(edits):.2f} ms",
                "< 16 ms",
            )
        )
    window.close()
    store.close()
    return rows


def _column(model: object, title: str) -> int:
    from PySide6.QtCore import Qt

    for c in range(model.columnCount()):  # type: ignore[attr-defined]
        if model.headerData(c, Qt.Orientation.Horizontal) == title:  # type: ignore[attr-defined]
            return c
    raise LookupError(title)


def pdf_rows(tmp: Path) -> list[Row]:
    """One report PDF and a 100-report 合订本."""
    from desktop.exchange.pdf.batch import write_batch_pdf
    from desktop.exchange.pdf.document import write_report_pdf
    from desktop.model.forms import load_form

    p = project(1, 12)
    p.id = 1
    form = load_form(p.form)
    write_report_pdf(p, form, tmp / "warm.pdf")
    one = median_ms(lambda: write_report_pdf(p, form, tmp / "one.pdf"), 5)
    many = [project(i, 12) for i in range(100)]
    for i, q in enumerate(many):
        q.id = i + 1
    start = time.perf_counter()
    write_batch_pdf(many, tmp / "batch.pdf", title="合订本")
    batch = time.perf_counter() - start
    return [
        ("一份报告 PDF", f"{one:.0f} ms", "< 500 ms"),
        ("100 份报告合订本 PDF", f"{batch:.1f} s", "< 10 s"),
    ]


def xlsx_rows(db: Path, ids: list[int], tmp: Path) -> list[Row]:
    """1000 projects: read from the DB, checked for the 汇总's counts, written to xlsx."""
    from desktop.exchange.xlsx.export import write_workbook
    from desktop.model.checks import run_checks
    from desktop.store import repo
    from desktop.store.db import open_store

    rows = []
    for label, limit, target in (
        ("1000 个项目 → xlsx（汇总 + 100 张自评表，含读库与审核）", 100, "< 5 s"),
        ("1000 个项目 → xlsx（汇总 + 1000 张自评表）", None, "—"),
    ):
        start = time.perf_counter()
        store = open_store(db)
        projects = repo.load_projects(store, ids[1:1001])
        store.close()
        findings = {p.id: run_checks(p, []) for p in projects}
        write_workbook(projects, tmp / "many.xlsx", findings, sheets_limit=limit)
        rows.append((label, f"{time.perf_counter() - start:.1f} s", target))
    return rows


def peak_memory(db: Path, big_id: int) -> Row:
    """Peak RSS of a GUI process with the 10 000-project DB open and a 500-row project shown."""
    code = (
        "import os,sys;os.environ['QT_QPA_PLATFORM']='offscreen';"
        f"sys.path.insert(0,{str(ROOT)!r});import desktop.ui;"
        "from PySide6.QtWidgets import QApplication;app=QApplication([]);"
        "from desktop.store.db import open_store;from desktop.ui.main_window import MainWindow;"
        f"w=MainWindow(open_store({str(db)!r}));w.show();app.processEvents();"
        f"w.select_project({big_id});app.processEvents();import time;t=time.time()+3\n"
        "while time.time()<t: app.processEvents(); time.sleep(0.01)\n"
        # VmHWM, not ru_maxrss: the latter keeps the parent's peak across fork + exec
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    mb = int(out.stdout.strip().splitlines()[-1]) / 1024
    return ("内存峰值（GUI，10 000 个项目，显示 500 行指标）", f"{mb:.0f} MB", "< 200 MB")


def guarded(name: str, fn: Callable[[], list[Row]]) -> list[Row]:
    """Run one measurement; a missing part or a failure becomes a line, not a crash."""
    try:
        return fn()
    except Exception as exc:  # a benchmark must report, not stop
        return [(name, f"未测（{type(exc).__name__}: {exc}）", "")]


def main() -> None:
    """Build the databases, measure everything, print the table."""
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        db = tmp / "big.db"
        start = time.perf_counter()
        ids = make_db(db, 10_000, big_indicators=500)
        built = time.perf_counter() - start
        rows: list[Row] = []
        small = tmp / "small.db"
        make_db(small, 1)
        rows += guarded("CLI 启动", lambda: cli_start(small, db))
        rows += guarded("打开数据库", lambda: [open_big_db(db)])
        rows += guarded("窗口可用", lambda: window_usable(small, db))
        rows += guarded("窗口内测量", lambda: gui_inprocess(db, ids[0], ids))
        rows += guarded("PDF", lambda: pdf_rows(tmp))
        rows += guarded("xlsx", lambda: xlsx_rows(db, ids, tmp))
        rows += guarded("内存", lambda: [peak_memory(db, ids[0])])
    print(f"（建库：10 000 个项目，用时 {built:.1f} s；Python {sys.version.split()[0]}）\n")
    print("| 测量 | 本机结果 | 目标 |")
    print("|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")


if __name__ == "__main__":
    main()
