"""Suggested scores the official way (财预〔2020〕10号 and DOMAIN.md); settings from the form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from desktop.model.forms import Band, Form, ScoringSettings
from desktop.model.money import round_rate, round_score
from desktop.model.project import Indicator, Project
from desktop.model.targets import ParsedTarget, find_number, to_base

ZERO = Decimal(0)
HUNDRED = Decimal(100)
# an entered score this share of the weight away from the suggestion is "far"
FAR_FRACTION = Decimal("0.2")
QUALITATIVE_ACTUAL = "定量指标的实际完成值不是数值，无法计算得分"


@dataclass(frozen=True)
class Suggestion:
    """A suggested score with how it was reached (for tooltips and findings)."""

    score: Decimal | None
    reason: str
    band: Band | None = None


@dataclass(frozen=True)
class ScoreSummary:
    """Everything `score --json` and the status bar show."""

    execution_rate: Decimal | None
    execution_score: Decimal
    indicator_score: Decimal
    suggested_total: Decimal
    entered_total: Decimal
    grade: str
    suggested_grade: str
    weight_total: Decimal


def execution_rate(project: Project) -> Decimal | None:
    """全年执行数 / 全年预算数 (unrounded); None when there is no budget."""
    budget = project.funds.effective("full_year")
    executed = project.funds.effective("executed")
    if budget is None or executed is None or budget <= 0:
        return None
    return executed / budget


def execution_score(project: Project) -> Decimal:
    """分值 × min(执行率, 1), rounded to 0.01; 0 without a budget."""
    rate = execution_rate(project)
    if rate is None:
        return ZERO
    return round_score(project.execution.weight * min(rate, Decimal(1)))


def match_band(actual: str, settings: ScoringSettings) -> Band | None:
    """The qualitative band whose phrase the actual value contains (worst band first)."""
    text = (actual or "").strip()
    if not text:
        return None
    for band in sorted(settings.bands, key=lambda b: b.low):
        if any(phrase in text for phrase in band.phrases):
            return band
    return None


def _cap(value: Decimal, weight: Decimal) -> Decimal:
    return round_score(max(ZERO, min(value, weight)))


def _is_reverse(target: ParsedTarget, indicator: Indicator, form: Form | None) -> bool:
    if target.is_reverse:
        return True
    # A bare number in a cost row ("80000") is a ceiling.
    return bool(target.implicit and form is not None and form.is_cost_level2(indicator.level2))


def suggest(indicator: Indicator, form: Form) -> Suggestion:
    """Suggested score of one indicator; never raises, never exceeds its 分值."""
    weight = indicator.weight
    if weight is None:
        return Suggestion(None, "未填分值")
    settings = form.scoring
    target = indicator.parsed_target()
    actual_text = (indicator.actual or "").strip()
    if not actual_text:
        return Suggestion(None, "未填实际完成值")
    if target.is_quantitative and target.number is not None:
        number, unit = find_number(actual_text)
        if number is not None:
            return _quantitative(indicator, form, target, number, unit, weight)
        # "完成" for "≥95%": no score can be computed from words, so no full marks either.
        return Suggestion(None, QUALITATIVE_ACTUAL)
    band = match_band(actual_text, settings)
    if band is None:
        return Suggestion(None, "无法识别实际完成值，请手工评分")
    return Suggestion(_cap(weight * band.suggest, weight), f"定性：{band.label}", band)


def _quantitative(
    indicator: Indicator,
    form: Form,
    target: ParsedTarget,
    actual: Decimal,
    actual_unit: str,
    weight: Decimal,
) -> Suggestion:
    assert target.number is not None
    goal, goal_unit = to_base(target.number, target.unit)
    value, value_unit = to_base(actual, actual_unit or target.unit)
    if goal_unit and value_unit and goal_unit != value_unit and actual_unit:
        # Units that do not convert (个 vs %): compare the bare numbers.
        goal, value = target.number, actual
    if _is_reverse(target, indicator, form):
        if value <= goal:
            return Suggestion(weight, "反向指标，已达成")
        if goal <= 0:
            return Suggestion(ZERO, "反向指标，目标为0但实际超出")
        if form.scoring.reverse == "linear":
            ratio = Decimal(1) - (value - goal) / goal
            return Suggestion(_cap(weight * ratio, weight), "反向指标，超出部分按比例扣分")
        return Suggestion(_cap(weight * goal / value, weight), "反向指标，按目标/实际计分")
    if goal <= 0:
        if target.operator == "=":
            ok = value <= 0
            return Suggestion(
                weight if ok else ZERO, "目标为0" + ("，已达成" if ok else "，未达成")
            )
        return Suggestion(weight, "目标为0，已达成")
    met = value > goal if target.operator == ">" else value >= goal
    if met:
        return Suggestion(weight, "已达成")
    if value <= 0:
        return Suggestion(ZERO, "未完成")
    return Suggestion(_cap(weight * value / goal, weight), "未达成，按实际/目标计分")


def is_far_over_target(indicator: Indicator, form: Form) -> bool:
    """正向 actual ≥ high_target_ratio × target: the target may be set too low."""
    target = indicator.parsed_target()
    if not target.is_quantitative or target.number is None or target.operator not in ("≥", ">"):
        return False
    if _is_reverse(target, indicator, form) or target.number <= 0:
        return False
    number, unit = find_number(indicator.actual)
    if number is None:
        return False
    goal, _ = to_base(target.number, target.unit)
    value, _ = to_base(number, unit or target.unit)
    return value >= goal * form.scoring.high_target_ratio


def is_far(ind: Indicator, form: Form) -> bool:
    """True when the entered score is ≥ 20 % of the weight away from the suggestion."""
    suggestion = suggest(ind, form).score
    if ind.score is None or suggestion is None or ind.weight is None or ind.weight <= 0:
        return False
    return abs(ind.score - suggestion) >= ind.weight * FAR_FRACTION


def grade(total: Decimal, settings: ScoringSettings) -> str:
    """优/良/中/差 from a total by the form's cut-offs."""
    for cutoff, name in sorted(settings.grades, key=lambda g: -g[0]):
        if total >= cutoff:
            return name
    return settings.grades[-1][1] if settings.grades else ""


def has_satisfaction(project: Project, form: Form) -> bool:
    """True when some indicator belongs to the 满意度 一级."""
    for ind in project.indicators:
        l1 = form.find_level1(ind.level1)
        if l1 is not None and l1.satisfaction:
            return True
    return False


def expected_level1_weights(project: Project, form: Form) -> dict[str, Decimal]:
    """Default 一级 weights for this project (no 满意度 → its weight moves to 效益)."""
    weights = {l1.name: l1.weight for l1 in form.framework if l1.weight is not None}
    if not has_satisfaction(project, form) and form.scoring.no_satisfaction == "move_to_benefit":
        sat = [l1 for l1 in form.framework if l1.satisfaction]
        ben = [l1 for l1 in form.framework if l1.benefit]
        if sat and ben:
            moved = weights.pop(sat[0].name, None) or ZERO
            weights[ben[0].name] = (weights.get(ben[0].name) or ZERO) + moved
    return {k: v for k, v in weights.items() if v is not None}


def weight_total(project: Project) -> Decimal:
    """Σ 分值 including the execution-rate line."""
    total = project.execution.weight
    for ind in project.indicators:
        total += ind.weight or ZERO
    return total


def _rescale(total: Decimal, project: Project, form: Form) -> Decimal:
    if form.scoring.no_satisfaction != "rescale" or has_satisfaction(project, form):
        return total
    weights = weight_total(project)
    if weights <= 0:
        return total
    return total * HUNDRED / weights


def _apply_cap(total: Decimal, rate: Decimal | None, settings: ScoringSettings) -> Decimal:
    if not settings.execution_cap or rate is None:
        return total
    for threshold, cap in sorted(settings.execution_caps):
        if rate < threshold:
            return min(total, cap)
    return total


def summarise(
    project: Project, form: Form, suggestions: Sequence[Decimal | None] | None = None
) -> ScoreSummary:
    """Execution rate, suggested and entered totals and the grade (that of the entered total).

    ``suggestions`` may give the precomputed suggested score of each indicator (a cache).
    """
    rate = execution_rate(project)
    exec_score = execution_score(project)
    indicator_sum = ZERO
    entered_sum = ZERO
    for index, ind in enumerate(project.indicators):
        suggestion = suggestions[index] if suggestions is not None else suggest(ind, form).score
        indicator_sum += suggestion or ZERO
        entered = ind.score if ind.score is not None else suggestion
        entered_sum += entered or ZERO
    exec_entered = project.execution.score if project.execution.score is not None else exec_score
    settings = form.scoring
    suggested_total = _apply_cap(
        _rescale(exec_score + indicator_sum, project, form), rate, settings
    )
    suggested_total = round_score(min(suggested_total, HUNDRED))
    entered_total = round_score(_rescale(exec_entered + entered_sum, project, form))
    return ScoreSummary(
        execution_rate=round_rate(rate) if rate is not None else None,
        execution_score=exec_score,
        indicator_score=round_score(indicator_sum),
        suggested_total=suggested_total,
        entered_total=entered_total,
        grade=grade(entered_total, settings),
        suggested_grade=grade(suggested_total, settings),
        weight_total=weight_total(project),
    )
