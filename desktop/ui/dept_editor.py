"""The 收支情况 of a department report on its 概况 tab: income by source, expenditure by kind
(基本支出 = 人员经费 + 公用经费, 项目支出 and its project lines) in 元, and the counts.

Lines come from forms/department.toml; each edit is one undoable command over a copy of the
department's funds. The sums of every breakdown are shown live under the table, and the cells
the 审核 finds fault with are tinted.
"""

from __future__ import annotations

import copy
import functools
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.department import (
    COUNT_KEYS,
    DEPT_COLUMNS,
    PROJECT_LINE,
    DeptFunds,
    DeptLine,
    children_amounts,
    structure,
)
from desktop.model.errors import InputError
from desktop.model.findings import Finding
from desktop.model.money import fmt_wan, fmt_yuan, parse_typed_amount
from desktop.model.project import Project
from desktop.ui.funds_editor import BAD_BRUSH, TOTAL_BRUSH
from desktop.ui.undo import SwapCommand, push

COLUMN_LABELS = {"previous": "上年数", "full_year": "全年预算数", "executed": "全年执行数"}
COUNT_LABELS = {"staff_quota": "编制数", "staff_actual": "实有人数", "units": "单位数"}
SIDE_LABELS = {"income": "收入", "expense": "支出"}
FINDING_BRUSH = QBrush(QColor("#ffe2b0"))
OK_MARK, BAD_MARK = "✓", "✗"
NEW_LINE_NAME = "新项目"

Row = tuple[str, str, int | None]  # (side, key, index in dept.lines for a project line)


def _depth(side: str, key: str) -> int:
    st = structure()
    depth, kind = 0, st.kind(side, key)
    while kind is not None and kind.parent:
        depth, kind = depth + 1, st.kind(side, kind.parent)
    return depth


class DeptEditor(QWidget):
    """Edits ``project.dept`` in place; emits ``edited`` after every accepted change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._project: Project | None = None
        self._loading = False
        self._rows: list[Row] = []
        self._findings: list[Finding] = []
        self.table = QTableWidget(0, 1 + len(DEPT_COLUMNS), self)
        self.table.setAccessibleName("收支情况")
        self.table.setHorizontalHeaderLabels(["项目", *(COLUMN_LABELS[c] for c in DEPT_COLUMNS)])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        header.resizeSection(
            0, metrics.horizontalAdvance("　" * 2 + "政府性基金预算财政拨款收入　")
        )
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.height() + 8)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton("添加项目明细")
        self.remove_button = QPushButton("删除项目明细")
        self.add_button.clicked.connect(self.add_project_line)
        self.remove_button.clicked.connect(self.remove_current_line)
        self.sums = QLabel()
        self.sums.setWordWrap(True)
        self.sums.setTextFormat(Qt.TextFormat.RichText)
        self.count_edits: dict[str, QLineEdit] = {}
        counts = QHBoxLayout()
        for key in COUNT_KEYS:
            edit = QLineEdit()
            edit.setAccessibleName(COUNT_LABELS[key])
            edit.setMaximumWidth(90)
            edit.editingFinished.connect(lambda k=key: self._on_count(k))
            self.count_edits[key] = edit
            counts.addWidget(QLabel(f"{COUNT_LABELS[key]}："))
            counts.addWidget(edit)
        counts.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.sums)
        layout.addLayout(counts)

    # ----- showing ---------------------------------------------------------------------------
    def _row_list(self, dept: DeptFunds) -> list[Row]:
        """Every line of the structure (empty ones too), the project lines under 项目支出."""
        st = structure()
        rows: list[Row] = []
        for side in SIDE_LABELS:
            for kind in st.side_kinds(side):
                rows.append((side, kind.key, None))
                if side == "expense" and kind.key == st.project_parent:
                    rows += [
                        (side, PROJECT_LINE, i)
                        for i, x in enumerate(dept.lines)
                        if x.side == side and x.key == PROJECT_LINE
                    ]
        return rows

    def set_project(self, project: Project | None) -> None:
        """Show a department's lines and counts (or nothing)."""
        self._project = project
        dept = project.dept if project else DeptFunds()
        self._loading = True
        try:
            self._rows = self._row_list(dept)
            self.table.setRowCount(len(self._rows))
            for r, row in enumerate(self._rows):
                self._fill_row(r, row, dept)
            for key, edit in self.count_edits.items():
                value = dept.counts.get(key)
                edit.setText("" if value is None else str(value))
        finally:
            self._loading = False
        self._fit_height()
        self._tint()
        self.refresh_sums()

    def _fill_row(self, r: int, row: Row, dept: DeptFunds) -> None:
        side, key, index = row
        st = structure()
        line = dept.lines[index] if index is not None else dept.line(side, key)
        kind = st.kind(side, key)
        if index is not None:
            name = QTableWidgetItem(line.label if line else "")
            name.setToolTip("项目明细：名称可修改")
        else:
            label = kind.label if kind else key
            name = QTableWidgetItem("　" * _depth(side, key) + label)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if kind is not None and kind.parent is None:
                name.setBackground(TOTAL_BRUSH)
        self.table.setItem(r, 0, name)
        for c, column in enumerate(DEPT_COLUMNS, start=1):
            amount = line.get(column) if line else None
            item = QTableWidgetItem(fmt_yuan(amount))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, c, item)

    def _fit_height(self) -> None:
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height)

    def refresh_sums(self) -> None:
        """The breakdowns: each stated total beside the sum of its parts (万元)."""
        project = self._project
        if project is None:
            self.sums.setText("")
            return
        parts: list[str] = []
        st = structure()
        for side in SIDE_LABELS:
            for kind in st.side_kinds(side):
                if not st.children(side, kind.key) and kind.key != st.project_parent:
                    continue
                parts += self._sum_texts(project.dept, side, kind.key, kind.label)
        self.sums.setText("<br>".join(parts) if parts else "分项合计：填写合计及其分项后显示")

    def _sum_texts(self, dept: DeptFunds, side: str, key: str, label: str) -> list[str]:
        out = []
        for column in DEPT_COLUMNS:
            line = dept.line(side, key)
            stated = line.get(column) if line else None
            values = children_amounts(dept, side, key, column)
            if stated is None or not values:
                continue
            total = sum(values, Decimal(0))
            ok = abs(total - stated) <= Decimal(100)  # 0.01 万元: figures rounded to 万元
            mark = OK_MARK if ok else f"<span style='color:#b00000'>{BAD_MARK} 不一致</span>"
            out.append(
                f"{label}（{COLUMN_LABELS[column]}）{fmt_wan(stated)} 万元，"
                f"分项合计 {fmt_wan(total)} 万元 {mark}"
            )
        return out

    def set_findings(self, findings: list[Finding]) -> None:
        """Tint the lines and counts the 审核 names (a breakdown that does not add up …)."""
        self._findings = [f for f in findings if "department" in (f.location or {})]
        self._tint()

    def _tint(self) -> None:
        self._loading = True  # a cell's colour change is no edit
        try:
            self._tint_cells()
        finally:
            self._loading = False

    def _tint_cells(self) -> None:
        for r in range(self.table.rowCount()):
            for c in range(1, self.table.columnCount()):
                item = self.table.item(r, c)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")
        for edit in self.count_edits.values():
            edit.setStyleSheet("")
            edit.setToolTip("")
        for finding in self._findings:
            loc = finding.location
            if loc.get("department") == "counts":
                count = self.count_edits.get(str(loc.get("line")))
                if count is not None:
                    count.setStyleSheet("background: #ffe2b0;")
                    count.setToolTip(finding.message)
                continue
            for r, (side, key, index) in enumerate(self._rows):
                if index is None and (side, key) == (loc.get("department"), loc.get("line")):
                    columns = [str(loc["column"])] if "column" in loc else list(DEPT_COLUMNS)
                    for column in columns:
                        item = self.table.item(r, 1 + DEPT_COLUMNS.index(column))
                        if item is not None:
                            item.setBackground(FINDING_BRUSH)
                            item.setToolTip(finding.message)

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing."""
        triggers = (
            QAbstractItemView.EditTrigger.NoEditTriggers
            if flag
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setEditTriggers(triggers)
        for widget in (self.add_button, self.remove_button):
            widget.setEnabled(not flag)
        for edit in self.count_edits.values():
            edit.setReadOnly(flag)

    def focus_line(self, side: str, key: str, column: str = "executed") -> None:
        """Put the cursor on a line's cell (from a finding)."""
        if side == "counts":
            edit = self.count_edits.get(key)
            if edit is not None:
                edit.setFocus()
            return
        for r, (s, k, index) in enumerate(self._rows):
            if index is None and (s, k) == (side, key):
                col = DEPT_COLUMNS.index(column) if column in DEPT_COLUMNS else 2
                self.table.setCurrentCell(r, 1 + col)
                self.table.setFocus()
                return

    # ----- reading back ----------------------------------------------------------------------
    def cell_text(self, side: str, key: str, column: str, index: int = 0) -> str:
        """The text of one amount cell (``index``: the n-th project line for project lines)."""
        r = self._row_of(side, key, index)
        item = self.table.item(r, 1 + DEPT_COLUMNS.index(column))
        return item.text() if item else ""

    def set_cell_text(self, side: str, key: str, column: str, text: str, index: int = 0) -> None:
        """Type ``text`` into an amount cell as the user would."""
        r = self._row_of(side, key, index)
        item = self.table.item(r, 1 + DEPT_COLUMNS.index(column))
        assert item is not None
        item.setText(text)

    def is_tinted(self, side: str, key: str, column: str) -> bool:
        """True when a finding tints the cell."""
        item = self.table.item(self._row_of(side, key, 0), 1 + DEPT_COLUMNS.index(column))
        return item is not None and item.background().color() == FINDING_BRUSH.color()

    def _row_of(self, side: str, key: str, index: int) -> int:
        found = [r for r, (s, k, _i) in enumerate(self._rows) if (s, k) == (side, key)]
        return found[index]

    # ----- edits -----------------------------------------------------------------------------
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        project = self._project
        if self._loading or project is None:
            return
        side, key, index = self._rows[item.row()]
        after = copy.deepcopy(project.dept)
        if item.column() == 0:
            if index is None or not item.text().strip():
                self.set_project(project)
                return
            after.lines[index].label = item.text().strip()
            self._push(after, "修改项目明细名称")
            return
        column = DEPT_COLUMNS[item.column() - 1]
        label = self.table.item(item.row(), 0)
        where = f"{(label.text() if label else key).strip()}的{COLUMN_LABELS[column]}"
        try:
            value = parse_typed_amount(item.text(), where)
        except InputError as exc:
            self._loading = True
            try:
                item.setBackground(BAD_BRUSH)
                item.setToolTip(f"{exc}\n未保存，仍使用原来的值。")
            finally:
                self._loading = False
            return
        line = after.lines[index] if index is not None else after.line(side, key)
        if line is None:
            kind = structure().kind(side, key)
            line = DeptLine(side, key, kind.label if kind else key)
            after.lines.append(line)
        setattr(line, column, value)
        after.lines = [x for x in after.lines if x.key == PROJECT_LINE or not x.is_empty()]
        self._push(after, f"修改{where}")

    def _on_count(self, key: str) -> None:
        project = self._project
        edit = self.count_edits[key]
        if self._loading or project is None or edit.isReadOnly():
            return
        text = edit.text().strip()
        if text and not text.isdigit():
            edit.setStyleSheet("background: #f8c8c8;")
            edit.setToolTip(f"{COUNT_LABELS[key]}应为整数，未保存")
            return
        after = copy.deepcopy(project.dept)
        if text:
            after.counts[key] = int(text)
        else:
            after.counts.pop(key, None)
        self._push(after, f"修改{COUNT_LABELS[key]}")

    def add_project_line(self) -> None:
        """Add a project line under 项目支出 (undoable)."""
        project = self._project
        if project is None:
            return
        after = copy.deepcopy(project.dept)
        after.lines.append(DeptLine("expense", PROJECT_LINE, NEW_LINE_NAME))
        self._push(after, "添加项目明细")
        last = max(r for r, row in enumerate(self._rows) if row[1] == PROJECT_LINE)
        self.table.setCurrentCell(last, 0)

    def remove_current_line(self) -> None:
        """Remove the project line under the cursor (undoable)."""
        project = self._project
        r = self.table.currentRow()
        if project is None or not 0 <= r < len(self._rows) or self._rows[r][2] is None:
            return
        index = self._rows[r][2]
        assert index is not None
        after = copy.deepcopy(project.dept)
        name = after.lines[index].label
        del after.lines[index]
        self._push(after, f"删除项目明细“{name}”")

    def _push(self, after: DeptFunds, text: str) -> None:
        project = self._project
        assert project is not None
        if after == project.dept:
            self.set_project(project)
            return
        put = functools.partial(self.apply, project)
        push(self.undo_stack, SwapCommand(text, put, copy.deepcopy(project.dept), after))

    def apply(self, project: Project, dept: DeptFunds) -> None:
        """Put a copy of ``dept`` into the project and show it (undo/redo)."""
        project.dept = copy.deepcopy(dept)
        if project is self._project:
            self.set_project(project)
            self.edited.emit()
