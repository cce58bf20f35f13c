"""Limits on what a project holds, and money/score parsing at the edges of Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.model import limits
from desktop.model.errors import InputError
from desktop.model.money import parse_money, parse_points, shown
from desktop.model.project import FundsRow, Indicator


@pytest.mark.parametrize(
    "value",
    [
        Decimal("1E+30"),
        Decimal("1E+309"),
        10**29,
        "999999999999999999999999999999.00",
        "1000000000000",
        Decimal("1000000000000.00"),
        10**5000 - 1,
    ],
    ids=["1e30", "1e309", "30-digit int", "30-digit text", "10^12 text", "10^12", "5000 digits"],
)
def test_money_of_a_trillion_yuan_or_more_is_refused(value: object) -> None:
    with pytest.raises(InputError, match=r"金额过大.*应小于 1 万亿元") as caught:
        parse_money(value, "资金.全年执行数")
    assert len(caught.value.message) < 120


def test_money_just_below_a_trillion_is_kept_exactly() -> None:
    assert parse_money("999999999999.99", "x") == Decimal("999999999999.99")
    assert parse_money(999_999_999_999, "x") == Decimal("999999999999.00")


@pytest.mark.parametrize("value", [Decimal("Infinity"), Decimal("NaN"), "1e5", "-1"])
def test_money_that_is_not_an_amount_is_refused(value: object) -> None:
    with pytest.raises(InputError, match="金额"):
        parse_money(value, "x")


def test_huge_scores_are_refused_with_the_value_cut_short() -> None:
    with pytest.raises(InputError, match="分数过大") as caught:
        parse_points("7" * 5000, "权重")
    assert len(caught.value.message) < 80
    with pytest.raises(InputError, match="分数过大"):
        parse_points(10**5000 - 1, "权重")


def test_shown_cuts_long_values_and_survives_integers_too_long_for_str() -> None:
    assert shown("短") == "短"
    assert shown("长" * 100) == "长" * 39 + "…"
    assert shown(10**5000 - 1) == "（位数极多的数字）"


def test_project_limits_name_the_field(sample_project) -> None:
    limits.check_project(sample_project, "样例")
    cases = [
        (lambda p: setattr(p, "name", "名" * 201), "项目名称过长（201 字，最多 200 字）"),
        (lambda p: setattr(p.unit, "name", "单" * 201), "实施单位名称过长"),
        (
            lambda p: p.sections.__setitem__("conclusion", "文" * 200_001),
            "“conclusion”部分过长",
        ),
        (
            lambda p: setattr(p, "indicators", [Indicator("产出指标", "数量指标", "x")] * 2001),
            "绩效指标过多（2,001 条，最多 2,000 条）",
        ),
        (
            lambda p: setattr(p.indicators[2], "target", "≥" * 2001),
            "第 3 条指标的指标值过长",
        ),
        (
            lambda p: p.funds.rows.__setitem__(
                "total", FundsRow("total", executed=Decimal(10) ** 12)
            ),
            "“年度资金总额”的全年执行数金额过大",
        ),
        (lambda p: setattr(p, "name", "a\ud800"), "项目名称含有无效字符"),
        (lambda p: p.extra.__setitem__("x", "\udfff"), r"样例\.x：文本含有无效字符"),
    ]
    import copy

    for change, message in cases:
        project = copy.deepcopy(sample_project)
        change(project)
        with pytest.raises(InputError, match=message):
            limits.check_project(project, "样例")


def test_tree_check_walks_deep_nesting_without_recursion() -> None:
    data: object = []
    for _ in range(100_000):
        data = [data]
    with pytest.raises(InputError, match="嵌套层数过多（超过 64 层）"):
        limits.check_tree(data, "文件")
    limits.check_tree({"a": [[{"b": "好"}]] * 1000}, "文件")
