"""A read-only table of the indicators, shown until the indicator grid is available."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.checks import Finding
from desktop.model.forms import Form
from desktop.model.money import fmt_points
from desktop.model.project import Project

COLUMNS = ("level1", "level2", "level3", "target", "actual", "weight", "score", "deviation")
LABELS = (
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)


class IndicatorPlaceholder(QWidget):
    """Same surface as the grid (set_project, focus_cell, set_findings, set_read_only, changed)."""

    changed = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(LABELS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel("绩效指标表（只读预览）")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def set_project(self, project: Project | None, form: Form | None) -> None:
        """Show a project's indicators."""
        rows = project.indicators if project else []
        self.table.setRowCount(len(rows))
        for r, ind in enumerate(rows):
            for c, name in enumerate(COLUMNS):
                value = getattr(ind, name)
                text = fmt_points(value) if name in ("weight", "score") else str(value or "")
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def set_findings(self, findings: list[Finding]) -> None:
        """Nothing to tint in the preview."""

    def focus_cell(self, row: int, column: str) -> None:
        """Select one cell."""
        if column in COLUMNS and 0 <= row < self.table.rowCount():
            self.table.setCurrentCell(row, COLUMNS.index(column))
        self.table.setFocus()

    def set_read_only(self, flag: bool) -> None:
        """Always read-only."""
