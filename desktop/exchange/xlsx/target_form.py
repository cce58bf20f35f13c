"""Import of a 绩效目标申报表 (the approved targets): a new project with its baseline.

The form (tests/fixtures/real/301_…) gives the project's name, unit and year goal and the
indicator rows 一级/二级/三级/指标值 (some provinces add 分值 or 权重); it has no 实际完成值 and no
scores. The labels it is read by are in forms/common/cycle.toml [baseline].
"""

from __future__ import annotations

import re

from desktop.exchange.xlsx.cells import Grid, norm, read_points
from desktop.model.baseline import from_indicators
from desktop.model.cycle_words import cycle_words
from desktop.model.errors import InputError
from desktop.model.project import YEAR_MAX, YEAR_MIN, Goals, Indicator, Project, Unit

_FORM_WORDS = ("绩效目标申报表", "绩效目标表")
_RESULT_WORDS = ("实际完成值", "完成值", "得分", "实际完成情况")


def is_target_form(grid: Grid) -> bool:
    """True for a 绩效目标申报表: its title says so, or it has 三级指标 but no results."""
    texts = [norm(t) for t in grid.texts()]
    if any(word in t for t in texts[:12] for word in _FORM_WORDS):
        return True
    has_level3 = any(t == "三级指标" for t in texts)
    return has_level3 and not any(t in _RESULT_WORDS for t in texts)


def _value_after(grid: Grid, labels: tuple[str, ...]) -> str:
    """The first value right of the first of ``labels`` found on the sheet."""
    wanted = {norm(x) for x in labels}
    at = grid.find(lambda t: t.rstrip(":") in wanted)
    if at is None:
        return ""
    row, col = at
    for c in range(grid.right_edge(row, col) + 1, grid.max_col + 1):
        if not grid.is_covered(row, c) and grid.text(row, c):
            return grid.text(row, c)
    return ""


def _year(grid: Grid) -> int:
    pattern = re.compile(str(cycle_words().baseline.get("year_pattern", r"(20\d{2})年")))
    for text in grid.texts()[:12]:
        m = pattern.search(text)
        if m and YEAR_MIN <= int(m.group(1)) <= YEAR_MAX:
            return int(m.group(1))
    raise InputError(f"第 {grid.index} 张表“{grid.title}”：标题中找不到年度（如“2023年”）")


def _header(grid: Grid) -> tuple[int, dict[str, int]]:
    """The row of the indicator header and the column of each baseline key."""
    names = {
        c.key: {norm(n) for n in (c.label, *c.aliases)} for c in cycle_words().baseline_columns()
    }
    at = grid.find(lambda t: t in names["level3"])
    if at is None:
        raise InputError(f"第 {grid.index} 张表“{grid.title}”：找不到“三级指标”列")
    row = at[0]
    columns: dict[str, int] = {}
    for col in grid.row_cells(row):
        text = norm(grid.text(row, col))
        for key, words in names.items():
            if text in words and key not in columns:
                columns[key] = col
    if "target" not in columns:
        raise InputError(f"{grid.where(*at)}：表头中找不到“指标值”列")
    return row, columns


def _indicators(grid: Grid) -> list[Indicator]:
    row, columns = _header(grid)
    out: list[Indicator] = []
    level1 = level2 = ""
    for r in range(row + 1, grid.max_row + 1):
        cells = {key: grid.text(r, c) for key, c in columns.items() if key != "weight"}
        if not any(cells.values()):
            continue
        first, second = cells.get("level1", ""), cells.get("level2", "")
        if first and second in ("", first) and not cells.get("level3") and not cells.get("target"):
            break  # a label row below the table (审核意见, 填表人 …)
        level1 = cells.get("level1") or level1
        level2 = cells.get("level2") or level2
        if not cells.get("level3") and not cells.get("target"):
            continue
        weight = read_points(grid, r, columns["weight"]) if "weight" in columns else None
        out.append(
            Indicator(
                level1, level2, cells.get("level3", ""), cells.get("target", ""), weight=weight
            )
        )
    return out


def read_target_form(grid: Grid) -> Project:
    """The project of a 绩效目标申报表 sheet: its indicators' targets, recorded as approved."""
    words = cycle_words()
    name = _value_after(grid, words.strings("baseline", "name_labels"))
    if not name:
        raise InputError(f"第 {grid.index} 张表“{grid.title}”：找不到项目名称")
    unit = _value_after(grid, words.strings("baseline", "unit_labels"))
    if not unit:
        raise InputError(f"第 {grid.index} 张表“{grid.title}”：找不到预算部门（实施单位）")
    indicators = _indicators(grid)
    if not indicators:
        raise InputError(f"第 {grid.index} 张表“{grid.title}”：没有绩效指标")
    return Project(
        unit=Unit(unit, _value_after(grid, words.strings("baseline", "department_labels"))),
        year=_year(grid),
        name=name,
        goals=Goals(target=_value_after(grid, words.strings("baseline", "goal_labels"))),
        indicators=indicators,
        baseline=from_indicators(indicators),
    )
