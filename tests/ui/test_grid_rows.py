"""Rows: insert, remove, move (keyboard and menu), templates, undo to the exact list, persistence."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from desktop.model.forms import load_form
from desktop.store import repo
from desktop.store.db import open_store
from desktop.ui.grid import IndicatorGrid
from desktop.ui.grid.columns import Column
from desktop.ui.grid.templates import fill, starter_set, typical_groups
from tests.ui.grid_helpers import snapshot, totals

NAMES = ["保安人员数量", "安保工作质量", "保障时限", "保安费用", "信访工作顺利开展", "群众满意度"]


@pytest.fixture
def grid(qtbot, sample_project):
    stack = QUndoStack()
    widget = IndicatorGrid(stack)
    widget.stack_ref = stack
    qtbot.addWidget(widget)
    widget.resize(1100, 400)
    widget.set_project(sample_project, load_form("self_evaluation"))
    return widget


def names(project) -> list[str]:
    return [i.level3 for i in project.indicators]


def select_rows(grid, rows: list[int], column: int = Column.LEVEL3) -> None:
    view, model = grid.view, grid.model()
    view.go_to(rows[0], column)
    selection = view.selectionModel()
    for row in rows[1:]:
        selection.select(model.index(row, column), selection.SelectionFlag.Select)


def test_insert_above_and_below_carry_the_category(grid, sample_project):
    grid.view.go_to(2, Column.TARGET)
    grid.insert_above()
    assert names(sample_project)[1] == ""
    assert sample_project.indicators[1].level1 == "产出指标"
    assert sample_project.indicators[1].level2 == "质量指标"
    current = grid.view.currentIndex()
    assert (current.row(), current.column()) == (2, Column.LEVEL3)
    grid.view.go_to(6, 0)
    grid.insert_below()
    assert sample_project.indicators[6].level2 == "社会效益"
    assert len(sample_project.indicators) == 8
    grid.undo_stack.undo()
    grid.undo_stack.undo()
    assert names(sample_project) == NAMES


def test_remove_several_rows_and_undo_restores_positions(grid, sample_project):
    before = snapshot(sample_project)
    select_rows(grid, [2, 4, 5])
    grid.remove_selected_rows()
    assert names(sample_project) == ["保安人员数量", "保障时限", "群众满意度"]
    assert totals(grid.model())["weight"] == "50"
    assert grid.undo_stack.count() == 1
    grid.undo_stack.undo()
    assert snapshot(sample_project) == before
    assert totals(grid.model())["weight"] == "100"


def test_execution_and_total_rows_are_never_removed(grid, sample_project):
    select_rows(grid, [0, grid.model().total_row()])
    grid.remove_selected_rows()
    assert names(sample_project) == NAMES
    assert grid.undo_stack.count() == 0


def test_move_rows_with_the_keyboard(grid, sample_project, qtbot):
    grid.show()
    qtbot.waitExposed(grid)
    grid.view.setFocus()
    select_rows(grid, [2, 3])
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(grid.view, Qt.Key.Key_Down, ctrl_shift)
    assert names(sample_project) == [
        "保安人员数量",
        "保安费用",
        "安保工作质量",
        "保障时限",
        "信访工作顺利开展",
        "群众满意度",
    ]
    # The moved rows stay selected, so the next press moves them again.
    assert grid.view.selected_rows() == [3, 4]
    qtbot.keyClick(grid.view, Qt.Key.Key_Up, ctrl_shift)
    qtbot.keyClick(grid.view, Qt.Key.Key_Up, ctrl_shift)
    assert names(sample_project)[:3] == ["安保工作质量", "保障时限", "保安人员数量"]
    # At the top edge nothing moves and nothing is pushed.
    count = grid.undo_stack.count()
    qtbot.keyClick(grid.view, Qt.Key.Key_Up, ctrl_shift)
    assert grid.undo_stack.count() == count
    while grid.undo_stack.canUndo():
        grid.undo_stack.undo()
    assert names(sample_project) == NAMES


def test_context_menu_offers_the_row_actions(grid):
    texts = [a.text() for a in grid.view.actions() if not a.isSeparator()]
    for wanted in (
        "上方插入行",
        "下方插入行",
        "删除行",
        "上移",
        "下移",
        "采用建议得分",
        "复制",
        "粘贴",
    ):
        assert wanted in texts
    assert grid.act_move_up.shortcut().toString() == "Ctrl+Shift+Up"


def test_undo_redo_restores_the_exact_list_through_a_session(grid, sample_project):
    model = grid.model()
    states = [snapshot(sample_project)]
    model.setData(model.index(1, Column.WEIGHT), "15")
    states.append(snapshot(sample_project))
    select_rows(grid, [3])
    grid.move_up()
    states.append(snapshot(sample_project))
    grid.insert_typical("产出指标", "成本指标")
    states.append(snapshot(sample_project))
    grid.view.go_to(model.total_row(), 0)
    grid.paste_text(
        "效益指标\t可持续影响\t制度建设\t长期\t长期\t5\t5\n\t\t台账规范\t规范\t规范\t5\t4\n"
    )
    states.append(snapshot(sample_project))
    select_rows(grid, [1, 2])
    grid.remove_selected_rows()
    states.append(snapshot(sample_project))
    select_rows(grid, [1, 2, 3], Column.SCORE)
    grid.clear_selection()
    states.append(snapshot(sample_project))
    select_rows(grid, [1, 2, 3])
    grid.accept_suggestions()
    states.append(snapshot(sample_project))
    assert grid.undo_stack.count() == len(states) - 1
    assert len(set(map(tuple, states))) == len(states)  # every step changed something
    for expected in reversed(states[:-1]):
        grid.undo_stack.undo()
        assert snapshot(sample_project) == expected
        assert model.rowCount() == len(expected) - 1 + 2
    for expected in states[1:]:
        grid.undo_stack.redo()
        assert snapshot(sample_project) == expected


def test_insert_typical_indicators_from_the_form(grid, sample_project):
    form = load_form("self_evaluation")
    groups = {(g.level1, g.level2): g for g in typical_groups(form)}
    assert ("产出指标", "成本指标") in groups  # data from forms/self_evaluation.toml
    grid.view.go_to(4, 0)
    grid.insert_typical("产出指标", "成本指标")
    added = sample_project.indicators[4]
    assert (added.level1, added.level2, added.level3) == ("产出指标", "成本指标", "项目总成本")
    assert added.target == "≤8.00万元"  # {budget_wan} filled from the funds
    assert grid.undo_stack.count() == 1
    grid.template_menu.aboutToShow.emit()
    titles = [a.text() for a in grid.template_menu.actions()]
    assert "每个二级指标各插入一项" in titles
    assert "数量指标" in titles and "服务对象满意度" in titles
    quantity = next(a for a in grid.template_menu.actions() if a.text() == "数量指标").menu()
    labels = [a.text() for a in quantity.actions() if not a.isSeparator()]
    assert labels == ["保障人员数量（≥2人）", "完成工作任务数（≥12次）", "全部插入"]
    grid.view.go_to(1, 0)
    quantity.actions()[1].trigger()
    assert sample_project.indicators[1].level3 == "完成工作任务数"
    assert sample_project.indicators[1].target == "≥12次"


def test_starter_set_for_a_blank_project(grid, sample_project, qtbot):
    form = load_form("self_evaluation")
    sample_project.indicators.clear()
    grid.set_project(sample_project, form)
    with qtbot.waitSignal(grid.changed):
        grid.insert_starter_set()
    assert len(sample_project.indicators) == len(starter_set(form, sample_project))
    assert sample_project.indicators[0].level2 == "数量指标"
    assert grid.model().rowCount() == len(sample_project.indicators) + 2


def test_fill_leaves_unknown_placeholders_empty():
    assert fill("≤{budget_wan}万元", {"budget_wan": "3.00"}) == "≤3.00万元"
    assert fill("≤{budget_wan}万元", {"budget_wan": ""}) == ""
    assert fill("全年", {}) == "全年"


def test_reordered_rows_persist_in_the_database(qtbot, sample_project, tmp_path):
    db = tmp_path / "grid.db"
    store = open_store(db)
    project_id = repo.insert_project(store, sample_project)
    project = repo.load_project(store, project_id)
    stack = QUndoStack()
    grid = IndicatorGrid(stack)
    qtbot.addWidget(grid)
    grid.set_project(project, load_form(project.form))
    grid.changed.connect(lambda: repo.save_project(store, project))  # as the main window does
    select_rows(grid, [1])
    grid.move_down()
    grid.move_down()
    grid.model().setData(grid.model().index(3, Column.SCORE), "18")
    store.close()
    reopened = open_store(db)
    try:
        saved = repo.load_project(reopened, project_id)
    finally:
        reopened.close()
    assert names(saved) == ["安保工作质量", "保障时限", "保安人员数量", *NAMES[3:]]
    assert saved.indicators[2].score == Decimal("18.00")
    assert names(saved) == names(project)


def test_one_command_emits_changed_once(grid, sample_project):
    emitted: list[int] = []
    grid.changed.connect(lambda: emitted.append(1))
    select_rows(grid, [1, 2, 3, 4, 5])
    grid.remove_selected_rows()
    assert len(emitted) == 1
    grid.undo_stack.undo()  # re-inserts five rows one by one
    assert len(emitted) == 2
    assert names(sample_project) == NAMES
    assert totals(grid.model())["weight"] == "100"
    assert [grid.model().headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["", "1", "2"]
