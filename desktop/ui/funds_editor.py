"""The funds block of the 概况 tab: sources × (年初预算数, 全年预算数, 全年执行数), live 执行率."""

from __future__ import annotations

import copy
import functools
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.errors import InputError
from desktop.model.money import fmt_points, fmt_rate, fmt_yuan, parse_typed_amount
from desktop.model.project import (
    FUNDS_COLUMN_LABELS,
    FUNDS_COLUMNS,
    SOURCE_LABELS,
    SOURCES,
    Funds,
    FundsRow,
    Project,
)
from desktop.model.scoring import execution_rate, execution_score
from desktop.ui.undo import SwapCommand, push

BAD_BRUSH = QBrush(QColor("#f8c8c8"))
TOTAL_BRUSH = QBrush(QColor("#eef3fa"))


class FundsEditor(QWidget):
    """Edits ``project.funds`` in place; emits ``edited`` after every accepted change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._project: Project | None = None
        self._loading = False
        self._items: dict[tuple[str, str], QTableWidgetItem] = {}
        self.table = QTableWidget(len(SOURCES), len(FUNDS_COLUMNS), self)
        self.table.setAccessibleName("项目资金")
        self.table.setHorizontalHeaderLabels([FUNDS_COLUMN_LABELS[c] for c in FUNDS_COLUMNS])
        self.table.setVerticalHeaderLabels([SOURCE_LABELS[s] for s in SOURCES])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        for r in range(len(SOURCES)):
            for c in range(len(FUNDS_COLUMNS)):
                item = QTableWidgetItem("")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if SOURCES[r] == "total":
                    item.setBackground(TOTAL_BRUSH)
                self.table.setItem(r, c, item)
                self._items[(SOURCES[r], FUNDS_COLUMNS[c])] = item
        self.table.itemChanged.connect(self._on_item_changed)
        self.rate_label = QLabel(self)
        self.rate_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Why a typed amount was refused, right under the table (the cell turns red too).
        self.error_label = QLabel(self)
        self.error_label.setObjectName("funds_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("QLabel { color: #a00000; }")
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.error_label)
        layout.addWidget(self.rate_label)
        self.fit_height()
        self.refresh_rate()

    def fit_height(self) -> None:
        """Make the table exactly as tall as its shown rows."""
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(
            self.table.rowHeight(r)
            for r in range(self.table.rowCount())
            if not self.table.isRowHidden(r)
        )
        self.table.setFixedHeight(height)

    def set_project(self, project: Project | None) -> None:
        """Show a project's funds (or nothing)."""
        self._project = project
        self._loading = True
        try:
            for source in SOURCES:
                row = project.funds.rows.get(source) if project else None
                for column in FUNDS_COLUMNS:
                    item = self._items[(source, column)]
                    item.setText(fmt_yuan(row.get(column)) if row else "")
                    self._clear_bad(item, source)
        finally:
            self._loading = False
        self.refresh_rate()

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing."""
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if flag
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def focus_cell(self, source: str, column: str) -> None:
        """Put the cursor on one cell (from a finding)."""
        if source in SOURCES and column in FUNDS_COLUMNS:
            self.table.setCurrentCell(SOURCES.index(source), FUNDS_COLUMNS.index(column))
        self.table.setFocus()

    def cell_text(self, source: str, column: str) -> str:
        """The text shown in one cell."""
        return self._items[(source, column)].text()

    def set_cell_text(self, source: str, column: str, text: str) -> None:
        """Type ``text`` into a cell as the user would (validated and applied)."""
        self._items[(source, column)].setText(text)

    def is_bad(self, source: str, column: str) -> bool:
        """True when the cell shows rejected input."""
        return bool(self._items[(source, column)].toolTip())

    def refresh_rate(self) -> None:
        """Recompute the 执行率 line."""
        project = self._project
        if project is None:
            self.rate_label.setText("预算执行率：—")
            return
        rate = execution_rate(project)
        score = execution_score(project)
        weight = project.execution.weight
        if rate is None:
            self.rate_label.setText(
                f"预算执行率：—（填写全年预算数与全年执行数后计算）　分值 {fmt_points(weight)}"
            )
            return
        self.rate_label.setText(
            f"预算执行率：<b>{fmt_rate(rate)}</b>　执行率得分：<b>{fmt_points(score)}</b>"
            f"（分值 {fmt_points(weight)}）"
        )

    def _clear_bad(self, item: QTableWidgetItem, source: str) -> None:
        item.setToolTip("")
        item.setBackground(TOTAL_BRUSH if source == "total" else QBrush())
        self._show_refusals()

    def _show_refusals(self) -> None:
        """The reasons of every refused cell under the table (hidden when there are none)."""
        reasons = [item.toolTip() for item in self._items.values() if item.toolTip()]
        self.error_label.setText("\n".join(reasons))
        self.error_label.setVisible(bool(reasons))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or self._project is None:
            return
        source = SOURCES[item.row()]
        column = FUNDS_COLUMNS[item.column()]
        where = f"{SOURCE_LABELS[source]}的{FUNDS_COLUMN_LABELS[column]}"
        try:
            value: Decimal | None = parse_typed_amount(item.text(), where)
        except InputError as exc:
            self._loading = True
            try:
                item.setBackground(BAD_BRUSH)
                item.setToolTip(f"{exc}（未保存，仍使用原来的值）")
            finally:
                self._loading = False
            self._show_refusals()
            return
        before = copy.deepcopy(self._project.funds.rows)
        after = copy.deepcopy(before)
        funds = Funds(after)
        setattr(funds.row(source), column, value)
        if source != "total":
            funds.set_total_from_sources()
        if after == before:
            self.set_project(self._project)
            return
        put = functools.partial(self.apply_rows, self._project)
        push(self.undo_stack, SwapCommand(f"修改{where}", put, before, after))

    def apply_rows(self, project: Project, rows: dict[str, FundsRow]) -> None:
        """Put a copy of ``rows`` into the project's funds and show them (undo/redo)."""
        project.funds.rows = copy.deepcopy(rows)
        if project is self._project:
            self.set_project(project)
            self.edited.emit()
