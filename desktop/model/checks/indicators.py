"""Checks of the 绩效指标 table: targets, cost indicators, weights, scores and bands."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.checks.numbers import fmt_amount
from desktop.model.checks.registry import ERROR, HINT, WARNING, Finding, register
from desktop.model.checks.rows import (
    each_row,
    indicator_name,
    is_cost,
    no_target,
    qualitative_target,
)
from desktop.model.forms import Form
from desktop.model.money import WAN, fmt_points, fmt_wan
from desktop.model.project import Indicator, Project
from desktop.model.scoring import (
    execution_rate,
    execution_score,
    is_far,
    is_far_over_target,
    suggest,
)
from desktop.model.targets import to_base


@register("E-NO-INDICATORS")
def check_no_indicators(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A report without any 绩效指标: its 自评表 cannot be scored (the PDF says so)."""
    if project.indicators:
        return []
    return [
        Finding(
            ERROR,
            "E-NO-INDICATORS",
            "未填写绩效指标：自评表缺少绩效指标表，无法计算指标得分、总分和评价等级",
            {"indicator": 0, "column": "level3"},
        )
    ]


@register("W-IND-NO-TARGET")
def check_missing_target(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Indicators without a 指标值 (one finding when the whole table lacks them)."""
    missing = [row for row, ind in enumerate(project.indicators) if not ind.target.strip()]
    if not missing:
        return []
    if len(missing) == len(project.indicators) and len(missing) > 1:
        message = f"绩效指标表的{len(missing)}项指标均未填写指标值（年度指标值）"
    elif len(missing) >= 3:
        names = "、".join(f"“{indicator_name(project.indicators[r], r)}”" for r in missing[:5])
        more = f"等{len(missing)}项指标" if len(missing) > 5 else f"{len(missing)}项指标"
        message = f"{names}{more}未填写指标值"
    else:
        message = ""
    if message:
        return [
            Finding(
                WARNING, "W-IND-NO-TARGET", message, {"indicator": missing[0], "column": "target"}
            )
        ]
    return each_row(project, form, no_target)


@register("W-IND-QUALITATIVE")
def check_qualitative_target(
    project: Project, siblings: list[Project], form: Form
) -> list[Finding]:
    """A qualitative target where the 二级 category expects a number (数量/成本)."""
    return each_row(project, form, qualitative_target)


@register("W-WEIGHTS-MISSING")
def check_weights_missing(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Indicators without a 分值 (the total of 100 cannot be checked)."""
    missing = [row for row, ind in enumerate(project.indicators) if ind.weight is None]
    if not missing:
        return []
    if len(missing) == len(project.indicators):
        message = f"绩效指标表的{len(missing)}项指标均未填写分值，无法核对分值合计是否为100分"
    else:
        names = "、".join(f"“{indicator_name(project.indicators[r], r)}”" for r in missing[:5])
        more = f"等{len(missing)}项" if len(missing) > 5 else ""
        message = f"指标{names}{more}未填写分值"
    return [
        Finding(
            WARNING, "W-WEIGHTS-MISSING", message, {"indicator": missing[0], "column": "weight"}
        )
    ]


def _cost_value(ind: Indicator) -> tuple[Decimal, str] | None:
    target = ind.parsed_target()
    if not target.is_quantitative or target.number is None:
        return None
    unit = target.unit or ""
    if unit not in ("", "元", "万元", "千元", "亿元"):
        return None
    if target.number.adjusted() > 14:
        return None  # no budget is that large: not a figure worth comparing
    value, _ = to_base(target.number, unit or "元")
    return value, unit


@register("W-COST-UNIT")
def check_cost_unit(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """元/万元 confusion in a 成本指标 (off from the budget by a factor 10000), bare numbers."""
    budget = project.funds.budget()
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        if not is_cost(ind, form):
            continue
        found = _cost_value(ind)
        if found is None:
            continue
        value, unit = found
        location = {"indicator": row, "column": "target"}
        if budget and budget > 0 and (value * WAN == budget or value == budget * WAN):
            out.append(
                Finding(
                    WARNING,
                    "W-COST-UNIT",
                    f"成本指标“{ind.target.strip()}”按{unit or '元'}计为{fmt_wan(value)}万元，"
                    f"与全年预算数{fmt_amount(budget)}相差一万倍，"
                    "可能把元和万元写混了（请核对指标值和资金表的单位）",
                    location,
                )
            )
        elif not unit:
            out.append(
                Finding(
                    HINT,
                    "I-COST-NO-UNIT",
                    f"成本指标“{ind.target.strip()}”未写单位，按元理解（{fmt_wan(value)}万元）；"
                    "建议写明单位，如“≤" + fmt_wan(value).rstrip("0").rstrip(".") + "万元”",
                    location,
                )
            )
    return out


@register("W-COST-OVER-BUDGET")
def check_cost_over_budget(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A 成本指标 larger than the full-year budget."""
    budget = project.funds.effective("full_year")
    if budget is None or budget <= 0:
        return []
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        if not is_cost(ind, form):
            continue
        found = _cost_value(ind)
        if found is None:
            continue
        value, _ = found
        if value <= budget or value == budget * WAN:
            continue  # equal, or already reported as 元/万元 confusion
        out.append(
            Finding(
                WARNING,
                "W-COST-OVER-BUDGET",
                f"成本指标“{ind.target.strip()}”（{fmt_wan(value)}万元）高于全年预算数"
                f"{fmt_wan(budget)}万元",
                {"indicator": row, "column": "target"},
            )
        )
    return out


@register("W-SCORE-FAR")
def check_score_far(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """An entered score far from the suggested one (≥ 20 % of 分值) without a 偏差原因."""
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        if ind.deviation.strip() or not is_far(ind, form):
            continue
        if ind.score is not None and ind.weight is not None and ind.score < ind.weight:
            continue  # a deduction without a reason is W-DEDUCT-NO-REASON (it names the suggestion)
        suggestion = suggest(ind, form)
        out.append(
            Finding(
                WARNING,
                "W-SCORE-FAR",
                f"指标“{indicator_name(ind, row)}”得分{fmt_points(ind.score)}分，与建议得分"
                f"{fmt_points(suggestion.score)}分（{suggestion.reason}）相差较大，且未填写偏差原因",
                {"indicator": row, "column": "score"},
            )
        )
    return out


@register("E-SCORE-BAND")
def check_score_band(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A qualitative score outside the band of its 实际完成值."""
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        if ind.score is None or ind.weight is None or ind.weight <= 0:
            continue
        suggestion = suggest(ind, form)
        band = suggestion.band
        if band is None:
            continue
        low, high = ind.weight * band.low, ind.weight * band.high
        top = band.high >= 1
        inside = low <= ind.score <= high if top else low <= ind.score < high
        if inside:
            continue
        upper = "]" if top else ")"
        out.append(
            Finding(
                ERROR,
                "E-SCORE-BAND",
                f"指标“{indicator_name(ind, row)}”实际完成值为“{ind.actual.strip()}”（{band.label}），"
                f"得分应在[{fmt_points(low)}, {fmt_points(high)}{upper}分之间，"
                f"填报为{fmt_points(ind.score)}分",
                {"indicator": row, "column": "score"},
            )
        )
    return out


@register("W-EXEC-SCORE")
def check_exec_score(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """An entered 预算执行率 score above what the execution rate gives."""
    entered = project.execution.score
    rate = execution_rate(project)
    if entered is None or rate is None:
        return []
    computed = execution_score(project)
    if entered <= computed:
        return []
    return [
        Finding(
            WARNING,
            "W-EXEC-SCORE",
            f"预算执行率得分填报{fmt_points(entered)}分，但执行率为"
            f"{(rate * 100).quantize(Decimal('0.01'))}%，按分值"
            f"{fmt_points(project.execution.weight)}分计应得{fmt_points(computed)}分",
            {"execution": "score"},
        )
    ]


@register("I-TARGET-LOW")
def check_target_low(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A 正向 actual far above its target: the target may have been set too low."""
    return [
        Finding(
            HINT,
            "I-TARGET-LOW",
            f"指标“{indicator_name(ind, row)}”实际完成“{ind.actual.strip()}”远超指标值"
            f"“{ind.target.strip()}”，指标值可能设定偏低",
            {"indicator": row, "column": "target"},
        )
        for row, ind in enumerate(project.indicators)
        if is_far_over_target(ind, form)
    ]
