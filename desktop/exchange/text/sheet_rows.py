"""The indicator rows of a 自评表 read from cells, with its 合计/总分 row kept as stated totals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.exchange.text.cellvalues import is_number, points
from desktop.exchange.text.vocab import Vocabulary, label_key
from desktop.model.forms import Form
from desktop.model.project import Indicator

_PLACEHOLDER_RE = re.compile(r"^(?:指标\d*|[…．.。]+)$")
_LEVEL3_PREFIX_RE = re.compile(r"^指标\s*\d+\s*[:：]?\s*(?=\S)")
_DIGIT_RE = re.compile(r"\d")
_LEVEL_KEYS = ("level1", "level2", "level3")
_HEADER_REACH = 16  # cells a first header row may hold before the 一级指标 cell
_SHORT_ROW = 3  # cells below which a row is the start of an indicator the next line goes on


@dataclass
class _State:
    form: Form
    vocab: Vocabulary
    columns: list[str]
    l1: str = ""
    l2: str = ""
    current: list[str] | None = None
    rows: list[tuple[str, str, list[str]]] = field(default_factory=list)
    totals: list[str] = field(default_factory=list)
    positions: dict[int, str] = field(default_factory=dict)
    width: int = 0


def _header_at(flat: list[str], vocab: Vocabulary) -> tuple[int, list[str]] | None:
    """Where the indicator header starts and its columns (一级指标 二级指标 三级指标 …)."""
    for i, cell in enumerate(flat):
        if vocab.header(cell) not in _LEVEL_KEYS:
            continue
        columns: list[str] = []
        j = i
        while j < len(flat):
            col = vocab.header(flat[j])
            if col is None:
                if not flat[j] and columns:
                    j += 1
                    continue
                break
            if col != "ignore" and col not in columns:
                columns.append(col)
            j += 1
        if sum(1 for c in columns if c in _LEVEL_KEYS) >= 2 and len(columns) >= 3:
            return j, columns + [c for c in _header_above(flat, i, vocab) if c not in columns]
    return None


def _header_above(flat: list[str], i: int, vocab: Vocabulary) -> list[str]:
    """Columns a first header row names before the 一级/二级/三级 row of a two-row header
    ("绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因…" over "一级指标 | … | 度量单位")."""
    above: list[str] = []
    k = i - 1
    while k >= 0 and i - k <= _HEADER_REACH and (not flat[k] or vocab.header(flat[k])):
        column = vocab.header(flat[k]) if flat[k] else None
        if column and column != "ignore" and column not in _LEVEL_KEYS:
            above.insert(0, column)
        k -= 1
    return list(dict.fromkeys(above))


def _level_of(state: _State, cell: str) -> str | None:
    """'l1' or 'l2' when a cell names a 一级 or 二级 指标."""
    key = label_key(cell).removesuffix("等")  # "服务对象满意度指标等"
    if not key:
        return None
    form = state.form
    canon = form.canonical_level2(key)
    current = form.find_level1(label_key(state.l1)) if state.l1 else None
    if current is not None and canon in current.level2:
        return "l2"
    if form.find_level1(key) is not None:
        return "l1"
    if any(canon in l1.level2 for l1 in form.framework):
        return "l2"
    if key.endswith("指标") and len(key) <= 10 and not _DIGIT_RE.search(key) and "：" not in key:
        return "l2"
    return None


@dataclass
class IndicatorRows:
    """Indicator rows of a table, its header columns, the numbers of its 合计 row, notes."""

    indicators: list[Indicator] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    totals: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_indicator_rows(
    rows: list[list[str]], rowed: bool, vocab: Vocabulary, form: Form
) -> IndicatorRows:
    """The indicator rows under the table's header (一级指标 二级指标 三级指标 …)."""
    out = IndicatorRows()
    marks: list[tuple[str, int]] = [(c, r) for r, row in enumerate(rows) for c in row]
    flat = [c for c, _ in marks]
    found = _header_at(flat, vocab)
    if found is None:
        return out
    start, columns = found
    values = [c for c in columns if c not in ("level1", "level2")]
    if "level3" not in values:
        values.insert(0, "level3")
    state = _State(form, vocab, values)
    out.columns = columns
    if rowed:
        at = marks[start - 1][1]
        header_row = rows[at]
        positions = {i: vocab.header(c) for i, c in enumerate(header_row) if c}
        state.positions = {i: c for i, c in positions.items() if c and c != "ignore"}
        if at > 0 and len(rows[at - 1]) == len(header_row):
            for i, cell in enumerate(rows[at - 1]):
                column = vocab.header(cell) if cell else None
                if column and column != "ignore" and column not in state.positions.values():
                    state.positions.setdefault(i, column)
        state.width = len(header_row)
        _rows_mode(state, marks[start:])
    else:
        _stream_mode(state, flat[start:])
    for l1, l2, cells in state.rows:
        indicator = _indicator(state, l1, l2, cells, out.notes)
        if indicator is not None:
            out.indicators.append(indicator)
    out.totals = state.totals
    return out


def _stream_mode(state: _State, cells: list[str]) -> None:
    width = len(state.columns)
    i = 0
    while i < len(cells):
        cell = cells[i]
        if state.current is not None and len(state.current) < width:
            state.current.append(cell)
            i += 1
            continue
        i = _row_start(state, cells, i)
        if i < 0:
            return


def _row_start(state: _State, cells: list[str], i: int) -> int:
    """Handle the cell at a row start; the next index, or -1 at the end of the table."""
    cell = cells[i]
    label = state.vocab.label(cell)
    if label == "table_end":
        return -1
    if label in ("totals", "subtotals"):
        numbers: list[str] = []
        j = i + 1
        while j < len(cells) and j <= i + 5 and (not cells[j] or is_number(cells[j])):
            if cells[j]:
                numbers.append(cells[j])
            j += 1
        if label == "totals":
            state.totals = numbers
        return j
    level = _level_of(state, cell)
    if level == "l1":
        state.l1, state.l2, state.current = cell, "", None
    elif level == "l2":
        state.l2, state.current = cell, None
    elif not cell:
        pass
    elif is_number(cell) and state.rows and len(state.rows[-1][2]) == len(state.columns):
        state.rows[-1][2].append(cell)  # a score column the header does not name
    elif not is_number(cell):
        state.current = [cell]
        state.rows.append((state.l1, state.l2, state.current))
    return i + 1


def _rows_mode(state: _State, marks: list[tuple[str, int]]) -> None:
    by_row: dict[int, list[str]] = {}
    for cell, r in marks:
        by_row.setdefault(r, []).append(cell)
    for cells in by_row.values():
        if len(cells) == state.width and len(state.positions) >= 3:
            done = _positional_row(state, cells)
            if done is None:
                return
            continue
        cells = list(cells)
        while cells and not cells[0]:
            cells.pop(0)
        if not cells:
            continue
        label = state.vocab.label(cells[0])
        if label == "table_end":
            _totals_later_in_row(state, cells)
            return
        if label in ("totals", "subtotals"):
            if label == "totals":
                state.totals = [c for c in cells[1:] if c and is_number(c)]
            continue
        levelled = False
        while cells and _level_of(state, cells[0]):
            if _level_of(state, cells[0]) == "l1":
                state.l1, state.l2 = cells[0], ""
            else:
                state.l2 = cells[0]
            cells.pop(0)
            levelled = True
        if not any(cells):
            continue
        last = state.rows[-1][2] if state.rows else None
        if not levelled and last is not None and len([c for c in last if c]) < _SHORT_ROW:
            last.extend(cells)  # a row the copy broke over lines ("…负担 |" / "有效 |" / …)
        else:
            state.rows.append((state.l1, state.l2, cells))


def _totals_later_in_row(state: _State, cells: list[str]) -> None:
    """ "其他需要说明事项 | 无 | 总分 | 100 | 96 | 优": the 总分 a closing row also holds."""
    for k, cell in enumerate(cells):
        if state.vocab.label(cell) == "totals":
            state.totals = [c for c in cells[k + 1 : k + 4] if c and is_number(c)]
            return


def _positional_row(state: _State, cells: list[str]) -> bool | None:
    """A row of a full-width grid (Word, PDF): each cell under its header; None ends the table."""
    first = next((c for c in cells if c), "")
    label = state.vocab.label(first)
    if label == "table_end":
        return None
    if label in ("totals", "subtotals"):
        if label == "totals":
            state.totals = [c for c in cells[1:] if c and is_number(c)]
        return True
    by_column: dict[str, str] = {}
    for i, column in state.positions.items():
        if i < len(cells) and cells[i] and column not in by_column:
            by_column[column] = cells[i]
    if by_column.get("level1"):
        state.l1, state.l2 = by_column["level1"], ""
    if by_column.get("level2"):
        state.l2 = by_column["level2"]
    values = [by_column.get(c, "") for c in state.columns]
    if any(values):
        state.rows.append((state.l1, state.l2, values))
    return True


def _short_row(columns: list[str], cells: list[str]) -> dict[str, str] | None:
    """A row that lost its empty cells ("减轻贫困学生家庭经济负担 | 有效 | 有效 | 10 | 10" under
    三级 | 指标性质 | 指标值 | 度量单位 | 完成值 | 分值 | 得分): too short to reach the 分值 column but
    ending in two figures, which are its 分值 and 得分; the texts between are 指标值 and 完成值."""
    if "weight" not in columns or "score" not in columns or columns[0] != "level3":
        return None
    filled = [c for c in cells if c]
    if len(cells) > columns.index("weight") or len(filled) < 3:
        return None
    if not (is_number(filled[-1]) and is_number(filled[-2])):
        return None
    middle = filled[1:-2]
    out = {"level3": filled[0], "weight": filled[-2], "score": filled[-1]}
    out.update(zip(("target", "actual"), middle[:2], strict=False))
    return out


def _indicator(
    state: _State, l1: str, l2: str, cells: list[str], notes: list[str]
) -> Indicator | None:
    values = _short_row(state.columns, cells) or dict(zip(state.columns, cells, strict=False))
    extra = cells[len(state.columns) :]
    level3 = values.get("level3", "")
    rest = [v for k, v in values.items() if k != "level3" and v]
    if not rest and (not level3 or _PLACEHOLDER_RE.match(level3)):
        return None
    level3 = _LEVEL3_PREFIX_RE.sub("", level3)
    ind = Indicator(
        level1=state.form.canonical_level1(l1) if l1 else "",
        level2=label_key(l2),
        level3=level3,
        target=values.get("target", ""),
        actual=values.get("actual", ""),
        deviation=values.get("deviation", ""),
        operator=values.get("operator") or None,
        unit=values.get("unit") or None,
    )
    for column in ("weight", "score"):
        text = values.get(column, "")
        if not text:
            continue
        value = points(text)
        if value is None:
            notes.append(
                f"指标“{level3}”的{'分值' if column == 'weight' else '得分'}“{text}”无法识别"
            )
        setattr(ind, column, value)
    if extra and ind.score is None and "score" not in state.columns:
        ind.score = points(extra[0])
    return ind
