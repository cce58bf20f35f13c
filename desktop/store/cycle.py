"""The year's cycle in the database: approved targets, 运行监控 and 整改 items of projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from desktop.model.baseline import BaselineIndicator
from desktop.model.cycle_snapshot import MONITORING_INDICATOR_KEYS
from desktop.model.money import from_centi, from_fen, to_centi, to_fen
from desktop.model.monitoring import MonitoringIndicator
from desktop.model.project import Project
from desktop.model.rectification import Rectification
from desktop.store.db import Store


def _date(text: Any) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def load_cycle(store: Store, chunk: Sequence[int], marks: str, found: dict[int, Project]) -> None:
    """Fill baseline, monitoring and rectifications of the projects in ``chunk``."""
    params = list(chunk)
    where = f"WHERE project_id IN ({marks}) ORDER BY project_id, position"
    for r in store.rows(f"SELECT * FROM baseline_indicator {where}", params):
        if r["project_id"] in found:
            found[r["project_id"]].baseline.append(
                BaselineIndicator(
                    **{k: r[k] or "" for k in ("level1", "level2", "level3", "target")},
                    weight=from_centi(r["weight"]),
                )
            )
    for r in store.rows(f"SELECT * FROM monitoring WHERE project_id IN ({marks})", params):
        if r["project_id"] in found:
            monitoring = found[r["project_id"]].monitoring
            monitoring.executed_jan_jul = from_fen(r["executed_jan_jul"])
            monitoring.forecast_full_year = from_fen(r["forecast_full_year"])
    for r in store.rows(f"SELECT * FROM monitoring_indicator {where}", params):
        if r["project_id"] in found:
            found[r["project_id"]].monitoring.indicators.append(
                MonitoringIndicator(**{k: r[k] or "" for k in MONITORING_INDICATOR_KEYS})
            )
    for r in store.rows(f"SELECT * FROM rectification {where}", params):
        if r["project_id"] in found:
            found[r["project_id"]].rectifications.append(
                Rectification(
                    problem=r["problem"] or "",
                    measure=r["measure"] or "",
                    owner=r["owner"] or "",
                    deadline=_date(r["deadline"]),
                    status=r["status"],
                    done_date=_date(r["done_date"]),
                    year=r["year"],
                )
            )


def write_cycle(store: Store, project_id: int, project: Project) -> None:
    """Replace the stored baseline, monitoring and rectifications of one project."""
    db = store.db
    for table in ("baseline_indicator", "monitoring", "monitoring_indicator", "rectification"):
        db.execute(f"DELETE FROM {table} WHERE project_id = ?", [project_id])
    db.conn.executemany(
        "INSERT INTO baseline_indicator (project_id, position, level1, level2, level3, target, "
        "weight) VALUES (?,?,?,?,?,?,?)",
        [
            (project_id, pos, b.level1, b.level2, b.level3, b.target, to_centi(b.weight))
            for pos, b in enumerate(project.baseline)
        ],
    )
    monitoring = project.monitoring
    if monitoring.executed_jan_jul is not None or monitoring.forecast_full_year is not None:
        db.execute(
            "INSERT INTO monitoring (project_id, executed_jan_jul, forecast_full_year) "
            "VALUES (?, ?, ?)",
            [
                project_id,
                to_fen(monitoring.executed_jan_jul),
                to_fen(monitoring.forecast_full_year),
            ],
        )
    db.conn.executemany(
        "INSERT INTO monitoring_indicator (project_id, position, level3, done_jan_jul, forecast, "
        "deviation_cause, likelihood, correction) VALUES (?,?,?,?,?,?,?,?)",
        [
            (
                project_id,
                pos,
                m.level3,
                m.done_jan_jul,
                m.forecast,
                m.deviation_cause,
                m.likelihood,
                m.correction,
            )
            for pos, m in enumerate(monitoring.indicators)
        ],
    )
    db.conn.executemany(
        "INSERT INTO rectification (project_id, position, problem, measure, owner, deadline, "
        "status, done_date, year) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                project_id,
                pos,
                x.problem,
                x.measure,
                x.owner,
                x.deadline.isoformat() if x.deadline else None,
                x.status,
                x.done_date.isoformat() if x.done_date else None,
                x.year,
            )
            for pos, x in enumerate(project.rectifications)
        ],
    )
