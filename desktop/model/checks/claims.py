"""What the text claims against what the table shows: "各项指标均已完成" beside a missed
indicator; 存在的问题 and 改进措施 both "无" on a score short of full marks."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from desktop.model.checks.config import check_settings, review_words
from desktop.model.checks.registry import WARNING, Finding, register
from desktop.model.checks.rows import indicator_name
from desktop.model.forms import Form
from desktop.model.money import fmt_points, fmt_rate
from desktop.model.project import Indicator, Project
from desktop.model.regex_cache import compiled
from desktop.model.scoring import execution_rate, execution_score, suggest

HUNDRED = Decimal(100)
# Words right before a claim that take "every" back (除…外, 基本, 其余…).
_HEDGE = compiled(r"(除|未|没有|基本|大部分|大多|其余|其他|部分|绝大|多数|尚|未能)[^。；]{0,6}$")
_NUMBERING = compiled(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]?\s*")
_PUNCT = compiled(r"[\s\W_]+", re.UNICODE)


@cache
def _claim_re() -> re.Pattern[str]:
    words = review_words().all_met
    return compiled("|".join(f"(?:{w})" for w in words) if words else r"(?!x)x")


def _miss(ind: Indicator, form: Form) -> str | None:
    """Why the table shows this indicator as not met (None when it is met)."""
    if ind.weight is None or ind.weight <= 0:
        return None
    if ind.score is not None and ind.score < ind.weight:
        return f"得分{fmt_points(ind.score)}分，分值{fmt_points(ind.weight)}分"
    suggestion = suggest(ind, form)
    if suggestion.score is not None and suggestion.score < ind.weight:
        actual = ind.actual.strip()
        return f"指标值“{ind.target.strip()}”，实际完成“{actual}”"
    return None


def missed_indicators(project: Project, form: Form) -> list[tuple[int, str]]:
    """Rows the table shows as not (fully) met, with why."""
    out = []
    for row, ind in enumerate(project.indicators):
        why = _miss(ind, form)
        if why is not None:
            out.append((row, why))
    return out


def _claims(project: Project) -> list[tuple[dict[str, object], str]]:
    found: list[tuple[dict[str, object], str]] = []
    pattern = _claim_re()
    for key, text in project.sections.items():
        for m in pattern.finditer(text):
            if not _HEDGE.search(text[max(0, m.start() - 8) : m.start()]):
                found.append(({"section": key, "start": m.start(), "end": m.end()}, m.group(0)))
    for m in pattern.finditer(project.goals.actual):
        before = project.goals.actual[max(0, m.start() - 8) : m.start()]
        if not _HEDGE.search(before):
            found.append(({"project": "goal_actual"}, m.group(0)))
    return found


@register("W-CLAIM-ALL-MET")
def check_all_met_claim(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """The text says every indicator was met while the table shows one missed."""
    missed = missed_indicators(project, form)
    if not missed:
        return []
    claims = _claims(project)
    if not claims:
        return []
    row, why = missed[0]
    more = f"等{len(missed)}项指标" if len(missed) > 1 else ""
    location, quoted = claims[0]
    return [
        Finding(
            WARNING,
            "W-CLAIM-ALL-MET",
            f"文中称“{quoted}”，但绩效指标表中“{indicator_name(project.indicators[row], row)}”"
            f"{more}未完全达成（{why}）",
            location,
        )
    ]


def section_title(form: Form, key: str) -> str:
    """A section's title without its numbering and full stop ("存在的问题")."""
    entry = form.section(key)
    title = entry.title if entry else key
    return _NUMBERING.sub("", title).rstrip("。.：: ")


def _is_none(text: str) -> bool:
    flat = _PUNCT.sub("", _NUMBERING.sub("", text.strip()))
    return not flat or flat in review_words().none or text.strip() in review_words().none


def _shortfall(project: Project, form: Form) -> str | None:
    """What was missed beyond a few unspent yuan: indicators that lost points, an execution rate
    below the form's reason threshold, or a stated score below what the execution rate leaves."""
    missed = missed_indicators(project, form)
    if missed:
        row, why = missed[0]
        more = f"等{len(missed)}项指标" if len(missed) > 1 else ""
        return f"指标“{indicator_name(project.indicators[row], row)}”{more}未完全达成（{why}）"
    rate = execution_rate(project)
    threshold = Decimal(str(check_settings(form.key).execution_reason_below))
    if rate is not None and rate < threshold:
        return f"预算执行率只有{fmt_rate(rate)}"
    if project.indicators:
        return None
    claimed = project.extra.get("claimed_score")
    try:
        value = Decimal(str(claimed)) if claimed not in (None, "") else None
    except ArithmeticError:
        value = None
    best = HUNDRED - project.execution.weight + execution_score(project)
    if value is not None and value < best - Decimal("0.005"):
        return f"报告自评得分{fmt_points(value)}分"
    return None


@register("W-PROBLEMS-NONE")
def check_problems_none(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """存在的问题 and 改进措施 both "无" although the score is short of full marks."""
    settings = check_settings(form.key)
    problems = [k for k in settings.problem_sections if form.section(k) is not None]
    remedies = [k for k in settings.remedy_sections if form.section(k) is not None]
    if not problems:
        return []
    texts = {k: project.section(k) for k in (*problems, *remedies)}
    if not any(texts[k].strip() for k in problems):
        return []  # empty required sections are E-SECTION-EMPTY
    if not all(_is_none(texts[k]) for k in (*problems, *remedies)):
        return []
    why = _shortfall(project, form)
    if why is None:
        return []
    key = next(k for k in problems if texts[k].strip())
    names = "和".join(section_title(form, k) for k in (*problems, *remedies))
    return [
        Finding(
            WARNING,
            "W-PROBLEMS-NONE",
            f"{names}均写“{texts[key].strip()}”，但{why}；"
            "有扣分就有问题，应如实写明存在的问题和改进措施",
            {"section": key, "start": 0, "end": len(texts[key])},
        )
    ]
