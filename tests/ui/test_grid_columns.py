"""The grid's columns follow their content: nothing hidden on a laptop, long names wrapped
rather than cut, spare width shared instead of all going to 偏差原因."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from desktop.model.forms import load_form
from desktop.ui.grid import IndicatorGrid
from desktop.ui.grid.columns import Column

LONG_NAME = "辖区内重点信访人员稳控及进京赴蓉非访劝返工作完成率"


@pytest.fixture
def no_screen_fit():
    """Let a bare grid be wider than the test screen (the fitter would shrink it)."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.screen_fit import ScreenFitter

    app = QApplication.instance()
    fitter = app.findChild(ScreenFitter)
    if fitter is not None:
        app.removeEventFilter(fitter)
    yield
    if fitter is not None:
        app.installEventFilter(fitter)


@pytest.fixture
def grid(qtbot, sample_project, no_screen_fit):
    sample_project.indicators[2].level3 = LONG_NAME
    sample_project.indicators[3].deviation = "受疫情影响部分工作延后，已在次年一季度完成。"
    stack = QUndoStack()
    widget = IndicatorGrid(stack)
    widget.stack_ref = stack  # the grid does not own its undo stack
    qtbot.addWidget(widget)
    widget.set_project(sample_project, load_form("self_evaluation"))
    return widget


def _show_at(qtbot, grid, width: int) -> None:
    grid.resize(width, 500)
    grid.show()
    qtbot.waitUntil(lambda: grid.view.viewport().width() > 0)
    qtbot.wait(30)  # the refit after the resize
    grid.view.fit_columns()


def _widths(grid) -> dict[Column, int]:
    return {Column(c): grid.view.columnWidth(c) for c in grid.view.visible_columns()}


def _header_width(grid, column: Column) -> int:
    text = grid.model().headerData(column, 1)
    return grid.view.horizontalHeader().fontMetrics().horizontalAdvance(text)


def test_every_column_is_visible_on_a_laptop(qtbot, grid):
    _show_at(qtbot, grid, 840)  # the grid's share of a 1366-pixel window
    widths = _widths(grid)
    assert sum(widths.values()) <= grid.view.viewport().width()
    assert not grid.view.horizontalScrollBar().isVisible()
    for column, width in widths.items():
        assert width >= _header_width(grid, column), column
    assert Column.DEVIATION in widths and Column.SUGGESTED in widths
    # The long 三级 name wraps in a taller row instead of being cut.
    row = grid.model().model_row(2)
    metrics = grid.view.fontMetrics()
    assert widths[Column.LEVEL3] < metrics.horizontalAdvance(LONG_NAME)
    assert grid.view.rowHeight(row) >= 2 * metrics.height()


def test_a_wide_screen_shows_long_names_whole(qtbot, grid):
    _show_at(qtbot, grid, 1500)
    widths = _widths(grid)
    metrics = grid.view.fontMetrics()
    assert widths[Column.LEVEL3] >= metrics.horizontalAdvance(LONG_NAME)
    assert widths[Column.DEVIATION] < 0.4 * sum(widths.values())
    row = grid.model().model_row(2)
    assert grid.view.rowHeight(row) < 2 * metrics.height()  # one line again


def test_editing_a_cell_regrows_its_row(qtbot, grid):
    _show_at(qtbot, grid, 840)
    row = grid.model().model_row(0)
    before = grid.view.rowHeight(row)
    index = grid.model().index(row, Column.DEVIATION)
    grid.model().setData(index, "原因说明" * 30)
    assert grid.view.rowHeight(row) > before
