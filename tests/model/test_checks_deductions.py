"""Scores and reasons: qualitative actuals, deductions, low execution, budget changes, costs,
满意度 surveys."""

from decimal import Decimal

from desktop.model.checks import HINT, WARNING
from desktop.model.forms import load_form
from desktop.model.scoring import suggest

from .checks_helpers import clean_project, codes, run

D = Decimal
FORM = load_form("self_evaluation")


def test_quantitative_target_with_qualitative_actual_gets_no_full_suggestion():
    p = clean_project()
    ind = p.indicators[0]  # ≥2人
    ind.actual = "完成"
    assert suggest(ind, FORM).score is None  # was full marks through the 达成 band
    (f,) = run("W-QUAL-ACTUAL", p)
    assert (f.severity, f.code) == (WARNING, "W-QUAL-ACTUAL")
    assert "指标值“≥2人”是定量的，实际完成值却写“完成”" in f.message and "满分20分" in f.message
    assert f.location == {"indicator": 0, "column": "actual"}
    ind.score = D(15)
    (f,) = run("W-QUAL-ACTUAL", p)
    assert (f.severity, f.code) == (HINT, "I-QUAL-ACTUAL")
    assert run("W-QUAL-ACTUAL", clean_project()) == []


def test_zero_target_with_none_happened_is_numeric_enough():
    p = clean_project()
    p.indicators[2].target, p.indicators[2].actual = "≤0起", "未发生"
    assert run("W-QUAL-ACTUAL", p) == []


def test_deducted_indicator_without_reason_is_a_warning_whatever_the_suggestion():
    p = clean_project()
    p.indicators[4].score = D(27)  # qualitative 达成: suggestion 30, band allows 24–30
    (f,) = run("W-DEDUCT-NO-REASON", p)
    assert f.severity == WARNING
    assert "“信访工作顺利开展”得分27分，低于分值30分（建议得分30分）" in f.message
    assert f.location == {"indicator": 4, "column": "deviation"}
    p.indicators[4].deviation = "个别信访事项办理超期，已督促整改"
    assert run("W-DEDUCT-NO-REASON", p) == []
    assert run("W-DEDUCT-NO-REASON", clean_project()) == []


def test_many_deductions_without_reason_are_one_finding():
    p = clean_project()
    for ind in p.indicators[:4]:
        ind.score = ind.weight - 1
    (f,) = run("W-DEDUCT-NO-REASON", p)
    assert "4项扣了分" in f.message and "“保安人员数量”（得分19分，低于分值20分）" in f.message


def test_score_a_little_above_the_suggestion_stays_a_hint():
    p = clean_project()
    p.indicators[0].target, p.indicators[0].actual = "≥10人", "9人"  # suggestion 18
    assert codes(run("I-SCORE-SUGGESTION", p)) == ["I-SCORE-SUGGESTION"]
    assert run("W-DEDUCT-NO-REASON", p) == []


def _spent(p, executed: str, full_year: str | None = None, initial: str | None = None):
    for source in ("total", "fiscal"):
        row = p.funds.rows[source]
        row.executed = D(executed)
        if full_year is not None:
            row.full_year = D(full_year)
        if initial is not None:
            row.initial = D(initial)


def test_low_execution_without_reason():
    p = clean_project()
    _spent(p, "60000.00")  # 75 %
    (f,) = run("W-EXEC-NO-REASON", p)
    assert f.severity == WARNING and "预算执行率为75.00%，低于90.00%" in f.message
    assert f.location == {"funds": "total", "column": "executed"}
    p.sections["funds_usage"] += "由于部分保安服务费用尚未结算，资金未全部支付。"
    assert run("W-EXEC-NO-REASON", p) == []
    # A reason in the 偏差原因 of an indicator counts too.
    p = clean_project()
    _spent(p, "60000.00")
    p.indicators[3].deviation = "因合同延期，尾款于次年支付"
    assert run("W-EXEC-NO-REASON", p) == []
    # At 90 % or above no reason is asked for.
    p = clean_project()
    _spent(p, "72000.00")
    assert run("W-EXEC-NO-REASON", p) == []


def test_method_sentence_is_not_a_reason():
    p = clean_project()
    _spent(p, "60000.00")
    p.sections["method"] = "采用比较法、因素分析法对资金使用情况开展自评。"
    assert codes(run("W-EXEC-NO-REASON", p)) == ["W-EXEC-NO-REASON"]


def test_budget_change_without_reason():
    p = clean_project()
    _spent(p, "150000.00", full_year="150000.00", initial="50000.00")
    (f,) = run("W-BUDGET-CHANGE-NO-REASON", p)
    assert f.severity == WARNING
    assert "年初预算数5.00万元，全年预算数15.00万元，年中追加10.00万元" in f.message
    assert f.location == {"funds": "total", "column": "full_year"}
    p.sections["funds_usage"] += "根据驻京值班任务增加，年中追加预算10万元。"
    assert run("W-BUDGET-CHANGE-NO-REASON", p) == []
    assert run("W-BUDGET-CHANGE-NO-REASON", clean_project()) == []


def test_budget_from_zero_without_reason():
    p = clean_project()
    _spent(p, "80000.00", initial="0")
    (f,) = run("W-BUDGET-CHANGE-NO-REASON", p)
    assert "年初预算数为0，全年预算数8.00万元全部为年中追加" in f.message


def test_cost_actual_copied_from_target():
    p = clean_project(budget="120000.00")
    p.indicators[3].target, p.indicators[3].actual = "≤12万元", "12万元"
    _spent(p, "109000.00")
    p.sections["funds_usage"] += "因保安服务合同价格下降，节约资金1.1万元。"
    (f,) = run("W-COST-COPIED", p)
    assert f.severity == WARNING
    assert "实际完成值“12万元”与指标值“≤12万元”相同，但资金表的全年执行数为10.90万元" in f.message
    assert f.location == {"indicator": 3, "column": "actual"}
    p.indicators[3].actual = "10.9万元"
    assert run("W-COST-COPIED", p) == []
    assert run("W-COST-COPIED", clean_project()) == []


def test_unit_cost_equal_to_its_target_is_not_a_copy():
    p = clean_project(budget="120000.00")
    p.indicators[3].target, p.indicators[3].actual = "≤3000元/人", "3000元/人"
    _spent(p, "109000.00")
    assert run("W-COST-COPIED", p) == []


def test_satisfaction_without_survey():
    p = clean_project()
    p.sections["performance"] = "群众满意度为95%。"
    (f,) = run("I-SAT-NO-SURVEY", p)
    assert f.severity == HINT and "满意度指标“群众满意度”填报了实际完成值“95%”" in f.message
    assert f.location == {"indicator": 5, "column": "actual"}
    p.indicators[5].actual = "95%（电话回访120人）"
    assert run("I-SAT-NO-SURVEY", p) == []
    assert run("I-SAT-NO-SURVEY", clean_project()) == []


def test_the_rule_profile_names_its_own_requirement():
    p = clean_project()
    p.profile = "sichuan-2023"
    _spent(p, "60000.00", initial="50000.00")
    (f,) = run("W-EXEC-NO-REASON", p)
    assert "四川" in f.message and "要求说明原因" in f.message
    (f,) = run("W-BUDGET-CHANGE-NO-REASON", p)
    assert "要求单独说明理由" in f.message
    p.profile = "mof-2020"  # the national form prints no such rule: the form's default
    (f,) = run("W-EXEC-NO-REASON", p)
    assert "要求" not in f.message
