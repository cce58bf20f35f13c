"""The 运行监控 tab: execution to the end of July, the full-year forecast and each indicator's
progress, 偏差原因, 完成目标可能性 and 纠偏措施 (the 绩效运行监控表 of the "双监控")."""

from __future__ import annotations

import copy
import functools
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.model.cycle_words import cycle_words
from desktop.model.errors import InputError
from desktop.model.findings import Finding
from desktop.model.money import fmt_rate, fmt_yuan, parse_typed_amount
from desktop.model.monitoring import (
    MonitoringIndicator,
    behind_threshold,
    deviation_cause_key,
    execution_rate,
    likelihood_key,
    time_progress,
)
from desktop.model.project import Indicator, Project
from desktop.ui.cycle_table import ColumnSpec, CycleTableModel, CycleTableView
from desktop.ui.undo import SwapCommand, push

AMOUNTS = ("executed_jan_jul", "forecast_full_year")
READ_ONLY_KEYS = ("level1", "level2", "level3", "target")
WIDTHS = {
    "level1": 72,
    "level2": 72,
    "level3": 120,
    "target": 84,
    "done_jan_jul": 100,
    "forecast": 100,
    "deviation_cause": 84,
    "likelihood": 84,
    "correction": 160,
}
BAD_STYLE = "background: #f8c8c8;"


def monitoring_columns() -> tuple[ColumnSpec, ...]:
    """The columns of the 绩效运行监控表 (forms/common/cycle.toml), choices as the form words."""
    words = cycle_words()
    choices = {
        "deviation_cause": tuple(c.label for c in words.deviation_causes()),
        "likelihood": tuple(c.label for c in words.likelihoods()),
    }
    return tuple(
        ColumnSpec(
            c.key,
            c.label,
            editable=c.key not in READ_ONLY_KEYS,
            choices=choices.get(c.key),
            width=WIDTHS.get(c.key, 110),
        )
        for c in words.monitoring_columns()
    )


class MonitoringRows:
    """The rows: every indicator of the table, then monitored names no longer in it."""

    def __init__(self, project: Project) -> None:
        self.project = project
        names = {i.level3.strip() for i in project.indicators}
        self.rows: list[tuple[Indicator | None, str]] = [
            (i, i.level3.strip()) for i in project.indicators
        ]
        self.rows += [
            (None, m.level3.strip())
            for m in project.monitoring.indicators
            if m.level3.strip() not in names
        ]

    def count(self) -> int:
        """Number of rows."""
        return len(self.rows)

    def item(self, row: int, create: bool = False) -> MonitoringIndicator | None:
        """The monitored progress of a row (created when asked)."""
        name = self.rows[row][1]
        for found in self.project.monitoring.indicators:
            if found.level3.strip() == name:
                return found
        if not create or not name:
            return None
        made = MonitoringIndicator(level3=name)
        self.project.monitoring.indicators.append(made)
        return made

    def index_of(self, monitored: int) -> int:
        """The row showing ``project.monitoring.indicators[monitored]`` (-1 when none)."""
        items = self.project.monitoring.indicators
        if not 0 <= monitored < len(items):
            return -1
        name = items[monitored].level3.strip()
        return next((r for r, (_i, n) in enumerate(self.rows) if n == name), -1)

    def get(self, row: int, key: str) -> str:
        """The text of a cell (偏差原因 and 可能性 in the form's wording)."""
        indicator, name = self.rows[row]
        if key in READ_ONLY_KEYS:
            return str(getattr(indicator, key)) if indicator else (name if key == "level3" else "")
        item = self.item(row)
        if item is None:
            return ""
        value = str(getattr(item, key))
        words = cycle_words()
        table = {"deviation_cause": words.deviation_causes(), "likelihood": words.likelihoods()}
        labels = {c.key: c.label for c in table.get(key, ())}
        return labels.get(value, value)

    def set(self, row: int, key: str, value: str) -> str | None:
        """Write a cell; the choice columns store the JSON value."""
        if key in ("deviation_cause", "likelihood") and value:
            stored = (deviation_cause_key if key == "deviation_cause" else likelihood_key)(value)
            if stored is None:
                return f"“{value}”不是可选的值"
            value = stored
        item = self.item(row, create=True)
        if item is None:
            return "这一行没有三级指标名称，不能填写运行监控"
        setattr(item, key, value)
        return None

    def snapshot(self) -> object:
        """A copy of the monitored indicators."""
        return copy.deepcopy(self.project.monitoring.indicators)

    def restore(self, snapshot: object) -> None:
        """Put a copy of the monitored indicators back."""
        assert isinstance(snapshot, list)
        self.project.monitoring.indicators = copy.deepcopy(snapshot)


class MonitoringTab(QWidget):
    """Edits ``project.monitoring`` in place; ``edited`` after every accepted change."""

    edited = Signal()
    message = Signal(str)

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.project: Project | None = None
        self.rows: MonitoringRows | None = None
        words = cycle_words()
        months = words.label("monitoring", "months")
        self.budget_label = QLabel("—")
        self.amount_edits = {key: QLineEdit() for key in AMOUNTS}
        for key, edit in self.amount_edits.items():
            edit.setPlaceholderText("元，如 48000")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("0" * 16))
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0" * 24))
            edit.editingFinished.connect(lambda key=key: self._on_amount(key))
        self.amount_edits["executed_jan_jul"].setAccessibleName(f"{months}执行数")
        self.amount_edits["forecast_full_year"].setAccessibleName("全年预计执行数")
        self.rate_label = QLabel()
        self.rate_label.setTextFormat(Qt.TextFormat.RichText)
        self.model = CycleTableModel(monitoring_columns(), self)
        self.model.undo_stack = undo_stack
        self.model.edited.connect(self.edited)
        self.model.refused.connect(self.message)
        self.table = CycleTableView(self.model, words.label("monitoring", "title"), "correction")
        self._build(months)
        self.set_project(None)

    def _build(self, months: str) -> None:
        funds = QGroupBox(f"资金执行（截至{months}底）")
        form = QFormLayout(funds)
        form.addRow("全年预算数（元）：", self.budget_label)
        form.addRow(f"{months}执行数（元）：", self.amount_edits["executed_jan_jul"])
        form.addRow("全年预计执行数（元）：", self.amount_edits["forecast_full_year"])
        form.addRow(self.rate_label)
        hint = QLabel(
            f"年中“双监控”：按{months}实际填写每项指标的执行情况和全年预计，"
            "预计完不成的指标选择偏差原因和完成目标可能性，并写明纠偏措施。"
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(funds)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)

    # ----- showing ---------------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        """Show a project's 运行监控 (or nothing)."""
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        """Rows follow the indicators; amounts and the rate follow the project."""
        project = self.project
        self.rows = MonitoringRows(project) if project is not None else None
        self.model.set_source(self.rows)
        self.table.resizeRowsToContents()
        for key, edit in self.amount_edits.items():
            value = getattr(project.monitoring, key) if project else None
            edit.setText(fmt_yuan(value))
            edit.setStyleSheet("")
            edit.setToolTip("")
            edit.setEnabled(project is not None)
        self._show_rate()

    def _budget(self) -> Decimal | None:
        if self.project is None:
            return None
        return self.project.funds.budget()

    def _show_rate(self) -> None:
        budget = self._budget()
        self.budget_label.setText(fmt_yuan(budget) or "—（在“概况”页填写项目资金）")
        project = self.project
        executed = project.monitoring.executed_jan_jul if project else None
        rate = execution_rate(executed, budget)
        progress = fmt_rate(time_progress())
        if rate is None:
            self.rate_label.setText(f"执行率：—　时间进度：{progress}")
            return
        behind = rate < behind_threshold()
        colour = "#b00020" if behind else "#1b5e20"
        note = "，执行进度明显滞后" if behind else ""
        self.rate_label.setText(
            f"执行率：<b style='color:{colour}'>{fmt_rate(rate)}</b>　时间进度：{progress}{note}"
        )

    def set_findings(self, findings: list[Finding]) -> None:
        """Tint the cells the 审核 points at (its message as the tooltip)."""
        marks: dict[tuple[int, str], str] = {}
        for finding in findings:
            where = finding.location.get("monitoring")
            if isinstance(where, int) and self.rows is not None:
                row = self.rows.index_of(where)
                if row >= 0:
                    marks[(row, str(finding.location.get("column", "")))] = finding.message
        self.model.set_marks(marks)

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing."""
        self.model.read_only = flag
        for edit in self.amount_edits.values():
            edit.setReadOnly(flag)

    def focus(self, monitored: int | None, key: str) -> None:
        """Put the cursor where a finding points (amounts, or a monitored indicator's cell)."""
        if key in AMOUNTS or monitored is None or self.rows is None:
            self.amount_edits.get(key, self.amount_edits["executed_jan_jul"]).setFocus()
            return
        row = self.rows.index_of(monitored)
        column = self.model.column_of(key)
        if row >= 0 and column >= 0:
            index = self.model.index(row, column)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.setFocus()

    # ----- editing ---------------------------------------------------------------------------
    def _on_amount(self, key: str) -> None:
        project = self.project
        if project is None or self.model.read_only:
            return
        edit = self.amount_edits[key]
        title = "全年预计执行数" if key == "forecast_full_year" else "执行数"
        try:
            value = parse_typed_amount(edit.text(), title)
        except InputError as exc:
            edit.setStyleSheet(BAD_STYLE)
            edit.setToolTip(f"{exc}\n未保存，仍使用原来的值。")
            self.message.emit(str(exc))
            return
        old = getattr(project.monitoring, key)
        if value == old:
            edit.setStyleSheet("")
            edit.setText(fmt_yuan(value))
            return
        put = functools.partial(self.apply_amount, project, key)
        push(self.undo_stack, SwapCommand("修改运行监控金额", put, old, value))

    def apply_amount(self, project: Project, key: str, value: Decimal | None) -> None:
        """Set an amount (undo/redo) and show it."""
        setattr(project.monitoring, key, value)
        if project is self.project:
            edit = self.amount_edits[key]
            edit.setText(fmt_yuan(value))
            edit.setStyleSheet("")
            edit.setToolTip("")
            self._show_rate()
            self.edited.emit()
