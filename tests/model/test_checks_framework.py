"""The indicator framework: categories present, 一级 split, 二级 fit, percentages, operators."""

from decimal import Decimal

from desktop.model.checks import ERROR, HINT, WARNING
from desktop.model.project import Indicator

from .checks_helpers import clean_project, codes, run

D = Decimal


def test_no_indicators_at_all():
    """One finding (E-NO-INDICATORS); the framework checks have nothing to add."""
    p = clean_project()
    p.indicators = []
    (f,) = run("E-NO-INDICATORS", p)
    assert f.severity == ERROR and "未填写绩效指标" in f.message
    for code in ("W-FRAME-NO-BENEFIT", "W-LEVEL1-WEIGHT", "W-LEVEL2-MISFILED"):
        assert run(code, p) == []
    assert run("E-NO-INDICATORS", clean_project()) == []


def test_no_benefit_indicator_is_a_warning():
    p = clean_project()
    del p.indicators[4]  # the only 效益 row
    found = run("W-FRAME-NO-BENEFIT", p)
    assert codes(found) == ["W-FRAME-NO-BENEFIT"]
    assert found[0].severity == WARNING and "没有效益指标" in found[0].message
    assert run("W-FRAME-NO-BENEFIT", clean_project()) == []


def test_no_satisfaction_indicator_is_a_hint_saying_where_its_weight_goes():
    p = clean_project()
    del p.indicators[5]
    p.indicators[4].weight = p.indicators[4].score = D(40)
    (f,) = run("W-FRAME-NO-BENEFIT", p)
    assert (f.severity, f.code) == (HINT, "I-FRAME-NO-SATISFACTION")
    assert "其分值并入效益指标" in f.message


def test_output_without_quantity_and_quality():
    p = clean_project()
    del p.indicators[0:2]  # 数量指标 and 质量指标
    (f,) = run("W-FRAME-NO-BENEFIT", p)
    assert (f.severity, f.code) == (WARNING, "W-FRAME-NO-OUTPUT")
    assert "既没有数量指标也没有质量指标" in f.message
    assert f.location == {"indicator": 0, "column": "level2"}
    p = clean_project()
    del p.indicators[1]  # only 质量指标 missing
    (f,) = run("W-FRAME-NO-BENEFIT", p)
    assert (f.severity, f.code) == (HINT, "I-FRAME-NO-OUTPUT") and "没有质量指标" in f.message


def test_level2_alone_places_a_row_without_its_level1():
    """Continuation rows of merged cells (no 一级 written) count under their 二级's 一级."""
    p = clean_project()
    for ind in p.indicators[1:4]:
        ind.level1 = ""
    assert run("W-FRAME-NO-BENEFIT", p) == []
    assert run("W-LEVEL1-WEIGHT", p) == []


def test_level1_weights_far_from_the_split():
    p = clean_project()
    # 产出 70, 效益 10, 满意度 10 (+ 执行率 10 = 100): 效益 is 20 below the form's 30.
    p.indicators[0].weight = p.indicators[0].score = D(40)
    p.indicators[4].weight = p.indicators[4].score = D(10)
    (f,) = run("W-LEVEL1-WEIGHT", p)
    assert f.severity == WARNING
    assert "产出指标70分（表单50分）" in f.message and "效益指标10分（表单30分）" in f.message
    assert f.location == {"indicator": 0, "column": "weight"}
    # 10 points off (60/20) is within the tolerance of the form's [checks].
    p.indicators[0].weight = p.indicators[0].score = D(30)
    p.indicators[4].weight = p.indicators[4].score = D(20)
    assert run("W-LEVEL1-WEIGHT", p) == []
    assert run("W-LEVEL1-WEIGHT", clean_project()) == []


def test_cost_as_its_own_level1_counts_with_output():
    p = clean_project()
    cost = p.indicators[3]
    cost.level1, cost.level2 = "成本指标", "经济成本指标"
    assert run("W-LEVEL1-WEIGHT", p) == []
    assert run("W-LEVEL2-MISFILED", p) == []


def test_economic_cost_under_output_is_misfiled():
    """A 二级 of another 一级 is the row check's I-IND-LEVEL2; the framework check adds nothing."""
    p = clean_project()
    p.indicators[3].level2 = "经济成本指标"  # still under 产出指标
    (f,) = run("I-IND-LEVEL2", p)
    assert "“经济成本指标”不是“产出指标”下的二级指标" in f.message
    assert f.location == {"indicator": 3, "column": "level2"}
    assert run("W-LEVEL2-MISFILED", p) == []
    assert run("W-LEVEL2-MISFILED", clean_project()) == []


def test_cost_ceiling_under_ecological_benefit_is_misfiled():
    p = clean_project()
    p.indicators.append(
        Indicator("效益指标", "生态效益", "绿化养护成本", "≤3万元", "2.8万元", D(0), D(0))
    )
    (f,) = run("W-LEVEL2-MISFILED", p)
    assert "“绿化养护成本”" in f.message and "列在“生态效益”下" in f.message
    # An income figure under 经济效益 (≥ an amount) fits there.
    p.indicators[-1] = Indicator("效益指标", "经济效益", "人均增收", "≥8400元", "8400元")
    assert run("W-LEVEL2-MISFILED", p) == []


def test_satisfaction_over_100_percent_is_an_error():
    p = clean_project()
    p.indicators[5].target = "≥105%"
    (f,) = run("E-PERCENT-OVER", p)
    assert (f.severity, f.code) == (ERROR, "E-PERCENT-OVER")
    assert "“群众满意度”的指标值“≥105%”超过100%" in f.message
    assert f.location == {"indicator": 5, "column": "target"}
    p = clean_project()
    p.indicators[1] = Indicator("产出指标", "质量指标", "验收合格率", "=100%", "102%", D(10), D(10))
    (f,) = run("E-PERCENT-OVER", p)
    assert "实际完成值“102%”" in f.message and f.location["column"] == "actual"
    # Sichuan's columns: the unit in its own column, bare numbers in the cells.
    p.indicators[1] = Indicator(
        "产出指标", "质量指标", "覆盖率", "110", "100", D(10), D(10), operator="≥", unit="百分比"
    )
    (f,) = run("E-PERCENT-OVER", p)
    assert "“110%”" in f.message
    assert run("E-PERCENT-OVER", clean_project()) == []


def test_rate_that_may_exceed_100_is_not_checked():
    p = clean_project()
    p.indicators[0] = Indicator("产出指标", "数量指标", "业务量增长率", "≥120%", "130%", D(20))
    assert run("E-PERCENT-OVER", p) == []


def test_operator_nonsense():
    p = clean_project()
    p.indicators[3].target = "≥8万元"
    (f,) = run("W-TARGET-OPERATOR", p)
    assert f.severity == WARNING and "成本指标“保安费用”的指标值“≥8万元”是下限" in f.message
    p = clean_project()
    p.indicators[5].target = "≤90%"
    (f,) = run("W-TARGET-OPERATOR", p)
    assert f.severity == WARNING and "满意度越高越好" in f.message
    p = clean_project()
    p.indicators[1] = Indicator(
        "产出指标",
        "质量指标",
        "验收合格率",
        "100",
        "100",
        D(10),
        D(10),
        operator="≥",
        unit="百分比",
    )
    (f,) = run("W-TARGET-OPERATOR", p)
    assert (f.severity, f.code) == (HINT, "I-TARGET-OPERATOR")
    assert "“100（≥百分比）”" in f.message and "=100%" in f.message
    assert run("W-TARGET-OPERATOR", clean_project()) == []
    # A cost saving rate (≥ a percentage) is not a cost ceiling.
    p = clean_project()
    p.indicators[3].target = "≥5%"
    p.indicators[3].level3 = "成本节约率"
    assert run("W-TARGET-OPERATOR", p) == []


def test_the_cheng_of_wancheng_is_not_a_cost():
    p = clean_project()
    p.indicators[1].level3 = "完成本年度内来信、来访、来电等工作"
    assert run("W-LEVEL2-MISFILED", p) == []


def test_capped_word_inside_a_longer_name_is_only_a_warning():
    p = clean_project()
    p.indicators[1] = Indicator(
        "产出指标", "质量指标", "合格率提升幅度", "≥110%", "112%", D(10), D(10)
    )
    found = run("E-PERCENT-OVER", p)
    assert [(f.severity, f.code) for f in found] == [
        (WARNING, "W-PERCENT-OVER"),
        (WARNING, "W-PERCENT-OVER"),
    ]
    assert "若指的是合格率本身，不可能超过100%，请核对" in found[0].message
    # A unit note after the name does not make it less certain.
    p.indicators[1].level3 = "验收合格率（%）"
    assert {f.code for f in run("E-PERCENT-OVER", p)} == {"E-PERCENT-OVER"}
