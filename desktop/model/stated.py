"""What an imported report states about itself, kept beside the data (JSON fields of DESIGN.md).

These live in ``Project.extra`` under their JSON names, so they are stored with the project and
kept on every round trip: ``title`` (the document's own title line), ``claimed_score`` and
``claimed_grade`` (the total and grade the report states), ``stated_totals`` (what its 合计/总分
row states: ``weight``, ``score``), ``funds_arrived`` (实际到位资金, 元), ``document_funds`` (amounts
a multi-project document states for all its projects), ``extra_sections`` (headings the form does
not know: ``key``, ``title``, ``after``), ``document_kind`` (e.g. ``department``, or
``execution-table`` for a list of projects with their amounts) and ``responsible`` (the office a
project list names for the project).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.model.project import Project

EXTRA_PREFIX = "extra_"


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def title(project: Project) -> str:
    """The document's own title ('' when not imported from a document)."""
    return str(project.extra.get("title") or "")


def claimed_score(project: Project) -> Decimal | None:
    """The total score the report states (自评得分97分), None when it states none."""
    return _decimal(project.extra.get("claimed_score"))


def claimed_grade(project: Project) -> str:
    """The grade the report states (优, 良, 优秀 …), '' when none."""
    return str(project.extra.get("claimed_grade") or "")


def stated_totals(project: Project) -> dict[str, Decimal]:
    """What the indicator table's 合计/总分 row states (weight, score)."""
    raw = project.extra.get("stated_totals")
    if not isinstance(raw, dict):
        return {}
    out = {k: _decimal(v) for k, v in raw.items() if k in ("weight", "score")}
    return {k: v for k, v in out.items() if v is not None}


def extra_sections(project: Project) -> list[dict[str, str]]:
    """Sections under headings the form does not know: key, title and the section they follow."""
    raw = project.extra.get("extra_sections")
    if not isinstance(raw, list):
        return []
    out: list[dict[str, str]] = []
    for item in raw:
        if isinstance(item, dict) and item.get("key") and item.get("title"):
            out.append(
                {
                    "key": str(item["key"]),
                    "title": str(item["title"]),
                    "after": str(item.get("after") or ""),
                }
            )
    return out


def sections_after(project: Project, key: str) -> list[dict[str, str]]:
    """The extra sections placed right after the form's section ``key`` ('' = before all)."""
    return [s for s in extra_sections(project) if s["after"] == key]


def set_claims(project: Project, score: Decimal | None, grade: str) -> None:
    """Record the stated score and grade (as decimal text and the words of the report)."""
    if score is not None:
        project.extra["claimed_score"] = format(score.normalize(), "f")
    if grade:
        project.extra["claimed_grade"] = grade


def grade_name(word: str, grades: tuple[tuple[Decimal, str], ...]) -> str:
    """The form's grade a stated word names ("优秀" → "优", "良好" → "良"); '' when none."""
    clean = word.strip().strip('“”"「」')
    for _cutoff, name in grades:
        if clean == name or (name and clean.startswith(name)):
            return name
    if clean in ("较差", "不合格"):
        return grades[-1][1] if grades else ""
    return ""


@dataclass(frozen=True)
class ReportedTotal:
    """The total and grade to report for a project: from its table, or (no table) as stated."""

    total: Decimal | None
    grade: str
    source: str  # "table" (computed from the 自评表) or "stated" (what the document says)


def reported_total(
    project: Project,
    table_total: Decimal,
    table_grade: str,
    grades: tuple[tuple[Decimal, str], ...],
) -> ReportedTotal:
    """The table's entered total, unless the project has no indicator table and its document
    states a score or grade (then those, the grade following the score when none is stated)."""
    score = claimed_score(project)
    word = claimed_grade(project)
    if project.indicators or (score is None and not word):
        return ReportedTotal(table_total, table_grade, "table")
    named = grade_name(word, grades) if word else ""
    if not named and score is not None:
        for cutoff, name in sorted(grades, key=lambda g: -g[0]):
            if score >= cutoff:
                named = name
                break
    return ReportedTotal(score, named or word, "stated")
