"""A small editable table over rows of the project's year cycle (运行监控, 整改).

One ``QAbstractTableModel`` over a ``RowSource`` (what the rows are and how a cell is read and
written), every edit an undoable command on the session's undo stack, combo boxes for the
columns with fixed choices. The tabs (monitoring_tab, rectification_tab) supply the source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
READ_ONLY_BRUSH = QBrush(QColor("#f2f2f2"))
FINDING_BRUSH = QBrush(QColor("#ffe7b3"))


@dataclass(frozen=True)
class ColumnSpec:
    """One column: key, header, editable, the choices of a combo box (None: free text)."""

    key: str
    title: str
    editable: bool = True
    choices: tuple[str, ...] | None = None
    width: int = 120
    tip: str = ""


class RowSource(Protocol):
    """What a table shows: its rows and how one cell is read and written."""

    def count(self) -> int:
        """Number of rows."""

    def get(self, row: int, key: str) -> str:
        """The text of a cell."""

    def set(self, row: int, key: str, value: str) -> str | None:
        """Write a cell; a Chinese reason when the value is refused (nothing changed)."""

    def snapshot(self) -> object:
        """A copy of everything the rows hold (for undo)."""

    def restore(self, snapshot: object) -> None:
        """Put a snapshot back."""


class RowsCommand(QUndoCommand):
    """A change of the rows (a cell edit with its side effects, an insert, a delete), undoable.

    ``change`` runs once; undo and redo put back the snapshots taken around it.
    """

    def __init__(
        self, model: CycleTableModel, text: str, change: Callable[[RowSource], str | None]
    ) -> None:
        super().__init__(text)
        self.model = model
        self.source = model.source  # the rows of the project the change was made in
        self.change = change
        self.before: object = None
        self.after: object = None
        self.refused = False

    def redo(self) -> None:
        """Apply the change the first time, the snapshot after it later."""
        source = self.source
        if source is None:
            return
        if self.after is not None:
            self.model.put_back(source, self.after)
            return
        self.before = source.snapshot()
        reason = self.change(source)
        if reason:
            self.refused = True
            self.model.refused.emit(reason)
            return
        self.after = source.snapshot()
        self.model.changed_rows()

    def undo(self) -> None:
        """Put the rows back as they were."""
        if self.source is not None and self.before is not None and not self.refused:
            self.model.put_back(self.source, self.before)


class CycleTableModel(QAbstractTableModel):
    """The rows of a ``RowSource`` in columns; edits go through the undo stack."""

    edited = Signal()  # the project changed in memory
    refused = Signal(str)  # a Chinese reason why an edit was not taken

    def __init__(self, columns: tuple[ColumnSpec, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.source: RowSource | None = None
        self.undo_stack: QUndoStack | None = None
        self.read_only = False
        self.marked: dict[tuple[int, str], str] = {}  # cells with a finding → its message
        self.shown_rows = 0

    def set_source(self, source: RowSource | None) -> None:
        """Show other rows (a project loaded, the indicators changed)."""
        self.beginResetModel()
        self.source = source
        self.shown_rows = source.count() if source is not None else 0
        self.endResetModel()

    def refresh(self) -> None:
        """The rows changed outside the table (insert, remove, generate)."""
        self.set_source(self.source)

    def set_marks(self, marks: dict[tuple[int, str], str]) -> None:
        """Tint the cells findings point at (row, column key → message)."""
        if marks == self.marked:
            return
        self.marked = marks
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def title_of(self, key: str) -> str:
        """The header of a column key."""
        return next((c.title for c in self.columns if c.key == key), key)

    def column_of(self, key: str) -> int:
        """The column index of a key (-1 when absent)."""
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    # ----- QAbstractTableModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows of the source."""
        return 0 if parent.isValid() or self.source is None else self.source.count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns of the table."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Column titles and tips; row numbers."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].tip or None
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Cell text; grey for read-only columns; amber where a finding points."""
        if not index.isValid() or self.source is None or index.row() >= self.source.count():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.source.get(index.row(), column.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            note = self.marked.get((index.row(), column.key))
            text = self.source.get(index.row(), column.key)
            return note or (text if len(text) > 12 else None)
        if role == Qt.ItemDataRole.BackgroundRole:
            if (index.row(), column.key) in self.marked:
                return FINDING_BRUSH
            if not column.editable:
                return READ_ONLY_BRUSH
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Editable cells unless read-only."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable and not self.read_only:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edit: pushed on the undo stack (applied at once when there is none)."""
        if role != Qt.ItemDataRole.EditRole or self.source is None or not index.isValid():
            return False
        key = self.columns[index.column()].key
        old = self.source.get(index.row(), key)
        new = "" if value is None else str(value).strip()
        if new == old:
            return False
        row = index.row()
        return self.run(f"修改“{self.title_of(key)}”", lambda source: source.set(row, key, new))

    def run(self, text: str, change: Callable[[RowSource], str | None]) -> bool:
        """Make a change of the rows as one undoable step; False when it was refused."""
        command = RowsCommand(self, text, change)
        command.redo()
        if command.refused:
            return False
        if self.undo_stack is not None:
            self.undo_stack.push(_Done(command))
        return True

    def changed_rows(self) -> None:
        """The rows changed: show them (keeping the cursor when only cells changed), announce."""
        if self.source is not None and self.source.count() == self.shown_rows:
            last = self.index(max(self.shown_rows - 1, 0), len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.refresh()
        self.edited.emit()

    def put_back(self, source: RowSource, snapshot: object) -> None:
        """Restore a snapshot into the rows it was taken from (undo/redo) and show them."""
        source.restore(snapshot)
        self.changed_rows()


class _Done(QUndoCommand):
    """A command already applied: its first redo (from push) does nothing."""

    def __init__(self, inner: RowsCommand) -> None:
        super().__init__(inner.text())
        self.inner = inner
        self.first = True

    def redo(self) -> None:
        """Nothing the first time (already applied), the change again later."""
        if self.first:
            self.first = False
            return
        self.inner.redo()

    def undo(self) -> None:
        """Undo the change."""
        self.inner.undo()


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the columns with fixed choices (an empty choice first)."""

    def __init__(self, choices: Callable[[int], tuple[str, ...] | None], parent: QObject) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """A combo box for choice columns, the default editor otherwise."""
        choices = self.choices(index.column())
        if choices is None:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        box.addItems(["", *choices])
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Select the cell's value."""
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.showPopup()
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Write the chosen value."""
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class CycleTableView(QTableView):
    """The table of a CycleTableModel: wrapped text, rows fitted to it, combo boxes for choices."""

    def __init__(self, model: CycleTableModel, name: str, stretch: str) -> None:
        super().__init__()
        self.setModel(model)
        self.setAccessibleName(name)
        self.setItemDelegate(ChoiceDelegate(lambda c: model.columns[c].choices, self))
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.horizontalHeader()
        for c, column in enumerate(model.columns):
            header.resizeSection(c, column.width)
        header.setSectionResizeMode(model.column_of(stretch), QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_args: self.resizeRowsToContents())
        model.modelReset.connect(self.resizeRowsToContents)
        model.dataChanged.connect(lambda *_args: self.resizeRowsToContents())

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the rows to the widths the table has once shown."""
        super().showEvent(event)
        self.resizeRowsToContents()
