"""整改: problems found by 监控, 自评 or 评价, each with a measure, an owner and a deadline.

Items are made from the 存在的问题 text in one step, carried into next year's copy while open,
printed there as 上年整改情况, and named by the 审核 once past their deadline.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import cache

from desktop.model.cycle_words import cycle_words
from desktop.model.regex_cache import compiled

_AFTER_STOP = compiled(r"(?<=[。；;])")

OPEN, DONE = "open", "done"
STATUSES = (OPEN, DONE)
_EMPTY_WORDS = {"无", "暂无", "无。", "暂无。", "/", "—", "-", "无问题"}
_TRIM = " \t\r\n;；,，。:：、"


@dataclass
class Rectification:
    """One 整改 item. ``year`` is the year whose report raised it (None = the project's)."""

    problem: str = ""
    measure: str = ""
    owner: str = ""
    deadline: dt.date | None = None
    status: str = OPEN
    done_date: dt.date | None = None
    year: int | None = None

    @property
    def is_open(self) -> bool:
        """True until the item is done."""
        return self.status != DONE

    def raised_in(self, project_year: int) -> int:
        """The year the item was raised (the project's year when not recorded)."""
        return self.year if self.year is not None else project_year

    def is_overdue(self, today: dt.date) -> bool:
        """Open with a deadline before ``today``."""
        return self.is_open and self.deadline is not None and self.deadline < today


def today() -> dt.date:
    """Today's date (the reference for deadlines)."""
    return dt.date.today()


def status_label(item: Rectification, on: dt.date | None = None) -> str:
    """完成情况 as printed: 已完成（2025年3月1日）, 未完成 or 逾期未完成."""
    words = cycle_words()
    labels = {c.key: c.label for c in words.statuses()}
    if not item.is_open:
        when = f"（{fmt_date(item.done_date)}）" if item.done_date else ""
        return labels.get(DONE, DONE) + when
    if item.is_overdue(on or today()):
        return words.label("rectification", "overdue_label")
    return labels.get(OPEN, OPEN)


def fmt_date(day: dt.date | None) -> str:
    """2025年3月1日 (no leading zeros); empty for None."""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


@cache
def _marks() -> re.Pattern[str]:
    marks = str(cycle_words().rectification.get("item_marks", r"\d+[.、．]"))
    return compiled(f"(?:^|(?<=[\\s；;。：:]))(?:{marks})")


def split_items(text: str) -> list[str]:
    """The problems of a 存在的问题 (or suggestions) text, one per enumeration mark.

    Without marks: one per line, or one per sentence when the text is one line. "无" → [].
    """
    body = text.strip()
    if not body or body.strip(_TRIM) in {w.strip(_TRIM) for w in _EMPTY_WORDS}:
        return []
    starts = [m.start() for m in _marks().finditer(body)]
    if starts:
        bounds = [*starts, len(body)]
        pieces = [body[a:b] for a, b in itertools.pairwise(bounds)]
        pieces = [_marks().sub("", p, count=1) for p in pieces]
    elif "\n" in body:
        pieces = body.splitlines()
    else:
        pieces = _AFTER_STOP.split(body)
    items = [p.strip(_TRIM) for p in pieces]
    return [p for p in items if p and p not in _EMPTY_WORDS]


def default_deadline(start: dt.date) -> dt.date:
    """The deadline of a new item: the configured number of days after ``start``."""
    days = cycle_words().number("rectification", "default_days", 60)
    return start + dt.timedelta(days=days)


def items_from_text(
    problems: str,
    suggestions: str,
    existing: list[Rectification],
    year: int,
    start: dt.date,
) -> list[Rectification]:
    """New open items for the problems of the text not already listed.

    When the suggestions text names as many items as the problems, each problem gets the
    suggestion in the same place as its measure.
    """
    found = split_items(problems)
    measures = split_items(suggestions)
    paired = len(measures) == len(found)
    known = {i.problem.strip() for i in existing}
    return [
        Rectification(
            problem=problem,
            measure=measures[n] if paired else "",
            deadline=default_deadline(start),
            year=year,
        )
        for n, problem in enumerate(found)
        if problem not in known
    ]


def carried(items: list[Rectification], project_year: int) -> list[Rectification]:
    """The open items of a year, for next year's copy (each keeps the year it was raised)."""
    return [
        Rectification(
            i.problem, i.measure, i.owner, i.deadline, OPEN, None, i.raised_in(project_year)
        )
        for i in items
        if i.is_open
    ]


def previous_items(items: list[Rectification], project_year: int) -> list[Rectification]:
    """The items raised before the project's year (printed as 上年整改情况)."""
    return [i for i in items if i.raised_in(project_year) < project_year]
