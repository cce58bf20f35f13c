"""Fill a form's section templates ({unit}, {year}, {executed_wan} …) from a project's data."""

from __future__ import annotations

import re

from desktop.model.department import amount_of
from desktop.model.forms import Form
from desktop.model.money import fmt_points, fmt_rate, fmt_wan
from desktop.model.project import Project
from desktop.model.regex_cache import compiled
from desktop.model.scoring import ScoreSummary, summarise

BLANK = "____"
_PLACEHOLDER = compiled(r"\{([a-z_][a-z0-9_]*)\}")


def template_values(project: Project, form: Form) -> dict[str, str]:
    """Every placeholder a template may use, as display text ('' when the data is missing)."""
    summary = summarise(project, form)
    return {**_common_values(project, form, summary), **department_values(project)}


def department_values(project: Project) -> dict[str, str]:
    """Placeholders of a department report: its income/expense lines (万元) and counts."""
    dept = project.dept

    def wan(side: str, key: str) -> str:
        return fmt_wan(amount_of(dept, side, key, "executed"))

    counts = {k: str(dept.counts[k]) if k in dept.counts else "" for k in _COUNTS}
    return {
        "income_wan": wan("income", "total"),
        "expense_wan": wan("expense", "total"),
        "basic_wan": wan("expense", "basic"),
        "personnel_wan": wan("expense", "personnel"),
        "public_wan": wan("expense", "public"),
        "project_wan": wan("expense", "project"),
        **counts,
    }


_COUNTS = ("staff_quota", "staff_actual", "units")


def _common_values(project: Project, form: Form, summary: ScoreSummary) -> dict[str, str]:
    funds = project.funds
    return {
        "unit": project.unit.name,
        "department": project.unit.department,
        "name": project.name,
        "year": str(project.year),
        "prev_year": str(project.year - 1),
        "next_year": str(project.year + 1),
        "initial_wan": fmt_wan(funds.effective("initial")),
        "budget_wan": fmt_wan(funds.effective("full_year")),
        "executed_wan": fmt_wan(funds.effective("executed")),
        "rate": fmt_rate(summary.execution_rate),
        "execution_score": fmt_points(summary.execution_score),
        "total_score": fmt_points(summary.entered_total),
        "suggested_score": fmt_points(summary.suggested_total),
        "grade": summary.grade,
        "goal_target": project.goals.target.strip(),
        "goal_actual": project.goals.actual.strip(),
        "signed_date": (
            f"{project.signed_date.year}年{project.signed_date.month}月{project.signed_date.day}日"
            if project.signed_date
            else ""
        ),
    }


def fill_template(template: str, project: Project, form: Form) -> str:
    """The template with known placeholders filled; missing data shows as ____, unknown stay."""
    values = template_values(project, form)

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            return match.group(0)
        return values[key] or BLANK

    return _PLACEHOLDER.sub(replace, template)


def placeholders(template: str) -> list[str]:
    """Names of the placeholders a template uses, in order of first appearance."""
    seen: list[str] = []
    for match in _PLACEHOLDER.finditer(template):
        if match.group(1) not in seen:
            seen.append(match.group(1))
    return seen
