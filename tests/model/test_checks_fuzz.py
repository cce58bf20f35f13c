"""No check crashes on any text; section locations are valid spans of the text."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.model.checks import run_checks
from desktop.model.project import Indicator

from .checks_helpers import clean_project

# Text biased towards what the checks look for: numerals, units, markers, doubled characters.
PIECES = st.sampled_from(
    [
        "万元",
        "元",
        "万",
        "%",
        "％",
        "分",
        "得分",
        "综合评价得分",
        "预算执行率",
        "完成全年预算数的",
        "追加",
        "控制在",
        "以内",
        "（一）",
        "（2）",
        "三、",
        "1.",
        "为为",
        "{unit}",
        "XX",
        "××",
        "（填写",
        "）",
        "。",
        "；",
        "\n",
        "2023年",
        "二十",
        "５",
        "0",
        "1.5",
        "150,000",
        "评价等级为“优”",
        "保安人员",
        "\u3000",
        "\ud7ff",
        "𠀀",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sections=st.dictionaries(
        st.sampled_from(["basic_info", "goals", "conclusion", "funds_usage", "zz"]), TEXT
    ),
    target=TEXT,
    actual=TEXT,
    name=st.text(max_size=12),
    weight=st.one_of(st.none(), st.decimals(0, 100, places=2)),
    score=st.one_of(st.none(), st.decimals(0, 100, places=2)),
)
def test_checks_never_crash(sections, target, actual, name, weight, score):
    p = clean_project()
    p.name = name
    p.sections.update(sections)
    p.indicators.append(Indicator("产出指标", "成本指标", "成本", target, actual, weight, score))
    sibling = clean_project("接访费用")
    sibling.sections.update(sections)
    sibling.id, p.id = 2, 1
    findings = run_checks(p, [sibling])
    assert not [f for f in findings if f.code == "I-CHECK-FAILED"], findings
    for f in findings:
        loc = f.location
        if "start" in loc:
            text = p.sections[loc["section"]]
            assert 0 <= loc["start"] <= loc["end"] <= len(text)
        if "indicator" in loc:
            assert 0 <= loc["indicator"] < len(p.indicators)
        assert f.message


def test_huge_numbers_do_not_crash():
    p = clean_project()
    p.sections["funds_usage"] = "预算" + "9" * 400 + "万元，执行率" + "9" * 300 + "%，得分1e999分"
    p.indicators[3].target = "≤" + "9" * 500 + "万元"
    p.funds.rows["total"].full_year = Decimal("1e20")
    findings = run_checks(p, [])
    assert not [f for f in findings if f.code == "I-CHECK-FAILED"], findings
