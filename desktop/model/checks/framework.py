"""The indicator framework of the table: 产出/效益/满意度 present, 一级 weights near the form's
split, each indicator under a 二级 that fits it, percentages that can be what they claim.
(A report with no indicators at all is E-NO-INDICATORS in indicators.py.)"""

from __future__ import annotations

from decimal import Decimal

from desktop.model.checks.config import check_settings, review_words
from desktop.model.checks.registry import ERROR, HINT, WARNING, Finding, register
from desktop.model.checks.rows import indicator_name
from desktop.model.forms import Form, Level1
from desktop.model.money import fmt_points
from desktop.model.project import Indicator, Project
from desktop.model.regex_cache import compiled
from desktop.model.scoring import expected_level1_weights, weight_total
from desktop.model.targets import find_number

HUNDRED = Decimal(100)
MONEY_UNITS = ("元", "万元", "千元", "亿元")
# "成本" as a word, not the 成 of 完成/形成/达成 followed by 本年度.
_COST_WORD = compiled(r"(?<![完形达构促造组生])成本")


def level1_of(ind: Indicator, form: Form) -> Level1 | None:
    """The framework's 一级 of an indicator: by its 一级 name, else by the 二级 it is under."""
    if ind.level1.strip():
        found = form.find_level1(ind.level1)
        if found is not None:
            return found
    level2 = form.canonical_level2(ind.level2)
    for l1 in form.framework:
        if level2 in l1.level2:
            return l1
    return None


def _table_location(project: Project, column: str = "level1") -> dict[str, object]:
    return {"indicator": 0, "column": column}


@register("W-FRAME-NO-BENEFIT")
def check_framework(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """No 效益 indicator (警告); no 满意度 indicator (提示); no 产出, or 产出 without 数量/质量."""
    if not project.indicators:
        return []
    present = {l1.name for ind in project.indicators if (l1 := level1_of(ind, form))}
    if not present:
        return []  # a framework of its own (决策/过程…): nothing to compare with
    settings = check_settings(form.key)
    subject = settings.subject
    basis = f"{settings.framework_basis}，" if settings.framework_basis else ""
    out: list[Finding] = []
    for l1 in form.framework:
        if l1.name in present:
            continue
        if l1.benefit:
            out.append(
                Finding(
                    WARNING,
                    "W-FRAME-NO-BENEFIT",
                    f"绩效指标中没有{l1.name}：{basis}没有效益指标就无法说明{subject}取得的效果",
                    _table_location(project),
                )
            )
        elif l1.satisfaction:
            moved = (
                "其分值并入效益指标"
                if form.scoring.no_satisfaction == "move_to_benefit"
                else "总分按其余指标折算为100分"
            )
            out.append(
                Finding(
                    HINT,
                    "I-FRAME-NO-SATISFACTION",
                    f"绩效指标中没有{l1.name}（{moved}）；有服务对象的{subject}一般应设满意度指标",
                    _table_location(project),
                )
            )
    out.extend(_output_findings(project, form, present))
    return out


def _output_findings(project: Project, form: Form, present: set[str]) -> list[Finding]:
    """产出 missing, or without both 数量 and 质量 (警告), or without one of them (提示)."""
    output = next((l1 for l1 in form.framework if l1.numeric and l1.weight), None)
    if output is None:
        return []
    if output.name not in present:
        return [
            Finding(
                WARNING,
                "W-FRAME-NO-OUTPUT",
                f"绩效指标中没有{output.name}：产出指标（数量、质量、时效、成本）是自评的主体",
                _table_location(project),
            )
        ]
    wanted = [n for n in output.level2[:2]]  # 数量指标, 质量指标: the form's first two
    have = {
        form.canonical_level2(ind.level2)
        for ind in project.indicators
        if (l1 := level1_of(ind, form)) is not None and l1.name == output.name
    }
    missing = [n for n in wanted if n not in have]
    if not missing:
        return []
    rows = [r for r, ind in enumerate(project.indicators) if (l1 := level1_of(ind, form)) is output]
    location = {"indicator": rows[0] if rows else 0, "column": "level2"}
    if len(missing) == len(wanted):
        return [
            Finding(
                WARNING,
                "W-FRAME-NO-OUTPUT",
                f"{output.name}中既没有{missing[0]}也没有{missing[1]}：产出的数量和质量"
                f"是衡量{check_settings(form.key).subject}产出的基本指标",
                location,
            )
        ]
    return [
        Finding(
            HINT,
            "I-FRAME-NO-OUTPUT",
            f"{output.name}中没有{missing[0]}，请确认是否遗漏",
            location,
        )
    ]


def _weights_by_level1(project: Project, form: Form) -> dict[str, Decimal] | None:
    sums: dict[str, Decimal] = {}
    for ind in project.indicators:
        l1 = level1_of(ind, form)
        if l1 is None or ind.weight is None:
            return None
        sums[l1.name] = sums.get(l1.name, Decimal(0)) + ind.weight
    return sums


def _grouped(values: dict[str, Decimal], groups: tuple[tuple[str, ...], ...]) -> dict[str, Decimal]:
    out = dict(values)
    for group in groups:
        head = group[0]
        for name in group[1:]:
            if name in out:
                out[head] = out.get(head, Decimal(0)) + out.pop(name)
    return out


@register("W-LEVEL1-WEIGHT")
def check_level1_weights(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """一级 weights far from the form's split (产出 50, 效益 30, 满意度 10 under 10号)."""
    if not project.indicators or weight_total(project) != HUNDRED:
        return []  # missing or wrong totals are W-WEIGHTS-MISSING / W-WEIGHTS-SUM
    sums = _weights_by_level1(project, form)
    if sums is None:
        return []
    settings = check_settings(form.key)
    groups = settings.level1_weight_groups
    actual = _grouped(sums, groups)
    expected = _grouped(expected_level1_weights(project, form), groups)
    if set(actual) - set(expected) or any(name not in actual for name in expected):
        return []  # a 一级 the split does not know, or a missing one (W-FRAME-*)
    tolerance = Decimal(str(settings.level1_weight_tolerance))
    far = [n for n in expected if abs(actual[n] - expected[n]) > tolerance]
    if not far:
        return []
    parts = "、".join(
        f"{n}{fmt_points(actual[n])}分（表单{fmt_points(expected[n])}分）" for n in expected
    )
    head = {name: group[0] for group in groups for name in group}
    first = next(
        r
        for r, ind in enumerate(project.indicators)
        if (l1 := level1_of(ind, form)) is not None and head.get(l1.name, l1.name) == far[0]
    )
    return [
        Finding(
            WARNING,
            "W-LEVEL1-WEIGHT",
            f"一级指标的分值与表单的分配相差超过{fmt_points(tolerance)}分：{parts}",
            {"indicator": first, "column": "weight"},
        )
    ]


def _is_money_ceiling(ind: Indicator) -> bool:
    target = ind.parsed_target()
    return target.is_quantitative and target.unit in MONEY_UNITS and target.operator in ("≤", "<")


@register("W-LEVEL2-MISFILED")
def check_misfiled(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A cost indicator (a ceiling in 元/万元, or named 成本) under a 二级 that is not a cost one.

    A 二级 of another 一级 (经济成本指标 under 产出) is I-IND-LEVEL2 (rows.py).
    """
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        if form.is_cost_level2(ind.level2) or form.is_cost_level2(ind.level1):
            continue
        if not (_is_money_ceiling(ind) or _COST_WORD.search(ind.level3)):
            continue
        where = ind.level2.strip() or ind.level1.strip()
        out.append(
            Finding(
                WARNING,
                "W-LEVEL2-MISFILED",
                f"指标“{indicator_name(ind, row)}”（指标值“{ind.target.strip()}”）是成本类指标，"
                f"却列在“{where}”下；成本类指标应列在成本指标下",
                {"indicator": row, "column": "level2"},
            )
        )
    return out


def capped_word(name: str) -> str | None:
    """The percent-capped word (满意度, 合格率 …) an indicator name contains, if any."""
    for word in review_words().percent_capped:
        if word in name:
            return word
    return None


PERCENT_UNITS = ("%", "％", "百分比", "百分率")
# What is not the name itself: bracketed notes ("（%）") and trailing signs.
_BARE_NAME = compiled(r"[（(][^）)]*[）)]|[^\u4e00-\u9fff]+$")


def is_percent(unit: str | None) -> bool:
    """True for a percentage unit ("%", "百分比" as the Sichuan form's 度量单位 writes it)."""
    return (unit or "").strip() in PERCENT_UNITS


def _actual_percent(ind: Indicator) -> Decimal | None:
    number, unit = find_number(ind.actual)
    if number is None:
        return None
    if is_percent(unit) or (not unit and is_percent(ind.parsed_target().unit)):
        return number
    return None


@register("E-PERCENT-OVER")
def check_percent_over(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A 满意度/完成率/覆盖率/合格率 target or actual above 100 %."""
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        name = ind.level3.strip()
        word = capped_word(name)
        if word is None:
            continue
        target = ind.parsed_target()
        for column, label, text, value in (
            ("target", "指标值", ind.target, target.number if is_percent(target.unit) else None),
            ("actual", "实际完成值", ind.actual, _actual_percent(ind)),
        ):
            if value is None or value <= HUNDRED:
                continue
            certain = _BARE_NAME.sub("", name).endswith(word)
            quoted = text.strip() if "%" in text or "百分" in text else f"{text.strip()}%"
            why = (
                f"{word}不可能超过100%"
                if certain
                else f"若指的是{word}本身，不可能超过100%，请核对"
            )
            out.append(
                Finding(
                    ERROR if certain else WARNING,
                    "E-PERCENT-OVER" if certain else "W-PERCENT-OVER",
                    f"指标“{name}”的{label}“{quoted}”超过100%，{why}",
                    {"indicator": row, "column": column},
                )
            )
    return out


@register("W-TARGET-OPERATOR")
def check_operator(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Comparison nonsense: a cost amount with ≥, a 满意度 with ≤, "≥100%" for a capped rate."""
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        target = ind.parsed_target()
        if not target.is_quantitative or target.implicit:
            continue
        location = {"indicator": row, "column": "target"}
        shown = ind.target.strip() + (
            f"（{ind.operator.strip()}{ind.unit.strip() if ind.unit else ''}）"
            if ind.operator and ind.operator.strip() not in ind.target
            else ""
        )
        cost = form.is_cost_level2(ind.level2) or form.is_cost_level2(ind.level1)
        if cost and target.unit in MONEY_UNITS and target.operator in ("≥", ">"):
            out.append(
                Finding(
                    WARNING,
                    "W-TARGET-OPERATOR",
                    f"成本指标“{indicator_name(ind, row)}”的指标值“{shown}”是下限（{target.operator}）；"
                    "成本是支出的上限，应写作“≤”",
                    location,
                )
            )
            continue
        word = capped_word(ind.level3)
        if word is None or not is_percent(target.unit):
            continue
        if target.operator in ("≤", "<"):
            out.append(
                Finding(
                    WARNING,
                    "W-TARGET-OPERATOR",
                    f"指标“{indicator_name(ind, row)}”的指标值“{shown}”是上限（{target.operator}）；"
                    f"{word}越高越好，应写作“≥”",
                    location,
                )
            )
        elif target.operator in ("≥", ">") and target.number == HUNDRED:
            out.append(
                Finding(
                    HINT,
                    "I-TARGET-OPERATOR",
                    f"指标“{indicator_name(ind, row)}”的指标值“{shown}”：{word}不会超过100%，"
                    "“≥100%”只能取100%，宜写作“=100%”",
                    location,
                )
            )
    return out
