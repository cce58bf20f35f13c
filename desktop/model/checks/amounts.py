"""Checks of amounts in the narrative against the funds table (预算/执行/追加, caps)."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.checks.numbers import (
    WAN,
    Amount,
    clause_before,
    find_amounts,
    fmt_amount,
    sentence_bounds,
    year_in_context,
)
from desktop.model.checks.registry import WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.money import fmt_wan
from desktop.model.project import FUNDS_COLUMNS, Project
from desktop.model.regex_cache import compiled
from desktop.model.targets import to_base

# Words right before an amount that make it a figure of this project's funds.
_FUNDS_WORDS = compiled(r"(预算|执行|支出|拨付|完成数|到位|安排|批复|下达)")
# Parts of the whole (其中…, 用于…) and other years' figures are not funds-table figures.
_PART_WORDS = compiled(r"(其中|用于|包括|包含|含|上年|去年|以前年度|下年|明年)")
_ADDITION_WORDS = compiled(r"(追加|调增|调减|调整|增加预算|补充)")
_CAP_AFTER = compiled(r"^\s*(以内|以下|之内)")
_CAP_BEFORE = compiled(r"(控制在|不超过|不高于|不得超过)\s*$")


def funds_figures(project: Project) -> set[Decimal]:
    """Every amount of the funds table (all rows and columns) and the 追加 amounts, in 元."""
    figures: set[Decimal] = set()
    for row in project.funds.rows.values():
        for column in FUNDS_COLUMNS:
            value = row.get(column)
            if value is not None:
                figures.add(value)
        if row.initial is not None and row.full_year is not None:
            figures.add(abs(row.full_year - row.initial))
    return figures


def matches_figure(amount: Amount, figures: set[Decimal]) -> bool:
    """True when the amount equals a funds figure in 元 or 万元 (at the precision written)."""
    for figure in figures:
        if amount.value == figure:
            return True
        if amount.unit in ("万元", "万"):
            # "21.04万元" for 210400.00; "8万元" for 80000; rounding at the written precision.
            wan = figure / WAN
            step = Decimal(1).scaleb(-amount.decimals)
            if abs(wan - amount.value / WAN) <= step / 2:
                return True
        elif figure == amount.value * WAN or figure * WAN == amount.value:
            return True
    return False


def _in_year(project: Project, text: str, amount: Amount) -> bool:
    year = year_in_context(text, amount.start)
    return year is None or year == project.year


@register("W-AMOUNT-FUNDS")
def check_amounts(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Amounts described as 预算/执行/支出/拨付 that match no figure of the funds table."""
    figures = funds_figures(project)
    if not figures:
        return []
    out: list[Finding] = []
    for key, text in project.sections.items():
        for amount in find_amounts(text):
            clause = clause_before(text, amount.start)
            if not _FUNDS_WORDS.search(clause) or _ADDITION_WORDS.search(clause):
                continue
            if _PART_WORDS.search(text[sentence_bounds(text, amount.start)[0] : amount.start]):
                continue
            if clause.endswith(("约", "近", "逾", "超", "大约", "将近")) or text[
                amount.end : amount.end + 2
            ].startswith(("左右", "余", "多")):
                continue  # an approximate figure
            if _CAP_AFTER.match(text[amount.end :]) or _CAP_BEFORE.search(clause):
                continue  # caps are checked by W-AMOUNT-CAP
            if not _in_year(project, text, amount) or matches_figure(amount, figures):
                continue
            out.append(
                Finding(
                    WARNING,
                    "W-AMOUNT-FUNDS",
                    f"文中“{clause.strip()}{amount.text}”与资金表不符（资金表：{_describe(project)}）",
                    {"section": key, "start": amount.start, "end": amount.end},
                )
            )
    return out


def _describe(project: Project) -> str:
    f = project.funds
    parts = []
    for column, label in (("initial", "年初预算"), ("full_year", "全年预算"), ("executed", "执行")):
        value = f.effective(column)
        if value is not None:
            parts.append(f"{label}{fmt_wan(value)}万元")
    return "，".join(parts)


@register("W-ADDITION-MISSING")
def check_addition(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """追加/调整 in the text not reflected in 全年预算数 (neither the change nor the new total)."""
    initial = project.funds.effective("initial")
    full_year = project.funds.effective("full_year")
    if initial is None or full_year is None:
        return []
    added = abs(full_year - initial)
    out: list[Finding] = []
    for key, text in project.sections.items():
        for amount in find_amounts(text):
            clause = clause_before(text, amount.start)
            if not _ADDITION_WORDS.search(clause) or not _in_year(project, text, amount):
                continue
            if matches_figure(amount, {added, full_year}):
                continue
            if added == 0:
                detail = f"但资金表的全年预算数（{fmt_wan(full_year)}万元）与年初预算数相同"
            else:
                detail = (
                    f"但资金表的全年预算数（{fmt_wan(full_year)}万元）与年初预算数"
                    f"（{fmt_wan(initial)}万元）相差{fmt_wan(added)}万元"
                )
            out.append(
                Finding(
                    WARNING,
                    "W-ADDITION-MISSING",
                    f"文中称“{clause.strip()}{amount.text}”，{detail}",
                    {"section": key, "start": amount.start, "end": amount.end},
                )
            )
    return out


def _cost_targets(project: Project, form: Form) -> list[str]:
    out = []
    for ind in project.indicators:
        if form.is_cost_level2(ind.level2) or form.is_cost_level2(ind.level1):
            target = ind.parsed_target()
            if target.number is not None and target.number.adjusted() <= 14:
                value, _ = to_base(target.number, target.unit or "元")
                out.append(f"“{ind.target.strip()}”（{fmt_wan(value)}万元）")
    return out


@register("W-AMOUNT-CAP")
def check_amount_cap(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """ "预算控制在5万元以内" while the budget or the spending of the year is larger."""
    full_year = project.funds.effective("full_year")
    executed = project.funds.effective("executed")
    spent = max((v for v in (full_year, executed) if v is not None), default=None)
    if spent is None:
        return []
    out: list[Finding] = []
    for key, text in project.sections.items():
        for amount in find_amounts(text):
            clause = clause_before(text, amount.start)
            if not (_CAP_AFTER.match(text[amount.end :]) or _CAP_BEFORE.search(clause)):
                continue
            if not _in_year(project, text, amount) or amount.value >= spent:
                continue
            tail = _CAP_AFTER.match(text[amount.end :])
            end = amount.end + (tail.end() if tail else 0)
            quoted = f"{clause.strip()}{text[amount.start : end]}"
            extra = ""
            costs = _cost_targets(project, form)
            if costs:
                extra = "，成本指标为" + "、".join(costs)
            out.append(
                Finding(
                    WARNING,
                    "W-AMOUNT-CAP",
                    f"文中称“{quoted}”，但全年预算数为{fmt_wan(full_year)}万元、"
                    f"全年执行数为{fmt_wan(executed)}万元{extra}",
                    {"section": key, "start": amount.start, "end": end},
                )
            )
    return out


def cost_in_yuan(target_number: Decimal, unit: str) -> Decimal:
    """A cost target in 元 (a bare number counts as 元)."""
    value, _ = to_base(target_number, unit or "元")
    return value


__all__ = ["cost_in_yuan", "fmt_amount", "funds_figures", "matches_figure"]


@register("W-FUNDS-UNIT")
def check_funds_unit(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A funds table typed in 万元 (8 for 80000 元) while the text gives the figure in 万元."""
    out: list[Finding] = []
    texts = [t for t in project.sections.values() if t]
    wan_amounts = {a.value for t in texts for a in find_amounts(t) if a.unit in ("万元", "万")}
    for source, row in project.funds.rows.items():
        for column in FUNDS_COLUMNS:
            value = row.get(column)
            if value is None or value <= 0 or value >= 10000:
                continue
            if value * WAN in wan_amounts:
                out.append(
                    Finding(
                        WARNING,
                        "W-FUNDS-UNIT",
                        f"资金表金额{value:f}元疑为按万元填写：文中写的是{fmt_amount(value * WAN)}"
                        "（资金表的单位是元）",
                        {"funds": source, "column": column},
                    )
                )
                break
    return out
