"""Read a 项目支出绩效自评表 from its cells (text in any shape, a Word or PDF table).

Labels (项目名称, 主管部门, 实施单位, the funds block, 年度总体目标, the indicator header) come from
forms/*.toml [text_import]; the value of a label is the cell after it. 合计/总分 rows are kept as
stated totals, never as indicators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.exchange.text.cells import CellTable
from desktop.exchange.text.cellvalues import amount, is_number, points
from desktop.exchange.text.sheet_rows import read_indicator_rows
from desktop.exchange.text.vocab import Vocabulary, label_key, vocabulary
from desktop.model.forms import Form
from desktop.model.money import fmt_points
from desktop.model.project import FundsRow, Indicator

_YEAR_RE = re.compile(r"[（(]?\s*(20\d{2})\s*年度?\s*[）)]")
FUNDS_EXTRA = ("weight", "rate", "score", "reason")


@dataclass
class Sheet:
    """What a 自评表 states."""

    name: str = ""
    unit: str = ""
    department: str = ""
    year: int | None = None
    title: str = ""
    funds: dict[str, FundsRow] = field(default_factory=dict)
    arrived: Decimal | None = None
    execution_weight: Decimal | None = None
    execution_score: Decimal | None = None
    goal_target: str = ""
    goal_actual: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    totals: dict[str, str] = field(default_factory=dict)
    claimed_score: Decimal | None = None
    claimed_grade: str = ""
    notes: list[str] = field(default_factory=list)


def _join_split_cells(cells: list[str], vocab: Vocabulary) -> list[str]:
    """Cells a line break split in two ("年初" "预算数") joined when together they are a label."""
    out: list[str] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        if i + 1 < len(cells) and cell and cells[i + 1]:
            both = cell + cells[i + 1]
            if vocab.known(both) and (not vocab.known(cell) or cells[i + 1] == "指标"):
                out.append(both)
                i += 2
                continue
        out.append(cell)
        i += 1
    return out


def read_sheet(table: CellTable, form: Form, wan_default: bool = True) -> Sheet:
    """The 自评表 held by a table of cells."""
    vocab = vocabulary()
    rows = [_join_split_cells(r, vocab) for r in table.rows]
    sheet = Sheet()
    flat = [c for r in rows for c in r]
    _read_labels(sheet, flat, vocab)
    in_wan = wan_default and not any(label_key(c).endswith("（元）") for c in flat)
    _read_funds(sheet, rows, table.rowed, vocab, in_wan)
    _read_goals(sheet, flat, vocab)
    _read_indicators(sheet, rows, table.rowed, vocab, form)
    return sheet


def _next_value(flat: list[str], i: int, vocab: Vocabulary, reach: int = 3) -> str:
    for j in range(i + 1, min(len(flat), i + 1 + reach)):
        cell = flat[j]
        if not cell:
            continue
        if vocab.known(cell) or vocab.header(cell):
            return ""
        return cell
    return ""


def _read_labels(sheet: Sheet, flat: list[str], vocab: Vocabulary) -> None:
    for i, cell in enumerate(flat):
        if sheet.year is None:
            m = _YEAR_RE.search(cell)
            if m and len(cell) <= 40:
                sheet.year = int(m.group(1))
        label = vocab.label(cell)
        if label is None:
            continue
        if label in ("name", "unit", "department") and not getattr(sheet, label):
            value = _next_value(flat, i, vocab)
            if value and not is_number(value):
                setattr(sheet, label, value)
        elif label == "totals":
            _read_total_row(sheet, flat, i)
        elif label == "claimed_score" and sheet.claimed_score is None:
            for j in range(i + 1, min(len(flat), i + 7)):
                if is_number(flat[j]) and not flat[j].endswith("%"):
                    score = points(flat[j])
                    # a score is at most 100: a larger figure is an amount of the funds row
                    sheet.claimed_score = score if score is not None and score <= 100 else None
                    break
                if vocab.header(flat[j]) or vocab.funds_column(flat[j]):
                    break
        elif label == "claimed_grade" and not sheet.claimed_grade:
            value = _next_value(flat, i, vocab)
            if value and len(value) <= 4:
                sheet.claimed_grade = value


def _funds_header(
    cells: list[str], vocab: Vocabulary, single: bool = False
) -> list[str | None] | None:
    """Columns of a funds header run (年初预算数 全年预算数 全年执行数 分值 执行率 得分)."""
    columns: list[str | None] = []
    for cell in cells:
        col = vocab.funds_column(cell)
        key = label_key(cell)
        if col is None and key in ("分值", "权重"):
            col = "weight"
        elif col is None and key in ("执行率", "预算执行率"):
            col = "rate"
        elif col is None and key == "得分":
            col = "score"
        elif col is None and key in ("原因", "偏差原因"):
            col = "reason"
        if col is None:
            break
        columns.append(col)
        if single:
            return columns
    named = [c for c in columns if c not in FUNDS_EXTRA]
    return columns if len(named) >= 2 else None


def _grid_funds(sheet: Sheet, rows: list[list[str]], vocab: Vocabulary, in_wan: bool) -> bool:
    """Funds of a full-width grid (Word, PDF): each amount under its column label."""
    positions: dict[int, str] = {}
    width = 0
    for row in rows:
        named = {i: c for i, cell in enumerate(row) if cell and (c := _funds_column(cell, vocab))}
        if sum(1 for c in named.values() if c not in FUNDS_EXTRA) >= 2:
            positions, width = named, len(row)
            continue
        if not positions:
            continue
        first = min(positions)
        at = next((j for j, c in enumerate(row[: first + 1]) if vocab.funds_row(c)), None)
        if at is None:
            continue
        source = vocab.funds_row(row[at])
        if source is None or source in sheet.funds:
            continue
        # a full-width grid puts each amount under its label (cells merged with the row's label
        # are empty); when amounts come before the header's first amount column, they start
        # right after the label ("预算执行情况(10分) | 年度预算数(万元) | 年初预算 …" over
        # "总额 | 0.00 …")
        early = any(is_number(c) for c in row[at + 1 : first])
        if len(row) != width and not early:
            continue
        shift = first - (at + 1) if early else 0
        header: list[str | None] = [None] * len(row)
        for i, column in positions.items():
            if 0 <= i - shift < len(row):
                header[i - shift] = column
        _set_funds(sheet, source, header, row, in_wan, False)
    return bool(sheet.funds)


def _funds_column(cell: str, vocab: Vocabulary) -> str | None:
    found = _funds_header([cell], vocab, single=True)
    return found[0] if found else None


def _read_funds(
    sheet: Sheet, rows: list[list[str]], rowed: bool, vocab: Vocabulary, in_wan: bool
) -> None:
    if rowed and _grid_funds(sheet, rows, vocab, in_wan):
        return
    flat = [c for r in rows for c in r]
    header: list[str | None] | None = None
    for i, cell in enumerate(flat):
        if header is None:
            header = _funds_header(flat[i:], vocab)
            if header is None:
                _key_value_funds(sheet, flat, i, vocab, in_wan)
            continue
        source = vocab.funds_row(cell)
        if source is None or source in sheet.funds:
            if vocab.header(cell) in ("level1", "level2", "level3"):
                break
            continue
        values = _row_values(flat, i + 1, len(header), vocab)
        _set_funds(sheet, source, header, values, in_wan, rowed)


def _row_values(flat: list[str], start: int, width: int, vocab: Vocabulary) -> list[str]:
    """The cells after a row label: up to ``width`` cells, stopping at the next label."""
    values: list[str] = []
    j = start
    while j < len(flat) and len(values) < width:
        cell = flat[j]
        blank = not cell or is_number(cell) or cell in ("/", "-", "—", "／")
        if not blank and (vocab.known(cell) or len(values) > 0 or len(cell) > 12):
            break
        values.append(cell)
        j += 1
    while values and not values[0] and sum(1 for v in values if v) < len(values) - 1:
        values.pop(0)
    return values


def _set_funds(
    sheet: Sheet,
    source: str,
    header: list[str | None],
    values: list[str],
    in_wan: bool,
    right: bool,
) -> None:
    filled = [v for v in values if v]
    if not filled:
        return
    if right and len(values) < len(header):
        values = [""] * (len(header) - len(values)) + values  # right-aligned: leading cells merged
    elif len(values) < len(header) and "rate" in header:
        # a flattened row lost its empty cells: the 执行率 cell ("97.80%") tells how many amount
        # cells are missing before it; the first ones are the empty ones (年初预算数 not filled)
        pct = next((k for k, v in enumerate(values) if v.endswith("%")), None)
        if pct is not None and header.index("rate") > pct:
            values = [""] * (header.index("rate") - pct) + values
    row = FundsRow(source)
    for column, cell in zip(header, values, strict=False):
        if column in ("initial", "full_year", "executed"):
            setattr(row, column, amount(cell, in_wan))
        elif column == "arrived" and source == "total":
            sheet.arrived = amount(cell, in_wan)
        elif column == "weight" and source == "total":
            sheet.execution_weight = points(cell)
        elif column == "score" and source == "total":
            sheet.execution_score = points(cell)
    if not row.is_empty():
        sheet.funds[source] = row


def _key_value_funds(
    sheet: Sheet, flat: list[str], i: int, vocab: Vocabulary, in_wan: bool
) -> None:
    """ "计划安排资金（万元）" "48": a funds column label with its amount in the next cell."""
    column = vocab.funds_column(flat[i])
    if column is None:
        return
    wan = in_wan or "万元" in flat[i]
    value = ""
    for cell in (c for c in flat[i + 1 : i + 4] if c):
        unit = label_key(cell).strip("（）")
        if unit in ("万元", "元"):  # "计划安排资金 | (万元) | 48": the label's unit in a cell
            wan = unit == "万元"
            continue
        value = cell
        break
    money = amount(value, wan) if is_number(value) else None
    if money is None:
        return
    if column == "arrived":
        if sheet.arrived is None:
            sheet.arrived = money
        return
    row = sheet.funds.setdefault("total", FundsRow("total"))
    if row.get(column) is None:
        setattr(row, column, money)


def _read_goals(sheet: Sheet, flat: list[str], vocab: Vocabulary) -> None:
    for i, cell in enumerate(flat[:-1]):
        if vocab.label(cell) != "goal_target":
            continue
        if vocab.label(flat[i + 1]) != "goal_actual":
            continue
        texts = [c for c in flat[i + 2 : i + 6] if c and not vocab.known(c)]
        if texts:
            sheet.goal_target = texts[0]
            sheet.goal_actual = texts[1] if len(texts) > 1 else ""
        return


GRADE_WORDS = ("优秀", "良好", "中等", "较差", "优", "良", "中", "差", "合格", "不合格")


def _read_total_row(sheet: Sheet, flat: list[str], i: int) -> None:
    """ "总分 100 96 优": the 分值 and 得分 the row states (the score is the claimed one) and the
    grade after them; a lone figure is left to the indicator rows to place."""
    numbers: list[Decimal] = []
    j = i + 1
    # merged cells of a Word/PDF grid leave empty cells between the label and its figures
    while (
        j < len(flat) and j <= i + 12 and len(numbers) < 2 and (not flat[j] or is_number(flat[j]))
    ):
        value = points(flat[j]) if flat[j] else None
        if value is not None:
            numbers.append(value)
        j += 1
    while j < len(flat) and j <= i + 12 and not flat[j]:
        j += 1
    if len(numbers) == 2 and all(n <= 100 for n in numbers):
        sheet.totals = sheet.totals or {
            "weight": fmt_points(numbers[0]),
            "score": fmt_points(numbers[1]),
        }
        if sheet.claimed_score is None:
            sheet.claimed_score = numbers[1]
    if numbers and j < len(flat) and label_key(flat[j]) in GRADE_WORDS and not sheet.claimed_grade:
        sheet.claimed_grade = label_key(flat[j])


def _read_indicators(
    sheet: Sheet, rows: list[list[str]], rowed: bool, vocab: Vocabulary, form: Form
) -> None:
    found = read_indicator_rows(rows, rowed, vocab, form)
    sheet.indicators, sheet.columns = found.indicators, found.columns
    sheet.notes.extend(found.notes)
    values = [v for v in (points(n) for n in found.totals) if v is not None]
    if not values:
        return
    if len(values) >= 2:
        sheet.totals = {"weight": fmt_points(values[0]), "score": fmt_points(values[1])}
        if sheet.claimed_score is None:
            sheet.claimed_score = values[1]
        return
    weights = sum((i.weight for i in sheet.indicators if i.weight is not None), Decimal(0))
    scores = sum((i.score for i in sheet.indicators if i.score is not None), Decimal(0))
    only = values[0]
    exec_w = sheet.execution_weight or Decimal(0)
    if only in (weights, weights + exec_w) or (only == 100 and only != scores):
        sheet.totals = {"weight": fmt_points(only)}
    else:
        sheet.totals = {"score": fmt_points(only)}
