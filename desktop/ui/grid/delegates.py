"""Editors of the grid: framework combo boxes for 一级/二级, a points editor for 分值/得分."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.ui.grid.columns import OPERATOR_CHOICES, Column, Role

ItemIndex = QModelIndex | QPersistentModelIndex
POINTS_PATTERN = r"^\s*\d{0,4}(\.\d{0,2})?\s*分?\s*$"


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
