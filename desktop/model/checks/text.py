"""Checks of the text itself: outline numbering, doubled characters, placeholders, 成文日期."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.model.checks.config import check_settings, common_words, reduplications
from desktop.model.checks.registry import ERROR, HINT, WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.project import Project
from desktop.model.regex_cache import compiled
from desktop.model.targets import cn_number

_CN = "一二三四五六七八九十"
# Levels: 一、 (0) · （一） (1) · 1. (2) · （1） (3). Markers 0–2 must start a line or sentence.
_MARKER = compiled(
    rf"(?P<lead>^|(?<=[\n。；;：:！？]))[ \t\u3000]*(?P<a>[{_CN}]+、)"
    rf"|(?P<b>[（(][{_CN}]+[）)])"
    r"|(?P<lead2>^|(?<=[\n。；;：:！？]))[ \t\u3000]*(?P<c>\d{1,2}[.．、](?![\d.．]))"
    r"|(?P<d>[（(]\d{1,2}[）)])",
    re.MULTILINE,
)
_LEVEL_NAMES = {0: "一、", 1: "（一）", 2: "1.", 3: "（1）"}
_CJK = compiled(r"([\u4e00-\u9fff])\1")
_CJK_WORD = compiled(r"([\u4e00-\u9fff]{2})\1")
_TEMPLATE_FIELD = compiled(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_FILL_IN = compiled(r"[（(【\[]\s*(?:请)?(?:填写|填入|此处填|待填|待补充)[^）)】\]]{0,30}[）)】\]]")
_PLACEHOLDER_CHARS = "{填XＸ×xｘ_＿□"
_BLANKS = compiled(r"[XＸ×xｘ]{2,}|_{3,}|＿{2,}|□{2,}")


@dataclass(frozen=True)
class Marker:
    """One outline marker found in text."""

    level: int
    value: int
    start: int
    end: int
    text: str


def _value(token: str) -> int | None:
    core = token.strip("（）()、.． \t\u3000")
    if core.isdigit():
        return int(core)
    number = cn_number(core)
    return int(number) if number is not None else None


def find_markers(text: str) -> list[Marker]:
    """Outline markers (一、 （一） 1. （1）) in order of appearance."""
    return list(_markers(text))


@lru_cache(maxsize=16384)
def _markers(text: str) -> tuple[Marker, ...]:
    out: list[Marker] = []
    for m in _MARKER.finditer(text):
        for level, group in enumerate(("a", "b", "c", "d")):
            token = m.group(group)
            if token is None:
                continue
            value = _value(token)
            if value is not None and value > 0:
                start = m.start(group)
                out.append(Marker(level, value, start, start + len(token), token.strip()))
    return tuple(out)


def _paren_style_slip(marker: Marker, last: dict[int, Marker]) -> Marker | None:
    """ "（2）" used where "（二）" was meant: an Arabic marker continuing a Chinese list."""
    if marker.level != 3 or 3 in last:
        return None
    prev = last.get(1)
    if prev is not None and marker.value == prev.value + 1:
        return prev
    return None


@register("W-OUTLINE-NUMBER")
def check_outline(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Outline numbering that jumps, repeats or switches style inside a section's text."""
    out: list[Finding] = []
    for key, text in project.sections.items():
        last: dict[int, Marker] = {}
        for marker in find_markers(text):
            location = {"section": key, "start": marker.start, "end": marker.end}
            slip = _paren_style_slip(marker, last)
            if slip is not None:
                out.append(
                    Finding(
                        WARNING,
                        "W-OUTLINE-NUMBER",
                        f"编号“{marker.text}”接在“{slip.text}”之后，编号样式不一致"
                        f"（应为“（{_CN[marker.value - 1] if marker.value <= 10 else marker.value}）”）",
                        location,
                    )
                )
                last[1] = Marker(1, marker.value, marker.start, marker.end, marker.text)
                continue
            prev = last.get(marker.level)
            problem = None
            if prev is None:
                if marker.value != 1 and (marker.level < 2 or marker.value > 2):
                    problem = f"编号“{marker.text}”前缺少“{_LEVEL_NAMES[marker.level]}”等前序编号"
            elif marker.value == prev.value:
                problem = f"编号“{marker.text}”重复（前面已有“{prev.text}”）"
            elif marker.value > prev.value + 1:
                problem = f"编号“{marker.text}”接在“{prev.text}”之后，中间缺少编号"
            elif marker.value < prev.value and marker.value != 1:
                problem = f"编号“{marker.text}”接在“{prev.text}”之后，顺序颠倒"
            if problem:
                out.append(Finding(WARNING, "W-OUTLINE-NUMBER", problem, location))
            last[marker.level] = marker
            for deeper in range(marker.level + 1, 4):
                last.pop(deeper, None)
    return out


def _aabb(text: str, i: int) -> bool:
    """True when the pair at i is half of an AABB word (认认真真, 实实在在)."""
    after = text[i : i + 4]
    before = text[max(0, i - 2) : i + 2]
    for w in (after, before):
        if len(w) == 4 and w[0] == w[1] and w[2] == w[3] and w[0] != w[2]:
            return True
    return False


# Function characters: a doubled one is a slip unless both neighbours form words.
_SUSPECT = frozenset("为的了是在和与及并将对把被从向于以也就都而或")


class _Counts:
    """Occurrences of a two-character string in all sections of a project (on demand)."""

    def __init__(self, project: Project):
        self.texts = [t for t in project.sections.values() if t]
        self.cache: dict[str, int] = {}

    def get(self, pair: str, default: int = 0) -> int:
        if pair not in self.cache:
            self.cache[pair] = sum(t.count(pair) for t in self.texts)
        return self.cache[pair]


def _is_word(pair: str, counts: Any, words: frozenset[str]) -> bool:
    if len(pair) != 2 or not all("\u4e00" <= c <= "\u9fff" for c in pair):
        return False
    return pair in words or counts.get(pair, 0) >= 2


def is_doubling_slip(text: str, i: int, counts: Any) -> bool:
    """True when the doubled character at ``text[i:i+2]`` looks like a typing slip."""
    pair = text[i : i + 2]
    allowed = reduplications()
    if pair in allowed or _aabb(text, i):
        return False
    if text[max(0, i - 1) : i + 2] in allowed or text[i : i + 3] in allowed:
        return False
    words = common_words()
    left = _is_word(text[max(0, i - 1) : i + 1], counts, words) if i > 0 else False
    right = _is_word(text[i + 1 : i + 3], counts, words)
    if pair[0] in _SUSPECT:
        return not (left and right)
    return not (left or right)


@register("W-DOUBLED-CHAR")
def check_doubled(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Doubled characters ("为为") and words ("压实压实") that are not real reduplications."""
    allowed = reduplications()
    counts = _Counts(project)
    out: list[Finding] = []
    for key, text in project.sections.items():
        for m in _CJK.finditer(text):
            i = m.start()
            if not is_doubling_slip(text, i, counts):
                continue
            context = text[max(0, i - 4) : i + 6].replace("\n", "")
            out.append(
                Finding(
                    WARNING,
                    "W-DOUBLED-CHAR",
                    f"“{m.group(0)}”疑为重复输入：“…{context}…”",
                    {"section": key, "start": i, "end": i + 2},
                )
            )
        for m in _CJK_WORD.finditer(text):
            word = m.group(0)
            if word in allowed or word[0] == word[1]:
                continue
            i = m.start()
            context = text[max(0, i - 4) : i + 8].replace("\n", "")
            out.append(
                Finding(
                    HINT,
                    "I-DOUBLED-WORD",
                    f"“{word}”疑为重复输入：“…{context}…”",
                    {"section": key, "start": i, "end": i + 4},
                )
            )
    return out


@register("E-PLACEHOLDER")
def check_placeholders(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Template placeholders left unfilled ({unit}, （填写…）, XX, ××, ____)."""
    out: list[Finding] = []
    texts = dict(project.sections)
    texts.setdefault("", "")
    for key, text in project.sections.items():
        if not any(c in text for c in _PLACEHOLDER_CHARS):
            continue
        for m in (*_TEMPLATE_FIELD.finditer(text), *_FILL_IN.finditer(text)):
            out.append(
                Finding(
                    ERROR,
                    "E-PLACEHOLDER",
                    f"模板占位符“{m.group(0)}”尚未替换为实际内容",
                    {"section": key, "start": m.start(), "end": m.end()},
                )
            )
        for m in _BLANKS.finditer(text):
            context = text[max(0, m.start() - 6) : m.end() + 6].replace("\n", "")
            out.append(
                Finding(
                    WARNING,
                    "W-PLACEHOLDER",
                    f"“{m.group(0)}”疑为未填写的空白：“…{context}…”",
                    {"section": key, "start": m.start(), "end": m.end()},
                )
            )
    for field_name, value in (
        ("goal_target", project.goals.target),
        ("goal_actual", project.goals.actual),
    ):
        for m in (*_TEMPLATE_FIELD.finditer(value), *_FILL_IN.finditer(value)):
            out.append(
                Finding(
                    ERROR,
                    "E-PLACEHOLDER",
                    f"年度总体目标中的模板占位符“{m.group(0)}”尚未替换",
                    {"project": field_name},
                )
            )
    return out


@register("W-DATE")
def check_signed_date(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """成文日期 outside 1 January of the year … 31 December of the year + N."""
    if not form.signature:
        return []
    date = project.signed_date
    if date is None:
        return [
            Finding(
                HINT, "I-DATE-MISSING", "尚未填写成文日期（落款日期）", {"project": "signed_date"}
            )
        ]
    after = check_settings(form.key).date_years_after
    try:
        first = dt.date(project.year, 1, 1)
        last = dt.date(project.year + after, 12, 31)
    except ValueError:
        return []
    if first <= date <= last:
        return []
    return [
        Finding(
            WARNING,
            "W-DATE",
            f"成文日期{date.year}年{date.month}月{date.day}日不在评价期内"
            f"（{project.year}年1月1日至{project.year + after}年12月31日）",
            {"project": "signed_date"},
        )
    ]
