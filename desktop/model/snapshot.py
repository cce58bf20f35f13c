"""The snapshot of a project and its 定稿 fingerprint: project → JSON-able dict → SHA-256.

The dict is the exchange format ``jixiao.project/1`` (money as decimal strings in 元); the
fingerprint is the SHA-256 of its canonical JSON text. The store keeps both with a 定稿; the JSON
exchange writes the same dict to files.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from desktop.model.cycle_snapshot import cycle_to_dict
from desktop.model.department import DEPT_COLUMNS, DeptFunds
from desktop.model.money import fmt_plain, fmt_points
from desktop.model.project import ALL_SOURCES, DEFAULT_PROFILE, FUNDS_COLUMNS, Indicator, Project

PROJECT_FORMAT = "jixiao.project/1"


def project_to_dict(project: Project, with_id: bool = False) -> dict[str, Any]:
    """The JSON object of one project (money as decimal strings in 元)."""
    data: dict[str, Any] = {"format": PROJECT_FORMAT}
    if with_id:
        data["id"] = project.id
    data.update(
        {
            "unit": {"name": project.unit.name, "department": project.unit.department},
            "year": project.year,
            "name": project.name,
            "form": project.form,
            "status": project.status,
        }
    )
    if project.profile != DEFAULT_PROFILE:
        data["profile"] = project.profile
    if project.signed_date:
        data["signed_date"] = project.signed_date.isoformat()
    data["funds"] = [
        {
            "source": row.source,
            **{c: fmt_plain(row.get(c)) for c in FUNDS_COLUMNS},
        }
        for row in (project.funds.rows[s] for s in ALL_SOURCES if s in project.funds.rows)
        if not row.is_empty()
    ]
    data["execution"] = {
        "weight": fmt_points(project.execution.weight),
        "score": fmt_points(project.execution.score),
    }
    data["goals"] = {"target": project.goals.target, "actual": project.goals.actual}
    data["sections"] = dict(project.sections)
    data["indicators"] = [_indicator_to_dict(i) for i in project.indicators]
    if not project.dept.is_empty():
        data["department"] = dept_to_dict(project.dept)
    data.update(cycle_to_dict(project))
    for key, value in project.extra.items():
        data.setdefault(key, value)
    return data


def _indicator_to_dict(ind: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {
        "level1": ind.level1,
        "level2": ind.level2,
        "level3": ind.level3,
        "target": ind.target,
        "actual": ind.actual,
        "weight": fmt_points(ind.weight),
        "score": fmt_points(ind.score),
        "deviation": ind.deviation,
    }
    if ind.operator:
        out["operator"] = ind.operator
    if ind.unit:
        out["unit"] = ind.unit
    return out


def dept_to_dict(dept: DeptFunds) -> dict[str, Any]:
    """{"lines": [{"side", "key", "label", "previous", "full_year", "executed"}], "counts": {…}}."""
    return {
        "lines": [
            {
                "side": x.side,
                "key": x.key,
                "label": x.label,
                **{c: fmt_plain(x.get(c)) for c in DEPT_COLUMNS if x.get(c) is not None},
            }
            for x in dept.lines
        ],
        "counts": dict(dept.counts),
    }


def canonical_json(data: Any) -> str:
    """The canonical JSON text that is fingerprinted (sorted keys, no spaces, UTF-8)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def fingerprint(data: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of ``data``."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def project_fingerprint(project: Project) -> str:
    """The fingerprint of a project's snapshot."""
    return fingerprint(project_to_dict(project))


def short_fingerprint(fp: str) -> str:
    """The fingerprint as shown to people: first 16 hex digits in groups of four."""
    head = fp[:16].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))
