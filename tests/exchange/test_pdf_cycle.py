"""The year's cycle in the printed report: 上年整改情况 in next year's report, the monitoring
appendix; and the whole thread through the database: an open 整改 item of 2023 printed in the
2024 report and named by the 2024 审核 once its deadline has passed."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from desktop.exchange.pdf.document import render_report_pdf
from desktop.exchange.xlsx.export import write_workbook
from desktop.model.carry_forward import next_year_copy
from desktop.model.checks import run_checks
from desktop.model.forms import load_form
from desktop.model.monitoring import MonitoringIndicator
from desktop.store import repo
from tests.cycle_helpers import year_project
from tests.exchange.pdfread import page_texts
from tests.model.checks_helpers import clean_project


def _text(project) -> str:
    data = render_report_pdf(project, load_form(project.form))
    return "".join(page_texts(data)).replace(" ", "").replace("\n", "")


def test_open_item_is_printed_in_next_years_report_and_named_once_overdue(fresh_store):
    old_id = repo.insert_project(fresh_store, year_project())
    new = next_year_copy(repo.load_project(fresh_store, old_id))
    new_id = repo.insert_project(fresh_store, new)
    later = repo.load_project(fresh_store, new_id)
    (carried,) = later.rectifications
    assert (carried.problem, carried.year, carried.is_open) == ("巡逻记录未按日归档", 2023, True)

    # Before its deadline: printed as 未完成, not named by the 审核.
    carried.deadline = dt.date.today() + dt.timedelta(days=30)
    repo.save_project(fresh_store, later)
    later = repo.load_project(fresh_store, new_id)
    text = _text(later)
    assert "上年整改情况" in text
    assert "巡逻记录未按日归档" in text and "指定专人每日归档巡逻记录" in text
    assert "李四" in text and "未完成" in text and "逾期" not in text
    assert not [f for f in run_checks(later) if f.code == "W-RECT-OVERDUE"]

    # Its deadline passed: 逾期未完成 in the report, named by the 审核 with its year.
    later.rectifications[0].deadline = dt.date.today() - dt.timedelta(days=1)
    repo.save_project(fresh_store, later)
    later = repo.load_project(fresh_store, new_id)
    assert "逾期未完成" in _text(later)
    (finding,) = [f for f in run_checks(later) if f.code == "W-RECT-OVERDUE"]
    assert "2023年提出的整改事项“巡逻记录未按日归档”" in finding.message
    assert finding.location == {"rectification": 0, "column": "status"}

    # Once done it prints as done, with the date, and the 审核 is quiet.
    later.rectifications[0].status = "done"
    later.rectifications[0].done_date = dt.date(2025, 3, 1)
    assert "已完成（2025年3月1日）" in _text(later)
    assert not [f for f in run_checks(later) if f.code == "W-RECT-OVERDUE"]


def test_previous_items_follow_the_problems_section():
    project = next_year_copy(year_project())
    project.sections["problems"] = "本年度巡逻记录仍需加强。"
    project.sections["suggestions"] = "建议继续加强管理。"
    text = _text(project)
    assert text.index("本年度巡逻记录仍需加强") < text.index("上年整改情况")
    assert text.index("上年整改情况") < text.index("建议继续加强管理")


def test_a_report_without_previous_items_prints_no_such_table():
    assert "上年整改情况" not in _text(year_project())  # its items are this year's own
    assert "上年整改情况" not in _text(clean_project())


def test_monitoring_appendix_with_its_columns():
    text = _text(year_project())
    assert "2023年度绩效运行监控表" in text
    for label in ("1-7月执行数", "1-7月执行率", "全年预计执行数", "1-7月执行情况"):
        assert label in text
    for label in ("全年预计完成情况", "偏差原因分析", "完成目标可能性", "纠偏措施"):
        assert label in text
    assert "四季度开展满意度回访" in text and "人员保障" in text and "60.00%" in text
    assert "绩效运行监控表" not in _text(clean_project())


def test_a_name_monitored_twice_prints_the_entry_the_tab_and_the_sheet_show(tmp_path):
    """The PDF takes the first entry of a repeated name, as the Excel sheet and the 运行监控 tab do."""
    project = year_project()
    first, _ = project.monitoring.indicators
    project.monitoring.indicators.append(
        MonitoringIndicator(first.level3, "后来重复录入的进度", "0人", "", "完全不可能", "")
    )
    text = _text(project)
    assert "后来重复录入的进度" not in text  # a later entry of the name is not what prints
    out = tmp_path / "twice.xlsx"
    write_workbook([project], out)
    ws = load_workbook(out)["绩效运行监控表-保安费用"]
    cells = [c.value for row in ws.iter_rows() for c in row]
    assert "后来重复录入的进度" not in cells and first.done_jan_jul in cells
