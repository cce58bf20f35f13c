"""Checks of what the narrative claims: total score, grade, execution rate (vs the data)."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.checks.numbers import find_percents, normalise_digits, same_at_precision
from desktop.model.checks.registry import ERROR, HINT, WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.money import fmt_points, fmt_rate
from desktop.model.project import Project
from desktop.model.regex_cache import compiled
from desktop.model.scoring import execution_score, summarise

_RATE_BEFORE = compiled(r"完成率\s*(?:为|是|达到|达|：|:)?\s*$")

HUNDRED = Decimal(100)
_SCORE_CLAIM = compiled(
    r"(综合评价得分|综合评分|综合得分|自评得分|自评总分|评价得分|总得分|总分|最终得分)"
    r"\s*(?:为|是|达到|达|共计|合计|：|:)?\s*(\d+(?:\.\d+)?)\s*分"
)
_GRADE_CLAIM = compiled(
    r"(?:评价等级|绩效等级|自评等级|评价结果|等级)\s*(?:为|是|：|:)?\s*[“\"「]?([优良中差])[”\"」]?"
)
# Phrases that name the budget execution rate itself.
_RATE_WORDS = (
    "预算执行率",
    "资金执行率",
    "支出执行率",
    "资金使用率",
    "预算完成率",
    "执行率",
    "完成全年预算数的",
    "完成全年预算的",
    "占全年预算的",
    "占全年预算数的",
)
_RATE_GAP = compiled(r"^\s*(?:为|是|达到|达|仅为|约为|：|:)?\s*$")


def _texts(project: Project) -> list[tuple[str, str]]:
    return [(key, text) for key, text in project.sections.items() if text]


def _claimed_scores(text: str) -> list[tuple[Decimal, int, int, str]]:
    if "分" not in text:
        return []
    s = normalise_digits(text)
    out = []
    for m in _SCORE_CLAIM.finditer(s):
        out.append((Decimal(m.group(2)), m.start(), m.end(), text[m.start() : m.end()]))
    return out


@register("E-SCORE-CLAIM")
def check_score_claim(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A total score claimed in the text that the data cannot give, or that differs from it."""
    out: list[Finding] = []
    claims = [(key, claim) for key, text in _texts(project) for claim in _claimed_scores(text)]
    if not claims:
        return out
    summary = summarise(project, form)
    weight = project.execution.weight
    computed_exec = execution_score(project)
    rate = summary.execution_rate
    max_possible = HUNDRED - weight + computed_exec if rate is not None else None
    has_scores = any(ind.score is not None for ind in project.indicators)
    for key, (value, start, end, quoted) in claims:
        location = {"section": key, "start": start, "end": end}
        if value > HUNDRED:
            out.append(Finding(ERROR, "E-SCORE-CLAIM", f"文中“{quoted}”超过满分100分", location))
        elif max_possible is not None and value > max_possible + Decimal("0.005"):
            out.append(
                Finding(
                    ERROR,
                    "E-SCORE-CLAIM",
                    f"文中称“{quoted}”，但预算执行率只有{fmt_rate(rate)}，执行率一项"
                    f"最多得{fmt_points(computed_exec)}分（分值{fmt_points(weight)}分），"
                    f"总分最多{fmt_points(max_possible)}分",
                    location,
                )
            )
        elif has_scores and abs(value - summary.entered_total) > Decimal("0.005"):
            out.append(
                Finding(
                    WARNING,
                    "W-SCORE-CLAIM",
                    f"文中称“{quoted}”，但绩效指标表的得分合计为"
                    f"{fmt_points(summary.entered_total)}分",
                    location,
                )
            )
    return out


@register("W-GRADE-CLAIM")
def check_grade_claim(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A grade (优/良/中/差) in the text that differs from the grade of the total."""
    if not project.indicators:
        return []
    claims = [(key, m) for key, text in _texts(project) for m in _GRADE_CLAIM.finditer(text)]
    if not claims:
        return []
    summary = summarise(project, form)
    out: list[Finding] = []
    for key, m in claims:
        if m.group(1) != summary.grade:
            out.append(
                Finding(
                    WARNING,
                    "W-GRADE-CLAIM",
                    f"文中称“{m.group(0)}”，但总分{fmt_points(summary.entered_total)}分"
                    f"对应的等级为“{summary.grade}”",
                    {"section": key, "start": m.start(), "end": m.end()},
                )
            )
    return out


def _rate_word(text: str, start: int) -> str | None:
    window = text[max(0, start - 14) : start]
    for word in _RATE_WORDS:
        pos = window.rfind(word)
        if pos >= 0 and _RATE_GAP.match(window[pos + len(word) :]):
            return word
    return None


@register("E-RATE-CLAIM")
def check_rate_claim(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """An execution rate in the text that differs from 全年执行数/全年预算数."""
    figures = [(key, text, fig) for key, text in _texts(project) for fig in find_percents(text)]
    if not figures:
        return []
    rate = summarise(project, form).execution_rate
    if rate is None:
        return []
    actual = rate * HUNDRED
    out: list[Finding] = []
    for key, text, fig in figures:
        word = _rate_word(text, fig.start)
        generic = word is None and _generic_rate(text, fig.start)
        if word is None and not generic:
            continue
        if same_at_precision(fig.value, actual, fig.decimals):
            continue
        start = fig.start - len(word) if word else fig.start
        quoted = text[max(0, start) : fig.end]
        location = {"section": key, "start": max(0, start), "end": fig.end}
        if word is not None:
            out.append(
                Finding(
                    ERROR,
                    "E-RATE-CLAIM",
                    f"文中称“{quoted}”，但资金表的全年执行数/全年预算数为{fmt_rate(rate)}",
                    location,
                )
            )
        elif abs(fig.value - actual) >= 1:
            out.append(
                Finding(
                    HINT,
                    "I-RATE-CLAIM",
                    f"文中“{_generic_quote(text, fig.start, fig.end)}”与预算执行率"
                    f"{fmt_rate(rate)}不一致，请确认所指",
                    location,
                )
            )
    return out


def _generic_rate(text: str, start: int) -> bool:
    window = text[max(0, start - 6) : start]
    m = _RATE_BEFORE.search(window)
    return m is not None


def _generic_quote(text: str, start: int, end: int) -> str:
    return text[max(0, start - 8) : end].lstrip("，。；：,;")
