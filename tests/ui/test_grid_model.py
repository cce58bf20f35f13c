"""The grid's table model: rows, totals, tints, findings, read-only; run through the model tester."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, qInstallMessageHandler
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QAbstractItemModelTester

from desktop.model.checks import ERROR, Finding, run_checks
from desktop.model.forms import load_form
from desktop.model.project import Indicator
from desktop.ui.grid import IndicatorGrid
from desktop.ui.grid.columns import HEADERS, Column, Role, RowKind
from desktop.ui.grid.display import TINTS
from tests.ui.grid_helpers import row_texts, snapshot, totals


@pytest.fixture
def form():
    return load_form("self_evaluation")


@pytest.fixture
def grid(qtbot, sample_project, form):
    stack = QUndoStack()
    widget = IndicatorGrid(stack)
    qtbot.addWidget(widget)
    widget.set_project(sample_project, form)
    widget.stack_ref = stack  # keep the stack alive as long as the widget
    return widget


def test_headers_are_the_official_words(grid):
    model = grid.model()
    shown = grid.view.visible_columns()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in shown]
    assert headers == [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "建议得分",
        "偏差原因分析及改进措施",
    ]
    every = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert every == list(HEADERS.values())
    assert every[-2:] == ["指标性质", "度量单位"]  # hidden until a project uses them


def test_rows_execution_first_totals_last(grid, sample_project):
    model = grid.model()
    assert model.rowCount() == len(sample_project.indicators) + 2
    first = row_texts(model, 0)
    assert first[Column.LEVEL1] == "预算执行率"
    assert first[Column.WEIGHT] == "10"
    assert first[Column.SCORE] == ""  # nothing entered: the computed score counts
    assert first[Column.SUGGESTED] == "10"
    assert first[Column.ACTUAL] == "执行率100.00%"
    assert model.index(0, 0).data(Role.ROW_KIND) == RowKind.EXECUTION
    assert row_texts(model, 1)[: Column.SUGGESTED + 1] == [
        "产出指标",
        "数量指标",
        "保安人员数量",
        "≥2人",
        "2人",
        "20",
        "20",
        "20",
    ]
    assert totals(model) == {
        "weight": "100",
        "score": "100",
        "suggested": "90",
        "grade": "评价等级：优（按建议得分：优）",
    }
    assert model.index(model.total_row(), 0).data(Role.ROW_KIND) == RowKind.TOTAL


def test_target_tooltip_shows_how_it_was_understood(grid):
    model = grid.model()
    index = model.index(1, Column.TARGET)
    assert index.data(Role.UNDERSTOOD) == "≥ 2 人"
    assert "理解为：≥ 2 人" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "≤ 8 万元" in model.index(4, Column.TARGET).data(Qt.ItemDataRole.ToolTipRole)


def test_only_indicator_cells_and_execution_points_are_editable(grid):
    model = grid.model()
    editable = Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(1, Column.LEVEL3)) & editable
    assert not model.flags(model.index(1, Column.SUGGESTED)) & editable
    assert model.flags(model.index(0, Column.WEIGHT)) & editable
    assert model.flags(model.index(0, Column.SCORE)) & editable
    assert not model.flags(model.index(0, Column.LEVEL1)) & editable
    assert not model.flags(model.index(model.total_row(), Column.SCORE)) & editable


def test_totals_and_grade_follow_edits(grid, sample_project):
    model = grid.model()
    assert model.setData(model.index(5, Column.SCORE), "20")  # 社会效益 30 → 20
    assert totals(model)["score"] == "90"
    assert "优" in totals(model)["grade"]
    assert model.setData(model.index(1, Column.SCORE), "12")  # 20 → 12
    assert totals(model)["score"] == "82"
    assert totals(model)["grade"].startswith("评价等级：良")
    assert model.setData(model.index(0, Column.SCORE), "0")  # execution line
    assert totals(model)["score"] == "72"
    assert totals(model)["grade"].startswith("评价等级：中")
    assert sample_project.execution.score == Decimal("0")
    assert model.setData(model.index(1, Column.WEIGHT), "25")
    assert totals(model)["weight"] == "105"
    issues = model.index(model.total_row(), Column.WEIGHT).data(Role.ISSUES)
    assert issues == ["分值合计为105分（含预算执行率10分），应为100分"]  # the 审核's W-WEIGHTS-SUM


def test_invalid_points_are_refused_with_a_message(grid, qtbot):
    model = grid.model()
    with qtbot.waitSignal(grid.message) as blocker:
        assert not model.setData(model.index(1, Column.WEIGHT), "二十")
    assert "不是有效分数" in blocker.args[0]
    assert "第1行分值" in blocker.args[0]
    assert grid.undo_stack.count() == 0


def test_clearing_execution_weight_restores_the_default(grid, sample_project):
    model = grid.model()
    assert model.setData(model.index(0, Column.WEIGHT), "15")
    assert sample_project.execution.weight == Decimal("15")
    assert model.setData(model.index(0, Column.WEIGHT), "")
    assert sample_project.execution.weight == Decimal("10")


def test_row_findings_as_the_audit_words_them(grid, sample_project, form):
    """A row's cells show the 审核's own findings (desktop.model.checks.rows) while it is edited."""
    sample_project.indicators.append(
        Indicator("产出指标", "数量指标", "接访人次", "全年", "300人次", Decimal(5), Decimal(6))
    )
    sample_project.indicators.append(
        Indicator("产出指标", "成本指标", "印刷费", "≤2万元", "3个", Decimal(5), None)
    )
    sample_project.indicators.append(Indicator("效益指标", "质量指标", "无目标", "", "", None))
    grid.set_project(sample_project, form)
    model = grid.model()
    row = model.model_row(6)
    assert model.index(row, Column.TARGET).data(Role.ISSUES) == [
        "“数量指标”应为定量指标，但指标“接访人次”的指标值“全年”不是数值"
    ]
    assert model.index(row, Column.SCORE).data(Role.ISSUES) == ["指标“接访人次”得分6超过分值5"]
    background = model.index(row, Column.SCORE).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color() == TINTS[ERROR]
    unit_issue = model.index(row + 1, Column.ACTUAL).data(Role.ISSUES)
    assert unit_issue == ["指标“印刷费”实际完成值的单位“个”与年度指标值的单位“万元”不一致"]
    assert model.index(row + 2, Column.TARGET).data(Role.ISSUES) == ["指标“无目标”未填写指标值"]
    assert model.index(row + 2, Column.WEIGHT).data(Role.ISSUES) == ["指标“无目标”未填写分值"]
    assert "不是“效益指标”下的二级指标" in model.index(row + 2, Column.LEVEL2).data(Role.ISSUES)[0]
    # A clean cell has no tint.
    assert model.index(1, Column.TARGET).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_cell_shows_each_problem_once(grid, sample_project, form):
    """The grid and the 审核 panel share their checks: with the audit's findings set, a cell's
    tooltip still names score > weight once (it used to show the grid's and the audit's)."""
    sample_project.indicators.append(
        Indicator("产出指标", "数量指标", "接访人次", "全年", "300人次", Decimal(5), Decimal(6))
    )
    grid.set_project(sample_project, form)
    model = grid.model()
    findings = run_checks(sample_project, [])
    assert any(f.code == "E-SCORE-OVER-WEIGHT" for f in findings)
    grid.set_findings(findings)
    row = model.model_row(len(sample_project.indicators) - 1)
    tip = model.index(row, Column.SCORE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.count("超过分值") == 1
    assert model.index(row, Column.TARGET).data(Qt.ItemDataRole.ToolTipRole).count("定量") == 1
    # After an edit the cell follows at once, before the next 审核.
    assert model.setData(model.index(row, Column.SCORE), "4")
    assert model.index(row, Column.SCORE).data(Role.ISSUES) == []


def test_findings_tint_cells_with_their_message(grid, sample_project):
    model = grid.model()
    assert model.setData(model.index(2, Column.SCORE), "12")  # weight 10
    findings = run_checks(sample_project, [])
    grid.set_findings(findings)
    index = model.index(2, Column.SCORE)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == TINTS[ERROR]
    assert "得分12超过分值10" in index.data(Qt.ItemDataRole.ToolTipRole)
    grid.set_findings([Finding(ERROR, "X", "执行率得分有误", {"execution": "score"})])
    assert model.index(0, Column.SCORE).data(Qt.ItemDataRole.BackgroundRole).color() == TINTS[ERROR]
    # Without the audit's finding the cell keeps its own (live) finding for score > weight.
    assert model.index(2, Column.SCORE).data(Qt.ItemDataRole.BackgroundRole).color() == TINTS[ERROR]
    # Locations outside the table are ignored.
    grid.set_findings([Finding(ERROR, "X", "越界", {"indicator": 99, "column": "score"})])


def test_read_only_refuses_edits(grid, sample_project):
    before = snapshot(sample_project)
    grid.set_read_only(True)
    model = grid.model()
    assert not model.flags(model.index(1, Column.LEVEL3)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(1, Column.LEVEL3), "改")
    grid.paste_text("a\tb\n")
    grid.view.go_to(1, 0)
    grid.move_down()
    grid.insert_below()
    assert snapshot(sample_project) == before
    assert not grid.act_paste.isEnabled()
    grid.set_read_only(False)
    assert model.setData(model.index(1, Column.LEVEL3), "改")


def test_focus_cell_jumps_to_the_finding(grid):
    grid.focus_cell(3, "target")
    current = grid.view.currentIndex()
    assert (current.row(), current.column()) == (4, Column.TARGET)
    grid.focus_cell(-1, "score")
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (0, Column.SCORE)


def test_no_project_shows_nothing(qtbot):
    grid = IndicatorGrid(QUndoStack())
    qtbot.addWidget(grid)
    assert grid.model().rowCount() == 0
    grid.set_project(None, None)
    grid.paste_text("a\tb")
    assert grid.model().rowCount() == 0


def test_model_tester_through_edits_and_structure_changes(grid, sample_project):
    model = grid.model()
    complaints: list[str] = []
    previous = qInstallMessageHandler(lambda mode, context, text: complaints.append(text))
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    assert model.setData(model.index(1, Column.LEVEL3), "保安人数")
    grid.view.go_to(2, 0)
    grid.insert_above()
    grid.view.go_to(3, 0)
    grid.move_down()
    grid.move_up()
    grid.view.go_to(model.total_row(), 0)
    grid.paste_text("产出指标\t数量指标\t新指标\t≥1个\t1个\t5\t5\n")
    grid.view.go_to(1, 0)
    grid.remove_selected_rows()
    for _ in range(grid.undo_stack.count()):
        grid.undo_stack.undo()
    for _ in range(grid.undo_stack.count()):
        grid.undo_stack.redo()
    grid.set_findings(run_checks(sample_project, []))
    del tester
    qInstallMessageHandler(previous)
    assert [c for c in complaints if "FAIL" in c] == []
    assert model.rowCount() == len(sample_project.indicators) + 2


def test_many_signals_do_not_exhaust_bool_references(grid):
    """PySide6 on CPython 3.11 drops a reference to True on every emit (qt_compat guards it)."""
    model = grid.model()
    for _ in range(5000):
        model.changed.emit()
    for k in range(300):
        model.setData(model.index(1 + k % 6, Column.DEVIATION), f"说明{k}")
    assert sys.getrefcount(True) > 10_000


def test_commands_of_a_previous_project_never_touch_the_next(grid, sample_project, form):
    import copy

    model = grid.model()
    model.setData(model.index(1, Column.LEVEL3), "旧项目的修改")
    other = copy.deepcopy(sample_project)
    before = snapshot(other)
    grid.set_project(other, form)
    grid.undo_stack.undo()  # the window normally clears its stack; if not, nothing happens
    assert snapshot(other) == before
    assert grid.undo_stack.count() == 0  # the stale command was dropped as obsolete


def test_focus_location_and_header_tips(grid, sample_project):
    model = grid.model()
    grid.focus_location({"execution": "weight"})
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (0, Column.WEIGHT)
    grid.focus_location({"indicator": 2, "column": "actual"})
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (3, Column.ACTUAL)
    tip = model.headerData(Column.SUGGESTED, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "财预〔2020〕10号" in tip
    model.setData(model.index(1, Column.DEVIATION), "人员到岗时间晚于计划一个月，下年提前招聘")
    tooltip = model.index(1, Column.DEVIATION).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "人员到岗时间晚于计划一个月，下年提前招聘"


def test_refresh_follows_funds_edited_elsewhere(grid, sample_project):
    from desktop.model.project import FundsRow

    sample_project.funds.rows["total"] = FundsRow(
        "total", Decimal(80000), Decimal(80000), Decimal(40000)
    )
    grid.refresh()
    model = grid.model()
    assert model.index(0, Column.SUGGESTED).data() == "5"
    assert model.index(0, Column.ACTUAL).data() == "执行率50.00%"
    assert grid.totals_label.text().startswith("分值合计 100　得分 95")


def test_summary_matches_a_full_rescore(grid, sample_project, form):
    from desktop.model.scoring import summarise

    model = grid.model()
    model.setData(model.index(1, Column.ACTUAL), "1人")
    model.setData(model.index(3, Column.SCORE), "")
    grid.view.go_to(2, 0)
    grid.remove_selected_rows()
    assert grid.summary() == summarise(sample_project, form)
