"""Which report kind a title names, by the forms' ``[text_import] title_patterns`` (data)."""

from __future__ import annotations

import re
from functools import cache

from desktop.model.forms import available_forms, form_data


@cache
def title_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(form key, compiled pattern) for every form that declares title patterns."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for key in available_forms():
        patterns = form_data(key).get("text_import", {}).get("title_patterns", [])
        out += [(key, re.compile(str(p))) for p in patterns]
    return tuple(out)


def kind_by_title(flat_title: str) -> str | None:
    """The form key whose title pattern matches a squashed title line, or None (the empty
    cells of a table row the title stands in are no part of it)."""
    flat_title = flat_title.rstrip("|｜ \t")
    for key, pattern in title_patterns():
        if pattern.search(flat_title):
            return key
    return None


DEPARTMENT_KIND = "department"
# A web page prints the report's title as its page title, then a few lines of metadata (unit,
# 索引号, 发布机构, date), then the report's own title line: one report, not two.
PAGE_META_LINES = 6
PAGE_META_CHARS = 120


def repeated_title(between: list[str], numbered: list[bool]) -> bool:
    """True when the lines between two titles of one kind are only page metadata: a handful of
    short lines, none an outline heading (``numbered``: whether each line starts with a number
    such as 一、 or （一）)."""
    filled = [(line, num) for line, num in zip(between, numbered, strict=True) if line.strip()]
    if len(filled) > PAGE_META_LINES:
        return False
    return all(not num and len(line.strip()) <= PAGE_META_CHARS for line, num in filled)
