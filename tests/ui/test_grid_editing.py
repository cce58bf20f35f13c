"""Editing the grid like a spreadsheet: delegates, Enter/Tab, type-to-edit, F2, Delete, undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop.model.forms import load_form
from desktop.ui.grid import IndicatorGrid
from desktop.ui.grid.columns import Column
from tests.ui.grid_helpers import snapshot, totals


@pytest.fixture
def grid(qtbot, sample_project):
    stack = QUndoStack()
    widget = IndicatorGrid(stack)
    widget.stack_ref = stack
    qtbot.addWidget(widget)
    widget.resize(1200, 420)
    widget.set_project(sample_project, load_form("self_evaluation"))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def open_editor(grid, row: int, column: int):
    """Open the delegate's editor on a cell and return it."""
    index = grid.model().index(row, column)
    grid.view.setCurrentIndex(index)
    grid.view.edit(index)
    editor = grid.view.indexWidget(index)
    assert editor is not None, "no editor opened"
    return index, editor


def test_score_through_the_points_editor(grid, sample_project, qtbot):
    _index, editor = open_editor(grid, 1, Column.SCORE)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "20"
    assert editor.validator() is not None
    editor.setText("15.5")
    with qtbot.waitSignal(grid.changed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert sample_project.indicators[0].score == Decimal("15.50")
    assert totals(grid.model())["score"] == "95.5"
    assert grid.undo_stack.count() == 1
    # Enter moved down to the next row, same column.
    current = grid.view.currentIndex()
    assert (current.row(), current.column()) == (2, Column.SCORE)


def test_points_validator_refuses_letters(grid):
    _index, editor = open_editor(grid, 1, Column.WEIGHT)
    validator = editor.validator()
    assert validator.validate("abc", 0)[0] != validator.State.Acceptable
    assert validator.validate("12.5", 0)[0] == validator.State.Acceptable
    assert validator.validate("12分", 0)[0] == validator.State.Acceptable


def test_level1_combo_offers_the_framework(grid, sample_project):
    index, editor = open_editor(grid, 1, Column.LEVEL1)
    assert isinstance(editor, QComboBox)
    items = [editor.itemText(i) for i in range(editor.count())]
    assert items == ["产出指标", "效益指标", "满意度指标", "成本指标"]
    assert editor.currentText() == "产出指标"
    editor.setCurrentIndex(items.index("效益指标"))
    grid.delegate.setModelData(editor, grid.model(), index)
    grid.view.closePersistentEditor(index)
    assert sample_project.indicators[0].level1 == "效益指标"


def test_level2_choices_depend_on_level1(grid, sample_project):
    index, editor = open_editor(grid, 5, Column.LEVEL2)  # a 效益指标 row
    items = [editor.itemText(i) for i in range(editor.count())]
    assert items == ["经济效益", "社会效益", "生态效益", "可持续影响"]
    editor.setCurrentIndex(0)
    grid.delegate.setModelData(editor, grid.model(), index)
    assert sample_project.indicators[4].level2 == "经济效益"
    _index, editor = open_editor(grid, 1, Column.LEVEL2)  # a 产出指标 row
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
    ]


def test_target_editor_is_free_text(grid, sample_project, qtbot):
    index, editor = open_editor(grid, 1, Column.TARGET)
    assert isinstance(editor, QLineEdit)
    editor.setText("不少于3人")
    grid.delegate.setModelData(editor, grid.model(), index)
    assert sample_project.indicators[0].target == "不少于3人"
    assert (
        grid.model()
        .index(1, Column.TARGET)
        .data(Qt.ItemDataRole.ToolTipRole)
        .endswith("理解为：≥ 3 人")
    )


def test_type_to_edit_and_tab_moves_right(grid, sample_project, qtbot):
    grid.view.setFocus()
    grid.view.go_to(1, Column.LEVEL3)
    qtbot.keyClicks(grid.view, "A")  # typing starts an editor with the typed text
    index = grid.model().index(1, Column.LEVEL3)
    editor = grid.view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "A"
    editor.insert("类保安员人数")  # (QTest cannot type Chinese; an IME would insert it)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert sample_project.indicators[0].level3 == "A类保安员人数"
    current = grid.view.currentIndex()
    assert (current.row(), current.column()) == (1, Column.TARGET)
    assert grid.view.indexWidget(current) is None  # Tab moves, it does not open an editor


def test_f2_edits_and_escape_cancels(grid, sample_project, qtbot):
    grid.view.setFocus()
    grid.view.go_to(2, Column.LEVEL3)
    qtbot.keyClick(grid.view, Qt.Key.Key_F2)
    editor = grid.view.indexWidget(grid.model().index(2, Column.LEVEL3))
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "安保工作质量"
    editor.setText("被丢弃")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert sample_project.indicators[1].level3 == "安保工作质量"
    assert grid.undo_stack.count() == 0


def test_enter_without_editor_moves_down(grid, qtbot):
    grid.view.setFocus()
    grid.view.go_to(1, Column.ACTUAL)
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    assert grid.view.currentIndex().row() == 2
    qtbot.keyClick(grid.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert grid.view.currentIndex().row() == 1


def test_delete_clears_the_selection_as_one_command(grid, sample_project, qtbot):
    before = snapshot(sample_project)
    view = grid.view
    view.setFocus()
    model = grid.model()
    view.go_to(1, Column.TARGET)
    selection = view.selectionModel()
    for row in (1, 2, 3):
        for column in (Column.TARGET, Column.ACTUAL, Column.SCORE, Column.SUGGESTED):
            selection.select(model.index(row, column), selection.SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [i.target for i in sample_project.indicators[:3]] == ["", "", ""]
    assert [i.score for i in sample_project.indicators[:3]] == [None, None, None]
    assert sample_project.indicators[3].target == "≤8万元"
    assert grid.undo_stack.count() == 1
    grid.undo_stack.undo()
    assert snapshot(sample_project) == before
    grid.undo_stack.redo()
    assert sample_project.indicators[2].actual == ""


def test_every_edit_is_undoable_and_emits_changed(grid, sample_project, qtbot):
    before = snapshot(sample_project)
    model = grid.model()
    with qtbot.waitSignal(grid.changed):
        model.setData(model.index(3, Column.DEVIATION), "按时完成")
    after = snapshot(sample_project)
    with qtbot.waitSignal(grid.changed):
        grid.undo_stack.undo()
    assert snapshot(sample_project) == before
    with qtbot.waitSignal(grid.changed):
        grid.undo_stack.redo()
    assert snapshot(sample_project) == after
    # Setting the same value again is not a change.
    assert not model.setData(model.index(3, Column.DEVIATION), "按时完成")
    assert grid.undo_stack.count() == 1


def test_accept_suggestions_for_selected_rows(grid, sample_project, qtbot):
    model = grid.model()
    model.setData(model.index(1, Column.SCORE), "3")
    model.setData(model.index(4, Column.SCORE), "1")
    model.setData(model.index(0, Column.SCORE), "2")
    count = grid.undo_stack.count()
    view = grid.view
    view.setFocus()
    view.go_to(0, Column.LEVEL3)
    selection = view.selectionModel()
    for row in (1, 3, 4):
        selection.select(model.index(row, Column.LEVEL3), selection.SelectionFlag.Select)
    qtbot.keyClick(
        view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert sample_project.execution.score == Decimal("10.00")
    assert sample_project.indicators[0].score == Decimal(20)
    assert sample_project.indicators[3].score == Decimal(10)
    assert sample_project.indicators[2].score == Decimal(10)  # 全年: no suggestion, untouched
    assert grid.undo_stack.count() == count + 1
    grid.undo_stack.undo()
    assert sample_project.indicators[0].score == Decimal("3.00")
    assert sample_project.execution.score == Decimal("2.00")


def test_typing_on_a_combo_cell_replaces_its_text(grid, sample_project, qtbot):
    grid.view.setFocus()
    grid.view.go_to(1, Column.LEVEL2)
    qtbot.keyClicks(grid.view, "X")
    editor = grid.view.indexWidget(grid.model().index(1, Column.LEVEL2))
    assert isinstance(editor, QComboBox)
    assert editor.currentText() == "X"
    editor.setEditText("质量指标")
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Return)  # where the keyboard focus is
    assert sample_project.indicators[0].level2 == "质量指标"
    assert grid.view.currentIndex().row() == 2


def test_tab_and_escape_in_a_combo_cell(grid, sample_project, qtbot):
    _index, editor = open_editor(grid, 2, Column.LEVEL1)
    editor.setEditText("效益指标")
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Tab)
    assert sample_project.indicators[1].level1 == "效益指标"
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (2, 1)
    _index, editor = open_editor(grid, 3, Column.LEVEL1)
    editor.setEditText("满意度指标")
    qtbot.keyClick(editor.lineEdit(), Qt.Key.Key_Escape)
    assert sample_project.indicators[2].level1 == "产出指标"


def test_cell_keys_win_over_window_shortcuts(grid):
    """The window binds F2 (rename) and others; inside the grid the cell keys come first."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    def overridden(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> bool:
        event = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)
        event.ignore()
        QApplication.sendEvent(grid.view, event)
        return event.isAccepted()

    assert overridden(Qt.Key.Key_F2)
    assert overridden(Qt.Key.Key_Delete)
    assert overridden(Qt.Key.Key_Return)
    assert not overridden(Qt.Key.Key_F5)  # 重新审核 stays the window's
    assert not overridden(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo too
