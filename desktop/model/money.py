"""Money and score arithmetic: Decimal in 元 in code, INTEGER 分 in storage, never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop.model.errors import InputError
from desktop.model.regex_cache import compiled

FEN = Decimal("0.01")
RATE = Decimal("0.0001")
WAN = Decimal(10000)
MAX_MONEY = Decimal(10) ** 12  # amounts must stay below 1 万亿元 (and fit SQLite INTEGER 分)
MAX_SHOWN = 40


def shown(value: object, limit: int = MAX_SHOWN) -> str:
    """A value as quoted in a message, cut to ``limit`` characters ("…" when cut)."""
    try:
        text = str(value)
    except ValueError:  # an integer too long for str() (more than 4300 digits)
        return "（位数极多的数字）"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_amount(amount: Decimal, value: object, where: str) -> Decimal:
    """The amount rounded to 分, once it is finite, non-negative, below 1 万亿元, ≤ 2 decimals."""
    if not amount.is_finite():
        raise InputError(f"{where}：“{shown(value)}”不是有效金额")
    if amount < 0:
        raise InputError(f"{where}：金额不能为负数（{shown(value)}）")
    if amount >= MAX_MONEY:
        raise InputError(f"{where}：金额过大（{shown(value)} 元），应小于 1 万亿元")
    if amount != amount.quantize(FEN, rounding=ROUND_HALF_UP):
        raise InputError(f"{where}：金额最多两位小数（{shown(value)}）")
    return amount.quantize(FEN)


_MONEY_RE = compiled(r"^-?\d+(\.\d{1,2})?$")


def round_money(value: Decimal) -> Decimal:
    """Round to 分 half-up."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def round_score(value: Decimal) -> Decimal:
    """Round a score to 0.01 half-up."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def round_rate(value: Decimal) -> Decimal:
    """Round a rate to 0.0001 half-up."""
    return value.quantize(RATE, rounding=ROUND_HALF_UP)


def parse_money(value: object, where: str) -> Decimal | None:
    """Parse an amount in 元 ("50000.00", 50000, Decimal); empty → None.

    Raises InputError naming ``where`` for anything else, negatives and more than 2 decimals.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise InputError(f"{where}：“{value}”不是有效金额")
    if isinstance(value, float):
        # JSON import parses with Decimal; a float here means a programming error upstream.
        value = Decimal(repr(value))
    if isinstance(value, int):
        if abs(value) >= MAX_MONEY:  # never build a Decimal of a huge integer
            raise InputError(f"{where}：金额过大（{shown(value)} 元），应小于 1 万亿元")
        value = Decimal(value)
    if isinstance(value, Decimal):
        return _check_amount(value, value, where)
    if not isinstance(value, str):
        raise InputError(f"{where}：“{shown(value)}”不是有效金额")
    text = value.strip()
    if text == "":
        return None
    if not _MONEY_RE.match(text):
        raise InputError(f"{where}：“{shown(value)}”不是有效金额（应为如 50000.00 的数字，单位元）")
    return _check_amount(Decimal(text), value, where)


_TYPED_RE = compiled(r"^(-?\d+(?:\.\d+)?)(万)?元?$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－", "0123456789.-")


def parse_typed_amount(text: str, where: str) -> Decimal | None:
    """An amount as staff type it, in 元: "80000", "80,000.00", "8万", "8万元", "7.86 万元".

    Thousands separators, spaces, full-width digits and a trailing 元 are accepted; 万 means
    ten thousand 元. Empty → None. Anything else raises InputError saying why, naming ``where``.
    """
    cleaned = text.translate(_FULL_WIDTH)
    for sep in (",", "，", " ", "\u3000", "\xa0"):
        cleaned = cleaned.replace(sep, "")
    if cleaned == "":
        return None
    match = _TYPED_RE.match(cleaned)
    if match is None:
        raise InputError(
            f"{where}：“{text.strip()}”不是金额，请填写数字（单位元），如 80000 或 8万"
        )
    amount = Decimal(match.group(1))
    if match.group(2):
        amount *= WAN
    if amount < 0:
        raise InputError(f"{where}：金额不能为负数（{text.strip()}）")
    if amount != amount.quantize(FEN, rounding=ROUND_HALF_UP):
        raise InputError(f"{where}：“{text.strip()}”精确到分后还有小数，金额最多到分（0.01元）")
    return amount.quantize(FEN)


def parse_points(value: object, where: str) -> Decimal | None:
    """Parse a weight or score (分): non-negative, up to 2 decimals; empty → None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InputError(f"{where}：“{value}”不是有效分数")
    if isinstance(value, int) and abs(value) > 10**15:
        raise InputError(f"{where}：分数过大（{shown(value)}）")
    if isinstance(value, (int, float)):
        value = str(value)
    if isinstance(value, Decimal):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(f"{where}：“{value}”不是有效分数")
    text = value.strip().removesuffix("分").strip()
    if text == "":
        return None
    try:
        points = Decimal(text)
    except InvalidOperation:
        raise InputError(f"{where}：“{shown(value)}”不是有效分数") from None
    if not points.is_finite():
        raise InputError(f"{where}：“{shown(value)}”不是有效分数")
    if points < 0:
        raise InputError(f"{where}：分数不能为负数（{shown(value)}）")
    if points > 1000:
        raise InputError(f"{where}：分数过大（{shown(value)}）")
    return round_score(points)


def to_fen(amount: Decimal | None) -> int | None:
    """元 → integer 分 for storage."""
    if amount is None:
        return None
    return int(round_money(amount) * 100)


def from_fen(fen: int | None) -> Decimal | None:
    """Integer 分 from storage → 元."""
    if fen is None:
        return None
    return (Decimal(fen) / 100).quantize(FEN)


def to_centi(points: Decimal | None) -> int | None:
    """Points → integer hundredths for storage."""
    if points is None:
        return None
    return int(round_score(points) * 100)


def from_centi(centi: int | None) -> Decimal | None:
    """Integer hundredths from storage → points."""
    if centi is None:
        return None
    return (Decimal(centi) / 100).quantize(FEN)


def fmt_wan(amount: Decimal | None) -> str:
    """元 → 万元 with two decimals ("34.90"); empty for None."""
    if amount is None:
        return ""
    return f"{round_money(amount / WAN):.2f}"


def fmt_yuan(amount: Decimal | None) -> str:
    """元 with thousands separators and two decimals ("349,000.00")."""
    if amount is None:
        return ""
    return f"{round_money(amount):,.2f}"


def fmt_points(points: Decimal | None) -> str:
    """A weight or score without needless zeros ("10", "6.03")."""
    if points is None:
        return ""
    text = f"{round_score(points):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_rate(rate: Decimal | None) -> str:
    """A rate as a percentage with two decimals ("60.29%")."""
    if rate is None:
        return ""
    return f"{round_rate(rate) * 100:.2f}%"


def fmt_number(value: Decimal | None) -> str:
    """A number as written, without trailing zeros or rounding ("90", "12.5"); empty for None."""
    if value is None:
        return ""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_plain(amount: Decimal | None) -> str:
    """A Decimal as a plain string for JSON ("50000.00")."""
    if amount is None:
        return ""
    return f"{amount:f}"
