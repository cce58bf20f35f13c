"""Chinese line breaking for the PDF: unbreakable pieces, 避头尾 and justified lines.

Pure functions over text and a width function, no reportlab: a line never starts with closing
punctuation nor ends with an opening bracket or quote, a number (with its comparison sign,
percent and a short unit) is never split, a short label stays whole, and every line but a
paragraph's last ends exactly at the right edge (the gaps between characters absorb the rest).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# 行首禁则: characters that may not start a line.
CANNOT_START = frozenset("，。、；：？！）》」』】〕〉”’…—·％%,.;:?!)]}〗﹞｝～")
# 行尾禁则: characters that may not end a line.
CANNOT_END = frozenset("（《「『【〔〈“‘([{〖﹝｛￥$")
# A label this short (in characters, no spaces) is never broken: 年初预算数, 实施单位.
SHORT_LABEL = 5
# Lines may be squeezed by this share of the font size per gap between characters, so a full
# line of 28 full-width characters fits a 27.6-character measure (GB/T 9704's 28 per line).
SQUEEZE = 0.02
# A justified line spaced wider than this (share of the font size per gap) is left-aligned.
MAX_STRETCH = 0.25
# How far back a break may move to satisfy 避头尾 before it gives up.
MAX_PULL = 4

_UNIT = r"(?:万元|亿元|人次|户次|平方米|[元万个次人天日月年项件台套户家名条场批所篇期])?"
_ATOM_RE = re.compile(
    r"[≤≥<>=＜＞≦≧±~～+\-−]?[0-9０-９][0-9０-９.,，:：/\-]*[0-9０-９][%％‰]?"
    + _UNIT
    + r"|[≤≥<>=＜＞≦≧±~～+\-−]?[0-9０-９][%％‰]?"
    + _UNIT
    + r"|[A-Za-z][A-Za-z0-9_.'/@\-]*"
    + r"|——|……|\s+|."
)


@dataclass(frozen=True)
class Line:
    """One laid-out line: text, its x offset, natural width and the extra space per gap."""

    text: str
    indent: float
    width: float
    char_space: float


def atoms(text: str, keep_whole: bool = False) -> list[str]:
    """Unbreakable pieces of the text (one piece when it is a short label)."""
    if keep_whole and len(text) <= SHORT_LABEL and not any(ch.isspace() for ch in text):
        return [text] if text else []
    pieces = _ATOM_RE.findall(text)
    # A comma or dot ending a number is punctuation, not part of it.
    out: list[str] = []
    for piece in pieces:
        if len(piece) > 1 and piece[-1] in ",，:：/-" and piece[0] not in " \t":
            out += [piece[:-1], piece[-1]]
        else:
            out.append(piece)
    return out


def _bad_break(left: str, right: str) -> bool:
    """True when a line may not end with ``left`` and the next start with ``right``."""
    return right[0] in CANNOT_START or left[-1] in CANNOT_END


def break_lines(
    pieces: list[str],
    widths: list[float],
    first: float,
    rest: float,
    squeeze: float,
) -> list[tuple[int, int]]:
    """Greedy lines as (start, end) piece ranges; ``squeeze`` = allowed shrink per gap."""
    lines: list[tuple[int, int]] = []
    n = len(pieces)
    i = 0
    while i < n:
        while i < n and pieces[i].isspace():
            i += 1
        if i >= n:
            break
        avail = first if not lines else rest
        w = 0.0
        chars = 0
        j = i
        while j < n:
            k = len(pieces[j])
            if j > i and w + widths[j] > avail + squeeze * (chars + k - 1):
                break
            w += widths[j]
            chars += k
            j += 1
        if j < n:
            j = _respect_rules(pieces, i, j)
        lines.append((i, j))
        i = j
    return lines


def _respect_rules(pieces: list[str], start: int, end: int) -> int:
    """Move a break back so no line starts with closing or ends with opening punctuation."""
    k = end
    while k > start + 1 and end - k < MAX_PULL:
        left = pieces[k - 1]
        right = pieces[k]
        if right.isspace() or not _bad_break(left, right):
            return k
        k -= 1
    return end


def _line_text(pieces: list[str], start: int, end: int) -> str:
    return "".join(pieces[start:end]).rstrip()


def layout(
    text: str,
    measure: Callable[[str], float],
    width: float,
    *,
    indent: float = 0.0,
    size: float = 10.0,
    align: str = "left",
    keep_whole: bool = False,
    balance: bool = False,
) -> list[Line]:
    """Lay out one paragraph in ``width`` (first line indented by ``indent``).

    ``align``: left | centre | right | justify (justify leaves the last line ragged).
    ``balance`` makes up to three lines about equally long (table cells: no lone character).
    """
    pieces = atoms(text, keep_whole)
    pieces = _split_oversized(pieces, measure, width - indent)
    widths = [measure(p) for p in pieces]
    squeeze = SQUEEZE * size if align == "justify" else 0.0
    ranges = break_lines(pieces, widths, width - indent, width, squeeze)
    if balance and align != "justify" and 1 < len(ranges) <= 3:
        ranges = _balanced(pieces, widths, width, len(ranges))
    ranges = _no_lone_last_char(pieces, widths, width, ranges)
    out: list[Line] = []
    for number, (start, end) in enumerate(ranges):
        line = _line_text(pieces, start, end)
        while end > start and pieces[end - 1].isspace():
            end -= 1
        natural = sum(widths[start:end])
        avail = width - (indent if number == 0 else 0.0)
        offset = indent if number == 0 else 0.0
        last = number == len(ranges) - 1
        gaps = max(len(line) - 1, 1)
        space = (avail - natural) / gaps if len(line) > 1 else 0.0
        if align == "justify" and not last and space <= MAX_STRETCH * size:
            out.append(Line(line, offset, natural, space))
            continue
        squeezed = min(space, 0.0)
        used = natural + squeezed * gaps
        if align == "centre":
            offset += (avail - used) / 2
        elif align == "right":
            offset += avail - used
        out.append(Line(line, offset, natural, squeezed))
    return out


def _split_oversized(pieces: list[str], measure: Callable[[str], float], width: float) -> list[str]:
    """A piece wider than the line is broken into characters (nothing else can fit it)."""
    if width <= 0:
        return [ch for piece in pieces for ch in piece]
    out: list[str] = []
    for piece in pieces:
        if len(piece) > 1 and measure(piece) > width:
            out += list(piece)
        else:
            out.append(piece)
    return out


def _balanced(
    pieces: list[str], widths: list[float], width: float, count: int
) -> list[tuple[int, int]]:
    """The narrowest greedy layout that still needs no more than ``count`` lines."""
    lo, hi = sum(widths) / count, width
    best = break_lines(pieces, widths, width, width, 0.0)
    for _ in range(12):
        mid = (lo + hi) / 2
        trial = break_lines(pieces, widths, mid, mid, 0.0)
        if len(trial) <= count:
            best, hi = trial, mid
        else:
            lo = mid
    return best


def _no_lone_last_char(
    pieces: list[str], widths: list[float], width: float, ranges: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """A last line of one character takes one more piece from the line above (孤字)."""
    if len(ranges) < 2:
        return ranges
    (ps, pe), (ls, le) = ranges[-2], ranges[-1]
    if len(_line_text(pieces, ls, le)) != 1 or pe - ps < 3:
        return ranges
    k = pe - 1
    while k > ps + 1 and pe - k < MAX_PULL and _bad_break(pieces[k - 1], pieces[k]):
        k -= 1
    if _bad_break(pieces[k - 1], pieces[k]) or sum(widths[k:le]) > width:
        return ranges
    return [*ranges[:-2], (ps, k), (k, le)]
