"""Rebuild 绩效目标表 indicator rows from flattened table text (one cell a line) or a cell grid."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.exchange.text.facts import parse_number
from desktop.exchange.text.outline import FormOutline, squash
from desktop.model.errors import InputError
from desktop.model.forms import Form
from desktop.model.money import WAN, parse_points, round_money
from desktop.model.project import SOURCE_LABELS, FundsRow, Indicator
from desktop.model.vocabulary import vocabulary

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


def rows_from_grid(outline: FormOutline, rows: list[list[str]]) -> TableResult:
    """Indicators from a table grid (Word table): a header row names the columns."""
    form = outline.form
    result = TableResult()
    header_at: dict[int, str] = {}
    l1 = l2 = ""
    for row in rows:
        cells = [c.strip() for c in row]
        named = {i: outline.table.column_of(c) for i, c in enumerate(cells) if c}
        if not header_at and sum(1 for v in named.values() if v and v != "ignore") >= 2:
            header_at = {i: v for i, v in named.items() if v and v != "ignore"}
            result.columns = list(dict.fromkeys(header_at.values()))
            continue
        if not header_at:
            continue
        values: dict[str, str] = {}
        for i, column in header_at.items():
            if i < len(cells) and cells[i] and column not in values:
                values[column] = cells[i]
        if "level1" in values:
            kind, name1, _ = classify(form, values["level1"], "")
            l1 = name1 if kind == "l1" else values["level1"]
            l2 = ""
        if "level2" in values:
            kind, name1, name2 = classify(form, values["level2"], l1)
            if kind == "l2":
                l1, l2 = name1, name2
            else:
                l2 = values["level2"]
        rest = [c for c in VALUE_COLUMNS if values.get(c)]
        if not rest:
            continue
        ind = Indicator(level1=l1, level2=l2)
        for column in VALUE_COLUMNS:
            if values.get(column):
                _set_value(ind, column, values[column], result.notes)
        result.indicators.append(_finish(ind, result.columns))
    return result


def _funds_source(label: str) -> str | None:
    """The funds source a row label names (年度资金总额 → total, 其中：当年财政拨款 → fiscal …)."""
    flat = squash(label).removeprefix("其中：").removeprefix("其中:")
    for source, text in SOURCE_LABELS.items():
        if flat and flat == squash(text).removeprefix("其中："):
            return source
    for term in vocabulary().funds_sources:
        if any(flat.startswith(squash(alias)) for alias in term.aliases):
            return term.key
    return None


def funds_from_grid(rows: list[list[str]]) -> dict[str, FundsRow]:
    """The funds rows of a 自评表 grid (年初预算数/全年预算数/全年执行数, 万元 or 元); {} if none."""
    labels = {squash(name): t.key for t in vocabulary().funds_columns for name in t.names}
    columns: dict[int, str] = {}
    in_wan = any("万元" in cell for row in rows for cell in row)
    found: dict[str, FundsRow] = {}
    for row in rows:
        named = {i: labels[squash(c)] for i, c in enumerate(row) if squash(c) in labels}
        if len(named) >= 2:
            columns = named
            continue
        if not columns:
            continue
        first = min(columns)
        source = next((s for c in row[:first] if (s := _funds_source(c))), None)
        if source is None or source in found:
            continue
        funds_row = FundsRow(source)
        for i, column in columns.items():
            value = parse_number(row[i]) if i < len(row) else None
            if value is not None:
                setattr(funds_row, column, round_money(value * WAN if in_wan else value))
        if not funds_row.is_empty():
            found[source] = funds_row
    return found
