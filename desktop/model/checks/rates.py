"""W-PROSE-RATE: a rate stated in the prose (到位率, 执行率, 拨付率) that its own figures in the
same paragraph do not give, or give only against the wrong base (年初 instead of 调整后/全年预算)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from desktop.model.checks.numbers import clause_before, find_amounts, find_percents
from desktop.model.checks.registry import WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.money import fmt_wan
from desktop.model.project import Project
from desktop.model.regex_cache import compiled

HUNDRED = Decimal(100)
# Rate words → what they divide (numerator kind); the base is always the (adjusted) budget.
_RATES = {
    "到位率": "arrived",
    "拨付率": "arrived",
    "执行率": "spent",
    "支出率": "spent",
    "使用率": "spent",
    "预算完成率": "spent",
}
_RATE_WORD = compiled(r"(" + "|".join(sorted(_RATES, key=len, reverse=True)) + r")")
_GAP = compiled(r"^\s*(?:为|是|达到|达|约为|仅为|：|:)?\s*$")
_INITIAL = compiled(r"年初")
_FULL = compiled(r"调整后|调整预算|全年预算|追加后|预算数|总预算")
_BUDGET = compiled(r"预算|下达|批复|安排|计划")
_ARRIVED = compiled(r"到位|到账|拨付")
_SPENT = compiled(r"执行|支出|使用|支付|报账|兑付|完成")
_LABELS = {"initial": "年初预算", "full": "调整后（全年）预算", "arrived": "到位资金"}


@dataclass(frozen=True)
class Labelled:
    """An amount of the paragraph and what it is (initial/full budget, arrived, spent)."""

    kind: str
    value: Decimal
    text: str


def _kind(clause: str) -> str | None:
    if _ARRIVED.search(clause):
        return "arrived"
    if _INITIAL.search(clause) and _BUDGET.search(clause):
        return "initial"
    if _FULL.search(clause) or _BUDGET.search(clause):
        return "full"
    if _SPENT.search(clause):
        return "spent"
    return None


def _amounts(paragraph: str) -> list[Labelled]:
    out = []
    for a in find_amounts(paragraph):
        clause = clause_before(paragraph, a.start)
        kind = _kind(clause)
        if kind is not None:
            out.append(Labelled(kind, a.value, f"{clause.strip()}{a.text}"))
    return out


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _matches(stated: Decimal, decimals: int, value: Decimal) -> bool:
    """The stated rate is the value rounded or cut at the written precision."""
    unit = Decimal(1).scaleb(-decimals)
    return abs(value - stated) < unit + Decimal("0.000001")


@register("W-PROSE-RATE")
def check_prose_rates(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A stated 到位率/执行率 that its own figures do not give, or give against the wrong base."""
    table = project.funds
    has_table_rate = table.effective("full_year") is not None and table.effective("executed")
    out: list[Finding] = []
    for key, text in project.sections.items():
        if not text or "率" not in text or ("%" not in text and "％" not in text):
            continue
        for offset, paragraph in _paragraphs(text):
            for finding in _paragraph_findings(paragraph, bool(has_table_rate)):
                start, end, message = finding
                out.append(
                    Finding(
                        WARNING,
                        "W-PROSE-RATE",
                        message,
                        {"section": key, "start": offset + start, "end": offset + end},
                    )
                )
    return out


def _paragraph_findings(paragraph: str, has_table_rate: bool) -> Iterator[tuple[int, int, str]]:
    figures = find_percents(paragraph)
    if not figures:
        return
    amounts = _amounts(paragraph)
    for fig in figures:
        window = paragraph[max(0, fig.start - 12) : fig.start]
        found = None
        for m in _RATE_WORD.finditer(window):
            if _GAP.match(window[m.end() :]):
                found = m
        if found is None:
            continue
        word = found.group(1)
        numerator_kind = _RATES[word]
        if numerator_kind == "spent" and has_table_rate:
            continue  # the funds table's rate: E-RATE-CLAIM
        numerators = [a for a in amounts if a.kind == numerator_kind]
        bases = [a for a in amounts if a.kind in ("full", "initial", "arrived") and a.value > 0]
        right = [b for b in bases if b.kind == "full"] or [b for b in bases if b.kind == "initial"]
        if not numerators or not right:
            continue
        if any(
            _matches(fig.value, fig.decimals, n.value / b.value * HUNDRED)
            for n in numerators
            for b in right
            if b is not n
        ):
            continue
        start = max(0, fig.start - (len(window) - found.start()))
        quoted = paragraph[start : fig.end]
        wrong = [
            (n, b)
            for n in numerators
            for b in bases
            if b not in right
            and b is not n
            and _matches(fig.value, fig.decimals, n.value / b.value * HUNDRED)
        ]
        n, b = numerators[0], right[0]
        computed = (n.value / b.value * HUNDRED).quantize(Decimal("0.01"))
        if wrong:
            wn, wb = wrong[0]
            message = (
                f"文中“{quoted}”是按{_LABELS[wb.kind]}计算的（{wn.text}÷{wb.text}）；"
                f"应以{_LABELS[b.kind]}为基数：{n.text}÷{b.text}={computed}%"
            )
        else:
            message = (
                f"文中“{quoted}”与文中的数字不符：{n.text}÷{b.text}"
                f"（{fmt_wan(n.value)}÷{fmt_wan(b.value)}万元）={computed}%"
            )
        yield start, fig.end, message
