"""Text limits a province's 自评表 prints (forms/profiles/*.toml [reasons]): 四川 2023 takes the
原因 of a low execution rate in ≤ 100 字, 年度目标完成情况 in ≤ 100 字 and 评价结论、存在问题、
改进措施 in ≤ 200 字 each. A longer text does not fit the cell the form gives it.
"""

from __future__ import annotations

from typing import Any

from desktop.model.checks.registry import WARNING, Finding, register
from desktop.model.errors import InputError
from desktop.model.forms import Form
from desktop.model.profile_rows import REASON_KEY, extra_text
from desktop.model.profiles import Layout, Profile, load_profile
from desktop.model.project import DEFAULT_PROFILE, Project
from desktop.model.regex_cache import compiled

_SPACE = compiled(r"\s+")


def char_count(text: str) -> int:
    """Characters as a form counts them (字): punctuation included, spaces and breaks not."""
    return len(_SPACE.sub("", text))


def _profile(project: Project) -> Profile | None:
    try:
        profile = load_profile(project.profile or DEFAULT_PROFILE)
    except InputError:
        return None
    return profile if profile.covers(project.form) else None


Limited = tuple[str, int, dict[str, Any]]


def _limited(profile: Profile, layout: Layout, form: Form) -> list[Limited]:
    """(what, limit, location) of every cell of the profile's table that has a limit."""
    rs = profile.reasons
    out: list[Limited] = []
    if rs.low_execution_limit and "reason" in layout.execution_labels:
        label = layout.execution_labels["reason"]
        out.append((f"预算执行的“{label}”", rs.low_execution_limit, {"project": REASON_KEY}))
    if rs.goal_actual_limit:
        label = layout.goal_labels.get("actual", "实际完成情况")
        out.append((f"“{label}”", rs.goal_actual_limit, {"project": "goal_actual"}))
    if rs.closing_limit:
        for label, section in layout.closing:
            if form.section(section) is not None:
                out.append((f"“{label}”", rs.closing_limit, {"section": section}))
    return out


def section_limits(project: Project, form: Form) -> dict[str, tuple[int, str]]:
    """Section key → (characters allowed, the profile's name) for sections the profile's
    自评表 prints in a cell with a limit (四川: 评价结论、存在问题、改进措施 200 字)."""
    profile = _profile(project)
    if profile is None:
        return {}
    layout = profile.layout(project.form)
    return {
        str(loc["section"]): (limit, profile.name)
        for _what, limit, loc in _limited(profile, layout, form)
        if "section" in loc
    }


def _text(project: Project, location: dict[str, Any]) -> str:
    if "section" in location:
        return project.section(str(location["section"]))
    if location.get("project") == "goal_actual":
        return project.goals.actual
    return extra_text(project, REASON_KEY)


@register("W-TEXT-LIMIT")
def check_text_limits(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A text longer than the cell of the profile's 自评表 allows (四川: 100 / 200 字)."""
    profile = _profile(project)
    if profile is None:
        return []
    layout = profile.layout(project.form)
    out: list[Finding] = []
    for what, limit, location in _limited(profile, layout, form):
        text = _text(project, location)
        count = char_count(text)
        if count <= limit:
            continue
        where = dict(location)
        if "section" in where:
            where.update({"start": 0, "end": len(text)})
        out.append(
            Finding(
                WARNING,
                "W-TEXT-LIMIT",
                f"自评表{what}有{count}字，超过{limit}字的限制"
                f"（{profile.name}要求{limit}字以内），请压缩到{limit}字以内",
                where,
            )
        )
    return out
