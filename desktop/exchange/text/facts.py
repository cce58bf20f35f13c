"""Facts read from a report's text: unit, year, 成文日期 and the amounts of the funds block."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from desktop.model.money import WAN, round_money

_CN_NUM = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_NUM.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_NUM = r"(\d[\d,，]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千点]+)"
AMOUNT = _NUM + r"\s*(万元|万|元)"
_HAN = "\u4e00-\u9fa5"


def cn_integer(text: str) -> int | None:
    """Chinese integer numerals below 10000 ("二十四" → 24, "二〇二四" → 2024); None if not one."""
    if not text:
        return None
    if all(ch in _CN_NUM for ch in text):  # digit by digit: 二〇二四
        return int("".join(str(_CN_NUM[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_NUM:
            digit = _CN_NUM[ch]
        elif ch in _CN_UNIT:
            total += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def parse_number(text: str) -> Decimal | None:
    """An Arabic or Chinese number ("24.9", "1,000", "二十四点九") as Decimal; None if not one."""
    clean = text.replace(",", "").replace("，", "").strip()
    if not clean:
        return None
    if clean[0].isdigit():
        try:
            return Decimal(clean)
        except InvalidOperation:
            return None
    whole, _, frac = clean.partition("点")
    integer = cn_integer(whole) if whole else 0
    if integer is None:
        return None
    if frac:
        if not all(ch in _CN_NUM for ch in frac):
            return None
        return Decimal(f"{integer}.{''.join(str(_CN_NUM[ch]) for ch in frac)}")
    return Decimal(integer)


def to_yuan(number: str, unit: str) -> Decimal | None:
    """An amount written with 万元/万/元 → Decimal 元 rounded to 分; None if unreadable."""
    value = parse_number(number)
    if value is None:
        return None
    if unit.startswith("万"):
        value *= WAN
    return round_money(value)


@dataclass
class FundsFacts:
    """Amounts found in a report (元) with the phrase each came from."""

    initial: Decimal | None = None
    additional: Decimal | None = None
    full_year: Decimal | None = None
    executed: Decimal | None = None
    fiscal: bool = False
    sources: tuple[str, ...] = ()


def _first(patterns: list[str], text: str) -> tuple[Decimal, str] | None:
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            value = to_yuan(m.group("n"), m.group("u"))
            if value is not None:
                return value, m.group(0)
    return None


def _amt(prefix: str) -> str:
    return prefix + r"(?P<n>" + _NUM[1:-1] + r")\s*(?P<u>万元|万|元)"


def read_funds(text: str, year: int | None) -> FundsFacts:
    """年初预算, 追加, 全年预算 and 全年执行 amounts from the report text."""
    y = str(year) if year else r"\d{4}"
    gap = r"[^。；;\d]{0,24}?"
    facts = FundsFacts()
    found: list[str] = []
    initial = _first(
        [
            _amt(r"年初预算(?:数|资金|金额)?(?:为|是|：|:)?\s*"),
            _amt(rf"{y}年度?预算安排(?:为|：|:)?\s*"),
            _amt(r"(?:资金|预算)合计(?:为|：|:)?\s*"),
            _amt(r"预算安排(?:资金)?(?:为|：|:)?\s*"),
        ],
        text,
    )
    if initial:
        facts.initial, phrase = initial
        found.append(phrase)
    additional = _first([_amt(rf"追加{gap}(?:共|计|合计)?\s*")], text)
    if additional:
        facts.additional, phrase = additional
        found.append(phrase)
    full_year = _first([_amt(r"全年预算(?:数|资金)?(?:为|是|：|:)?\s*")], text)
    if full_year:
        facts.full_year, phrase = full_year
        found.append(phrase)
    elif facts.initial is not None:
        facts.full_year = facts.initial + (facts.additional or Decimal(0))
    executed = _first(
        [
            _amt(r"全年(?:完成数|执行数|完成|执行|支出)(?:为|是|：|:)?\s*"),
            _amt(rf"{y}年[^。；;]{{0,24}}?实际执行(?:数)?(?:为|：|:)?\s*"),
            _amt(rf"实际支出{gap}"),
            _amt(r"实际执行(?:数)?(?:为|：|:)?\s*"),
        ],
        text,
    )
    if executed:
        facts.executed, phrase = executed
        found.append(phrase)
    facts.fiscal = "财政" in text
    facts.sources = tuple(found)
    return facts


_DATE_RE = re.compile(
    r"^\s*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$"
)


def parse_date_line(line: str) -> dt.date | None:
    """A line holding only a date ("2024年1月25日", "二〇二四年一月二十五日") → date; else None."""
    m = _DATE_RE.match(line)
    if not m:
        return None
    parts = [int(g) if g.isdigit() else cn_integer(g) for g in m.groups()]
    if any(p is None for p in parts):
        return None
    try:
        return dt.date(parts[0] or 0, parts[1] or 0, parts[2] or 0)
    except ValueError:
        return None


def find_signed_date(lines: list[str]) -> tuple[dt.date, int] | None:
    """The 成文日期 (last date-only line) and its line index; None without one."""
    for i in range(len(lines) - 1, -1, -1):
        date = parse_date_line(lines[i])
        if date is not None:
            return date, i
    return None


_YEAR_RES = (
    re.compile(r"(20\d{2})年度?(?:预算安排|实际支出|实际执行)"),
    re.compile(rf"(20\d{{2}})年度[{_HAN}]{{0,16}}?实际支出"),
)


def find_year(text: str, title: str, signed: dt.date | None) -> int | None:
    """The evaluated year: from the title, the year of executed amounts, or 成文日期 − 1."""
    m = re.search(r"(20\d{2})\s*年度?", title)
    if m:
        return int(m.group(1))
    years = [int(y) for pattern in _YEAR_RES for y in pattern.findall(text)]
    if years:
        return max(years)
    if signed is not None:
        return signed.year - 1
    counted = Counter(int(y) for y in re.findall(r"(20\d{2})年", text))
    return counted.most_common(1)[0][0] if counted else None


_UNIT_END = r"(?:局|委员会|委|办公室|办|中心|院|所|站|队|馆|处|厅|部|会)"
UNIT_LINE_RE = re.compile(rf"^[{_HAN}（）()]{{3,30}}{_UNIT_END}$")
_SHORT_UNIT_RE = re.compile(rf"(?<![{_HAN}])([{_HAN}]{{1,4}}[区县市旗])([{_HAN}]{{1,6}}?局)")


def find_unit(title: str, form_titles: tuple[str, ...], lines: list[str], text: str) -> str | None:
    """The 实施单位: title prefix, the 落款 line, or a unit named in the text (place expanded)."""
    for form_title in form_titles:
        pos = title.find(form_title)
        if pos > 0:
            prefix = title[:pos].strip()
            if re.search(rf"{_UNIT_END}$", prefix):
                return prefix
    signed = find_signed_date(lines)
    if signed is not None:
        for i in range(signed[1] - 1, max(signed[1] - 4, -1), -1):
            candidate = lines[i].strip()
            if candidate:
                if UNIT_LINE_RE.match(candidate):
                    return candidate
                break
    return unit_in_text(text)


@lru_cache(maxsize=4)
def unit_in_text(text: str) -> str | None:
    """A unit named in running text ("西区信访局"), its place expanded ("攀枝花市西区信访局")."""
    counted = Counter(
        m.group(0)
        for m in _SHORT_UNIT_RE.finditer(text)
        if text[m.start() - 1 : m.start()] != "《"  # 《…局关于…》 names a cited document's author
    )
    if not counted:
        return None
    # The unit whose place name ("西区") recurs most in the text wins over chance hits ("由市信访局").
    short = max(
        counted,
        key=lambda u: (text.count(_SHORT_UNIT_RE.match(u).group(1)) + counted[u], len(u)),  # type: ignore[union-attr]
    )
    place = _SHORT_UNIT_RE.match(short)
    assert place is not None
    prefixes = re.findall(rf"([{_HAN}]{{2,5}}[省市州])" + re.escape(place.group(1)), text)
    if prefixes:
        # "通过攀枝花市" and "攀枝花市" both precede 西区: take the form most occurrences end with.
        best = max(set(prefixes), key=lambda p: (sum(q.endswith(p) for q in prefixes), len(p)))
        return best + short
    return short
