"""Safe cell text and sheet names: user strings are never formulas, names are valid and unique."""

from __future__ import annotations

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

MAX_SHEET_NAME = 31
_SHEET_FORBIDDEN_RE = re.compile(r"[\[\]:*?/\\]")


def clean_text(value: str) -> str:
    """Drop control characters that XML cannot hold (tab, CR and LF stay)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def sheet_name(raw: str, used: set[str]) -> str:
    """A valid sheet name (≤ 31 chars, no []:*?/\\, not blank), unique in ``used``.

    ``used`` holds the lower-cased names already taken (Excel compares names case-blind);
    the new name is added to it.
    """
    base = _SHEET_FORBIDDEN_RE.sub("_", clean_text(raw)).strip().strip("'") or "项目"
    if base.lower() == "history":  # reserved by Excel
        base = f"{base}_"
    base = base[:MAX_SHEET_NAME]
    name = base
    n = 2
    while name.lower() in used:
        suffix = f"({n})"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        n += 1
    used.add(name.lower())
    return name
