"""What an imported report states about itself (its 合计/总分 row, its claimed score and grade)
against its own data: the 自评表 rows and the form's grade cut-offs."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.checks.narrative import check_grade_claim, check_score_claim
from desktop.model.checks.registry import ERROR, WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.money import fmt_points
from desktop.model.project import Project
from desktop.model.scoring import execution_score, grade, summarise, weight_total
from desktop.model.stated import claimed_grade, claimed_score, grade_name, stated_totals

TOLERANCE = Decimal("0.005")
_WHERE = {"project": "claimed_score"}


def _scored(project: Project) -> bool:
    """Every weighted row of the table carries an entered score."""
    rows = [ind for ind in project.indicators if ind.weight]
    return bool(rows) and all(ind.score is not None for ind in rows)


def _entered_sum(project: Project) -> Decimal:
    executed = project.execution.score
    total = executed if executed is not None else execution_score(project)
    return total + sum((ind.score or Decimal(0) for ind in project.indicators), Decimal(0))


@register("E-STATED-TOTAL")
def check_stated_total(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """The table's own 合计/总分 row against the sum of its rows (分值 and 得分)."""
    totals = stated_totals(project)
    if not totals or not project.indicators:
        return []
    out: list[Finding] = []
    stated_weight = totals.get("weight")
    if stated_weight is not None and any(ind.weight for ind in project.indicators):
        rows = weight_total(project)
        if abs(stated_weight - rows) > TOLERANCE:
            out.append(
                Finding(
                    ERROR,
                    "E-STATED-TOTAL",
                    f"自评表合计行写分值{fmt_points(stated_weight)}分，但各行分值"
                    f"（含预算执行率{fmt_points(project.execution.weight)}分）相加为"
                    f"{fmt_points(rows)}分",
                    {"indicator": len(project.indicators) - 1, "column": "weight"},
                )
            )
    stated_score = totals.get("score")
    if stated_score is not None and _scored(project):
        rows = _entered_sum(project)
        if abs(stated_score - rows) > TOLERANCE:
            out.append(
                Finding(
                    ERROR,
                    "E-STATED-TOTAL",
                    f"自评表合计行写得分{fmt_points(stated_score)}分，但各行得分相加为"
                    f"{fmt_points(rows)}分",
                    {"indicator": len(project.indicators) - 1, "column": "score"},
                )
            )
    return out


@register("W-STATED-SCORE")
def check_stated_score(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """The score the report states against the scores of its table (when the text's own claim
    is not already a finding of the narrative checks)."""
    claimed = claimed_score(project)
    if claimed is None:
        return []
    if claimed > Decimal(100):
        return [
            Finding(
                ERROR,
                "W-STATED-SCORE",
                f"报告所述自评得分{fmt_points(claimed)}分超过满分100分",
                _WHERE,
            )
        ]
    if not _scored(project) or check_score_claim(project, siblings, form):
        return []
    total = summarise(project, form).entered_total
    if abs(total - claimed) <= TOLERANCE:
        return []
    return [
        Finding(
            WARNING,
            "W-STATED-SCORE",
            f"报告称自评得分{fmt_points(claimed)}分，但自评表各项得分合计为{fmt_points(total)}分",
            _WHERE,
        )
    ]


@register("W-STATED-GRADE")
def check_stated_grade(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """The grade the report states against the grade of its stated (or table) score."""
    word = claimed_grade(project)
    grades = form.scoring.grades
    named = grade_name(word, grades)
    if not word or not named:
        return []
    claimed = claimed_score(project)
    if claimed is not None and claimed <= Decimal(100):
        expected = grade(claimed, form.scoring)
        if expected != named:
            return [
                Finding(
                    WARNING,
                    "W-STATED-GRADE",
                    f"报告称等级“{word}”，但所述自评得分{fmt_points(claimed)}分对应的等级为“{expected}”",
                    {"project": "claimed_grade"},
                )
            ]
        return []
    if not _scored(project) or check_grade_claim(project, siblings, form):
        return []
    summary = summarise(project, form)
    if summary.grade == named:
        return []
    return [
        Finding(
            WARNING,
            "W-STATED-GRADE",
            f"报告称等级“{word}”，但自评表得分合计{fmt_points(summary.entered_total)}分"
            f"对应的等级为“{summary.grade}”",
            {"project": "claimed_grade"},
        )
    ]
