"""What the text claims against the table: "all met", and "无" problems on a deducted score."""

from decimal import Decimal

from desktop.model.checks import WARNING

from .checks_helpers import clean_project, run

D = Decimal


def test_text_claims_all_met_while_an_indicator_is_missed():
    p = clean_project()
    p.indicators[0].actual, p.indicators[0].score = "1人", D(10)
    p.indicators[0].deviation = "一名保安年中离职"
    (f,) = run("W-CLAIM-ALL-MET", p)
    assert f.severity == WARNING
    assert "文中称“各项指标均已完成”" in f.message
    assert "“保安人员数量”未完全达成（得分10分，分值20分）" in f.message
    text = p.sections["performance"]
    assert text[f.location["start"] : f.location["end"]] == "各项指标均已完成"
    assert run("W-CLAIM-ALL-MET", clean_project()) == []


def test_claim_of_good_achievement_against_an_unscored_miss():
    p = clean_project()
    p.sections["performance"] = "问卷调查满意度95%。"
    p.sections["conclusion"] = "项目较好实现了年度绩效目标。"
    p.indicators[5].actual = "85%"  # ≥90%: the suggestion is below the 分值
    p.indicators[5].score = None
    (f,) = run("W-CLAIM-ALL-MET", p)
    assert "“较好实现了年度绩效目标”" in f.message and "实际完成“85%”" in f.message
    assert f.location["section"] == "conclusion"


def test_hedged_claims_are_not_claims():
    p = clean_project()
    p.indicators[0].actual, p.indicators[0].score = "1人", D(10)
    p.sections["performance"] = "除保安人员数量外，其余各项指标均已完成。问卷调查满意度95%。"
    assert run("W-CLAIM-ALL-MET", p) == []


def test_problems_and_remedies_both_none_on_an_imperfect_score():
    p = clean_project()
    p.indicators[4].score = D(27)
    p.indicators[4].deviation = "个别事项办理超期"
    p.sections["suggestions"] = "无"
    (f,) = run("W-PROBLEMS-NONE", p)
    assert f.severity == WARNING
    assert "存在的问题和相关建议均写“无。”，但指标“信访工作顺利开展”未完全达成" in f.message
    assert f.location == {"section": "problems", "start": 0, "end": 2}
    p.sections["suggestions"] = "加强信访事项办理时限管理。"
    assert run("W-PROBLEMS-NONE", p) == []
    assert run("W-PROBLEMS-NONE", clean_project()) == []


def test_problems_none_with_full_indicators_but_low_execution():
    p = clean_project()
    for source in ("total", "fiscal"):
        p.funds.rows[source].executed = D("64000.00")
    (f,) = run("W-PROBLEMS-NONE", p)
    assert "预算执行率只有80.00%" in f.message
    # A few unspent yuan (98 %) with every indicator met: "无" is fair.
    for source in ("total", "fiscal"):
        p.funds.rows[source].executed = D("78600.00")
    assert run("W-PROBLEMS-NONE", p) == []


def test_problems_none_with_a_stated_score_below_what_execution_leaves():
    p = clean_project()
    p.indicators = []
    p.extra["claimed_score"] = "92"
    (f,) = run("W-PROBLEMS-NONE", p)
    assert "报告自评得分92分" in f.message
    p.extra["claimed_score"] = "100"
    assert run("W-PROBLEMS-NONE", p) == []
