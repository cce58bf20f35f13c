"""复制为下一年度: a new draft project for the next year from this year's project.

Decisions (documented here and in the import report of the GUI):
- indicators: same rows, 指标值 (target) and 分值 (weight) kept; 实际完成值, 得分 and
  偏差原因分析 cleared.
- funds: 年初预算数 kept per source (recurring projects usually get the same base budget);
  全年预算数 := 年初预算数 (last year's 追加 does not recur); 全年执行数 cleared.
- narrative: every section is kept as a draft. Where a section holds text produced from the
  form's template (its placeholders filled with last year's figures), that text is rendered again
  with the new year and amounts; figures not known yet (全年执行数, 得分) stay as placeholders.
  Other sentences are left alone and the W-OLD-YEAR check points at those still naming an old year.
- status draft, 成文日期 cleared, 年度总体目标 预期目标 kept and 实际完成情况 cleared.
- the year's cycle: last year's approved targets (批复目标) are not this year's baseline — the
  new year's targets are approved with its own budget, so the copy has none; the 运行监控 is
  cleared; open 整改 items are carried, each keeping the year it was raised, so the new report
  prints them as 上年整改情况; done items stay with their year.
"""

from __future__ import annotations

import copy
import re

from desktop.model.forms import Form, load_form
from desktop.model.money import fmt_points, fmt_rate, fmt_wan
from desktop.model.project import Execution, Funds, FundsRow, Goals, Indicator, Project, Unit
from desktop.model.rectification import carried
from desktop.model.regex_cache import compiled
from desktop.model.scoring import execution_rate, summarise

CARRIED_FROM = "carried_from"
_FIELD_RE = compiled(r"\{(\w+)\}")


def template_values(project: Project, form: Form) -> dict[str, str]:
    """Placeholder values of the form's templates ({year}, {unit}, {executed_wan} …) for a project."""
    funds = project.funds
    values = {
        "year": str(project.year),
        "prev_year": str(project.year - 1),
        "unit": project.unit.name,
        "name": project.name,
        "goal_target": project.goals.target,
    }
    for key, column in (("initial_wan", "initial"), ("budget_wan", "full_year")):
        amount = funds.effective(column)
        if amount is not None:
            values[key] = fmt_wan(amount)
    executed = funds.effective("executed")
    if executed is not None:
        values["executed_wan"] = fmt_wan(executed)
        rate = execution_rate(project)
        if rate is not None:
            values["rate"] = fmt_rate(rate)
        if project.indicators:
            summary = summarise(project, form)
            values["total_score"] = fmt_points(summary.entered_total)
            values["grade"] = summary.grade
    return values


def render(template: str, values: dict[str, str]) -> str:
    """Fill a template; unknown or missing placeholders stay as written ("{executed_wan}")."""
    return _FIELD_RE.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _template_pattern(template: str) -> re.Pattern[str]:
    """A regex matching the template with any values in its placeholders."""
    parts: list[str] = []
    pos = 0
    for m in _FIELD_RE.finditer(template):
        parts.append(re.escape(template[pos : m.start()]))
        parts.append(r"[^。\n]*?")
        pos = m.end()
    parts.append(re.escape(template[pos:]))
    return compiled("".join(parts))


def update_templated(text: str, template: str, old: dict[str, str], new: dict[str, str]) -> str:
    """Re-render the part of ``text`` that came from ``template`` with new values."""
    if not template or not _FIELD_RE.search(template):
        return text
    rendered_old = render(template, old)
    if rendered_old and rendered_old in text:
        return text.replace(rendered_old, render(template, new))
    match = _template_pattern(template).search(text)
    if match is None or not match.group(0).strip():
        return text
    return text[: match.start()] + render(template, new) + text[match.end() :]


def _next_funds(funds: Funds) -> Funds:
    result = Funds()
    for source, row in funds.rows.items():
        if row.is_empty():
            continue
        initial = row.initial if row.initial is not None else row.full_year
        result.rows[source] = FundsRow(source, initial, initial, None)
    return result


def next_year_copy(project: Project) -> Project:
    """A new draft project for year+1: targets kept, actuals/scores/执行数 cleared, text updated."""
    form = load_form(project.form)
    new = Project(
        unit=Unit(project.unit.name, project.unit.department, project.unit.code),
        year=project.year + 1,
        name=project.name,
        form=project.form,
        status="draft",
        signed_date=None,
        funds=_next_funds(project.funds),
        execution=Execution(weight=project.execution.weight, score=None),
        goals=Goals(target=project.goals.target, actual=""),
        indicators=[
            Indicator(
                level1=i.level1,
                level2=i.level2,
                level3=i.level3,
                target=i.target,
                weight=i.weight,
                operator=i.operator,
                unit=i.unit,
            )
            for i in project.indicators
        ],
        extra=copy.deepcopy(project.extra),
        rectifications=carried(project.rectifications, project.year),
    )
    new.extra[CARRIED_FROM] = {"year": project.year, "id": project.id}
    old_values = template_values(project, form)
    new_values = template_values(new, form)
    for key, text in project.sections.items():
        entry = form.section(key)
        new.sections[key] = update_templated(
            text, entry.template if entry else "", old_values, new_values
        )
    return new


def carried_from_year(project: Project) -> int | None:
    """The year a project was carried forward from; None for a project not carried forward."""
    info = project.extra.get(CARRIED_FROM)
    if isinstance(info, dict):
        year = info.get("year")
        if isinstance(year, int):
            return year
        if isinstance(year, str) and year.isdigit():
            return int(year)
    return None
