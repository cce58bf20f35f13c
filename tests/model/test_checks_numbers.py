"""Amounts, percentages and context in narrative text."""

from decimal import Decimal

import pytest

from desktop.model.checks.numbers import (
    clause_before,
    find_amounts,
    find_percents,
    same_at_precision,
    year_in_context,
)


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("预算8万元", "80000"),
        ("支出80000元", "80000"),
        ("安排二十万元", "200000"),
        ("执行5.5万元", "55000"),
        ("共计150,000元", "150000"),
        ("追加10万，区财政", "100000"),
        ("实际支出２１．０４万元", "210400"),
        ("一万元", "10000"),
        ("1.2亿元", "120000000"),
    ],
)
def test_amounts(text, yuan):
    (amount,) = find_amounts(text)
    assert amount.value == Decimal(yuan)
    assert text[amount.start : amount.end] == amount.text


def test_not_amounts():
    assert find_amounts("全年12个月，10万人受益，2023年，万元单位，数十万元，近十万元") == []


def test_percent_and_precision():
    (p,) = find_percents("完成全年预算数的60.3%。")
    assert p.value == Decimal("60.3") and p.decimals == 1
    assert same_at_precision(Decimal("60.3"), Decimal("60.286"), 1)
    assert not same_at_precision(Decimal("60"), Decimal("60.286") + 1, 0)


def test_year_and_clause_context():
    text = "2022年预算安排8万元，实际执行8万元；2023年预算安排8万元"
    _first, second, third = find_amounts(text)
    assert year_in_context(text, second.start) == 2022
    assert year_in_context(text, third.start) == 2023
    assert clause_before(text, second.start) == "实际执行"
