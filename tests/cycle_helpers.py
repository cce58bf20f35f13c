"""A project with its whole year: approved targets, a mid-year 运行监控 and 整改 items."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.model.baseline import from_indicators
from desktop.model.monitoring import Monitoring, MonitoringIndicator
from desktop.model.project import Project
from desktop.model.rectification import DONE, Rectification
from tests.model.checks_helpers import clean_project

D = Decimal


def year_project() -> Project:
    """The clean 保安费用 project with its baseline, monitoring and two 整改 items."""
    project = clean_project()
    project.baseline = from_indicators(project.indicators)
    project.monitoring = Monitoring(
        executed_jan_jul=D("48000.00"),
        forecast_full_year=D("80000.00"),
        indicators=[
            MonitoringIndicator("保安人员数量", "2人", "2人", "", "确定能", ""),
            MonitoringIndicator(
                "群众满意度", "调查未开展", "85%", "人员保障", "有可能", "四季度开展满意度回访"
            ),
        ],
    )
    project.rectifications = [
        Rectification(
            "保安人员培训记录不全",
            "建立培训台账，每季度培训一次",
            "张三",
            dt.date(2024, 3, 31),
            DONE,
            dt.date(2024, 3, 20),
        ),
        Rectification(
            "巡逻记录未按日归档", "指定专人每日归档巡逻记录", "李四", dt.date(2024, 6, 30)
        ),
    ]
    return project
