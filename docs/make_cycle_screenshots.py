"""Screenshots of the year's cycle tabs (运行监控, 整改) over a realistic project and its copy
for the next year.

Usage: python docs/make_cycle_screenshots.py [OUT_DIR] [--suffix TEXT]
(offscreen by default; under ``xvfb-run`` set QT_QPA_PLATFORM=xcb; QT_SCALE_FACTOR=1.5 for 150 %.)
Writes cycle-monitoring{suffix}.png and cycle-rectification{suffix}.png.
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
from desktop.model.baseline import from_indicators
from desktop.model.carry_forward import next_year_copy
from desktop.model.monitoring import Monitoring, MonitoringIndicator
from desktop.model.project import Project
from desktop.model.rectification import DONE, Rectification
from docs.make_screenshot import sample_projects

D = Decimal


def year_of(project: Project) -> Project:
    """保安费用 2023 with its approved targets, its 运行监控 and two 整改 items."""
    project.baseline = from_indicators(project.indicators)
    project.sections["problems"] = "一是保安人员培训记录不够完整；二是巡逻记录未做到按日归档。"
    project.sections["suggestions"] = (
        "一是建立保安培训台账，每季度组织一次业务培训；二是指定专人每日归档巡逻记录。"
    )
    project.monitoring = Monitoring(
        executed_jan_jul=D("45850.00"),
        forecast_full_year=D("78600.00"),
        indicators=[
            MonitoringIndicator("保安人员数量", "2人", "2人", "", "确定能", ""),
            MonitoringIndicator("安保工作质量", "达成序时目标", "达成年度指标", "", "确定能", ""),
            MonitoringIndicator("保障时限", "7个月", "全年", "", "确定能", ""),
            MonitoringIndicator("保安费用", "4.59万元", "7.86万元", "", "确定能", ""),
            MonitoringIndicator(
                "群众满意度",
                "暂未开展调查",
                "≥90%",
                "人员保障",
                "有可能",
                "10月组织来访群众满意度问卷调查，增派一名工作人员负责回访",
            ),
        ],
    )
    project.rectifications = [
        Rectification(
            "保安人员培训记录不够完整",
            "建立保安培训台账，每季度组织一次业务培训",
            "张伟",
            dt.date(2024, 3, 31),
            DONE,
            dt.date(2024, 3, 20),
            2023,
        ),
        Rectification(
            "巡逻记录未做到按日归档",
            "指定专人每日归档巡逻记录",
            "李娜",
            dt.date(2024, 6, 30),
            year=2023,
        ),
    ]
    return project


def main(argv: list[str]) -> int:
    """Build the window over a temp database and grab both tabs."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.store import repo
    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window

    out = Path(argv[0]) if argv and not argv[0].startswith("--") else Path(__file__).parent
    suffix = argv[argv.index("--suffix") + 1] if "--suffix" in argv else ""
    app = QApplication.instance() or QApplication(["jixiao"])
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "jixiao.db")
    projects = sample_projects()
    first = year_of(projects[0])
    ids = [repo.insert_project(store, p) for p in projects]
    later = next_year_copy(repo.load_project(store, ids[0]))
    later_id = repo.insert_project(store, later)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = open_main_window(store, settings=settings)
    area = app.primaryScreen().availableGeometry()
    window.resize(min(1366, area.width()), min(740, area.height()))
    window.show()
    shots = (
        (ids[0], "monitoring", f"cycle-monitoring{suffix}.png"),
        (later_id, "rectification", f"cycle-rectification{suffix}.png"),
    )
    for pid, key, name in shots:
        window.select_project(pid)
        tabs = window.workspace.tabs
        tabs.setCurrentWidget(tabs.monitoring if key == "monitoring" else tabs.rectification)
        window.refresh_findings()
        for _ in range(8):
            app.processEvents()
        window.grab().save(str(out / name))
        print(out / name)
    assert first.name == later.name
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
