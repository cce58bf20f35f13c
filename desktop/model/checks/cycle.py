"""The year's cycle: indicators against the approved targets, the 运行监控, open 整改 items."""

from __future__ import annotations

from desktop.model.baseline import BaselineDiff, compare
from desktop.model.checks.config import check_settings
from desktop.model.checks.registry import ERROR, HINT, WARNING, Finding, register
from desktop.model.cycle_words import cycle_words
from desktop.model.forms import Form
from desktop.model.money import fmt_rate, fmt_wan
from desktop.model.monitoring import behind_threshold, execution_rate, is_shortfall, time_progress
from desktop.model.project import Project
from desktop.model.rectification import fmt_date, today


def _quote(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _baseline_message(diff: BaselineDiff) -> str:
    approved = diff.approved
    name = _quote(approved.level3 if approved else "")
    if diff.kind == "target":
        return (
            f"指标“{name}”的指标值为“{diff.current_value}”，"
            f"与批复的绩效目标“{diff.approved_value}”不一致；自评应使用批复的指标值"
        )
    if diff.kind == "weight":
        return (
            f"指标“{name}”的分值为{diff.current_value or '（空）'}，"
            f"与批复的分值{diff.approved_value}不一致"
        )
    where = "/".join(x for x in (approved.level1, approved.level2) if x) if approved else ""
    return (
        f"批复的指标“{name}”（{where}，指标值“{diff.approved_value}”）已不在绩效指标中"
        if where
        else f"批复的指标“{name}”（指标值“{diff.approved_value}”）已不在绩效指标中"
    )


@register("E-BASELINE-CHANGED")
def check_baseline(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Indicators whose 指标值/分值 differ from the approved targets; approved ones gone; new ones."""
    out: list[Finding] = []
    for diff in compare(project.baseline, project.indicators):
        if diff.kind == "added":
            name = _quote(project.indicators[diff.row or 0].level3)
            out.append(
                Finding(
                    HINT,
                    "I-BASELINE-ADDED",
                    f"指标“{name}”不在批复的绩效目标中（批复后新增的指标）",
                    {"indicator": diff.row, "column": "level3"},
                )
            )
        elif diff.kind == "missing":
            out.append(
                Finding(
                    ERROR, "E-BASELINE-MISSING", _baseline_message(diff), {"project": "baseline"}
                )
            )
        else:
            out.append(
                Finding(
                    ERROR,
                    "E-BASELINE-CHANGED",
                    _baseline_message(diff),
                    {"indicator": diff.row, "column": diff.kind},
                )
            )
    return out


def _targets(project: Project) -> dict[str, str]:
    """三级指标 name → 指标值 of the project's indicators."""
    return {i.level3.strip(): i.target for i in project.indicators if i.level3.strip()}


@register("W-MONITOR-NO-CORRECTION")
def check_monitor_shortfall(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A forecast shortfall (judged or by the numbers) with no 纠偏措施, or with no 偏差原因."""
    out: list[Finding] = []
    targets = _targets(project)
    for row, item in enumerate(project.monitoring.indicators):
        target = targets.get(item.level3.strip())
        if not is_shortfall(item, target):
            continue
        name = _quote(item.level3)
        why = (
            f"完成目标可能性为“{item.likelihood}”"
            if item.likelihood and item.likelihood != "确定能"
            else f"全年预计完成“{_quote(item.forecast, 20)}”达不到指标值“{target}”"
        )
        if not item.correction.strip():
            out.append(
                Finding(
                    WARNING,
                    "W-MONITOR-NO-CORRECTION",
                    f"运行监控中指标“{name}”{why}，但未填写纠偏措施",
                    {"monitoring": row, "column": "correction"},
                )
            )
        if not item.deviation_cause:
            out.append(
                Finding(
                    HINT,
                    "I-MONITOR-NO-CAUSE",
                    f"运行监控中指标“{name}”{why}，但未选择偏差原因",
                    {"monitoring": row, "column": "deviation_cause"},
                )
            )
    return out


@register("W-MONITOR-BEHIND")
def check_monitor_behind(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """1-7月 execution far behind the share of the year that has passed."""
    monitoring = project.monitoring
    budget = project.funds.budget()
    rate = execution_rate(monitoring.executed_jan_jul, budget)
    if rate is None or rate >= behind_threshold():
        return []
    months = cycle_words().label("monitoring", "months")
    return [
        Finding(
            WARNING,
            "W-MONITOR-BEHIND",
            f"{months}执行数{fmt_wan(monitoring.executed_jan_jul)}万元，仅为全年预算"
            f"{fmt_wan(budget)}万元的{fmt_rate(rate)}，远低于时间进度{fmt_rate(time_progress())}",
            {"monitoring": None, "column": "executed_jan_jul"},
        )
    ]


@register("I-MONITOR-UNKNOWN")
def check_monitor_names(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Monitored indicators that are not among the project's 绩效指标."""
    if not project.indicators:
        return []
    targets = _targets(project)
    subject = check_settings(form.key).subject
    return [
        Finding(
            HINT,
            "I-MONITOR-UNKNOWN",
            f"运行监控中的指标“{_quote(item.level3)}”不在本{subject}的绩效指标中",
            {"monitoring": row, "column": "level3"},
        )
        for row, item in enumerate(project.monitoring.indicators)
        if item.level3.strip() and item.level3.strip() not in targets
    ]


@register("W-RECT-OVERDUE")
def check_rectification_overdue(
    project: Project, siblings: list[Project], form: Form
) -> list[Finding]:
    """Open 整改 items past their deadline; open items with no deadline or no measure."""
    out: list[Finding] = []
    now = today()
    for row, item in enumerate(project.rectifications):
        if not item.is_open:
            continue
        name = _quote(item.problem)
        raised = item.raised_in(project.year)
        origin = f"{raised}年提出的" if raised != project.year else ""
        if item.is_overdue(now):
            owner = f"，责任人{item.owner}" if item.owner.strip() else ""
            out.append(
                Finding(
                    WARNING,
                    "W-RECT-OVERDUE",
                    f"{origin}整改事项“{name}”已过整改期限{fmt_date(item.deadline)}仍未完成{owner}",
                    {"rectification": row, "column": "status"},
                )
            )
        elif item.deadline is None:
            out.append(
                Finding(
                    HINT,
                    "I-RECT-NO-DEADLINE",
                    f"{origin}整改事项“{name}”没有整改期限",
                    {"rectification": row, "column": "deadline"},
                )
            )
        if not item.measure.strip():
            out.append(
                Finding(
                    HINT,
                    "I-RECT-NO-MEASURE",
                    f"{origin}整改事项“{name}”没有整改措施",
                    {"rectification": row, "column": "measure"},
                )
            )
    return out
