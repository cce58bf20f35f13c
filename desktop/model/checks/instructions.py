"""E-FORM-INSTRUCTION: the official form's own instruction text left where the unit's text belongs
("对照年度目标，说明相关任务目标的完成情况（100字以内）"). The texts are data: forms/instructions.toml."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from desktop.model.checks.config import review_words
from desktop.model.checks.numbers import normalise_digits
from desktop.model.checks.registry import ERROR, WARNING, Finding, register
from desktop.model.datafiles import BadToml, load_toml
from desktop.model.forms import Form, data_dir
from desktop.model.project import Project
from desktop.model.regex_cache import compiled

_SPACES = compiled(r"\s+")

# Entries shorter than this (letters and digits only) are too general to be sure of.
MIN_CHARS = 8
# A word-count limit in brackets is the form speaking ("（100字以内）", "(限200字)").
_LIMIT = compiled(
    r"[（(]\s*(?:限|不超过|不多于)\s*\d{2,4}\s*字[^）)\n]{0,3}[）)]"
    r"|[（(]\s*\d{2,4}\s*字\s*(?:以内|以下|左右)\s*[）)]"
)
_KEYS = ("text", "texts", "phrase", "phrases")
_CLOSE = compiled(r"[）)\]】]+")


def _strings(node: Any) -> Iterator[str]:
    """Every instruction string of the file, whatever its table layout."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _KEYS:
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from (v for v in value if isinstance(v, str))
            else:
                yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def _loose(text: str) -> str | None:
    """A pattern for ``text`` that ignores punctuation and spaces between its characters."""
    chars = [c for c in unicodedata.normalize("NFKC", text) if c.isalnum()]
    if len(chars) < MIN_CHARS:
        return None
    return r"[\W_]*".join(re.escape(c) for c in chars)


@cache
def instruction_pattern() -> re.Pattern[str] | None:
    """One pattern for every text of forms/instructions.toml (None when there are none)."""
    path = data_dir("forms") / "instructions.toml"
    try:
        data = load_toml(path)
    except (OSError, BadToml):
        return None
    # longest first (a text inside a longer one must not win); ties in one order every run, so
    # the pattern is the same string each time and its compiled form is found in the cache
    texts = sorted({t.strip() for t in _strings(data) if t.strip()}, key=lambda t: (-len(t), t))
    parts = [p for p in (_loose(t) for t in texts) if p]
    return compiled("|".join(f"(?:{p})" for p in parts)) if parts else None


def is_prompt(text: str) -> bool:
    """True when a form text asks for something (说明…, 需…, 100字以内): nobody writes that."""
    return any(word in text for word in review_words().instruction_prompt)


def find_instructions(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, asks) of instruction text in ``text``: known form texts, then bare
    word-count limits; ``asks`` when the text is a prompt (certain), not a note."""
    return list(_instructions(text)) if text else []


@lru_cache(maxsize=16384)
def _instructions(text: str) -> tuple[tuple[int, int, bool], ...]:
    spans: list[tuple[int, int, bool]] = []
    pattern = instruction_pattern()
    s = normalise_digits(text)
    if pattern is not None:
        for m in pattern.finditer(s):
            tail = _CLOSE.match(s, m.end())
            spans.append((m.start(), tail.end() if tail else m.end(), is_prompt(m.group(0))))
    if "字" in text:
        for m in _LIMIT.finditer(s):
            if not any(a <= m.start() < b for a, b, _ in spans):
                spans.append((m.start(), m.end(), True))
    return tuple(sorted(spans))


def _places(project: Project) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """Each text of the project with its location (and whether spans in it can be shown)."""
    for key, text in project.sections.items():
        yield text, {"section": key}, True
    yield project.goals.target, {"project": "goal_target"}, False
    yield project.goals.actual, {"project": "goal_actual"}, False
    for row, ind in enumerate(project.indicators):
        for column in ("target", "actual", "deviation"):
            yield getattr(ind, column), {"indicator": row, "column": column}, False


@register("E-FORM-INSTRUCTION")
def check_instructions(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Instruction text of the official form left in the report."""
    out: list[Finding] = []
    for text, where, with_span in _places(project):
        if not text:
            continue
        for start, end, asks in find_instructions(text):
            quoted = _SPACES.sub("", text[start:end])
            if len(quoted) > 50:
                quoted = quoted[:48] + "…"
            location = dict(where)
            if with_span:
                location.update({"start": start, "end": end})
            if asks:
                finding = Finding(
                    ERROR,
                    "E-FORM-INSTRUCTION",
                    f"“{quoted}”是自评表的填表说明，不是报告内容；请删除并填写实际情况",
                    location,
                )
            else:
                finding = Finding(
                    WARNING,
                    "W-FORM-INSTRUCTION",
                    f"“{quoted}”与自评表印好的注释相同，疑为填表说明留在了报告中；请核对",
                    location,
                )
            out.append(finding)
    return out
