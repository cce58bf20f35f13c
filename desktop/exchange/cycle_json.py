"""Reading the year's cycle of ``jixiao.project/1`` (written by model.cycle_snapshot).

"baseline", "monitoring" and "rectifications" are optional; bad content is an InputError naming
the field, unknown nested fields are reported.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.model.baseline import BaselineIndicator
from desktop.model.cycle_snapshot import (
    MONITORING_INDICATOR_KEYS as MONITORING_INDICATOR_KEYS_ORDER,
)
from desktop.model.cycle_words import cycle_words
from desktop.model.errors import InputError
from desktop.model.money import parse_money, parse_points
from desktop.model.monitoring import (
    Monitoring,
    MonitoringIndicator,
    deviation_cause_key,
    likelihood_key,
)
from desktop.model.project import YEAR_MAX, YEAR_MIN, Project
from desktop.model.rectification import DONE, OPEN, STATUSES, Rectification

CYCLE_KEYS = ("baseline", "monitoring", "rectifications")
BASELINE_KEYS = {"level1", "level2", "level3", "target", "weight"}
MONITORING_KEYS = {"executed_jan_jul", "forecast_full_year", "indicators"}
MONITORING_INDICATOR_KEYS = set(MONITORING_INDICATOR_KEYS_ORDER)
RECTIFICATION_KEYS = {"problem", "measure", "owner", "deadline", "status", "done_date", "year"}


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(f"{where}：应为文本")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f"{where}：应为列表")
    return value


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{where}：应为对象（{{…}}）")
    return value


def _date(value: Any, where: str) -> dt.date | None:
    raw = _text(value, where).strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{where}：“{raw}”不是日期（应为 2024-01-25）") from None


def _unknown(item: dict[str, Any], known: set[str], path: str, unknown: set[str]) -> None:
    unknown.update(f"{path}.{k}" for k in item if k not in known)


def baseline_from(value: Any, where: str, unknown: set[str]) -> list[BaselineIndicator]:
    """The "baseline" list; InputError naming the field on bad content."""
    out: list[BaselineIndicator] = []
    for i, item in enumerate(_list(value, where)):
        w = f"{where}[{i}]"
        item = _obj(item, w)
        _unknown(item, BASELINE_KEYS, "baseline[]", unknown)
        out.append(
            BaselineIndicator(
                level1=_text(item.get("level1"), f"{w}.level1"),
                level2=_text(item.get("level2"), f"{w}.level2"),
                level3=_text(item.get("level3"), f"{w}.level3"),
                target=_text(item.get("target"), f"{w}.target"),
                weight=parse_points(item.get("weight"), f"{w}.weight"),
            )
        )
    return out


def _choice(value: Any, where: str, key_of: Any, choices: str) -> str:
    raw = _text(value, where).strip()
    if not raw:
        return ""
    key: str | None = key_of(raw)
    if key is None:
        raise InputError(f"{where}：“{raw}”应为 {choices} 之一")
    return key


def monitoring_from(value: Any, where: str, unknown: set[str]) -> Monitoring:
    """The "monitoring" object; InputError naming the field on bad content."""
    if value is None:
        return Monitoring()
    data = _obj(value, where)
    _unknown(data, MONITORING_KEYS, "monitoring", unknown)
    words = cycle_words()
    causes = "/".join(c.key for c in words.deviation_causes())
    likely = "/".join(c.key for c in words.likelihoods())
    items: list[MonitoringIndicator] = []
    for i, item in enumerate(_list(data.get("indicators"), f"{where}.indicators")):
        w = f"{where}.indicators[{i}]"
        item = _obj(item, w)
        _unknown(item, MONITORING_INDICATOR_KEYS, "monitoring.indicators[]", unknown)
        items.append(
            MonitoringIndicator(
                level3=_text(item.get("level3"), f"{w}.level3"),
                done_jan_jul=_text(item.get("done_jan_jul"), f"{w}.done_jan_jul"),
                forecast=_text(item.get("forecast"), f"{w}.forecast"),
                deviation_cause=_choice(
                    item.get("deviation_cause"), f"{w}.deviation_cause", deviation_cause_key, causes
                ),
                likelihood=_choice(
                    item.get("likelihood"), f"{w}.likelihood", likelihood_key, likely
                ),
                correction=_text(item.get("correction"), f"{w}.correction"),
            )
        )
    return Monitoring(
        executed_jan_jul=parse_money(data.get("executed_jan_jul"), f"{where}.executed_jan_jul"),
        forecast_full_year=parse_money(
            data.get("forecast_full_year"), f"{where}.forecast_full_year"
        ),
        indicators=items,
    )


def _year(value: Any, where: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not str(value).strip().isdigit():
        raise InputError(f"{where}：“{value}”不是有效年度")
    year = int(str(value).strip())
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise InputError(f"{where}：年度 {value} 超出范围（{YEAR_MIN}–{YEAR_MAX}）")
    return year


def rectifications_from(value: Any, where: str, unknown: set[str]) -> list[Rectification]:
    """The "rectifications" list; InputError naming the field on bad content."""
    out: list[Rectification] = []
    for i, item in enumerate(_list(value, where)):
        w = f"{where}[{i}]"
        item = _obj(item, w)
        _unknown(item, RECTIFICATION_KEYS, "rectifications[]", unknown)
        status = _text(item.get("status"), f"{w}.status").strip() or OPEN
        if status not in STATUSES:
            raise InputError(f"{w}.status：“{status}”应为 {OPEN} 或 {DONE}")
        out.append(
            Rectification(
                problem=_text(item.get("problem"), f"{w}.problem"),
                measure=_text(item.get("measure"), f"{w}.measure"),
                owner=_text(item.get("owner"), f"{w}.owner"),
                deadline=_date(item.get("deadline"), f"{w}.deadline"),
                status=status,
                done_date=_date(item.get("done_date"), f"{w}.done_date"),
                year=_year(item.get("year"), f"{w}.year"),
            )
        )
    return out


def cycle_from_dict(data: dict[str, Any], where: str, project: Project, unknown: set[str]) -> None:
    """Read the cycle fields of a project object into ``project``."""
    project.baseline = baseline_from(data.get("baseline"), f"{where}.baseline", unknown)
    project.monitoring = monitoring_from(data.get("monitoring"), f"{where}.monitoring", unknown)
    project.rectifications = rectifications_from(
        data.get("rectifications"), f"{where}.rectifications", unknown
    )
