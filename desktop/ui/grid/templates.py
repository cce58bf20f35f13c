"""Typical indicators of the form's framework (forms/*.toml ``typical``), filled from the project."""

from __future__ import annotations

import string
from dataclasses import dataclass

from desktop.model.forms import Form
from desktop.model.money import fmt_rate, fmt_wan
from desktop.model.project import Indicator, Project
from desktop.model.scoring import execution_rate


@dataclass(frozen=True)
class TypicalGroup:
    """The typical indicators of one 二级 of a 一级."""

    level1: str
    level2: str
    items: tuple[tuple[str, str], ...]  # (三级指标, 年度指标值 template)


def typical_groups(form: Form) -> list[TypicalGroup]:
    """All 二级 groups that have typical indicators, in framework order."""
    groups: list[TypicalGroup] = []
    for level1 in form.framework:
        for level2 in level1.level2:
            items = level1.typical.get(level2)
            if items:
                groups.append(TypicalGroup(level1.name, level2, tuple(items)))
        for level2, items in level1.typical.items():
            if level2 not in level1.level2 and items:
                groups.append(TypicalGroup(level1.name, level2, tuple(items)))
    return groups


def placeholders(project: Project) -> dict[str, str]:
    """Values for {budget_wan}, {initial_wan}, {executed_wan}, {rate}, {year}, {unit}, {name}."""
    funds = project.funds
    return {
        "budget_wan": fmt_wan(funds.effective("full_year")),
        "initial_wan": fmt_wan(funds.effective("initial")),
        "executed_wan": fmt_wan(funds.effective("executed")),
        "rate": fmt_rate(execution_rate(project)),
        "year": str(project.year),
        "unit": project.unit.name,
        "name": project.name,
    }


def fill(template: str, values: dict[str, str]) -> str:
    """Fill the placeholders; a template whose placeholder has no value gives ''."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError:
        return template
    if any(not values.get(f) for f in fields):
        return ""
    try:
        return template.format_map(values)
    except (KeyError, ValueError, IndexError):
        return template


def make_indicators(
    group: TypicalGroup, project: Project, which: int | None = None
) -> list[Indicator]:
    """New indicators for a group (all items, or item ``which``), targets filled from the project."""
    values = placeholders(project)
    items = group.items if which is None else (group.items[which],)
    return [
        Indicator(
            level1=group.level1, level2=group.level2, level3=level3, target=fill(target, values)
        )
        for level3, target in items
    ]


def starter_set(form: Form, project: Project) -> list[Indicator]:
    """The first typical indicator of every group: a starting grid for a blank project."""
    out: list[Indicator] = []
    for group in typical_groups(form):
        out.extend(make_indicators(group, project, 0))
    return out
