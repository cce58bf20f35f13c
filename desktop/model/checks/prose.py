"""Arithmetic in the prose: a whole and its parts ("总投资80万元，其中设备50万元、运维20万元";
"共15个项目" vs "年初8个项目、年中增加8个项目"; project lines vs the stated 项目支出) and counts
against the list that follows ("直属单位10个，即…" naming nine)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from desktop.model.checks.config import check_settings, review_words
from desktop.model.checks.numbers import find_amounts, normalise_digits
from desktop.model.checks.registry import WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.money import fmt_wan
from desktop.model.project import Project
from desktop.model.regex_cache import compiled
from desktop.model.targets import cn_number

_SPACES = compiled(r"\s+")
_QIZHONG = compiled(r"^其中")
_HAN_TAIL = compiled(r"[\u4e00-\u9fff]{1,8}$")
_DIGIT = compiled(r"\d")

_OPEN, _CLOSE = "（(", "）)"
# Words that open a list of the parts of the figure before them.
_PARTS = compiled(r"其中|主要包括|主要用于|包括|具体为|具体是|用于")
_NOT_ALL = ("主要", "用于")
_CHANGE = compiled(
    r"增加|减少|增长|下降|同比|比上年|较上年|上升|增幅|降幅|占"
)  # lists that need not name every part: only an excess is a slip
_TOTAL_WORD = compiled(r"(?:共|合计|总计|累计|共计)\s*$")
_SENTENCE_END = "。！？!?\n"
_LIST_MARK = compiled(r"\s*(?:\d{1,2}[、.．]|[（(]\d{1,2}[）)]|[①-⑳]|[一二三四五六七八九十]+是)")
_CN_NUM = "一二两三四五六七八九十百"
_LEADING_MARK = compiled(r"^(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])")


@dataclass(frozen=True)
class Quantity:
    """A figure of the prose: money (value in 元) or a count with its measure word."""

    kind: str  # "money" or the measure word ("个", "人" …)
    value: Decimal
    step: Decimal  # the precision written (half of it is the rounding tolerance)
    start: int
    end: int
    text: str
    noun: str = ""  # the word right after a count ("8个项目" → "项目")
    decimals: int = 0


def _inside_brackets(text: str) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    return spans


@lru_cache(maxsize=256)
def _count_re(units: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    return compiled(
        rf"(?<![\d.第每])(\d+)\s*({alternatives})([\u4e00-\u9fff]{{0,6}})" if units else r"(?!x)x"
    )


@lru_cache(maxsize=4096)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Money and counts of ``text`` outside brackets, in order."""
    brackets = _inside_brackets(text)

    def free(pos: int) -> bool:
        return not any(s < pos < e for s, e in brackets)

    out: list[Quantity] = []
    for a in find_amounts(text):
        if free(a.start):
            factor = {"亿元": Decimal(100000000), "万元": Decimal(10000), "万": Decimal(10000)}
            step = Decimal(1).scaleb(-a.decimals) * factor.get(a.unit, Decimal(1))
            out.append(Quantity("money", a.value, step, a.start, a.end, a.text, "", a.decimals))
    s = normalise_digits(text)
    for m in _count_re(review_words().count_units).finditer(s):
        if free(m.start()) and s[m.end(2) : m.end(2) + 1] not in ("元", "万"):
            noun = m.group(3)
            out.append(
                Quantity(
                    m.group(2),
                    Decimal(m.group(1)),
                    Decimal(0),  # counts are exact
                    m.start(),
                    m.end(2),
                    m.group(0),
                    noun,
                )
            )
    out.sort(key=lambda q: q.start)
    return tuple(out)


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(ch, 0, pos) for ch in _SENTENCE_END) + 1


def _scope_end(text: str, pos: int) -> int:
    """End of a list: the sentence end, or further while lines start with list markers."""
    end = len(text)
    for ch in _SENTENCE_END:
        found = text.find(ch, pos)
        if found >= 0:
            end = min(end, found)
    while end < len(text) and text[end] == "\n" and _LIST_MARK.match(text, end + 1):
        nxt = text.find("\n", end + 1)
        end = len(text) if nxt < 0 else nxt
    return end


def label_start(text: str, start: int, most: int = 12) -> int:
    """Where the words of a figure's clause begin (at most ``most`` characters before it)."""
    clause_start = max(text.rfind(ch, 0, start) for ch in "，,、；;：:。\n（()）") + 1
    return max(clause_start, start - most)


def labelled(text: str, start: int, end: int) -> str:
    """The figure at ``start:end`` with the words of its clause before it ("设备50万元")."""
    words = _SPACES.sub("", text[label_start(text, start) : end])
    return _LEADING_MARK.sub("", _QIZHONG.sub("", words))


def _is_change(text: str, q: Quantity) -> bool:
    """A year-on-year change ("同比增加189.25万元") or a share, not a part of a whole."""
    clause_start = max(text.rfind(ch, 0, q.start) for ch in "，,、；;：:。\n") + 1
    return _CHANGE.search(text, clause_start, q.start) is not None


def _rounding(q: Quantity) -> Decimal:
    """Half the precision of a figure written with decimals ("21.04万元": 50 元); whole figures
    ("8万元") are taken as exact."""
    return q.step / 2 if q.decimals else Decimal(0)


def _adds_up(total: Quantity, parts: list[Quantity], complete: bool) -> bool:
    """True when some leading run of the parts makes the total (within the written precision;
    a total written coarser than its parts may be their sum rounded)."""
    running, tolerance = Decimal(0), _rounding(total)
    for part in parts:
        running += part.value
        tolerance += _rounding(part)
        slack = total.step / 2 if part.step < total.step else Decimal(0)
        if abs(running - total.value) <= tolerance + slack:
            return True
    if not complete:
        return running <= total.value + tolerance
    return False


def _fmt(q: Quantity, value: Decimal) -> str:
    if q.kind == "money":
        return f"{fmt_wan(value)}万元"
    return f"{value.normalize():f}{q.kind}"


def _groups(text: str) -> Iterator[tuple[Quantity, list[Quantity], bool, int]]:
    """(total, parts, complete, anchor) for each "whole, 其中 parts" and "共N个X … M个X" group."""
    qs = quantities(text)
    if len(qs) < 3:
        return
    for m in _PARTS.finditer(text):
        end = _scope_end(text, m.end())
        nested = _PARTS.search(text, m.end(), end)
        stop = nested.start() if nested else end
        parts = [q for q in qs if m.end() <= q.start < stop and not _is_change(text, q)]
        if len(parts) < 2:
            continue
        parts = [q for q in parts if q.kind == parts[0].kind]
        start = _sentence_start(text, m.start())
        before = [
            q
            for q in qs
            if start <= q.start < m.start() and q.kind == parts[0].kind and not _is_change(text, q)
        ]
        if before:
            total = before[-1]
        elif start > 0 and not text[start : m.start()].strip(" ：:，,"):
            # "共10个。其中：…": the whole is the first figure of the sentence before.
            prev = _sentence_start(text, start - 1)
            earlier = [
                q
                for q in qs
                if prev <= q.start < start and q.kind == parts[0].kind and not _is_change(text, q)
            ]
            if not earlier:
                continue
            total = earlier[0]
        else:
            continue
        complete = not m.group(0).startswith(_NOT_ALL) and "等" not in text[m.end() : stop][-4:]
        if len(parts) >= 2:
            yield total, parts, complete, m.start()
    yield from _counted_groups(text, qs)


def _counted_groups(
    text: str, qs: tuple[Quantity, ...]
) -> Iterator[tuple[Quantity, list[Quantity], bool, int]]:
    """ "共15个项目 … 年初8个项目 … 年中增加8个项目": a stated count and later counts of its noun."""
    for i, q in enumerate(qs):
        if q.kind == "money":
            continue
        word = _TOTAL_WORD.search(text[max(0, q.start - 3) : q.start])
        if word is None:
            continue
        cut = max(0, q.start - 3) + word.start()
        lead = _HAN_TAIL.search(text[max(0, cut - 8) : max(0, cut)])
        noun = q.noun or (lead.group(0) if lead else "")
        end = _scope_end(text, q.end)
        parts = [
            p
            for p in qs[i + 1 :]
            if p.start < end and p.kind == q.kind and len(p.noun) >= 2 and p.noun[:2] in noun
        ]
        if len(parts) >= 2:
            yield q, parts, True, q.start


@register("W-PROSE-SUM")
def check_prose_sums(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A whole that its parts in the same sentence do not make (money and counts)."""
    out: list[Finding] = []
    for key, text in project.sections.items():
        if not text or (not _PARTS.search(text) and "共" not in text and "计" not in text):
            continue
        seen: set[int] = set()
        for total, parts, complete, _ in _groups(text):
            if total.start in seen or _adds_up(total, parts, complete):
                continue
            seen.add(total.start)
            summed = sum((p.value for p in parts), Decimal(0))
            listed = "、".join(f"“{labelled(text, p.start, p.end)}”" for p in parts[:6])
            more = "等" if len(parts) > 6 else ""
            what = "金额" if total.kind == "money" else "数量"
            out.append(
                Finding(
                    WARNING,
                    "W-PROSE-SUM",
                    f"文中“{labelled(text, total.start, total.end)}”与其后列出的{what}{listed}{more}不符："
                    f"各项合计{_fmt(total, summed)}",
                    {
                        "section": key,
                        "start": label_start(text, total.start),
                        "end": parts[-1].end,
                    },
                )
            )
    return out


_LIST_INTRO = compiled(r"\s*[，,：:]?\s*(?:即|分别是|分别为|具体是|具体为|包括|：|:)\s*")
_JOINER = compiled(r"和|及|以及|与")


@lru_cache(maxsize=16)
def _stated_count_re(units: tuple[str, ...]) -> re.Pattern[str]:
    return compiled(
        rf"(?<![\d.第每])(\d+|[{_CN_NUM}]+)\s*(?:{'|'.join(map(re.escape, units))})"
        r"[\u4e00-\u9fff]{0,8}?(?=\s*[，,：:]?\s*(?:即|分别是|分别为|具体是|具体为|包括|：|:))"
    )


def _stated_counts(text: str) -> tuple[tuple[int, int, int], ...]:
    """(N, start, end) of "N个X，即…" / "X N个：…" statements (cached per text)."""
    return _stated_counts_of(text, review_words().count_units)


@lru_cache(maxsize=16384)
def _stated_counts_of(text: str, units: tuple[str, ...]) -> tuple[tuple[int, int, int], ...]:
    out = []
    s = normalise_digits(text)
    for m in _stated_count_re(units).finditer(s):
        raw = m.group(1)
        value = int(raw) if raw.isdigit() else cn_number(raw)
        if value is None or not 2 <= int(value) <= 60:
            continue
        out.append((int(value), m.start(), m.end()))
    return tuple(out)


@register("W-PROSE-COUNT")
def check_prose_counts(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A count that the list right after it does not have ("直属单位10个，即…" naming nine)."""
    if not check_settings(form.key).prose_counts:
        return []  # the form has a check of its own for them (部门整体: W-DEPT-COUNT)
    out: list[Finding] = []
    for key, text in project.sections.items():
        if not text or not any(w in text for w in ("即", "分别", "具体", "包括", "：", ":")):
            continue
        for count, start, end in _stated_counts(text):
            intro = _LIST_INTRO.match(text, end)
            if intro is None:
                continue
            stop = len(text)
            for ch in "。；;\n，,":
                found = text.find(ch, intro.end())
                if found >= 0:
                    stop = min(stop, found)
            body = text[intro.end() : stop].strip()
            if not body or body.endswith(("等", "等等")) or text[stop : stop + 1] in "，,":
                continue  # cut short by "等", or a list that goes on after a comma
            items = [i.strip() for i in body.split("、") if i.strip()]
            if any(len(i) > 20 or _DIGIT.search(i) for i in items):
                continue
            joined = _JOINER.search(items[-1]) if items else None
            possible = {len(items)} | ({len(items) + 1} if joined else set())
            if max(possible) < 2 or count in possible:
                continue
            listed = max(possible)
            out.append(
                Finding(
                    WARNING,
                    "W-PROSE-COUNT",
                    f"文中称“{labelled(text, start, end)}”，其后却列出{listed}个："
                    f"{'、'.join(items[:12])}{'…' if len(items) > 12 else ''}",
                    {"section": key, "start": start, "end": stop},
                )
            )
    return out
