"""Checks of one indicator row. The grid runs them on a row as it is edited; the 审核 runs them on
every row (``indicators.py`` and ``core.py`` build their findings from these), so a cell and the
审核 panel say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from desktop.model.checks.registry import ERROR, HINT, WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.money import fmt_points
from desktop.model.project import Indicator, Project
from desktop.model.targets import find_number, to_base

RowCheck = Callable[[Indicator, int, Form], "Finding | None"]


def indicator_name(ind: Indicator, row: int) -> str:
    """How a finding names an indicator: its 三级, else its 二级, else its row."""
    return ind.level3.strip() or ind.level2.strip() or f"第{row + 1}行指标"


def is_cost(ind: Indicator, form: Form) -> bool:
    """True for a 成本指标 (by 二级, or by 一级 in forms where 成本指标 is a 一级)."""
    return form.is_cost_level2(ind.level2) or form.is_cost_level2(ind.level1)


def is_numeric(ind: Indicator, form: Form) -> bool:
    """True where the category expects a number (数量、成本 …)."""
    return form.is_numeric_level2(ind.level2) or is_cost(ind, form)


def no_target(ind: Indicator, row: int, form: Form) -> Finding | None:
    """A row without 指标值."""
    if ind.target.strip():
        return None
    return Finding(
        WARNING,
        "W-IND-NO-TARGET",
        f"指标“{indicator_name(ind, row)}”未填写指标值",
        {"indicator": row, "column": "target"},
    )


def qualitative_target(ind: Indicator, row: int, form: Form) -> Finding | None:
    """A qualitative 指标值 where the category expects a number."""
    if not ind.target.strip() or not is_numeric(ind, form):
        return None
    if ind.parsed_target().is_quantitative:
        return None
    return Finding(
        WARNING,
        "W-IND-QUALITATIVE",
        f"“{ind.level2}”应为定量指标，但指标“{indicator_name(ind, row)}”的指标值"
        f"“{ind.target.strip()}”不是数值",
        {"indicator": row, "column": "target"},
    )


def no_weight(ind: Indicator, row: int, form: Form) -> Finding | None:
    """A row without 分值."""
    if ind.weight is not None:
        return None
    return Finding(
        WARNING,
        "W-WEIGHTS-MISSING",
        f"指标“{indicator_name(ind, row)}”未填写分值",
        {"indicator": row, "column": "weight"},
    )


def score_over_weight(ind: Indicator, row: int, form: Form) -> Finding | None:
    """An entered 得分 above the row's 分值."""
    if ind.score is None or ind.weight is None or ind.score <= ind.weight:
        return None
    return Finding(
        ERROR,
        "E-SCORE-OVER-WEIGHT",
        f"指标“{ind.level3}”得分{fmt_points(ind.score)}超过分值{fmt_points(ind.weight)}",
        {"indicator": row, "column": "score"},
    )


def unknown_level1(ind: Indicator, row: int, form: Form) -> Finding | None:
    """A 一级指标 that is not in the form's framework."""
    if not ind.level1.strip() or form.find_level1(ind.level1) is not None:
        return None
    return Finding(
        HINT,
        "I-IND-LEVEL1",
        f"“{ind.level1}”不是本表单指标体系中的一级指标",
        {"indicator": row, "column": "level1"},
    )


def level2_outside_level1(ind: Indicator, row: int, form: Form) -> Finding | None:
    """A 二级指标 that its 一级 does not have in the framework."""
    level1 = form.find_level1(ind.level1) if ind.level1.strip() else None
    level2 = form.canonical_level2(ind.level2)
    if level1 is None or not level2 or level2 in level1.level2:
        return None
    return Finding(
        HINT,
        "I-IND-LEVEL2",
        f"“{ind.level2}”不是“{level1.name}”下的二级指标",
        {"indicator": row, "column": "level2"},
    )


def unit_mismatch(ind: Indicator, row: int, form: Form) -> Finding | None:
    """实际完成值 in another unit than the 指标值 (个 against 万元)."""
    target = ind.parsed_target()
    if not (target.is_quantitative and target.unit and ind.actual.strip()):
        return None
    number, unit = find_number(ind.actual)
    if number is None or not unit:
        return None
    if to_base(number, unit)[1] == to_base(Decimal(1), target.unit)[1]:
        return None
    return Finding(
        WARNING,
        "W-IND-UNIT",
        f"指标“{indicator_name(ind, row)}”实际完成值的单位“{unit}”"
        f"与年度指标值的单位“{target.unit}”不一致",
        {"indicator": row, "column": "actual"},
    )


# In the order a row reads: names, target, actual, weight, score.
ROW_CHECKS: tuple[RowCheck, ...] = (
    unknown_level1,
    level2_outside_level1,
    no_target,
    qualitative_target,
    unit_mismatch,
    no_weight,
    score_over_weight,
)
# Codes whose findings on an indicator row come from ROW_CHECKS alone.
ROW_CODES = frozenset(
    {
        "I-IND-LEVEL1",
        "I-IND-LEVEL2",
        "W-IND-NO-TARGET",
        "W-IND-QUALITATIVE",
        "W-IND-UNIT",
        "W-WEIGHTS-MISSING",
        "E-SCORE-OVER-WEIGHT",
    }
)


def row_findings(ind: Indicator, row: int, form: Form) -> list[Finding]:
    """Every row check's finding for one indicator (``row`` is its 0-based position)."""
    return [f for check in ROW_CHECKS if (f := check(ind, row, form)) is not None]


def each_row(project: Project, form: Form, check: RowCheck) -> list[Finding]:
    """One row check over every indicator of a project."""
    return [
        f for row, ind in enumerate(project.indicators) if (f := check(ind, row, form)) is not None
    ]


@register("I-IND-LEVEL1")
def check_level1(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """一级指标 names outside the form's framework."""
    return each_row(project, form, unknown_level1)


@register("I-IND-LEVEL2")
def check_level2(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """二级指标 names outside their 一级 in the framework."""
    return each_row(project, form, level2_outside_level1)


@register("W-IND-UNIT")
def check_unit_mismatch(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """实际完成值 in another unit than its 指标值."""
    return each_row(project, form, unit_mismatch)
