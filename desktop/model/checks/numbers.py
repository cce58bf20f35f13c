"""Figures in narrative text: amounts (万元/元, Arabic and Chinese numerals), rates, scores."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from desktop.model.regex_cache import compiled
from desktop.model.targets import cn_number

_NOT_DIGIT = compiled(r"[^\d.]")

WAN = Decimal(10000)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
# "8万元", "5.5万元", "150,000元", "80000 元", "追加10万，" (万 alone before punctuation/end).
_ARABIC_AMOUNT = compiled(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元|万(?![\u4e00-\u9fff\d]))"
)
_CN_AMOUNT = compiled(rf"([{_CN_CHARS}]+)(万元|元)")
_PERCENT = compiled(r"(?<![\d.])(\d+(?:\.\d+)?)\s*%")
_YEAR = compiled(r"(?<!\d)((?:19|20)\d\d)\s*年")
SENTENCE_END = "。；;！？!?\n"
_CLAUSE_END = SENTENCE_END + "，,：:、"


@dataclass(frozen=True)
class Amount:
    """An amount found in text: value in 元, the span and the text as written."""

    value: Decimal
    start: int
    end: int
    text: str
    unit: str

    @property
    def decimals(self) -> int:
        """Decimal places written in the number ("5.5万元" → 1)."""
        return written_decimals(self.text)


@dataclass(frozen=True)
class Figure:
    """A number found in text (a rate or a score) with its span."""

    value: Decimal
    start: int
    end: int
    text: str

    @property
    def decimals(self) -> int:
        """Decimal places written in the number."""
        return written_decimals(self.text)


def written_decimals(text: str) -> int:
    """Decimal places of the number as written ("5.5万元" → 1, "60.30%" → 2)."""
    number = _NOT_DIGIT.sub("", normalise_digits(text))
    return len(number.split(".", 1)[1]) if "." in number else 0


@lru_cache(maxsize=16384)
def normalise_digits(text: str) -> str:
    """Full-width digits, point, percent and comma to ASCII (same length, spans stay valid)."""
    return text.translate(_FULLWIDTH)


def find_amounts(text: str) -> list[Amount]:
    """All money amounts in ``text`` in order, converted to 元."""
    return list(_amounts(text))


@lru_cache(maxsize=16384)
def _amounts(text: str) -> tuple[Amount, ...]:
    if not any(ch in text for ch in "元万"):
        return ()
    s = normalise_digits(text)
    out: list[Amount] = []
    for m in _ARABIC_AMOUNT.finditer(s):
        try:
            number = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation:
            continue
        if number.adjusted() > 14:
            continue  # not a real amount
        unit = m.group(2)
        factor = {"亿元": Decimal(100000000), "万元": WAN, "万": WAN}.get(unit, Decimal(1))
        out.append(Amount(number * factor, m.start(), m.end(), text[m.start() : m.end()], unit))
    for m in _CN_AMOUNT.finditer(s):
        raw = m.group(1)
        if m.start() > 0 and s[m.start() - 1] in "数几上近约逾超余多":
            continue  # vague ("数十万元", "近十万元"): not a figure to compare
        if raw in ("万", "亿", "千", "百", "十") or not any(
            c in raw for c in "一二两三四五六七八九十"
        ):
            continue
        cn_value = cn_number(raw)
        if cn_value is None:
            continue
        factor = WAN if m.group(2) == "万元" else Decimal(1)
        out.append(
            Amount(cn_value * factor, m.start(), m.end(), text[m.start() : m.end()], m.group(2))
        )
    out.sort(key=lambda a: a.start)
    return tuple(out)


def find_percents(text: str) -> list[Figure]:
    """All percentages ("60.3%") with spans; value is the number before %."""
    if "%" not in text and "％" not in text:
        return []
    s = normalise_digits(text)
    return [
        Figure(Decimal(m.group(1)), m.start(), m.end(), text[m.start() : m.end()])
        for m in _PERCENT.finditer(s)
        if len(m.group(1)) <= 12
    ]


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` (ends at 。；！？ or a line break)."""
    marks = _marks(text, SENTENCE_END)
    i = bisect_left(marks, pos)
    start = marks[i - 1] + 1 if i > 0 else 0
    end = marks[i] if i < len(marks) else len(text)
    return start, end


def clause_before(text: str, pos: int) -> str:
    """The text of the clause before ``pos`` (back to the last ，。；： or line break)."""
    marks = _marks(text, _CLAUSE_END)
    i = bisect_left(marks, pos)
    return text[marks[i - 1] + 1 if i > 0 else 0 : pos]


@lru_cache(maxsize=4096)
def _marks(text: str, chars: str) -> tuple[int, ...]:
    """Positions of ``chars`` in ``text`` (sorted), for bisecting."""
    return tuple(i for i, ch in enumerate(text) if ch in chars)


def year_in_context(text: str, pos: int) -> int | None:
    """The last year ("2022年") named in the sentence before ``pos``; None when none is."""
    start, _ = sentence_bounds(text, pos)
    years = _YEAR.findall(normalise_digits(text[start:pos]))
    return int(years[-1]) if years else None


def same_at_precision(claimed: Decimal, actual: Decimal, decimals: int) -> bool:
    """True when ``actual`` rounds to ``claimed`` at the claim's precision (within half a unit)."""
    unit = Decimal(1).scaleb(-decimals)
    return abs(actual - claimed) <= unit / 2 + Decimal("0.000001")


def fmt_amount(value: Decimal) -> str:
    """An amount in 元 as people write it: "8万元", "24.9万元", "1234.5元"."""
    if value >= WAN:
        wan = (value / WAN).normalize()
        return f"{wan:f}万元"
    return f"{value.normalize():f}元"
