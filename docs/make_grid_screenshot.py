"""Render docs/grid.png: the 绩效指标 grid with a realistic 保安费用 project (offscreen).

Run: python docs/make_grid_screenshot.py [out.png]
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import docs.laptop_screen  # noqa: E402, F401  (a 1366×768 screen before Qt loads)
from desktop.model.project import Project  # noqa: E402


def security_project() -> Project:
    """保安费用 of a district 信访局, shaped like the published 自评表 (with its real slips)."""
    from desktop.model.project import Execution, Funds, FundsRow, Goals, Indicator, Unit

    d = Decimal
    funds = Funds()
    funds.rows["total"] = FundsRow("total", d("80000.00"), d("80000.00"), d("78650.00"))
    funds.rows["fiscal"] = FundsRow("fiscal", d("80000.00"), d("80000.00"), d("78650.00"))
    rows = [
        ("产出指标", "数量指标", "保安人员数量", "≥2人", "2人", 10, 10, ""),
        ("产出指标", "数量指标", "保障全年保安的经费", "全年", "全年", 5, 5, ""),
        ("产出指标", "数量指标", "巡逻值班天数", "≥365天", "365天", 5, 5, ""),
        ("产出指标", "质量指标", "安保工作质量", "达成年度指标", "达成年度指标", 10, 10, ""),
        ("产出指标", "质量指标", "消防器材配备率", "=100%", "100%", 5, 5, ""),
        ("产出指标", "时效指标", "保安费用按月支付", "=100%", "12个月", 5, 5, ""),
        ("产出指标", "成本指标", "保安费用", "≤8万元", "7.87万元", 10, 10, ""),
        (
            "效益指标",
            "社会效益",
            "信访工作顺利开展",
            "达成年度指标",
            "基本达成",
            15,
            12,
            "个别时段来访集中，下年增加高峰期值守",
        ),
        ("效益指标", "社会效益", "信访场所安全事故", "=0起", "0起", 10, 10, ""),
        ("效益指标", "可持续影响", "安保长效机制", "长期", "已建立值班巡逻制度", 5, 5, ""),
        ("满意度指标", "服务对象满意度", "来访群众满意度", "≥90%", "93%", 10, 11, ""),
    ]
    return Project(
        unit=Unit(name="攀枝花市西区信访局", department="攀枝花市西区人民政府"),
        year=2023,
        name="保安费用",
        signed_date=dt.date(2024, 1, 25),
        funds=funds,
        execution=Execution(d(10), None),
        goals=Goals("保障本年度内两名保安人员的经费，确保信访安保工作质量", "全年保障到位"),
        indicators=[Indicator(a, b, c, t, v, d(w), d(s), dev) for a, b, c, t, v, w, s, dev in rows],
    )


def main(out: Path) -> None:
    """Build the grid, tint the findings, select a cell and save the PNG."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    import desktop.ui  # noqa: F401  (binding workarounds before the first widget)
    from desktop.model.checks import run_checks
    from desktop.model.forms import load_form
    from desktop.ui.grid import IndicatorGrid
    from desktop.ui.grid.columns import Column

    app = QApplication.instance() or QApplication([])
    project = security_project()
    form = load_form(project.form)
    stack = QUndoStack()
    grid = IndicatorGrid(stack)
    grid.resize(1360, 430)
    grid.set_project(project, form)
    grid.set_findings(run_checks(project, []))
    grid.show()
    grid.view.go_to(8, Column.SCORE)
    grid.status.setText("已粘贴11行，已按表头对应各列，表头无法对应的1列已忽略")
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    grid.grab().save(str(out))
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "grid.png")
