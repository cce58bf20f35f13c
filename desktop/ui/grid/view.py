"""The grid's table view: spreadsheet keys (Enter/Tab move, type to edit, F2, Delete)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from desktop.ui.grid.columns import OPTIONAL_COLUMNS, WIDTHS, Column

VIEW_ORDER = (
    Column.LEVEL1,
    Column.LEVEL2,
    Column.LEVEL3,
    Column.OPERATOR,
    Column.TARGET,
    Column.UNIT,
    Column.ACTUAL,
    Column.WEIGHT,
    Column.SCORE,
    Column.SUGGESTED,
    Column.DEVIATION,
)
CELL_KEYS = frozenset(
    {
        Qt.Key.Key_F2,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Tab,
    }
)
EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)


class GridView(QTableView):
    """A QTableView that moves like a spreadsheet; Delete asks the grid to clear the selection."""

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(EDIT_TRIGGERS)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(False)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(True)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def apply_widths(self) -> None:
        """Column widths that keep the Chinese headers readable."""
        for column, width in WIDTHS.items():
            self.setColumnWidth(column, width)

    def place_optional_columns(self) -> None:
        """Show 指标性质 before and 度量单位 after 年度指标值 (as the newer forms do)."""
        header = self.horizontalHeader()
        for visual, logical in enumerate(VIEW_ORDER):
            if header.visualIndex(logical) != visual:
                header.moveSection(header.visualIndex(logical), visual)

    def show_optional_columns(self, flag: bool) -> None:
        """Show or hide the 指标性质 and 度量单位 columns."""
        for column in OPTIONAL_COLUMNS:
            self.setColumnHidden(column, not flag)

    def visible_columns(self) -> list[int]:
        """Logical columns that are shown, in view order."""
        header = self.horizontalHeader()
        order = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in order if not self.isColumnHidden(c)]

    def set_read_only(self, flag: bool) -> None:
        """No editors while read-only (selection and copy still work)."""
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if flag else EDIT_TRIGGERS
        )

    def selected_cells(self) -> list[tuple[int, int]]:
        """(row, column) of every selected cell, or the current cell when none is selected."""
        cells = sorted({(i.row(), i.column()) for i in self.selectedIndexes()})
        if not cells and self.currentIndex().isValid():
            cells = [(self.currentIndex().row(), self.currentIndex().column())]
        return cells

    def selected_rows(self) -> list[int]:
        """Model rows touched by the selection (or the current row)."""
        return sorted({r for r, _ in self.selected_cells()})

    def go_to(self, row: int, column: int) -> None:
        """Make a cell current, selected and visible."""
        model = self.model()
        if model is None or not (0 <= row < model.rowCount() and 0 <= column < model.columnCount()):
            return
        index = model.index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def _step(self, rows: int, columns: int) -> None:
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        row = min(max(current.row() + rows, 0), model.rowCount() - 1)
        column = min(max(current.column() + columns, 0), model.columnCount() - 1)
        self.go_to(row, column)

    def event(self, event: QEvent) -> bool:
        """Keep the cell keys (F2, Delete, Enter…) from window-wide shortcuts while focused."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (
                Qt.KeyboardModifier.NoModifier,
                Qt.KeyboardModifier.KeypadModifier,
            )
            if plain and event.key() in CELL_KEYS:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves down (Shift+Enter up), Delete/Backspace clear; the rest as usual."""
        pressed = QKeySequence(event.keyCombination())
        for action in self.actions():
            # The view may take some combinations for itself (Ctrl+Shift+Up selects upwards).
            if (
                action.isEnabled()
                and not action.shortcut().isEmpty()
                and action.shortcut() == pressed
            ):
                action.trigger()
                return
        key = event.key()
        state = self.state()
        if state != QAbstractItemView.State.EditingState:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                up = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._step(-1 if up else 1, 0)
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
                self.clear_requested.emit()
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """After Enter move down, after Tab move right — without opening the next editor."""
        move = {
            QAbstractItemDelegate.EndEditHint.SubmitModelCache: (1, 0),
            QAbstractItemDelegate.EndEditHint.EditNextItem: (0, 1),
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: (0, -1),
        }.get(hint)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if move is not None:
            self._step(*move)
