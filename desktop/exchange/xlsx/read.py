"""Read one 项目支出绩效自评表 sheet back into a Project (labels found by text, tolerant)."""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.exchange.xlsx import layout as L
from desktop.exchange.xlsx.cells import Grid, norm, read_amount, read_points
from desktop.model.errors import InputError
from desktop.model.forms import Form
from desktop.model.money import WAN
from desktop.model.profiles import profile_funds_aliases, profile_source_aliases
from desktop.model.project import (
    FUNDS_COLUMN_LABELS,
    FUNDS_COLUMNS,
    SOURCE_LABELS,
    YEAR_MAX,
    YEAR_MIN,
    Execution,
    Funds,
    FundsRow,
    Goals,
    Indicator,
    Project,
    Unit,
)
from desktop.model.vocabulary import vocabulary

_YEAR_RE = re.compile(r"(\d{4})\s*年")
_UNIT_NOTE_RE = re.compile(r"单位[:：]\s*(万元|元)")
# The other spellings of the funds block seen in real tables (forms/common/vocabulary.toml).
SOURCE_ALIASES: dict[str, str] = {
    norm(alias): t.key for t in vocabulary().funds_sources for alias in t.aliases
}
FUNDS_ALIASES: dict[str, str] = {
    norm(alias): t.key for t in vocabulary().funds_columns for alias in t.aliases
}
TOTAL_MARKS = (L.LABEL_TOTAL, "合计")
SEAL_MARK = "(盖章)"  # "实施单位（盖章）" on 四川's form
SINGLE_LABELS = {norm(x) for x in (L.LABEL_NAME, L.LABEL_DEPARTMENT, L.LABEL_UNIT)}
SINGLE_LABELS.add(norm(L.LABEL_UNIT) + SEAL_MARK)
# 分值/得分 of the execution line as provincial forms name them (四川: 权重; 湖南: 自评得分).
EXEC_ALIASES = {
    norm(L.LABEL_WEIGHT): norm(L.LABEL_WEIGHT),
    "权重": norm(L.LABEL_WEIGHT),
    norm(L.LABEL_SCORE): norm(L.LABEL_SCORE),
    "自评得分": norm(L.LABEL_SCORE),
}


def is_self_evaluation_sheet(grid: Grid) -> bool:
    """True when the sheet has the labels of a 自评表 (项目名称 and 三级指标)."""
    return (
        grid.find(lambda t: t == norm(L.LABEL_NAME)) is not None
        and grid.find(lambda t: t == norm(L.LEVEL3.label)) is not None
    )


def read_project_sheet(grid: Grid, form: Form) -> Project:
    """The Project of one sheet; InputError naming the sheet and cell on bad content."""
    name_at = _label(grid, L.LABEL_NAME)
    name = _value_right(grid, *name_at)
    if not name:
        raise InputError(f"{grid.where(*name_at)}：项目名称为空")
    unit_at = _label(grid, L.LABEL_UNIT)
    unit_name = _value_right(grid, *unit_at)
    if not unit_name:
        raise InputError(f"{grid.where(*unit_at)}：实施单位为空")
    dept_at = grid.find(lambda t: t == norm(L.LABEL_DEPARTMENT))
    department = _value_right(grid, *dept_at) if dept_at else ""
    year = title_year(grid, name_at[0])
    funds, execution, funds_end = _funds(grid, name_at[0])
    goals, goals_end = _goals(grid, funds_end)
    indicators = _indicators(grid, form, goals_end)
    return Project(
        unit=Unit(name=unit_name, department=department),
        year=year,
        name=name,
        form=form.key,
        funds=funds,
        execution=execution,
        goals=goals,
        indicators=indicators,
    )


def _label(grid: Grid, label: str) -> tuple[int, int]:
    at = grid.find(lambda t: t.removesuffix(SEAL_MARK) == norm(label))
    if at is None:
        raise InputError(f"第 {grid.index} 张表“{grid.title}”：找不到“{label}”，不是自评表格式")
    return at


def _value_right(grid: Grid, row: int, col: int) -> str:
    """The first value right of a label in its row, stopping at the next label."""
    for c in range(grid.right_edge(row, col) + 1, grid.max_col + 1):
        if grid.is_covered(row, c):
            continue
        text = grid.text(row, c)
        if norm(text) in SINGLE_LABELS:
            return ""
        if text:
            return text
    return ""


def title_year(grid: Grid, before_row: int, example: str = "（2023年度）") -> int:
    """The year in the title rows (1 to ``before_row``); InputError showing ``example``."""
    for r in range(1, before_row + 1):
        for c in grid.row_cells(r):
            m = _YEAR_RE.search(grid.text(r, c))
            if m and YEAR_MIN <= int(m.group(1)) <= YEAR_MAX:
                return int(m.group(1))
    raise InputError(f"第 {grid.index} 张表“{grid.title}”：标题中找不到年度（如“{example}”）")


def _scale(grid: Grid, label_text: str, before_row: int) -> Decimal:
    """× this turns the sheet's amounts into 元: 万元 unless the header says 元."""
    found = _UNIT_NOTE_RE.search(label_text)
    for r in range(1, before_row + 1):
        if found:
            break
        for c in grid.row_cells(r):
            found = found or _UNIT_NOTE_RE.search(grid.text(r, c))
    if found:
        return Decimal(1) if found.group(1) == "元" else WAN
    compact = norm(label_text)
    if "(元)" in compact:
        return Decimal(1)
    return WAN


def _funds_column(text: str) -> str | None:
    t = norm(text)
    for key, label in FUNDS_COLUMN_LABELS.items():
        if t == norm(label):
            return key
    return FUNDS_ALIASES.get(t) or profile_funds_aliases().get(t)


def _source(text: str) -> str | None:
    t = norm(text)
    for prefix in ("其中:", "其中"):
        t = t.removeprefix(prefix)
    for key, label in SOURCE_LABELS.items():
        if t == norm(label).removeprefix("其中:"):
            return key
    return SOURCE_ALIASES.get(t) or profile_source_aliases().get(t)


def _funds(grid: Grid, after_row: int) -> tuple[Funds, Execution, int]:
    """The funds block: amounts by source, the execution 分值 and 得分; returns its last row."""
    head = grid.find(lambda t: _funds_column(t) == "initial", range(after_row, grid.max_row + 1))
    if head is None:
        raise InputError(f"第 {grid.index} 张表“{grid.title}”：找不到资金表（“年初预算数”）")
    head_row = head[0]
    label_at = grid.find(lambda t: t.startswith("项目资金"), range(after_row, head_row + 1))
    scale = _scale(grid, grid.text(*label_at) if label_at else "", head_row)
    columns: dict[str, int] = {}
    extra: dict[str, int] = {}
    for c in grid.row_cells(head_row):
        key = _funds_column(grid.text(head_row, c))
        if key:
            columns[key] = c
        elif norm(grid.text(head_row, c)) in EXEC_ALIASES:
            extra[EXEC_ALIASES[norm(grid.text(head_row, c))]] = c
    first_value_col = min(columns.values())
    funds = Funds()
    execution = Execution()
    row = head_row + 1
    last = head_row
    while row <= grid.max_row:
        source = None
        for c in range(1, first_value_col):
            source = _source(grid.text(row, c))
            if source:
                break
        if source is None:
            if any(grid.text(row, c) for c in range(1, grid.max_col + 1)):
                break
            row += 1  # tolerate blank rows inside the block
            continue
        amounts = {k: read_amount(grid, row, columns[k], scale) for k in columns}
        funds.rows[source] = FundsRow(source, *(amounts.get(k) for k in FUNDS_COLUMNS))
        if source == "total" or (source == "fiscal" and "total" not in funds.rows):
            weight_col = extra.get(norm(L.LABEL_WEIGHT))
            score_col = extra.get(norm(L.LABEL_SCORE))
            if weight_col and not grid.is_covered(row, weight_col):
                weight = read_points(grid, row, weight_col)
                if weight is not None:
                    execution.weight = weight
            if score_col and not grid.is_covered(row, score_col):
                execution.score = read_points(grid, row, score_col)
        last = row
        row += 1
    for key in list(funds.rows):
        if funds.rows[key].is_empty():
            del funds.rows[key]
    return funds, execution, last


def _goals(grid: Grid, after_row: int) -> tuple[Goals, int]:
    """年度总体目标: 预期目标 and 实际完成情况 with their text below (or right of) the headers."""
    rows = range(after_row + 1, grid.max_row + 1)
    at = grid.find(lambda t: t.startswith(norm(L.LABEL_GOALS)), rows)
    if at is None:
        return Goals(), after_row
    end = grid.bottom_edge(*at)
    texts: dict[str, str] = {}
    for label, key in (
        (norm(L.LABEL_GOAL_TARGET), "target"),
        (norm(L.LABEL_GOAL_ACTUAL), "actual"),
    ):
        head = grid.find(lambda t, lab=label: t.startswith(lab), range(at[0], end + 1))
        if head is None:
            continue
        below = grid.bottom_edge(*head) + 1
        if not _is_indicator_header(grid, below):
            texts[key] = grid.text(below, head[1])
            end = max(end, below)
    if not texts:  # one-row variant: the goal text right of the label
        texts["target"] = _value_right(grid, *at)
    return Goals(texts.get("target", ""), texts.get("actual", "")), end


def _is_indicator_header(grid: Grid, row: int) -> bool:
    return any(norm(grid.text(row, c)) == norm(L.LEVEL3.label) for c in grid.row_cells(row))


def _indicator_columns(grid: Grid, row: int) -> dict[str, int]:
    """Columns by header text; a two-row header (年度指标值 over 指标性质/指标值/度量单位)
    is read from both rows, the lower row naming the split columns."""
    found: dict[str, int] = {}
    for r in (row + 1, row) if _two_row_header(grid, row) else (row,):
        for c in grid.row_cells(r):
            if r != row and grid.is_covered(r, c):
                continue
            t = norm(grid.text(r, c))
            for col in L.ALL_COLUMNS:
                names = {norm(col.label), *(norm(a) for a in col.aliases)}
                if t in names and col.key not in found and c not in found.values():
                    found[col.key] = c
                    break
    return found


def _two_row_header(grid: Grid, row: int) -> bool:
    names = {norm(L.OPERATOR.label), norm(L.UNIT.label)}
    return any(norm(grid.text(row + 1, c)) in names for c in grid.row_cells(row + 1))


def read_parts(
    grid: Grid, form: Form, after_row: int
) -> tuple[Funds, Execution, Goals, list[Indicator]]:
    """Funds, execution line, goals and indicators of a sheet below ``after_row``."""
    funds, execution, funds_end = _funds(grid, after_row)
    goals, goals_end = _goals(grid, funds_end)
    return funds, execution, goals, _indicators(grid, form, goals_end)


def _indicators(grid: Grid, form: Form, after_row: int) -> list[Indicator]:
    """The indicator rows between the header (三级指标) and the 总分 row."""
    head = grid.find(lambda t: t == norm(L.LEVEL3.label), range(after_row, grid.max_row + 1))
    if head is None:
        raise InputError(f"第 {grid.index} 张表“{grid.title}”：找不到指标表（“三级指标”）")
    cols = _indicator_columns(grid, head[0])
    first = head[0] + (2 if _two_row_header(grid, head[0]) else 1)
    out: list[Indicator] = []
    prev1 = prev2 = ""
    for row in range(first, grid.max_row + 1):
        texts = [grid.text(row, c) for c in range(1, grid.max_col + 1)]
        if any(norm(t).startswith(TOTAL_MARKS) for t in texts if t):
            break
        values = {k: grid.text(row, c) for k, c in cols.items() if k not in ("weight", "score")}
        weight = read_points(grid, row, cols["weight"]) if "weight" in cols else None
        score = read_points(grid, row, cols["score"]) if "score" in cols else None
        if not any(values.get(k) for k in ("level3", "target", "actual")) and weight is None:
            continue  # blank or level-only row
        level1 = values.get("level1") or prev1
        level2 = values.get("level2") or (prev2 if level1 == prev1 else "")
        prev1, prev2 = level1, level2
        out.append(
            Indicator(
                level1=form.canonical_level1(level1) if level1 else "",
                level2=level2.strip(),  # as written: 社会效益指标 stays 社会效益指标
                level3=values.get("level3", ""),
                target=values.get("target", ""),
                actual=values.get("actual", ""),
                weight=weight,
                score=score,
                deviation=values.get("deviation", ""),
                operator=values.get("operator") or None,
                unit=values.get("unit") or None,
            )
        )
    return out
