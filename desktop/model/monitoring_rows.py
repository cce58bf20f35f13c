"""What the 绩效运行监控表 prints, independent of the file format (PDF and xlsx share it).

Whether a project has anything to print, and its rows: every indicator of the 绩效指标 table
with the progress monitored under its 三级指标 name (the first one, as the 运行监控 tab shows
it), then monitored names no longer in the table; each row's cells in the form's wording.
"""

from __future__ import annotations

from desktop.model.cycle_words import cycle_words
from desktop.model.monitoring import MonitoringIndicator
from desktop.model.project import Indicator, Project

ProgressRow = tuple[Indicator | None, MonitoringIndicator | None]


def has_monitoring(project: Project) -> bool:
    """True when the project's 运行监控 holds anything."""
    m = project.monitoring
    return m.executed_jan_jul is not None or m.forecast_full_year is not None or bool(m.indicators)


def progress_rows(project: Project) -> list[ProgressRow]:
    """Every indicator with its monitored progress, then monitored names not in the table."""
    by_name: dict[str, MonitoringIndicator] = {}
    for item in project.monitoring.indicators:
        by_name.setdefault(item.level3.strip(), item)
    rows: list[ProgressRow] = []
    used: set[str] = set()
    for ind in project.indicators:
        key = ind.level3.strip()
        rows.append((ind, by_name.get(key)))
        used.add(key)
    rows.extend((None, m) for m in project.monitoring.indicators if m.level3.strip() not in used)
    return rows


def progress_cells(ind: Indicator | None, item: MonitoringIndicator | None) -> dict[str, str]:
    """The texts of one row by column key (偏差原因 and 可能性 as the form words them)."""
    causes = {c.key: c.label for c in cycle_words().deviation_causes()}
    likely = {c.key: c.label for c in cycle_words().likelihoods()}
    item = item or MonitoringIndicator()
    return {
        "level1": ind.level1 if ind else "",
        "level2": ind.level2 if ind else "",
        "level3": ind.level3 if ind else item.level3,
        "target": ind.target if ind else "",
        "done_jan_jul": item.done_jan_jul,
        "forecast": item.forecast,
        "deviation_cause": causes.get(item.deviation_cause, item.deviation_cause),
        "likelihood": likely.get(item.likelihood, item.likelihood),
        "correction": item.correction,
    }
