"""The year's cycle in the project snapshot: "baseline", "monitoring" and "rectifications".

All three are optional; a project without them writes none of them, so the snapshot (and the
定稿 fingerprint) of a project without them is what it was before they existed.
"""

from __future__ import annotations

from typing import Any

from desktop.model.money import fmt_plain, fmt_points
from desktop.model.project import Project
from desktop.model.rectification import Rectification

MONITORING_INDICATOR_KEYS = (
    "level3",
    "done_jan_jul",
    "forecast",
    "deviation_cause",
    "likelihood",
    "correction",
)


def cycle_to_dict(project: Project) -> dict[str, Any]:
    """The cycle fields of a project that hold anything."""
    data: dict[str, Any] = {}
    if project.baseline:
        data["baseline"] = [
            {
                "level1": b.level1,
                "level2": b.level2,
                "level3": b.level3,
                "target": b.target,
                "weight": fmt_points(b.weight),
            }
            for b in project.baseline
        ]
    m = project.monitoring
    if m.executed_jan_jul is not None or m.forecast_full_year is not None or m.indicators:
        data["monitoring"] = {
            "executed_jan_jul": fmt_plain(m.executed_jan_jul),
            "forecast_full_year": fmt_plain(m.forecast_full_year),
            "indicators": [
                {key: getattr(item, key) for key in MONITORING_INDICATOR_KEYS}
                for item in m.indicators
            ],
        }
    if project.rectifications:
        data["rectifications"] = [rectification_to_dict(x) for x in project.rectifications]
    return data


def rectification_to_dict(item: Rectification) -> dict[str, Any]:
    """One 整改 item as JSON (dates ISO, done_date and year only when known)."""
    out: dict[str, Any] = {
        "problem": item.problem,
        "measure": item.measure,
        "owner": item.owner,
        "deadline": item.deadline.isoformat() if item.deadline else "",
        "status": item.status,
    }
    if item.done_date:
        out["done_date"] = item.done_date.isoformat()
    if item.year is not None:
        out["year"] = item.year
    return out
