"""Parsing of indicator targets and actual values ("≥50个", "≤8万元", "满意").

No text makes these raise (unparseable → qualitative); a coding error still does.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from desktop.model.regex_cache import compiled

_UNIT_AT = compiled(r"(万元|亿元|千元|元|%|[^\s\d,，。；;、)）(（]{1,4})")

OPERATORS = ("≥", "≤", ">", "<", "=")
_OP_ALIASES = {
    ">=": "≥",
    "＞=": "≥",
    "≧": "≥",
    "大于等于": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "至少": "≥",
    "<=": "≤",
    "＜=": "≤",
    "≦": "≤",
    "小于等于": "≤",
    "不高于": "≤",
    "不超过": "≤",
    "不多于": "≤",
    "＞": ">",
    "大于": ">",
    "＜": "<",
    "小于": "<",
    "＝": "=",
    "==": "=",
    "等于": "=",
}
# Longest aliases first so "大于等于" wins over "大于".
_ALIASES_SORTED = sorted(
    [*_OP_ALIASES.items(), *((op, op) for op in OPERATORS)], key=lambda kv: -len(kv[0])
)
_NUMBER_RE = compiled(r"[-+]?\d[\d,，]*(?:\.\d+)?|[-+]?\.\d+")
_UNIT_ALIASES = {"百分比": "%", "％": "%", "percent": "%"}
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


@dataclass(frozen=True)
class ParsedTarget:
    """A target as understood: operator (≥ ≤ > < = or None = qualitative), number, unit."""

    operator: str | None
    number: Decimal | None
    unit: str
    text: str
    implicit: bool = False

    @property
    def is_quantitative(self) -> bool:
        """True when the target compares a number."""
        return self.number is not None and self.operator is not None

    @property
    def is_reverse(self) -> bool:
        """True for 反向 indicators (≤ <)."""
        return self.operator in ("≤", "<")

    def describe(self) -> str:
        """How the target was understood, e.g. "≥ 50 个" or "定性：满意"."""
        if not self.is_quantitative:
            return f"定性：{self.text.strip()}" if self.text.strip() else ""
        num = f"{self.number:f}"
        if "." in num:
            num = num.rstrip("0").rstrip(".")
        return f"{self.operator} {num} {self.unit}".strip()


def _normalise(text: str) -> str:
    table = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")
    return text.translate(table)


def find_number(text: str) -> tuple[Decimal | None, str]:
    """First number in ``text`` and the unit word right after it (never raises on any text)."""
    s = _normalise(text or "")
    m = _NUMBER_RE.search(s)
    if not m:
        return None, ""
    raw = m.group(0).replace(",", "").replace("，", "")
    try:
        number = Decimal(raw)
    except InvalidOperation:  # the only parse error a digit run can give
        return None, ""
    if not number.is_finite():
        return None, ""
    return number, _read_unit(s[m.end() :].strip())


def _read_unit(rest: str) -> str:
    for alias, unit in _UNIT_ALIASES.items():
        if rest.startswith(alias):
            return unit
    m = _UNIT_AT.match(rest)
    if not m:
        return ""
    unit = m.group(1)
    # Trim trailing words that are not part of a unit ("个以上" → "个").
    for suffix in ("以上", "以内", "以下", "及以上", "左右"):
        if unit.endswith(suffix) and len(unit) > len(suffix):
            unit = unit[: -len(suffix)]
    return unit


def parse_target(text: str) -> ParsedTarget:
    """Parse a 指标值. Unparseable → qualitative. Never raises."""
    if isinstance(text, str) and len(text) <= _CACHE_MAX_LEN:
        return _parse_cached(text)
    return _parse(text)


_CACHE_MAX_LEN = 200


@lru_cache(maxsize=8192)
def _parse_cached(text: str) -> ParsedTarget:
    return _parse(text)


def _parse(text: str) -> ParsedTarget:
    # Every input text has a parse (qualitative at worst); only a coding error raises here.
    raw = text if isinstance(text, str) else str(text)
    s = _normalise(raw).strip()
    operator: str | None = None
    for alias, sym in _ALIASES_SORTED:
        if s.startswith(alias):
            operator = sym
            s = s[len(alias) :].strip()
            break
    number, unit = find_number(s)
    if number is None:
        return ParsedTarget(None, None, "", raw)
    implicit = False
    if operator is None:
        # A bare number must be the whole value ("80000", "100%", "12人次"), not
        # a number inside a sentence ("全年12个月保障").
        m = _NUMBER_RE.match(s)
        if not m:
            return ParsedTarget(None, None, "", raw)
        tail = s[m.end() :]
        if any(word in tail for word in ("以内", "以下", "不超过")):
            operator = "≤"
        elif len(tail.strip()) > 6:
            return ParsedTarget(None, None, "", raw)
        else:
            operator = "≥"
            implicit = True
    return ParsedTarget(operator, number, unit, raw, implicit)


def to_base(number: Decimal, unit: str) -> tuple[Decimal, str]:
    """Convert money units to 元 so "8万元" and "80000元" compare; others unchanged."""
    if unit == "万元":
        return number * 10000, "元"
    if unit == "亿元":
        return number * 100000000, "元"
    if unit == "千元":
        return number * 1000, "元"
    return number, unit


def cn_number(text: str) -> Decimal | None:
    """Chinese numerals up to 亿 ("二十万" → 200000, "十二" → 12); None when not one."""
    if not text:
        return None
    units = {"十": 10, "百": 100, "千": 1000}
    big = {"万": 10000, "亿": 100000000}
    total = 0
    section = 0
    number = 0
    seen = False
    for ch in text:
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
            seen = True
        elif ch in units:
            section += (number if number or seen else 1) * units[ch]
            number = 0
            seen = True
        elif ch in big:
            section += number
            total += section * big[ch]
            section = 0
            number = 0
            seen = True
        else:
            return None
    if not seen:
        return None
    return Decimal(total + section + number)
