from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.model.targets import cn_number, find_number, parse_target


def test_parse_operator_number_unit():
    t = parse_target("≥50个")
    assert (t.operator, t.number, t.unit) == ("≥", Decimal(50), "个")
    assert t.describe() == "≥ 50 个"
    t = parse_target("≤8万元")
    assert (t.operator, t.number, t.unit) == ("≤", Decimal(8), "万元")
    assert t.is_reverse
    t = parse_target("=100%")
    assert (t.operator, t.number, t.unit) == ("=", Decimal(100), "%")
    t = parse_target("≥100百分比")
    assert t.unit == "%"
    t = parse_target(">=95％")
    assert (t.operator, t.number, t.unit) == ("≥", Decimal(95), "%")


def test_bare_number_is_implicit_and_quantitative():
    t = parse_target("80000")
    assert t.is_quantitative and t.implicit and t.number == Decimal(80000)


def test_qualitative_targets():
    for text in [
        "全年",
        "满意",
        "效果明显",
        "确保信访安保工作质量",
        "",
        "全年12个月保障到位的目标",
    ]:
        t = parse_target(text)
        assert not t.is_quantitative, text


def test_find_number_and_chinese_numerals():
    assert find_number("14人次") == (Decimal(14), "人次")
    assert find_number("实际支出21.04万元") == (Decimal("21.04"), "万元")
    assert cn_number("二十万") == Decimal(200000)
    assert cn_number("十二") == Decimal(12)
    assert cn_number("两") == Decimal(2)
    assert cn_number("abc") is None


@given(st.text())
def test_parsing_never_raises(text):
    t = parse_target(text)
    assert t.text == text
    t.describe()
    find_number(text)


@given(
    st.text(alphabet="0123456789０１２３４５６７８９.,，+-≥≤<>=％%万元个人次以内上下 ", max_size=30)
)
def test_parsing_never_raises_on_number_like_text(text):
    t = parse_target(text)
    assert t.text == text
    assert t.number is None or t.number.is_finite()


def test_a_coding_error_is_not_turned_into_qualitative(monkeypatch):
    """Only parse errors are expected; a bug inside the parser must surface, not read "定性"."""
    import desktop.model.targets as targets

    def broken_unit(rest: str) -> str:
        raise TypeError("bug in the unit reader")

    monkeypatch.setattr(targets, "_read_unit", broken_unit)
    with pytest.raises(TypeError, match="bug in the unit reader"):
        targets._parse("≥95%")
    with pytest.raises(TypeError):
        targets.find_number("12个")
