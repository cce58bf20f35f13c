"""The 运行监控 and 整改 tabs and 记录批复目标 in a real window over a real store."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from desktop.model.checks import Finding
from desktop.store import repo
from desktop.ui import cycle_actions, dialogs
from tests.cycle_helpers import year_project


def _open(ui_store, make_window, project=None):
    pid = repo.insert_project(ui_store, project or year_project())
    window = make_window(ui_store)
    window.select_project(pid)
    return window, pid


def _stored(ui_store, pid):
    return repo.load_project(ui_store, pid)


def test_tabs_follow_the_fixed_table(ui_store, make_window):
    window, _pid = _open(ui_store, make_window)
    tabs = window.workspace.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles[:2] == ["概况", "绩效指标"]
    assert titles[-2:] == ["运行监控", "整改"] and len(titles) > 4  # the report's headings between


def test_monitoring_rows_are_the_indicators_and_edits_are_saved(ui_store, make_window):
    window, pid = _open(ui_store, make_window)
    tab = window.workspace.tabs.monitoring
    model = tab.model
    assert model.rowCount() == 6
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4, 9)] == [
        "1-7月执行情况",
        "全年预计完成情况",
        "偏差原因分析",
        "完成目标可能性",
        "纠偏措施",
    ]
    row = 2  # 保障时限, not monitored yet
    assert model.data(model.index(row, 2)) == "保障时限"
    assert model.setData(model.index(row, model.column_of("likelihood")), "有可能")
    assert model.setData(model.index(row, model.column_of("deviation_cause")), "硬件条件保障")
    assert window.session.flush()
    stored = {m.level3: m for m in _stored(ui_store, pid).monitoring.indicators}
    assert (stored["保障时限"].likelihood, stored["保障时限"].deviation_cause) == (
        "有可能",
        "硬件条件",
    )
    window.session.refresh_findings()
    assert "W-MONITOR-NO-CORRECTION" in [f.code for f in window.session.findings]
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert window.session.flush()
    assert "保障时限" not in {m.level3 for m in _stored(ui_store, pid).monitoring.indicators}


def test_a_value_outside_the_choices_is_refused(ui_store, make_window):
    window, _pid = _open(ui_store, make_window)
    model = window.workspace.tabs.monitoring.model
    said: list[str] = []
    window.session.message.connect(said.append)
    assert not model.setData(model.index(0, model.column_of("likelihood")), "大概能")
    assert said and "大概能" in said[-1]
    assert model.data(model.index(0, model.column_of("likelihood"))) == "确定能"


def test_monitoring_amounts_are_checked_and_saved(ui_store, make_window):
    window, pid = _open(ui_store, make_window)
    tab = window.workspace.tabs.monitoring
    edit = tab.amount_edits["executed_jan_jul"]
    edit.setText("2千")
    edit.editingFinished.emit()
    assert "background" in edit.styleSheet()  # refused, shown red
    edit.setText("2万")  # staff think in 万元: understood as 20,000.00
    edit.editingFinished.emit()
    assert "background" not in edit.styleSheet()
    assert "明显滞后" in tab.rate_label.text()  # 25 % against 58.33 %
    assert window.session.flush()
    assert _stored(ui_store, pid).monitoring.executed_jan_jul == Decimal("20000.00")
    window.session.undo_stack.undo()
    assert tab.amount_edits["executed_jan_jul"].text() == "48,000.00"


def test_generate_rectifications_from_the_problems_text(ui_store, make_window):
    project = year_project()
    project.rectifications = []
    project.sections["problems"] = "一是巡逻记录不完整；二是培训台账缺失。"
    project.sections["suggestions"] = "一是每日归档巡逻记录；二是建立培训台账。"
    window, pid = _open(ui_store, make_window, project)
    tab = window.workspace.tabs.rectification
    assert tab.generate() == 2
    assert tab.generate() == 0  # never twice
    assert window.session.flush()
    items = _stored(ui_store, pid).rectifications
    assert [(i.problem, i.measure, i.status, i.year) for i in items] == [
        ("巡逻记录不完整", "每日归档巡逻记录", "open", 2023),
        ("培训台账缺失", "建立培训台账", "open", 2023),
    ]
    assert items[0].deadline == dt.date.today() + dt.timedelta(days=60)
    window.session.undo_stack.undo()
    assert tab.model.rowCount() == 0


def test_mark_done_sets_the_date_and_undo_reopens(ui_store, make_window):
    window, pid = _open(ui_store, make_window)
    tab = window.workspace.tabs.rectification
    tab.table.setCurrentIndex(tab.model.index(1, 0))
    tab.mark_done()
    assert window.session.flush()
    item = _stored(ui_store, pid).rectifications[1]
    assert item.status == "done" and item.done_date == dt.date.today()
    window.session.undo_stack.undo()
    assert window.session.flush()
    item = _stored(ui_store, pid).rectifications[1]
    assert item.status == "open" and item.done_date is None


def test_a_bad_deadline_is_refused(ui_store, make_window):
    window, _pid = _open(ui_store, make_window)
    model = window.workspace.tabs.rectification.model
    assert not model.setData(model.index(1, model.column_of("deadline")), "六月底")
    assert model.setData(model.index(1, model.column_of("deadline")), "2030年6月30日")
    assert model.data(model.index(1, model.column_of("deadline"))) == "2030-06-30"


def test_record_baseline_then_a_changed_target_is_found(ui_store, make_window, monkeypatch):
    project = year_project()
    project.baseline = []
    window, pid = _open(ui_store, make_window, project)
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    assert cycle_actions.record_baseline(window.workspace)
    assert window.session.flush()
    assert len(_stored(ui_store, pid).baseline) == 6
    loaded = window.session.project
    loaded.indicators[0].target = "≥1人"
    window.session.indicators_edited()
    window.session.refresh_findings()
    (finding,) = [f for f in window.session.findings if f.code == "E-BASELINE-CHANGED"]
    assert "≥1人" in finding.message and "≥2人" in finding.message
    monkeypatch.setattr(cycle_actions, "choose", lambda *_a: cycle_actions.CLEAR)
    assert cycle_actions.record_baseline(window.workspace)
    window.session.refresh_findings()
    assert not [f for f in window.session.findings if f.code.startswith("E-BASELINE")]
    window.session.undo_stack.undo()  # the clearing
    assert window.session.flush()
    assert len(_stored(ui_store, pid).baseline) == 6


def test_a_finding_jumps_to_the_rectification_cell(ui_store, make_window):
    window, _pid = _open(ui_store, make_window)
    finding = Finding("警告", "W-RECT-OVERDUE", "…", {"rectification": 1, "column": "status"})
    window.jump_to(finding)
    tabs = window.workspace.tabs
    assert tabs.currentWidget() is tabs.rectification
    index = tabs.rectification.table.currentIndex()
    assert (index.row(), index.column()) == (1, tabs.rectification.model.column_of("status"))


def test_a_final_project_cannot_be_edited_in_the_new_tabs(ui_store, make_window):
    project = year_project()
    project.status = "final"
    window, _pid = _open(ui_store, make_window, project)
    tabs = window.workspace.tabs
    index = tabs.monitoring.model.index(0, tabs.monitoring.model.column_of("correction"))
    assert not tabs.monitoring.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not tabs.rectification.add_button.isEnabled()
    assert not window.action.record_baseline.isEnabled()
