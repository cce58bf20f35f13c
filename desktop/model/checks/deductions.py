"""Scores and reasons a reviewer asks for: deductions without a 偏差原因, full marks for a
qualitative actual of a quantitative target, low execution or a budget change without a reason,
a cost actual copied from its target, a 满意度 without a survey."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from desktop.model.checks.config import check_settings, review_words
from desktop.model.checks.framework import level1_of
from desktop.model.checks.registry import HINT, WARNING, Finding, register
from desktop.model.checks.rows import indicator_name
from desktop.model.errors import InputError
from desktop.model.forms import Form
from desktop.model.money import fmt_points, fmt_rate, fmt_wan
from desktop.model.profiles import Profile, load_profile
from desktop.model.project import DEFAULT_PROFILE, Indicator, Project
from desktop.model.regex_cache import compiled
from desktop.model.scoring import execution_rate, suggest
from desktop.model.targets import find_number, to_base

_SENTENCE = compiled(r"[^。；;！？!?\n]+")
_PUNCT = compiled(r"[\s\W_]+", re.UNICODE)
WAN = Decimal(10000)


def texts_of(project: Project) -> Iterable[str]:
    """Every free text of a project: sections, goals, indicator notes, stated extra texts."""
    yield from (t for t in project.sections.values() if t)
    yield from (t for t in (project.goals.target, project.goals.actual) if t)
    for ind in project.indicators:
        if ind.deviation:
            yield ind.deviation
    for value in project.extra.values():
        if isinstance(value, str) and value:
            yield value


def sentences(text: str) -> list[str]:
    """Sentences (and clauses ended by ；) of a text."""
    return _SENTENCE.findall(text)


@lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return compiled("|".join(f"(?:{w})" for w in words) if words else r"(?!x)x")


def has_reason(project: Project, subject: tuple[str, ...], cause: tuple[str, ...]) -> bool:
    """True when some sentence names a subject word and a cause (regular expressions)."""
    subject_re, cause_re = _pattern(subject), _pattern(cause)
    for text in texts_of(project):
        for sentence in sentences(text):
            if subject_re.search(sentence) and cause_re.search(sentence):
                return True
    return False


def _means_zero(ind: Indicator) -> bool:
    """ "无"/"未发生" for a target of 0 (≤0起, =0): the actual is zero, written in words."""
    target = ind.parsed_target()
    if target.number != 0:
        return False
    actual = _PUNCT.sub("", ind.actual)
    return any(actual.startswith(w) for w in review_words().zero_actual)


@register("W-QUAL-ACTUAL")
def check_qualitative_actual(
    project: Project, siblings: list[Project], form: Form
) -> list[Finding]:
    """A quantitative target (≤30万元, ≥95%, 120件) with a qualitative actual ("完成")."""
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        target = ind.parsed_target()
        actual = ind.actual.strip()
        if not target.is_quantitative or not actual or find_number(actual)[0] is not None:
            continue
        if _means_zero(ind):
            continue
        location = {"indicator": row, "column": "actual"}
        full = ind.score is not None and ind.weight is not None and ind.score >= ind.weight > 0
        if full:
            out.append(
                Finding(
                    WARNING,
                    "W-QUAL-ACTUAL",
                    f"指标“{indicator_name(ind, row)}”的指标值“{ind.target.strip()}”是定量的，实际完成值"
                    f"却写“{actual}”，无法据此计算得分，不应给满分{fmt_points(ind.score)}分；"
                    "请填写实际完成的数值",
                    location,
                )
            )
        else:
            out.append(
                Finding(
                    HINT,
                    "I-QUAL-ACTUAL",
                    f"指标“{indicator_name(ind, row)}”的指标值“{ind.target.strip()}”是定量的，实际完成值"
                    f"“{actual}”不是数值，无法计算建议得分；请填写实际完成的数值",
                    location,
                )
            )
    return out


@register("W-DEDUCT-NO-REASON")
def check_deduction_reason(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A deducted indicator (得分 < 分值) with an empty 偏差原因分析及改进措施 (10号 asks for it)."""
    rows = [
        row
        for row, ind in enumerate(project.indicators)
        if ind.score is not None
        and ind.weight is not None
        and ind.score < ind.weight
        and not ind.deviation.strip()
    ]
    if not rows:
        return []
    if len(rows) >= 3:
        names = "、".join(
            f"“{indicator_name(project.indicators[r], r)}”（{_points(project.indicators[r])}）"
            for r in rows[:4]
        )
        more = f"等{len(rows)}项" if len(rows) > 4 else f"{len(rows)}项"
        return [
            Finding(
                WARNING,
                "W-DEDUCT-NO-REASON",
                f"指标{names}{more}扣了分，但未填写偏差原因分析及改进措施",
                {"indicator": rows[0], "column": "deviation"},
            )
        ]
    out = []
    for row in rows:
        ind = project.indicators[row]
        suggestion = suggest(ind, form).score
        note = ""
        if suggestion is not None and suggestion != ind.score:
            note = f"（建议得分{fmt_points(suggestion)}分）"
        out.append(
            Finding(
                WARNING,
                "W-DEDUCT-NO-REASON",
                f"指标“{indicator_name(ind, row)}”{_points(ind)}{note}，但未填写偏差原因分析及改进措施",
                {"indicator": row, "column": "deviation"},
            )
        )
    return out


def _points(ind: Indicator) -> str:
    return f"得分{fmt_points(ind.score)}分，低于分值{fmt_points(ind.weight)}分"


@register("W-EXEC-NO-REASON")
def check_execution_reason(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """预算执行率 below the form's threshold (90 %) with no reason given anywhere."""
    rate = execution_rate(project)
    threshold, rule = _execution_threshold(project, form)
    if rate is None or rate >= threshold:
        return []
    words = review_words()
    if has_reason(project, words.spending, words.cause):
        return []
    return [
        Finding(
            WARNING,
            "W-EXEC-NO-REASON",
            f"预算执行率为{fmt_rate(rate)}，低于{fmt_rate(threshold)}，报告中却没有说明原因"
            f"（全年预算{fmt_wan(project.funds.effective('full_year'))}万元，"
            f"执行{fmt_wan(project.funds.effective('executed'))}万元）{rule}",
            {"funds": "total", "column": "executed"},
        )
    ]


def _profile(project: Project) -> Profile | None:
    try:
        return load_profile(project.profile or DEFAULT_PROFILE)
    except InputError:
        return None


def _execution_threshold(project: Project, form: Form) -> tuple[Decimal, str]:
    """The rate below which a reason is required, and the rule that says so (for the message):
    the project's rule profile where its form prints one, else the form's [checks] default."""
    profile = _profile(project)
    if profile is not None and profile.reasons.low_execution_below is not None:
        return profile.reasons.low_execution_below, f"；{profile.name}要求说明原因"
    return Decimal(str(check_settings(form.key).execution_reason_below)), ""


@register("W-BUDGET-CHANGE-NO-REASON")
def check_budget_change_reason(
    project: Project, siblings: list[Project], form: Form
) -> list[Finding]:
    """年初预算数 ≠ 全年预算数 (追加/调减, 年初 0 included) with no reason given anywhere."""
    initial = project.funds.effective("initial")
    full_year = project.funds.effective("full_year")
    if initial is None or full_year is None or initial == full_year:
        return []
    words = review_words()
    if has_reason(project, words.budget_change, words.change_cause):
        return []
    change = full_year - initial
    kind = "追加" if change > 0 else "调减"
    detail = (
        f"年初预算数为0，全年预算数{fmt_wan(full_year)}万元全部为年中{kind}"
        if initial == 0
        else f"年初预算数{fmt_wan(initial)}万元，全年预算数{fmt_wan(full_year)}万元，"
        f"年中{kind}{fmt_wan(abs(change))}万元"
    )
    profile = _profile(project)
    rule = (
        f"；{profile.name}要求单独说明理由"
        if profile is not None and profile.reasons.budget_adjusted
        else ""
    )
    return [
        Finding(
            WARNING,
            "W-BUDGET-CHANGE-NO-REASON",
            f"{detail}，报告中却没有说明{kind}的理由{rule}",
            {"funds": "total", "column": "full_year"},
        )
    ]


def _money(number: Decimal, unit: str) -> Decimal | None:
    if unit not in ("", "元", "万元", "千元", "亿元"):
        return None
    value, _ = to_base(number, unit or "元")
    return value


@register("W-COST-COPIED")
def check_cost_copied(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A cost actual equal to its target while the funds table shows another amount spent."""
    executed = project.funds.effective("executed")
    budget = project.funds.effective("full_year") or executed
    if executed is None or budget is None or budget <= 0:
        return []
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        if not (form.is_cost_level2(ind.level2) or form.is_cost_level2(ind.level1)):
            continue
        target = ind.parsed_target()
        if not target.is_quantitative or target.number is None or target.operator in ("≥", ">"):
            continue
        goal = _money(target.number, target.unit)
        number, unit = find_number(ind.actual)
        if goal is None or number is None:
            continue
        actual = _money(number, unit or target.unit)
        if actual is None or actual != goal or goal * 2 < budget:
            continue  # a part of the cost (a unit price, one item) is not the whole spending
        if (executed / WAN).quantize(Decimal("0.01")) >= (actual / WAN).quantize(Decimal("0.01")):
            continue
        out.append(
            Finding(
                WARNING,
                "W-COST-COPIED",
                f"成本指标“{indicator_name(ind, row)}”的实际完成值“{ind.actual.strip()}”与指标值"
                f"“{ind.target.strip()}”相同，但资金表的全年执行数为{fmt_wan(executed)}万元；"
                "实际成本应按实际支出填写，疑为照抄指标值",
                {"indicator": row, "column": "actual"},
            )
        )
    return out


def _is_satisfaction(ind: Indicator, form: Form) -> bool:
    l1 = level1_of(ind, form)
    return (l1 is not None and l1.satisfaction) or "满意" in ind.level3


@register("I-SAT-NO-SURVEY")
def check_satisfaction_survey(
    project: Project, siblings: list[Project], form: Form
) -> list[Finding]:
    """A 满意度 indicator given a result while no survey is mentioned anywhere (101号)."""
    rows = [
        row
        for row, ind in enumerate(project.indicators)
        if _is_satisfaction(ind, form) and (ind.actual.strip() or ind.score is not None)
    ]
    if not rows:
        return []
    survey = _pattern(review_words().survey)
    every = [*texts_of(project), *(f"{i.level3}{i.actual}" for i in project.indicators)]
    if any(survey.search(text) for text in every):
        return []
    ind = project.indicators[rows[0]]
    shown = f"实际完成值“{ind.actual.strip()}”" if ind.actual.strip() else "得分"
    return [
        Finding(
            HINT,
            "I-SAT-NO-SURVEY",
            f"满意度指标“{indicator_name(ind, rows[0])}”填报了{shown}，但报告中没有提到满意度调查"
            "（问卷、回访、座谈等）；满意度应有调查结果作依据",
            {"indicator": rows[0], "column": "actual"},
        )
    ]
