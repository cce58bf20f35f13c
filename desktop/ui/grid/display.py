"""What each cell of the grid shows: text, raw values, tooltips, tints and fonts."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.model.checks.core import execution_over_weight
from desktop.model.findings import ERROR, HINT, SEVERITY_ORDER, WARNING, Finding
from desktop.model.money import fmt_points, fmt_rate, fmt_wan
from desktop.model.scoring import execution_rate
from desktop.ui.grid.columns import FIELDS, NUMERIC_FIELDS, Column, Role, RowKind
from desktop.ui.grid.surfaces import CellSource

TINTS = {
    ERROR: QColor("#f6c9c9"),
    WARNING: QColor("#fbe1bd"),
    HINT: QColor("#fff3bf"),
}
COMPUTED = QColor("#f1f1f1")
SPECIAL_ROW = QColor("#e6edf7")
GREY_TEXT = QColor("#666666")
LONG_TEXT = 10  # characters beyond which a text cell's tooltip repeats the whole text


@cache
def bold_font() -> QFont:
    """The font of the execution and totals labels (made once a QApplication exists)."""
    font = QFont()
    font.setBold(True)
    return font


def _common(model: CellSource, row: int, column: Column, role: int, own: Sequence[Finding]) -> Any:
    found = [*own, *model.findings_at(row, column)]
    if role == Qt.ItemDataRole.BackgroundRole:
        if found:
            worst = min(found, key=lambda f: SEVERITY_ORDER.get(f.severity, 2))
            return QBrush(TINTS.get(worst.severity, TINTS[HINT]))
        if model.kind(row) != RowKind.INDICATOR:
            return QBrush(SPECIAL_ROW)
        if column == Column.SUGGESTED:
            return QBrush(COMPUTED)
        return None
    if role == Role.ISSUES:
        return [f.message for f in found]
    if role == Qt.ItemDataRole.TextAlignmentRole:
        if column in (Column.WEIGHT, Column.SCORE, Column.SUGGESTED):
            return int(Qt.AlignmentFlag.AlignCenter)
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return None


def _tooltip(
    model: CellSource, lines: list[str], row: int, column: Column, own: Sequence[Finding]
) -> str:
    found = [f"{f.severity}：{f.message}" for f in (*own, *model.findings_at(row, column))]
    return "\n".join([*found, *lines])


def indicator_cell(model: CellSource, position: int, column: Column, role: int) -> Any:
    ind = model.project.indicators[position]  # type: ignore[union-attr]
    info = model.row_info(position)
    name = FIELDS.get(column)
    own = info.findings.get(name, ()) if name else ()
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
        if column == Column.SUGGESTED:
            return fmt_points(info.suggestion.score)
        value = getattr(ind, name or "")
        return fmt_points(value) if name in NUMERIC_FIELDS else (value or "")
    if role == Role.VALUE:
        if column == Column.SUGGESTED:
            return info.suggestion.score
        return getattr(ind, name or "")
    if role == Role.UNDERSTOOD:
        return info.understood if column == Column.TARGET else None
    if role == Qt.ItemDataRole.ToolTipRole:
        lines: list[str] = []
        if column == Column.TARGET and info.understood:
            lines.append(f"理解为：{info.understood}")
        if column == Column.SUGGESTED:
            lines.append(info.suggestion.reason)
        if column == Column.SCORE and ind.score is None:
            lines.append("未填得分：合计按建议得分计")
        text = (getattr(ind, name) or "") if name and name not in NUMERIC_FIELDS else ""
        if len(text) > LONG_TEXT:
            lines.insert(0, text)  # the cell elides long text; the tooltip shows all of it
        return _tooltip(model, lines, position + 1, column, own) or None
    if role == Qt.ItemDataRole.ForegroundRole and column == Column.SUGGESTED:
        return QBrush(GREY_TEXT)
    return _common(model, position + 1, column, role, own)


def execution_cell(model: CellSource, column: Column, role: int) -> Any:
    project = model.project
    assert project is not None
    summary = model.summary()
    ex = project.execution
    own = execution_over_weight(project) if column == Column.SCORE else []
    values: dict[Column, Any] = {
        Column.LEVEL1: "预算执行率",
        Column.TARGET: f"预算{fmt_wan(project.funds.effective('full_year'))}万元",
        Column.ACTUAL: f"执行率{fmt_rate(execution_rate(project))}",
        Column.WEIGHT: ex.weight,
        Column.SCORE: ex.score,
        Column.SUGGESTED: summary.execution_score if summary else None,
    }
    value = values.get(column, "")
    if role == Role.VALUE:
        return value
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
        return fmt_points(value) if isinstance(value, Decimal) or value is None else value
    if role == Qt.ItemDataRole.ToolTipRole:
        executed = fmt_wan(project.funds.effective("executed"))
        lines = {
            Column.ACTUAL: [f"全年执行数 {executed} 万元"],
            Column.SUGGESTED: ["分值 × min(执行率, 1)"],
            Column.SCORE: ["未填得分：合计按建议得分计"] if ex.score is None else [],
        }.get(column, [])
        return _tooltip(model, lines, 0, column, own) or None
    if role == Qt.ItemDataRole.FontRole and column == Column.LEVEL1:
        return bold_font()
    return _common(model, 0, column, role, own)


def total_cell(model: CellSource, column: Column, role: int) -> Any:
    summary = model.summary()
    if summary is None:
        return None
    row = model.total_row()
    own = model.total_findings() if column == Column.WEIGHT else []
    values: dict[Column, Any] = {
        Column.LEVEL1: "总分",
        Column.WEIGHT: summary.weight_total,
        Column.SCORE: summary.entered_total,
        Column.SUGGESTED: summary.suggested_total,
        Column.DEVIATION: f"评价等级：{summary.grade}（按建议得分：{summary.suggested_grade}）",
    }
    value = values.get(column, "")
    if role == Role.VALUE:
        return value
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
        return fmt_points(value) if isinstance(value, Decimal) else value
    if role == Qt.ItemDataRole.ToolTipRole:
        return _tooltip(model, [], row, column, own) or None
    if role == Qt.ItemDataRole.FontRole:
        return bold_font()
    return _common(model, row, column, role, own)
