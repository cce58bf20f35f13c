"""Core checks: required sections, funds arithmetic, weights and scores."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.checks.registry import ERROR, HINT, WARNING, Finding, register
from desktop.model.checks.rows import each_row, score_over_weight
from desktop.model.forms import Form
from desktop.model.money import fmt_points, fmt_wan
from desktop.model.project import FUNDS_COLUMN_LABELS, FUNDS_COLUMNS, SOURCE_LABELS, Project
from desktop.model.scoring import is_far, suggest, weight_total


@register("E-SECTION-EMPTY")
def check_required_sections(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Required sections that are empty."""
    return [
        Finding(
            ERROR,
            "E-SECTION-EMPTY",
            f"必填部分“{entry.title.rstrip('。.：: ')}”尚未填写",
            {"section": entry.key},
        )
        for entry in form.sections()
        if entry.required and entry.key and not project.section(entry.key).strip()
    ]


@register("W-FUNDS-TOTAL")
def check_funds_total(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A stated total that disagrees with the sum of its sources."""
    out: list[Finding] = []
    total = project.funds.rows.get("total")
    if total is None:
        return out
    for column in FUNDS_COLUMNS:
        stated = total.get(column)
        summed = project.funds.sources_sum(column)
        if stated is None or summed is None or stated == summed:
            continue
        out.append(
            Finding(
                WARNING,
                "W-FUNDS-TOTAL",
                f"{SOURCE_LABELS['total']}的{FUNDS_COLUMN_LABELS[column]}为{fmt_wan(stated)}万元，"
                f"但各资金来源合计为{fmt_wan(summed)}万元",
                {"funds": "total", "column": column},
            )
        )
    return out


@register("E-FUNDS-OVERSPENT")
def check_overspent(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """全年执行数 above 全年预算数."""
    out: list[Finding] = []
    for source, row in project.funds.rows.items():
        if row.executed is not None and row.full_year is not None and row.executed > row.full_year:
            out.append(
                Finding(
                    ERROR,
                    "E-FUNDS-OVERSPENT",
                    f"{SOURCE_LABELS.get(source, source)}：全年执行数{fmt_wan(row.executed)}万元"
                    f"超过全年预算数{fmt_wan(row.full_year)}万元",
                    {"funds": source, "column": "executed"},
                )
            )
    return out


def execution_over_weight(project: Project) -> list[Finding]:
    """The 预算执行率 line's entered 得分 above its 分值."""
    ex = project.execution
    if ex.score is None or ex.score <= ex.weight:
        return []
    return [
        Finding(
            ERROR,
            "E-SCORE-OVER-WEIGHT",
            f"预算执行率得分{fmt_points(ex.score)}超过分值{fmt_points(ex.weight)}",
            {"execution": "score"},
        )
    ]


@register("E-SCORE-OVER-WEIGHT")
def check_score_over_weight(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """An entered score above its weight (the execution line and every indicator)."""
    return execution_over_weight(project) + each_row(project, form, score_over_weight)


@register("W-WEIGHTS-SUM")
def check_weights_sum(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Weights (execution line included) that do not add up to 100."""
    if not project.indicators or any(i.weight is None for i in project.indicators):
        return []
    total = weight_total(project)
    if total == Decimal(100):
        return []
    return [
        Finding(
            WARNING,
            "W-WEIGHTS-SUM",
            f"分值合计为{fmt_points(total)}分（含预算执行率{fmt_points(project.execution.weight)}分），"
            "应为100分",
            {"indicator": 0, "column": "weight"},
        )
    ]


@register("I-SCORE-SUGGESTION")
def check_score_vs_suggestion(
    project: Project, siblings: list[Project], form: Form
) -> list[Finding]:
    """Entered scores that differ from the suggestion without a 偏差原因."""
    out: list[Finding] = []
    for row, ind in enumerate(project.indicators):
        suggestion = suggest(ind, form).score
        if ind.score is None or suggestion is None or ind.score == suggestion:
            continue
        if ind.deviation.strip() or is_far(ind, form):
            continue  # far ones are W-SCORE-FAR
        if ind.weight is not None and ind.score < ind.weight:
            continue  # a deduction without a reason is W-DEDUCT-NO-REASON
        out.append(
            Finding(
                HINT,
                "I-SCORE-SUGGESTION",
                f"指标“{ind.level3}”得分{fmt_points(ind.score)}与建议得分{fmt_points(suggestion)}"
                "不同，且未填写偏差原因",
                {"indicator": row, "column": "score"},
            )
        )
    return out
