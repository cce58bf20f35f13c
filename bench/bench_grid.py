"""Indicator grid benchmark: a 500-indicator project, edit → new total in the totals row.

Each sample is one 得分 edit through ``model.setData`` (which pushes an undo command on the
stack, applies it, re-scores the row and the totals) until the totals row reports the new
total; a second series also repaints the visible table synchronously ("shown").
Target: < 16 ms (one frame at 60 Hz).

Run: QT_QPA_PLATFORM=offscreen python bench/bench_grid.py [edits]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

import desktop.ui  # noqa: F401  (binding workarounds first)
from desktop.model.forms import load_form
from desktop.model.project import Funds, FundsRow, Indicator, Project, Unit
from desktop.ui.grid import IndicatorGrid
from desktop.ui.grid.columns import Column

ROWS = 500
LEVELS = [
    ("产出指标", "数量指标", "≥{n}人次", "{m}人次"),
    ("产出指标", "质量指标", "=100%", "98%"),
    ("产出指标", "时效指标", "全年", "达成年度指标"),
    ("产出指标", "成本指标", "≤{n}万元", "{m}万元"),
    ("效益指标", "社会效益", "达成年度指标", "基本达成"),
    ("满意度指标", "服务对象满意度", "≥90%", "93%"),
]


def big_project() -> Project:
    """A project with ROWS indicators of every kind."""
    funds = Funds()
    funds.rows["total"] = FundsRow("total", Decimal(300000), Decimal(349000), Decimal(210400))
    indicators = []
    for i in range(ROWS):
        level1, level2, target, actual = LEVELS[i % len(LEVELS)]
        indicators.append(
            Indicator(
                level1,
                level2,
                f"指标{i + 1}",
                target.format(n=10 + i % 7),
                actual.format(m=9 + i % 5),
                Decimal("0.18"),
                None,
            )
        )
    return Project(Unit("某区信访局"), 2023, "基准项目", funds=funds, indicators=indicators)


def run(edits: int) -> None:
    """Time ``edits`` edits and print median and max in milliseconds."""
    app = QApplication.instance() or QApplication([])
    stack = QUndoStack()
    grid = IndicatorGrid(stack)
    grid.resize(1280, 720)
    project = big_project()
    grid.set_project(project, load_form("self_evaluation"))
    grid.show()
    app.processEvents()
    model = grid.model()
    total = model.index(model.total_row(), Column.SCORE)

    cpu: dict[bool, list[float]] = {False: [], True: []}

    def edit(k: int, paint: bool) -> float:
        # Shown: edit the visible rows at the bottom, next to the totals row.
        row = model.total_row() - 1 - k % 15 if paint else 1 + (k * 37) % ROWS
        value = f"{(k % 18) / 100:.2f}"
        start, start_cpu = time.perf_counter(), time.process_time()
        model.setData(model.index(row, Column.SCORE), value)
        shown = total.data()
        if paint:
            app.processEvents()  # the view repaints the changed row and the totals row
            shown = grid.totals_label.text()
        elapsed = (time.perf_counter() - start) * 1000
        cpu[paint].append((time.process_time() - start_cpu) * 1000)
        assert model.index(model.total_row(), Column.SCORE).data() in shown
        return elapsed

    for k in range(20):  # warm-up
        edit(k, False)
    cpu[False].clear()
    model_times = [edit(k, False) for k in range(edits)]
    grid.view.scrollToBottom()
    app.processEvents()
    shown_times = [edit(k + edits, True) for k in range(edits)]
    print(f"grid with {ROWS} indicators, {edits} edits each (undo stack: {stack.count()} commands)")
    for label, times, paint in (
        ("edit → total in model", model_times, False),
        ("edit → repainted", shown_times, True),
    ):
        print(
            f"{label:24s} median {statistics.median(times):6.2f} ms   "
            f"p95 {sorted(times)[int(len(times) * 0.95) - 1]:6.2f} ms   max {max(times):6.2f} ms   "
            f"(CPU median {statistics.median(cpu[paint]):5.2f} ms)"
        )
    start = time.perf_counter()
    stack.undo()
    print(f"{'undo one edit':24s} {(time.perf_counter() - start) * 1000:6.2f} ms")
    grid.close()


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
