"""审核 of the 运行监控 and of 整改 items (each check with a failing and a passing example)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.model.monitoring import MonitoringIndicator, behind_threshold, time_progress
from desktop.model.rectification import Rectification
from tests.cycle_helpers import year_project
from tests.model.checks_helpers import run

D = Decimal


def test_year_project_passes_every_cycle_check():
    project = year_project()
    for code in ("W-MONITOR-NO-CORRECTION", "W-MONITOR-BEHIND", "I-MONITOR-UNKNOWN"):
        assert run(code, project) == [], code
    today = dt.date.today()
    for item in project.rectifications:
        item.deadline = today + dt.timedelta(days=30)
    assert run("W-RECT-OVERDUE", project) == []


def test_judged_shortfall_without_correction_is_found():
    project = year_project()
    project.monitoring.indicators[1].correction = ""
    (finding,) = run("W-MONITOR-NO-CORRECTION", project)
    assert finding.severity == "警告"
    assert "群众满意度" in finding.message and "有可能" in finding.message
    assert "纠偏措施" in finding.message
    assert finding.location == {"monitoring": 1, "column": "correction"}


def test_forecast_below_target_counts_as_a_shortfall_even_when_judged_sure():
    project = year_project()
    project.monitoring.indicators[0] = MonitoringIndicator(
        "保安人员数量", "1人", "1人", "", "确定能", ""
    )
    codes = [f.code for f in run("W-MONITOR-NO-CORRECTION", project)]
    assert codes == ["W-MONITOR-NO-CORRECTION", "I-MONITOR-NO-CAUSE"]


def test_reverse_target_forecast_over_the_cap_is_a_shortfall():
    project = year_project()  # 保安费用 ≤8万元
    project.monitoring.indicators.append(
        MonitoringIndicator("保安费用", "5万元", "9万元", "经费保障", "", "")
    )
    (finding,) = run("W-MONITOR-NO-CORRECTION", project)
    assert "保安费用" in finding.message and "9万元" in finding.message


def test_forecast_meeting_target_is_not_a_shortfall():
    project = year_project()
    project.monitoring.indicators.append(
        MonitoringIndicator("保安费用", "5万元", "8万元", "", "", "")
    )
    assert run("W-MONITOR-NO-CORRECTION", project) == []


def test_execution_far_behind_time_is_found():
    project = year_project()  # budget 80000
    project.monitoring.executed_jan_jul = D("20000.00")  # 25 %
    (finding,) = run("W-MONITOR-BEHIND", project)
    assert "1-7月执行数2.00万元" in finding.message
    assert "25.00%" in finding.message and "58.33%" in finding.message


def test_execution_near_time_progress_passes():
    project = year_project()
    threshold = behind_threshold()
    assert time_progress() == D("0.5833") and threshold == D("0.3833")
    project.monitoring.executed_jan_jul = D("80000") * threshold
    assert run("W-MONITOR-BEHIND", project) == []
    project.monitoring.executed_jan_jul = None
    assert run("W-MONITOR-BEHIND", project) == []


def test_monitored_indicator_not_in_the_table_is_named():
    project = year_project()
    project.monitoring.indicators[0].level3 = "保安人数"
    (finding,) = run("I-MONITOR-UNKNOWN", project)
    assert "保安人数" in finding.message


def test_open_item_past_deadline_is_named_with_its_year():
    project = year_project()
    project.year = 2024
    project.rectifications = [
        Rectification("巡逻记录未按日归档", "专人归档", "李四", dt.date(2024, 6, 30), year=2023)
    ]
    (finding,) = run("W-RECT-OVERDUE", project)
    assert finding.severity == "警告"
    assert "2023年提出的整改事项“巡逻记录未按日归档”" in finding.message
    assert "2024年6月30日" in finding.message and "李四" in finding.message


def test_done_item_past_deadline_is_not_named():
    project = year_project()
    item = project.rectifications[0]
    assert not item.is_open and item.deadline is not None and item.deadline < dt.date.today()
    assert [f for f in run("W-RECT-OVERDUE", project) if "培训" in f.message] == []


def test_open_item_without_deadline_or_measure_is_a_hint():
    project = year_project()
    project.rectifications = [Rectification("资料归档不及时")]
    codes = sorted(f.code for f in run("W-RECT-OVERDUE", project))
    assert codes == ["I-RECT-NO-DEADLINE", "I-RECT-NO-MEASURE"]
