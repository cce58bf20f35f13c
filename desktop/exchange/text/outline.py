"""Heading detection for report texts: numbering styles and the form's outline (from forms/*.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from desktop.model.forms import Form, form_data, load_form
from desktop.model.vocabulary import vocabulary

CN_DIGITS = "一二三四五六七八九十"
# Numbering prefixes: 一、  （一）  1.  （1）  — full- and half-width variants.
_NUMBER_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cn", re.compile(rf"^([{CN_DIGITS}]+)\s*[、.．，,]\s*")),
    ("paren_cn", re.compile(rf"^[（(]\s*([{CN_DIGITS}]+)\s*[）)]\s*[、.．]?\s*")),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.．、](?!\d)\s*")),
    ("paren_arabic", re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*")),
)
STYLE_LABELS = {"cn": "一、", "paren_cn": "（一）", "arabic": "1.", "paren_arabic": "（1）"}
# Which numbering a heading level is written with in a well-formed report.
LEVEL_STYLE = {1: "cn", 2: "paren_cn", 3: "arabic", 4: "paren_arabic"}
_TRAIL = "。.．：:；;，, \t\u3000"
_SPACE_RE = re.compile(r"[\s\u3000]+")


def squash(text: str) -> str:
    """Text without any whitespace (for comparing headings and finding lines again)."""
    return _SPACE_RE.sub("", text)


def split_number(line: str) -> tuple[str | None, str, str]:
    """(style, number, rest) of a line starting with a numbering prefix; style None without one."""
    stripped = line.strip(" \t\u3000")
    for style, pattern in _NUMBER_RES:
        m = pattern.match(stripped)
        if m:
            return style, m.group(1), stripped[m.end() :]
    return None, "", stripped


def title_text(title: str) -> str:
    """An outline title without its numbering and trailing punctuation ("（一）某情况。" → "某情况")."""
    _style, _num, rest = split_number(title)
    return squash(rest).rstrip(_TRAIL)


@dataclass(frozen=True)
class OutlineHeading:
    """One heading of a form as the importer looks for it."""

    index: int
    level: int
    key: str | None
    title: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class TableWords:
    """Words that mark the 绩效目标表 (forms/*.toml [text_import]) and name its columns."""

    markers: tuple[str, ...]
    headers: dict[str, tuple[str, ...]]

    def column_of(self, cell: str) -> str | None:
        """The column a header cell names (level1 … deviation, or 'ignore'); None if not a header."""
        clean = squash(cell).rstrip(_TRAIL)
        for column, names in self.headers.items():
            if clean in names:
                return column
        return None


@dataclass(frozen=True)
class FormOutline:
    """A form with the data the text importer needs: headings, title keywords, table words."""

    form: Form
    headings: tuple[OutlineHeading, ...]
    title_keywords: tuple[str, ...]
    table: TableWords
    # A text without a title of this form follows its outline only when it uses one of these
    # words (a department report says 整体支出 somewhere); empty: no such condition.
    body_words: tuple[str, ...] = ()
    _by_name: dict[str, OutlineHeading] = field(default_factory=dict, compare=False)

    def fits_body(self, lines: list[str]) -> bool:
        """Whether lines without a title may follow this form (its ``body_words``)."""
        if not self.body_words:
            return True
        return any(w in line for line in lines for w in self.body_words)

    def match(self, line: str) -> HeadingMatch | None:
        """The outline heading a line starts with (numbered, inline text allowed) or None."""
        style, number, rest = split_number(line)
        flat = squash(rest)
        if not flat:
            return None
        if style is None:
            heading = self._by_name.get(flat.rstrip(_TRAIL))
            if heading is None:
                return None
            return HeadingMatch(heading, None, "", "")
        best: OutlineHeading | None = None
        best_len = 0
        for name, heading in self._by_name.items():
            if len(name) > best_len and flat.startswith(name):
                after = _after_title(rest, len(name))
                if after and after[0] not in _TRAIL:
                    continue
                best, best_len = heading, len(name)
        if best is None:
            return None
        inline = _after_title(rest, best_len).lstrip(_TRAIL)
        return HeadingMatch(best, style, number, inline)


@dataclass(frozen=True)
class HeadingMatch:
    """A line recognised as an outline heading; ``inline`` is text written after it."""

    heading: OutlineHeading
    style: str | None
    number: str
    inline: str

    def numbering_note(self) -> str | None:
        """A Chinese note when the numbering is missing or of the wrong style; None when fine."""
        expected = LEVEL_STYLE.get(self.heading.level)
        if self.style is None:
            return "缺少编号"
        if expected and self.style != expected:
            written = _label(self.style, self.number)
            return f"编号“{written}”应为“{_label(expected, self.number)}”式"
        return None


def _label(style: str, number: str) -> str:
    """A numbering label in a style ("paren_cn", "2" → "（二）")."""
    value = int(number) if number.isdigit() else _cn_value(number)
    cn = _cn_numeral(value)
    shown = cn if style in ("cn", "paren_cn") else str(value)
    return STYLE_LABELS[style].replace("一", shown).replace("1", shown)


def _cn_value(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_DIGITS.index(text[1]) + 1
    if len(text) >= 2 and text[1] == "十":
        return (CN_DIGITS.index(text[0]) + 1) * 10 + (
            CN_DIGITS.index(text[2]) + 1 if len(text) > 2 else 0
        )
    return CN_DIGITS.index(text[0]) + 1 if text else 0


def _cn_numeral(value: int) -> str:
    if value <= 0:
        return str(value)
    if value <= 10:
        return CN_DIGITS[value - 1]
    tens, ones = divmod(value, 10)
    head = "" if tens == 1 else CN_DIGITS[tens - 1]
    return head + "十" + (CN_DIGITS[ones - 1] if ones else "")


def _after_title(rest: str, title_len: int) -> str:
    """The part of ``rest`` after its first ``title_len`` non-space characters."""
    seen = 0
    for i, ch in enumerate(rest):
        if seen == title_len:
            return rest[i:]
        if not ch.isspace() and ch != "\u3000":
            seen += 1
    return ""


@cache
def raw_form(key: str) -> dict[str, object]:
    """The form's data as written (the importer's aliases and patterns beside the outline)."""
    return form_data(key)


# The indicator columns the text import reads (指标性质 and 度量单位 are Excel-only columns).
TEXT_COLUMNS = ("level1", "level2", "level3", "target", "actual", "weight", "score", "deviation")


def _table_headers() -> dict[str, tuple[str, ...]]:
    """Header words of an indicator table → column (forms/common/vocabulary.toml)."""
    words = vocabulary()
    headers = {"ignore": tuple(squash(x) for x in words.ignore_headers)}
    for key in TEXT_COLUMNS:
        headers[key] = tuple(squash(x) for x in words.column(key).names)
    return headers


@cache
def form_outline(key: str) -> FormOutline:
    """The importer's view of a form: outline headings with aliases, title keywords, table words."""
    form = load_form(key)
    raw = raw_form(key)
    raw_outline = raw.get("outline", [])
    headings: list[OutlineHeading] = []
    by_name: dict[str, OutlineHeading] = {}
    for i, entry in enumerate(form.outline):
        aliases: list[str] = []
        if isinstance(raw_outline, list) and i < len(raw_outline):
            found = raw_outline[i].get("aliases", [])
            aliases = [str(a) for a in found] if isinstance(found, list) else []
        names = tuple(dict.fromkeys([title_text(entry.title), *(title_text(a) for a in aliases)]))
        heading = OutlineHeading(i, entry.level, entry.key, entry.title, names)
        headings.append(heading)
        for name in names:
            by_name.setdefault(name, heading)
    ti = raw.get("text_import", {})
    ti = ti if isinstance(ti, dict) else {}
    table = TableWords(tuple(str(m) for m in ti.get("table_markers", [])), _table_headers())
    keywords = tuple(str(k) for k in ti.get("title_keywords", []))
    body_words = tuple(str(w) for w in ti.get("body_words", []))
    return FormOutline(form, tuple(headings), keywords, table, body_words, by_name)


def first_keyed_after(outline: FormOutline, heading: OutlineHeading) -> OutlineHeading | None:
    """The heading itself when it holds text, else the next text-holding heading below it."""
    for candidate in outline.headings[heading.index :]:
        if candidate.key:
            return candidate
        if candidate.index > heading.index and candidate.level <= heading.level:
            break
    return None
