"""Rebuild 绩效目标表 indicator rows from flattened table text (one cell a line)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.exchange.text.outline import FormOutline, squash
from desktop.model.errors import InputError
from desktop.model.forms import Form
from desktop.model.money import parse_points
from desktop.model.project import Indicator

# Value columns after 三级指标 in the order a 自评表 prints them.
VALUE_COLUMNS = ("level3", "target", "actual", "weight", "score", "deviation")


@dataclass
class TableResult:
    """Indicator rows read from a table, the header columns seen and notes for the import report."""

    indicators: list[Indicator] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _level2_owner(form: Form, cell: str) -> tuple[str, str] | None:
    """(一级, 二级) when a cell names a 二级 of the framework (after alias mapping)."""
    canon = form.canonical_level2(cell)
    for l1 in form.framework:
        if canon in l1.level2:
            return l1.name, canon
    return None


def classify(form: Form, cell: str, current_l1: str) -> tuple[str, str, str]:
    """('l1'|'l2'|'value', 一级, 二级) for one cell given the current 一级."""
    clean = squash(cell)
    current = form.find_level1(current_l1) if current_l1 else None
    canon2 = form.canonical_level2(clean)
    if current is not None and canon2 in current.level2:
        return "l2", current.name, canon2
    found = form.find_level1(clean)
    if found is not None:
        return "l1", found.name, ""
    owner = _level2_owner(form, clean)
    if owner is not None:
        return "l2", owner[0], owner[1]
    return "value", "", ""


def _set_value(ind: Indicator, column: str, value: str, notes: list[str]) -> None:
    if column in ("weight", "score"):
        try:
            setattr(ind, column, parse_points(value, column))
        except InputError:
            label = "分值" if column == "weight" else "得分"
            notes.append(f"指标“{ind.level3}”的{label}“{value}”无法识别，已记入偏差原因栏")
            ind.deviation = (ind.deviation + " " + value).strip()
    elif column in ("level3", "target", "actual", "deviation"):
        setattr(ind, column, value)


def _finish(ind: Indicator, columns: list[str]) -> Indicator:
    # Tables that give only 三级指标 (seed 003) write the value into it: keep it as the target too.
    if "target" not in columns and not ind.target:
        ind.target = ind.level3
    return ind


def rows_from_cells(outline: FormOutline, groups: list[list[str]]) -> TableResult:
    """Indicators from flattened table text: groups of non-empty cells separated by blank lines."""
    form = outline.form
    result = TableResult()
    value_columns: list[str] = []
    l1 = l2 = ""
    current: Indicator | None = None
    filled = 0
    for group in groups:
        current = None  # a blank line ends a table row
        for cell in group:
            column = outline.table.column_of(cell)
            if column is not None:
                if column in VALUE_COLUMNS and column not in value_columns:
                    value_columns.append(column)
                if column not in result.columns:
                    result.columns.append(column)
                continue
            kind, name1, name2 = classify(form, cell, l1)
            if kind == "l1":
                l1, l2, current = name1, "", None
                continue
            if kind == "l2":
                l1, l2, current = name1, name2, None
                continue
            columns = value_columns or ["level3"]
            if "level3" not in columns:
                columns = ["level3", *columns]
            if current is None or filled >= len(columns):
                current = Indicator(level1=l1, level2=l2)
                result.indicators.append(current)
                filled = 0
            _set_value(current, columns[filled], cell.strip(), result.notes)
            filled += 1
    result.indicators = [_finish(i, value_columns) for i in result.indicators]
    for ind in result.indicators:
        if not ind.level1 or not ind.level2:
            result.notes.append(f"指标“{ind.level3}”缺少一级或二级指标，请补充")
    return result
