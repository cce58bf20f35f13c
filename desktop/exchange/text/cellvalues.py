"""Values of table cells: numbers, money (万元 or 元) and points."""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.exchange.text.facts import parse_number
from desktop.model.money import WAN, round_money

_NUMBER_RE = re.compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?\s*(?:%|％|分|万元|元)?$")


def is_number(cell: str) -> bool:
    """True for a cell holding one number (with %, 分 or a money unit)."""
    return bool(_NUMBER_RE.match(cell.strip()))


def amount(cell: str, in_wan: bool) -> Decimal | None:
    """A money cell in 元 (万元 cells scaled); None when empty or not a number."""
    text = cell.strip().replace(" ", "")
    wan = in_wan
    if text.endswith("万元"):
        text, wan = text[:-2], True
    elif text.endswith("元"):
        text, wan = text[:-1], False
    value = parse_number(text) if text and text[0].isdigit() else None
    if value is None:
        return None
    return round_money(value * WAN if wan else value)


def points(cell: str) -> Decimal | None:
    """A score or weight cell ("10", "9.5分") as Decimal; None otherwise."""
    text = cell.strip().removesuffix("分")
    if not text or not is_number(text) or text.endswith("%"):
        return None
    return parse_number(text)
