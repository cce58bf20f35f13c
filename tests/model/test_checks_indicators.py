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


def test_level1_outside_the_framework():
    p = clean_project()
    p.indicators[0].level1 = "工作指标"
    (f,) = run("I-IND-LEVEL1", p)
    assert f.severity == HINT and "“工作指标”不是本表单指标体系中的一级指标" in f.message
    assert f.location == {"indicator": 0, "column": "level1"}
    p.indicators[0].level1 = "产出指标(50分)"  # the weight suffix of real tables is not a name
    assert run("I-IND-LEVEL1", p) == []
    assert run("I-IND-LEVEL1", clean_project()) == []


def test_level2_outside_its_level1():
    p = clean_project()
    p.indicators[0].level2 = "社会效益"  # a 效益指标 category under 产出指标
    (f,) = run("I-IND-LEVEL2", p)
    assert "“社会效益”不是“产出指标”下的二级指标" in f.message
    assert f.location == {"indicator": 0, "column": "level2"}
    assert run("I-IND-LEVEL2", clean_project()) == []


def test_actual_in_another_unit_than_the_target():
    p = clean_project()
    p.indicators[0].actual = "2次"  # target ≥2人
    (f,) = run("W-IND-UNIT", p)
    assert f.severity == WARNING and "单位“次”与年度指标值的单位“人”不一致" in f.message
    assert f.location == {"indicator": 0, "column": "actual"}
    p.indicators[0].target, p.indicators[0].actual = "≤8万元", "80000元"  # same money
    assert run("W-IND-UNIT", p) == []
    assert run("W-IND-UNIT", clean_project()) == []


def test_the_grid_and_the_audit_share_the_row_checks():
    """What the grid shows for a row is what the 审核 reports for it, word for word."""
    from desktop.model.checks import run_checks
    from desktop.model.checks.rows import ROW_CODES, row_findings
    from desktop.model.forms import load_form

    p = clean_project()
    p.indicators[1].target = ""
    p.indicators[1].actual = "3次"
    p.indicators[0].score = D(25)
    p.indicators[0].level2 = "社会效益"
    form = load_form(p.form)
    rows = [f for r, ind in enumerate(p.indicators) for f in row_findings(ind, r, form)]
    audit = [f for f in run_checks(p, []) if f.code in ROW_CODES]
    assert sorted(rows, key=repr) == sorted(audit, key=repr)
    assert {f.code for f in rows} == {"W-IND-NO-TARGET", "E-SCORE-OVER-WEIGHT", "I-IND-LEVEL2"}
