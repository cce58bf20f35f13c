"""Editors of the grid: framework combo boxes for 一级/二级, a points editor for 分值/得分."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.ui.grid.columns import OPERATOR_CHOICES, Column, Role

ItemIndex = QModelIndex | QPersistentModelIndex
POINTS_PATTERN = r"^\s*\d{0,4}(\.\d{0,2})?\s*分?\s*$"


_END_KEYS = {
    Qt.Key.Key_Return: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
    Qt.Key.Key_Enter: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
    Qt.Key.Key_Tab: QAbstractItemDelegate.EndEditHint.EditNextItem,
    Qt.Key.Key_Backtab: QAbstractItemDelegate.EndEditHint.EditPreviousItem,
}


class _ComboKeys(QObject):
    """Enter/Tab/Escape in an editable combo's line edit commit or cancel the cell edit."""

    def __init__(self, delegate: QAbstractItemDelegate, combo: QComboBox) -> None:
        super().__init__(combo)
        self._delegate = delegate
        self._combo = combo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Handle the keys that end an edit; everything else goes on."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if self._combo.view().isVisible():
            return False  # the popup list is open: its keys are its own
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self._delegate.closeEditor.emit(
                self._combo, QAbstractItemDelegate.EndEditHint.RevertModelCache
            )
            return True
        hint = _END_KEYS.get(Qt.Key(key))
        if hint is None:
            return False
        self._delegate.commitData.emit(self._combo)
        self._delegate.closeEditor.emit(self._combo, hint)
        return True


class GridDelegate(QStyledItemDelegate):
    """One delegate for all columns: picks the editor by column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form_source: Any = None

    def set_form_source(self, source: Any) -> None:
        """An object with ``form`` (the table model) to read the framework from."""
        self._form_source = source

    def _choices(self, index: ItemIndex) -> list[str]:
        if index.column() == Column.OPERATOR:
            return list(OPERATOR_CHOICES)
        form = getattr(self._form_source, "form", None)
        if form is None:
            return []
        if index.column() == Column.LEVEL1:
            return form.level1_names()
        level1 = str(
            index.model().index(index.row(), Column.LEVEL1).data(Qt.ItemDataRole.EditRole) or ""
        )
        choices = form.level2_for(level1)
        if not choices:  # unknown 一级: offer every 二级 of the framework
            choices = [l2 for l1 in form.framework for l2 in l1.level2]
        return choices

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ItemIndex
    ) -> QWidget:
        """Combo box for 一级/二级, validated line edit for points, line edit for text."""
        column = index.column()
        if column in (Column.LEVEL1, Column.LEVEL2, Column.OPERATOR):
            combo = QComboBox(parent)
            combo.setEditable(True)  # names seen in real tables (完成指标) stay allowed
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(self._choices(index))
            combo.setFrame(False)
            line = combo.lineEdit()
            if line is not None:  # keys reach the line edit first: end the edit like a cell
                keys = _ComboKeys(self, combo)
                line.installEventFilter(keys)
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if column in (Column.WEIGHT, Column.SCORE):
            editor.setValidator(
                QRegularExpressionValidator(QRegularExpression(POINTS_PATTERN), editor)
            )
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        understood = index.data(Role.UNDERSTOOD)
        if column == Column.TARGET:
            editor.setPlaceholderText("如 ≥50个、≤8万元、=100%、满意")
            if understood:
                editor.setToolTip(f"理解为：{understood}")
        return editor

    def setEditorData(self, editor: QWidget, index: ItemIndex) -> None:
        """Load the cell's text (type-to-edit replaces it with the typed key)."""
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            found = editor.findText(text)
            if found >= 0:
                editor.setCurrentIndex(found)
            else:
                editor.setEditText(text)
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()  # a typed key replaces the text, as in a spreadsheet
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ItemIndex) -> None:
        """Hand the text to the model, which converts it and pushes an undo command."""
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
