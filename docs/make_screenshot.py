"""Fill a realistic project into a fresh database and save a screenshot of the main window.

Usage: python docs/make_screenshot.py [OUT.png] [--tab N]
(offscreen by default; under ``xvfb-run`` set QT_QPA_PLATFORM=xcb to use the X server.)
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import desktop.ui  # noqa: F401  (binding workarounds first)
import docs.laptop_screen  # noqa: F401  (a 1366×768 screen before Qt loads)
from desktop.model.project import (
    Execution,
    Funds,
    FundsRow,
    Goals,
    Indicator,
    Project,
    Unit,
)


def sample_projects() -> list[Project]:
    """保安费用 and three sibling projects of a district 信访局 (shapes of the seed report)."""
    d = Decimal
    funds = Funds()
    funds.rows["total"] = FundsRow("total", d("80000.00"), d("80000.00"), d("78600.00"))
    funds.rows["fiscal"] = FundsRow("fiscal", d("80000.00"), d("80000.00"), d("78600.00"))
    unit = Unit(name="攀枝花市西区信访局", department="攀枝花市西区人民政府")
    main = Project(
        unit=unit,
        year=2023,
        name="保安费用",
        form="self_evaluation",
        signed_date=dt.date(2024, 1, 25),
        funds=funds,
        execution=Execution(d(10), None),
        goals=Goals(
            "保障本年度内两名保安人员的经费，确保信访接待场所安全有序。",
            "全年保障两名保安人员到位，接待场所未发生安全事故。",
        ),
        sections={
            "basic_info": (
                "为维护信访接待场所正常秩序，保障来访群众和工作人员人身安全，我局聘请保安人员"
                "两名，负责接待大厅的安全保卫工作。2023年预算安排8.00万元，实际执行7.86万元，"
                "预算执行率98.25%。"
            ),
            "goals": "本项目年度总体目标：保障本年度内两名保安人员的经费，确保信访安保工作质量。",
            "method": (
                "攀枝花市西区信访局成立自评工作组，收集项目相关基础资料，对照年度绩效目标逐项核实"
                "完成情况，采用比较法、因素分析法开展自评，形成本报告。"
            ),
            "conclusion": "该项目资金预期产出和效果能满足需求，综合得分99.83分，评价等级为“优”。",
            "problems": "无。",
        },
        indicators=[
            Indicator("产出指标", "数量指标", "保安人员数量", "≥2人", "2人", d(20), d(20)),
            Indicator(
                "产出指标", "质量指标", "安保工作质量", "达成年度指标", "达成年度指标", d(10), d(10)
            ),
            Indicator("产出指标", "时效指标", "保障时限", "全年", "全年", d(10), d(10)),
            Indicator("产出指标", "成本指标", "保安费用", "≤8万元", "7.86万元", d(10), d(10)),
            Indicator(
                "效益指标",
                "社会效益",
                "信访工作顺利开展",
                "达成年度指标",
                "达成年度指标",
                d(30),
                d(30),
            ),
            Indicator("满意度指标", "服务对象满意度", "群众满意度", "≥90%", "95%", d(10), d(10)),
        ],
    )
    others = [
        Project(unit=unit, year=2023, name=name, form="self_evaluation")
        for name in ("接访费用", "矛盾化解和疑难信访问题费用", "驻京驻蓉信访维稳经费")
    ]
    older = Project(unit=unit, year=2022, name="保安费用", form="self_evaluation")
    return [main, *others, older]


def main(argv: list[str]) -> int:
    """Build the window over a temp database and grab it."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.store import repo
    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window

    out = (
        Path(argv[0])
        if argv and not argv[0].startswith("--")
        else Path(__file__).with_name("screenshot.png")
    )
    tab = int(argv[argv.index("--tab") + 1]) if "--tab" in argv else None
    app = QApplication.instance() or QApplication(["jixiao"])
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "jixiao.db")
    ids = [repo.insert_project(store, p) for p in sample_projects()]
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = open_main_window(store, settings=settings)
    window.resize(1366, 740)
    window.show()
    window.select_project(ids[0])
    if tab is not None:
        window.tabs.setCurrentIndex(tab)
    else:
        window.tabs.setCurrentIndex(0)
    window.refresh_findings()
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out))
    print(out)
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
