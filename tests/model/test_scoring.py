from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop.model.forms import load_form
from desktop.model.project import Funds, FundsRow, Indicator, Project, Unit
from desktop.model.scoring import (
    execution_rate,
    execution_score,
    grade,
    is_far_over_target,
    suggest,
    summarise,
)

D = Decimal
FORM = load_form("self_evaluation")


def project_with_funds(full_year: str, executed: str) -> Project:
    funds = Funds()
    funds.rows["total"] = FundsRow("total", D(full_year), D(full_year), D(executed))
    return Project(unit=Unit("某区信访局"), year=2023, name="测试", funds=funds)


def test_execution_rate_and_score_of_seed000():
    p = project_with_funds("349000.00", "210400.00")
    assert f"{execution_rate(p):.4f}" == "0.6029"
    assert execution_score(p) == D("6.03")


def test_execution_rate_falls_back_to_sources_and_caps_score():
    funds = Funds()
    funds.rows["fiscal"] = FundsRow("fiscal", None, D(100), D(60))
    funds.rows["carryover"] = FundsRow("carryover", None, D(100), D(160))
    p = Project(unit=Unit("u"), year=2023, name="n", funds=funds)
    assert execution_rate(p) == D("1.1")
    assert execution_score(p) == D("10.00")  # min(rate, 1)


def ind(target: str, actual: str, weight="10", level2="数量指标", **kw) -> Indicator:
    return Indicator("产出指标", level2, "指标", target, actual, D(weight), **kw)


def test_positive_indicator_met_and_not_met():
    assert suggest(ind("≥50个", "60个"), FORM).score == D(10)  # no bonus
    assert suggest(ind("≥50个", "40个"), FORM).score == D("8.00")
    assert suggest(ind("=100%", "98%"), FORM).score == D("9.80")


def test_reverse_indicator_variants():
    assert suggest(ind("≤8万元", "7.5万元", level2="成本指标"), FORM).score == D(10)
    # over target: ratio variant 分值 × 目标/实际
    assert suggest(ind("≤8万元", "10万元", level2="成本指标"), FORM).score == D("8.00")
    # units convert: 80000 元 target vs 8万元 actual
    assert suggest(ind("≤80000元", "8万元", level2="成本指标"), FORM).score == D(10)
    # a bare number in a cost row is a ceiling
    assert suggest(ind("80000", "90000", level2="成本指标"), FORM).score == D("8.89")


def test_reverse_linear_variant_falls_to_zero_at_twice_target():
    from dataclasses import replace

    linear = replace(FORM, scoring=replace(FORM.scoring, reverse="linear"))
    assert suggest(ind("≤10天", "15天"), linear).score == D("5.00")
    assert suggest(ind("≤10天", "25天"), linear).score == D("0.00")


def test_zero_target_with_equals():
    assert suggest(ind("=0起", "0起"), FORM).score == D(10)
    assert suggest(ind("=0起", "1起"), FORM).score == D(0)


def test_qualitative_bands():
    assert suggest(ind("达成年度指标", "达成年度指标"), FORM).score == D(10)
    assert suggest(ind("满意", "基本满意"), FORM).score == D("7.00")
    assert suggest(ind("满意", "不满意"), FORM).score == D("3.00")
    assert suggest(ind("满意", "部分达成年度指标并具有一定效果"), FORM).score == D("7.00")
    s = suggest(ind("满意", "说不清"), FORM)
    assert s.score is None and "无法识别" in s.reason


def test_missing_weight_or_actual_gives_no_suggestion():
    assert suggest(Indicator("产出指标", "数量指标", "x", "≥1个", "2个"), FORM).score is None
    assert suggest(ind("≥1个", ""), FORM).score is None


def test_far_over_target_flag():
    assert is_far_over_target(ind("≥10个", "13个"), FORM)
    assert not is_far_over_target(ind("≥10个", "12个"), FORM)


def test_grades():
    s = FORM.scoring
    assert [grade(D(x), s) for x in (100, 90, 89.99, 80, 60, 59.99)] == [
        "优",
        "优",
        "良",
        "良",
        "中",
        "差",
    ]


def test_summary_uses_entered_scores_and_grades_entered_total(sample_project):
    s = summarise(sample_project, FORM)
    assert s.execution_rate == D("1.0000")
    assert s.execution_score == D(10)
    assert s.entered_total == D(100)
    assert s.grade == "优"


def test_no_satisfaction_rescale_setting():
    from dataclasses import replace

    p = project_with_funds("100", "100")
    p.indicators = [ind("≥1个", "1个", weight="45"), ind("≥1个", "1个", weight="45")]
    rescale = replace(FORM, scoring=replace(FORM.scoring, no_satisfaction="rescale"))
    assert summarise(p, rescale).suggested_total == D(100)
    assert summarise(p, FORM).suggested_total == D(100)
    p.indicators[0] = ind("≥2个", "1个", weight="45")
    assert summarise(p, rescale).suggested_total == D("77.50")


def test_execution_cap_setting():
    from dataclasses import replace

    p = project_with_funds("100", "55")
    p.indicators = [ind("≥1个", "1个", weight="90")]
    capped = replace(FORM, scoring=replace(FORM.scoring, execution_cap=True))
    assert summarise(p, FORM).suggested_total == D("95.50")
    assert summarise(p, capped).suggested_total == D(69)


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
texts = st.one_of(
    st.text(max_size=12),
    st.builds(
        lambda op, n, u: f"{op}{n}{u}",
        st.sampled_from(["≥", "≤", "=", ">", "<", ""]),
        st.integers(0, 10**6),
        st.sampled_from(["个", "%", "万元", "元", "天", ""]),
    ),
)


@given(
    texts,
    texts,
    st.decimals(min_value=0, max_value=100, places=2),
    st.sampled_from(["数量指标", "成本指标", "质量指标", "社会效益"]),
)
def test_score_never_exceeds_weight(target, actual, weight, level2):
    s = suggest(Indicator("产出指标", level2, "x", target, actual, weight), FORM)
    assert s.score is None or D(0) <= s.score <= weight


@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=9), amounts, amounts)
def test_total_never_exceeds_100(pairs, budget, executed):
    p = project_with_funds(str(budget), str(executed))
    share = (D(90) / len(pairs)).quantize(D("0.01"))
    p.indicators = [ind(t, a, weight=str(share)) for t, a in pairs]
    s = summarise(p, FORM)
    assert D(0) <= s.suggested_total <= D(100)
    assert s.grade in {"优", "良", "中", "差"}
