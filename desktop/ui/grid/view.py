"""The grid's table view: spreadsheet keys (Enter/Tab move, type to edit, F2, Delete)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from desktop.ui.grid.columns import OPTIONAL_COLUMNS, WIDTHS, Column
from desktop.ui.grid.fit import TEXT_COLUMNS, distribute, extent

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
# Rows measured for the column widths; a bigger table keeps one line per row (measuring every
# row would cost more than it shows).
FIT_ROWS = 200
CELL_PAD = 14
NUMBER_SAMPLE = "100.00"
ROW_PAD = 10
HEADER_PAD = 18
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
        self.setWordWrap(True)  # long 三级 names and reasons wrap in their row
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)  # the widths fill the view (fit_columns)
        header.setHighlightSections(True)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)  # once the resizing of this event loop pass is done
        self._refit.timeout.connect(self.fit_columns)

    def apply_widths(self) -> None:
        """Column widths that keep the Chinese headers readable (before any content)."""
        for column, width in WIDTHS.items():
            self.setColumnWidth(column, width)

    def setModel(self, model: object) -> None:
        """Row heights follow edits and inserted rows."""
        super().setModel(model)  # type: ignore[arg-type]
        current = self.model()
        if current is not None:
            current.dataChanged.connect(self._on_data_changed)
            current.rowsInserted.connect(lambda _p, first, last: self.fit_rows(first, last))

    def fit_columns(self) -> None:
        """Widths from the content and the view's width (see grid/fit.py), then row heights."""
        model = self.model()
        if model is None:
            return
        columns = [Column(c) for c in self.visible_columns()]
        metrics = self._metrics()
        header_metrics = self.horizontalHeader().fontMetrics()
        em = metrics.horizontalAdvance("中")
        texts = self._texts(range(min(model.rowCount(), FIT_ROWS)))
        longest: dict[Column, int] = {}
        for cells in texts.values():
            for column, text in cells:
                for line in text.splitlines():
                    width = metrics.horizontalAdvance(line)
                    if width > longest.get(column, 0):
                        longest[column] = width
        number = metrics.horizontalAdvance(NUMBER_SAMPLE)
        extents = []
        for column in columns:
            head = model.headerData(column, Qt.Orientation.Horizontal)
            head_width = header_metrics.horizontalAdvance(str(head or "")) + HEADER_PAD
            content = longest.get(column, 0) if column in TEXT_COLUMNS else number
            extents.append(extent(column, head_width, content, em, CELL_PAD))
        widths = distribute(extents, columns, self.viewport().width())
        for column, width in zip(columns, widths, strict=True):
            self.setColumnWidth(column, width)
        if model.rowCount() <= FIT_ROWS:
            self._fit_heights(texts)

    def _metrics(self) -> QFontMetrics:
        bold = QFont(self.font())
        bold.setBold(True)  # the 预算执行率 and 总分 lines are bold: measure as the widest
        return QFontMetrics(bold)

    def _texts(self, rows: range) -> dict[int, list[tuple[Column, str]]]:
        """The shown text of the visible text columns, per row."""
        model = self.model()
        shown = [Column(c) for c in self.visible_columns() if c in TEXT_COLUMNS]
        return {row: [(c, str(model.index(row, c).data() or "")) for c in shown] for row in rows}

    def _fit_heights(self, texts: dict[int, list[tuple[Column, str]]]) -> None:
        """Each row as tall as its most wrapped cell (Chinese wraps between any characters,
        so the line count is the text's width over the column's)."""
        metrics = self._metrics()
        spacing = metrics.lineSpacing()
        least = self.verticalHeader().defaultSectionSize()
        for row, cells in texts.items():
            lines = 1
            for column, text in cells:
                room = max(self.columnWidth(column) - CELL_PAD, 1)
                count = sum(
                    max(1, -(-metrics.horizontalAdvance(part) // room))
                    for part in text.splitlines() or [""]
                )
                lines = max(lines, count)
            self.setRowHeight(row, max(least, lines * spacing + ROW_PAD))

    def fit_rows(self, first: int, last: int) -> None:
        """Rows as tall as their wrapped text (only in tables small enough to measure)."""
        model = self.model()
        if model is None or model.rowCount() > FIT_ROWS:
            return
        self._fit_heights(self._texts(range(max(first, 0), min(last, model.rowCount() - 1) + 1)))

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        self.fit_rows(top.row(), bottom.row())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the columns to the new width (after the resizing settles)."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit.start()

    def place_optional_columns(self) -> None:
        """Show 指标性质 before and 度量单位 after 年度指标值 (as the newer forms do)."""
        header = self.horizontalHeader()
        for visual, logical in enumerate(VIEW_ORDER):
            if header.visualIndex(logical) != visual:
                header.moveSection(header.visualIndex(logical), visual)

    def show_optional_columns(self, flag: bool) -> None:
        """Show or hide the 指标性质 and 度量单位 columns."""
        changed = any(self.isColumnHidden(c) == flag for c in OPTIONAL_COLUMNS)
        for column in OPTIONAL_COLUMNS:
            self.setColumnHidden(column, not flag)
        if changed:
            self._refit.start()

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
