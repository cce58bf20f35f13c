"""Compare two project snapshots (jixiao.project/1 dicts): section text diffs, changed cells."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from desktop.model.forms import Form
from desktop.model.project import FUNDS_COLUMN_LABELS, SOURCE_LABELS
from desktop.model.regex_cache import compiled
from desktop.model.vocabulary import label as term
from desktop.model.vocabulary import vocabulary

# Columns compared, named as in running text (forms/common/vocabulary.toml).
INDICATOR_LABELS = {
    key: vocabulary().column(key).short_label
    for key in ("level1", "level2", "level3", "target", "actual", "weight", "score", "deviation")
}
_SENTENCE = compiled(r"[^。；！？\n]+[。；！？]?\n?|\n")


@dataclass(frozen=True)
class Change:
    """One difference: where (Chinese), old and new value, and for text the diff lines."""

    where: str
    old: str
    new: str
    diff: tuple[str, ...] = ()


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text or "") if s.strip()]


def text_diff(old: str, new: str) -> tuple[str, ...]:
    """Sentence-level diff lines: "- 旧句" / "+ 新句"."""
    out: list[str] = []
    for line in difflib.ndiff(_sentences(old), _sentences(new)):
        if line.startswith(("- ", "+ ")):
            out.append(line.rstrip("\n"))
    return tuple(out)


def _funds(data: dict[str, Any]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for row in data.get("funds", []) or []:
        for column in FUNDS_COLUMN_LABELS:
            out[(str(row.get("source")), column)] = str(row.get(column) or "")
    return out


def compare(old: dict[str, Any], new: dict[str, Any], form: Form | None = None) -> list[Change]:
    """All differences between two snapshots, in reading order."""
    changes: list[Change] = []
    for key, label in (("name", term("name")), ("year", "年度"), ("signed_date", "成文日期")):
        if str(old.get(key) or "") != str(new.get(key) or ""):
            changes.append(Change(label, str(old.get(key) or ""), str(new.get(key) or "")))
    of, nf = _funds(old), _funds(new)
    for cell in sorted(set(of) | set(nf)):
        if of.get(cell, "") != nf.get(cell, ""):
            where = f"{SOURCE_LABELS.get(cell[0], cell[0])} {FUNDS_COLUMN_LABELS[cell[1]]}"
            changes.append(Change(where, of.get(cell, ""), nf.get(cell, "")))
    for key, label in (("target", term("goals")), ("actual", term("goal_actual"))):
        a = str((old.get("goals") or {}).get(key) or "")
        b = str((new.get("goals") or {}).get(key) or "")
        if a != b:
            changes.append(Change(label, a, b, text_diff(a, b)))
    old_sections = old.get("sections") or {}
    new_sections = new.get("sections") or {}
    order = [e.key for e in form.sections() if e.key] if form else []
    keys = order + sorted((set(old_sections) | set(new_sections)) - set(order))
    for key in keys:
        a, b = str(old_sections.get(key) or ""), str(new_sections.get(key) or "")
        if a != b:
            entry = form.section(key) if form else None
            title = entry.title if entry else key
            changes.append(Change(title, a, b, text_diff(a, b)))
    old_rows = old.get("indicators") or []
    new_rows = new.get("indicators") or []
    for row in range(max(len(old_rows), len(new_rows))):
        a = old_rows[row] if row < len(old_rows) else {}
        b = new_rows[row] if row < len(new_rows) else {}
        for column, label in INDICATOR_LABELS.items():
            va, vb = str(a.get(column) or ""), str(b.get(column) or "")
            if va != vb:
                changes.append(Change(f"{term('indicators')}第{row + 1}行 {label}", va, vb))
    return changes
