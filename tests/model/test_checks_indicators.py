"""Checks of the indicator table."""

from decimal import Decimal

from desktop.model.checks import ERROR, HINT, WARNING

from .checks_helpers import clean_project, codes, run

D = Decimal


def test_missing_target_per_row_and_aggregated():
    p = clean_project()
    p.indicators[0].target = ""
    (f,) = run("W-IND-NO-TARGET", p)
    assert "保安人员数量" in f.message and f.location == {"indicator": 0, "column": "target"}
    for ind in p.indicators:
        ind.target = ""
    (f,) = run("W-IND-NO-TARGET", p)
    assert "6项指标均未填写指标值" in f.message
    assert run("W-IND-NO-TARGET", clean_project()) == []


def test_qualitative_target_in_numeric_category():
    p = clean_project()
    p.indicators[0].target = "保障全年保安的经费"
    (f,) = run("W-IND-QUALITATIVE", p)
    assert "“数量指标”应为定量指标" in f.message and "保障全年保安的经费" in f.message
    assert run("W-IND-QUALITATIVE", clean_project()) == []


def test_weights_missing_and_sum():
    p = clean_project()
    p.indicators[2].weight = None
    (f,) = run("W-WEIGHTS-MISSING", p)
    assert "保障时限" in f.message and f.location["indicator"] == 2
    p = clean_project()
    p.indicators[0].weight = D(30)
    (f,) = run("W-WEIGHTS-SUM", p)
    assert "110" in f.message
    assert run("W-WEIGHTS-MISSING", clean_project()) == []
    assert run("W-WEIGHTS-SUM", clean_project()) == []


def test_cost_unit_confusion():
    p = clean_project()
    p.indicators[3].target = "≤8元"
    (f,) = run("W-COST-UNIT", p)
    assert f.severity == WARNING and "相差一万倍" in f.message and "“≤8元”" in f.message
    p.indicators[3].target = "≤80000万元"
    (f,) = run("W-COST-UNIT", p)
    assert "元和万元写混了" in f.message
    p.indicators[3].target = "80000"
    (f,) = run("W-COST-UNIT", p)
    assert (f.severity, f.code) == (HINT, "I-COST-NO-UNIT")
    assert run("W-COST-UNIT", clean_project()) == []
    # The funds table typed in 万元 (8 instead of 80000) against a cost target of 8万元.
    p = clean_project(budget="8.00")
    p.indicators[3].target = "≤8万元"
    (f,) = run("W-COST-UNIT", p)
    assert "全年预算数8元相差一万倍" in f.message


def test_cost_above_budget():
    p = clean_project()
    p.indicators[3].target = "150000"
    (f,) = run("W-COST-OVER-BUDGET", p)
    assert "“150000”（15.00万元）高于全年预算数8.00万元" in f.message
    p.indicators[3].target = "≤80000万元"  # the unit slip is W-COST-UNIT's finding
    assert run("W-COST-OVER-BUDGET", p) == []
    assert run("W-COST-OVER-BUDGET", clean_project()) == []


def test_score_far_from_suggestion_without_reason():
    p = clean_project()
    p.indicators[0].actual = "1人"  # suggestion 10 of 20
    p.indicators[0].score = D(20)
    (f,) = run("W-SCORE-FAR", p)
    assert "保安人员数量" in f.message and "10" in f.message
    assert codes(run("I-SCORE-SUGGESTION", p)) == []  # not reported twice
    p.indicators[0].deviation = "一名保安人员年中离职，已重新招聘"
    assert run("W-SCORE-FAR", p) == []
    p.indicators[0].deviation = ""
    p.indicators[0].score = D(12)  # close, but a deduction without a reason: one warning
    assert run("W-SCORE-FAR", p) == []
    assert codes(run("I-SCORE-SUGGESTION", p)) == []
    (f,) = run("W-DEDUCT-NO-REASON", p)
    assert "建议得分10分" in f.message
    p.indicators[0].actual = "3人"  # suggestion 20: a score above it is still a hint
    p.indicators[0].score = D(20)
    p.indicators[0].target = "≥2人"
    assert run("W-DEDUCT-NO-REASON", p) == []


def test_qualitative_score_outside_band():
    p = clean_project()
    p.indicators[1].actual = "部分达成年度指标并具有一定效果"  # band 60–80 % of 10
    p.indicators[1].score = D(9)
    (f,) = run("E-SCORE-BAND", p)
    assert f.severity == ERROR and "[6, 8)" in f.message and "9分" in f.message
    p.indicators[1].score = D(7)
    assert run("E-SCORE-BAND", p) == []
    p.indicators[1].score = D(8)  # upper bound of a lower band is exclusive
    assert codes(run("E-SCORE-BAND", p)) == ["E-SCORE-BAND"]
    assert run("E-SCORE-BAND", clean_project()) == []


def test_entered_execution_score_above_computed():
    p = clean_project()
    p.funds.rows["total"].executed = D("48240.00")  # 60.3 %
    p.execution.score = D(10)
    (f,) = run("W-EXEC-SCORE", p)
    assert "60.30%" in f.message and "6.03" in f.message
    p.execution.score = D("6.03")
    assert run("W-EXEC-SCORE", p) == []


def test_target_set_too_low():
    p = clean_project()
    p.indicators[5].actual = "99%"
    assert run("I-TARGET-LOW", p) == []
    p.indicators[0].actual = "5人"
    (f,) = run("I-TARGET-LOW", p)
    assert "设定偏低" in f.message


def test_score_over_weight():
    p = clean_project()
    p.indicators[0].score = D(25)
    (f,) = run("E-SCORE-OVER-WEIGHT", p)
    assert f.location == {"indicator": 0, "column": "score"}
    assert run("E-SCORE-OVER-WEIGHT", clean_project()) == []
