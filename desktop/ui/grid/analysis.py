"""Per-row analysis for the grid: suggested score, how the target was read, local problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from desktop.model.forms import Form
from desktop.model.money import fmt_points
from desktop.model.project import Indicator
from desktop.model.scoring import Suggestion, suggest
from desktop.model.targets import find_number, to_base


@dataclass(frozen=True)
class RowInfo:
    """What the grid shows beside an indicator's own values."""

    suggestion: Suggestion
    understood: str
    issues: dict[str, tuple[str, ...]] = field(default_factory=dict)


def analyse(indicator: Indicator, form: Form | None) -> RowInfo:
    """Suggested score, the target as understood and the problems of each field of a row."""
    target = indicator.parsed_target()
    understood = target.describe()
    if form is None:
        return RowInfo(Suggestion(None, ""), understood, {})
    issues: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        issues.setdefault(name, []).append(message)

    level1 = form.find_level1(indicator.level1) if indicator.level1.strip() else None
    if indicator.level1.strip() and level1 is None:
        add("level1", f"“{indicator.level1}”不是本表单指标体系中的一级指标")
    level2 = form.canonical_level2(indicator.level2)
    if level1 is not None and level2 and level2 not in level1.level2:
        add("level2", f"“{indicator.level2}”不是“{level1.name}”下的二级指标")
    if not indicator.target.strip():
        add("target", "未填写年度指标值")
    elif level2 and form.is_numeric_level2(level2) and not target.is_quantitative:
        add("target", f"“{level2}”应填写可量化的指标值（如“≥50个”），现为定性表述")
    if target.is_quantitative and target.unit and indicator.actual.strip():
        number, unit = find_number(indicator.actual)
        if (
            number is not None
            and unit
            and to_base(number, unit)[1] != to_base(Decimal(1), target.unit)[1]
        ):
            add("actual", f"实际完成值的单位“{unit}”与年度指标值的单位“{target.unit}”不一致")
    if indicator.weight is None:
        add("weight", "未填写分值")
    if (
        indicator.score is not None
        and indicator.weight is not None
        and indicator.score > indicator.weight
    ):
        add(
            "score",
            f"得分{fmt_points(indicator.score)}超过分值{fmt_points(indicator.weight)}",
        )
    return RowInfo(suggest(indicator, form), understood, {k: tuple(v) for k, v in issues.items()})
