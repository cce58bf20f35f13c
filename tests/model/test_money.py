from decimal import Decimal

import pytest

from desktop.model.errors import InputError
from desktop.model.money import (
    fmt_points,
    fmt_rate,
    fmt_wan,
    fmt_yuan,
    from_fen,
    parse_money,
    parse_points,
    to_fen,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("50000.00", Decimal("50000.00")),
        ("0.5", Decimal("0.50")),
        (50000, Decimal("50000.00")),
        (Decimal("349000"), Decimal("349000.00")),
        ("", None),
        (None, None),
        ("  12.30 ", Decimal("12.30")),
    ],
)
def test_parse_money_accepts_amounts(raw, expected):
    assert parse_money(raw, "x") == expected


@pytest.mark.parametrize("raw", ["1,0.5", "abc", "-1", "1.234", "1e5", "NaN", True, [1]])
def test_parse_money_refuses_with_chinese_message_naming_the_field(raw):
    with pytest.raises(InputError) as info:
        parse_money(raw, "funds[0].executed")
    assert "funds[0].executed" in info.value.message
    assert "金额" in info.value.message


def test_fen_round_trip_is_exact():
    for amount in ["0.01", "210400.00", "99999999.99"]:
        assert from_fen(to_fen(Decimal(amount))) == Decimal(amount)
    assert to_fen(Decimal("0.015")) == 2  # half-up


def test_display_helpers():
    assert fmt_wan(Decimal("349000")) == "34.90"
    assert fmt_wan(Decimal("210400")) == "21.04"
    assert fmt_yuan(Decimal("349000")) == "349,000.00"
    assert fmt_points(Decimal("10.00")) == "10"
    assert fmt_points(Decimal("6.030")) == "6.03"
    assert fmt_rate(Decimal("0.602865")) == "60.29%"


def test_parse_points():
    assert parse_points("20", "w") == Decimal("20.00")
    assert parse_points("9.5分", "w") == Decimal("9.50")
    assert parse_points("", "w") is None
    with pytest.raises(InputError):
        parse_points("很多", "w")
    with pytest.raises(InputError):
        parse_points("-3", "w")


@pytest.mark.parametrize(
    ("typed", "yuan"),
    [
        ("80000", "80000.00"),
        ("80,000.00", "80000.00"),
        ("80000元", "80000.00"),
        ("8万", "80000.00"),
        ("8万元", "80000.00"),
        ("7.86 万元", "78600.00"),
        ("０.５万", "5000.00"),
        ("12.345678万元", "123456.78"),
        ("  ", None),
    ],
)
def test_typed_amounts_in_yuan_or_wan(typed, yuan):
    from desktop.model.money import parse_typed_amount

    expected = Decimal(yuan) if yuan is not None else None
    assert parse_typed_amount(typed, "全年预算数") == expected


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("8千", "不是金额"),
        ("八万", "不是金额"),
        ("8万万", "不是金额"),
        ("-5万", "不能为负数"),
        ("1.001", "最多到分"),
        ("1.2345678万", "最多到分"),
    ],
)
def test_refused_typed_amounts_say_why(typed, why):
    from desktop.model.errors import InputError
    from desktop.model.money import parse_typed_amount

    with pytest.raises(InputError) as info:
        parse_typed_amount(typed, "全年预算数")
    assert why in info.value.message and info.value.message.startswith("全年预算数：")
