"""The 整改 tab: the problems found, each with its measure, owner, deadline and status.

Items come from the 存在的问题 text in one click (从“存在的问题”生成), are added and removed by
hand, and are carried into next year's copy while open (shown there as 上年整改情况).
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model.cycle_words import canonical, cycle_words
from desktop.model.findings import Finding
from desktop.model.project import Project
from desktop.model.rectification import (
    DONE,
    OPEN,
    Rectification,
    items_from_text,
    previous_items,
    today,
)
from desktop.ui.cycle_table import ColumnSpec, CycleTableModel, CycleTableView

_DATE_RE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
WIDTHS = {"problem": 200, "measure": 220, "owner": 64, "deadline": 90, "status": 84}
DATE_KEYS = ("deadline", "done_date")


def parse_date(text: str) -> dt.date | None:
    """2024-06-30, 2024/6/30, 2024.6.30 or 2024年6月30日; None when empty; ValueError when bad."""
    if not text.strip():
        return None
    m = _DATE_RE.match(text)
    if not m:
        raise ValueError(text)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def rectification_columns() -> tuple[ColumnSpec, ...]:
    """存在的问题 … 完成情况 (forms/common/cycle.toml), then 完成日期 and 提出年度."""
    words = cycle_words()
    statuses = tuple(c.label for c in words.statuses())
    columns = [
        ColumnSpec(
            c.key,
            c.label,
            choices=statuses if c.key == "status" else None,
            width=WIDTHS.get(c.key, 100),
            tip="日期如 2024-06-30" if c.key == "deadline" else "",
        )
        for c in words.rectification_columns()
    ]
    columns.append(ColumnSpec("done_date", "完成日期", width=95, tip="完成的日期，如 2024-03-20"))
    columns.append(ColumnSpec("year", "提出年度", editable=False, width=70))
    return tuple(columns)


class RectificationRows:
    """The project's 整改 items as table rows."""

    def __init__(self, project: Project) -> None:
        self.project = project

    @property
    def items(self) -> list[Rectification]:
        """The project's items (the list itself)."""
        return self.project.rectifications

    def count(self) -> int:
        """Number of items."""
        return len(self.items)

    def get(self, row: int, key: str) -> str:
        """The text of a cell."""
        item = self.items[row]
        if key in DATE_KEYS:
            day = getattr(item, key)
            return day.isoformat() if day else ""
        if key == "status":
            labels = {c.key: c.label for c in cycle_words().statuses()}
            return labels.get(item.status, item.status)
        if key == "year":
            return str(item.raised_in(self.project.year))
        return str(getattr(item, key))

    def set(self, row: int, key: str, value: str) -> str | None:
        """Write a cell: dates checked, a done date or 已完成 completes the other."""
        item = self.items[row]
        if key in DATE_KEYS:
            try:
                day = parse_date(value)
            except ValueError:
                return f"“{value}”不是日期（应为 2024-06-30）"
            setattr(item, key, day)
            if key == "done_date" and day is not None:
                item.status = DONE
            return None
        if key == "status":
            status = canonical(cycle_words().statuses(), value) or OPEN
            item.status = status
            if status == DONE and item.done_date is None:
                item.done_date = today()
            if status == OPEN:
                item.done_date = None
            return None
        setattr(item, key, value)
        return None

    def snapshot(self) -> object:
        """A copy of the items."""
        return copy.deepcopy(self.items)

    def restore(self, snapshot: object) -> None:
        """Put a copy of the items back."""
        assert isinstance(snapshot, list)
        self.project.rectifications = copy.deepcopy(snapshot)


class RectificationTab(QWidget):
    """Edits ``project.rectifications`` in place; ``edited`` after every accepted change."""

    edited = Signal()
    message = Signal(str)

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.rows: RectificationRows | None = None
        self.model = CycleTableModel(rectification_columns(), self)
        self.model.undo_stack = undo_stack
        self.model.edited.connect(self._on_edited)
        self.model.refused.connect(self.message)
        self.table = CycleTableView(self.model, "整改事项", "measure")
        self.generate_button = QPushButton("从“存在的问题”生成")
        self.generate_button.setToolTip(
            "把“存在的问题”中列出的每个问题建为一项整改事项（已有的不重复），"
            "整改措施取“相关建议”中对应的一条"
        )
        self.add_button = QPushButton("新增")
        self.remove_button = QPushButton("删除")
        self.done_button = QPushButton("标记为已完成")
        self.add_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.generate_button.clicked.connect(self.generate)
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_current)
        self.done_button.clicked.connect(self.mark_done)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.generate_button, self.add_button, self.remove_button, self.done_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.read_only = False
        self.set_project(None)

    # ----- showing ---------------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        """Show a project's items (or nothing)."""
        self.project = project
        self.rows = RectificationRows(project) if project is not None else None
        self.model.set_source(self.rows)
        self._after_change()

    def _after_change(self) -> None:
        self.table.resizeRowsToContents()
        self._show_summary()
        self._enable()

    def _show_summary(self) -> None:
        project = self.project
        if project is None:
            self.summary.setText("")
            return
        items = project.rectifications
        earlier = previous_items(items, project.year)
        open_now = sum(1 for i in items if i.is_open)
        overdue = sum(1 for i in items if i.is_overdue(today()))
        parts = [f"共 {len(items)} 项整改事项，未完成 {open_now} 项"]
        if overdue:
            parts.append(f"<b style='color:#b00020'>逾期 {overdue} 项</b>")
        if earlier:
            parts.append(f"其中上年转入 {len(earlier)} 项（报告中列为“上年整改情况”）")
        if not items:
            parts = ["还没有整改事项。可点击“从“存在的问题”生成”，或“新增”逐项填写。"]
        self.summary.setText("，".join(parts) + "。")

    def _enable(self) -> None:
        has = self.project is not None and not self.read_only
        for button in (self.generate_button, self.add_button):
            button.setEnabled(has)
        rows = self.model.rowCount() > 0
        self.remove_button.setEnabled(has and rows)
        self.done_button.setEnabled(has and rows)

    def set_findings(self, findings: list[Finding]) -> None:
        """Tint the cells the 审核 points at (its message as the tooltip)."""
        marks: dict[tuple[int, str], str] = {}
        for finding in findings:
            row = finding.location.get("rectification")
            if isinstance(row, int):
                marks[(row, str(finding.location.get("column", "")))] = finding.message
        self.model.set_marks(marks)

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing."""
        self.read_only = flag
        self.model.read_only = flag
        self._enable()

    def focus(self, row: int | None, key: str) -> None:
        """Put the cursor on a cell (from a finding)."""
        column = self.model.column_of(key)
        if row is None or not 0 <= row < self.model.rowCount() or column < 0:
            return
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()

    # ----- actions ---------------------------------------------------------------------------
    def _on_edited(self) -> None:
        self._after_change()
        self.edited.emit()

    def generate(self) -> int:
        """Create items from the 存在的问题 text; the number created (0: a message says why)."""
        project = self.project
        if project is None or self.read_only:
            return 0
        keys = cycle_words().strings("rectification", "problem_sections")
        problems = "\n".join(project.section(k) for k in keys if project.section(k).strip())
        made = items_from_text(
            problems, project.section("suggestions"), project.rectifications, project.year, today()
        )
        if not made:
            self.message.emit(
                "“存在的问题”中没有新的问题可生成整改事项"
                if problems.strip()
                else "“存在的问题”尚未填写"
            )
            return 0

        def change(_rows: object) -> str | None:
            project.rectifications.extend(copy.deepcopy(made))
            return None

        self.model.run(f"生成 {len(made)} 项整改事项", change)
        self.message.emit(f"已从“存在的问题”生成 {len(made)} 项整改事项")
        return len(made)

    def add_item(self) -> None:
        """Append an empty open item and start editing its problem."""
        project = self.project
        if project is None or self.read_only:
            return

        def change(_rows: object) -> str | None:
            project.rectifications.append(Rectification(year=project.year))
            return None

        self.model.run("新增整改事项", change)
        self.focus(len(project.rectifications) - 1, "problem")
        self.table.edit(self.table.currentIndex())

    def remove_current(self) -> None:
        """Remove the item of the current row (undoable)."""
        project = self.project
        row = self.table.currentIndex().row()
        if project is None or self.read_only or not 0 <= row < len(project.rectifications):
            return

        def change(_rows: object) -> str | None:
            del project.rectifications[row]
            return None

        self.model.run("删除整改事项", change)

    def mark_done(self) -> None:
        """The current row's item is done today."""
        row = self.table.currentIndex().row()
        if self.project is None or not 0 <= row < self.model.rowCount():
            return
        done = next(c.label for c in cycle_words().statuses() if c.key == DONE)
        self.model.setData(self.model.index(row, self.model.column_of("status")), done)
