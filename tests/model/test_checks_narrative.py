"""Claimed score, grade and execution rate against the data."""

from decimal import Decimal

from desktop.model.checks import ERROR, HINT, WARNING

from .checks_helpers import clean_project, codes, run


def _underspent():
    p = clean_project()
    p.funds.rows["total"].full_year = Decimal("349000.00")
    p.funds.rows["total"].executed = Decimal("210400.00")
    del p.funds.rows["fiscal"]
    return p


def test_claimed_100_with_60_percent_spent_is_an_error():
    p = _underspent()
    p.sections["conclusion"] = "通过项目实施部门自评，项目综合评价得分100分。"
    (f,) = run("E-SCORE-CLAIM", p)
    assert f.severity == ERROR and f.code == "E-SCORE-CLAIM"
    assert "综合评价得分100分" in f.message and "60.29%" in f.message and "96.03" in f.message
    text = p.sections["conclusion"]
    assert text[f.location["start"] : f.location["end"]] == "综合评价得分100分"


def test_claimed_score_differs_from_table_is_a_warning():
    p = clean_project()
    p.sections["conclusion"] = "经自评，该项目自评得分为95分。"
    (f,) = run("E-SCORE-CLAIM", p)
    assert (f.severity, f.code) == (WARNING, "W-SCORE-CLAIM")
    assert "自评得分为95分" in f.message and "100分" in f.message


def test_claimed_score_matching_passes():
    p = clean_project()
    p.sections["conclusion"] = "经自评，该项目自评得分为100分。"
    assert run("E-SCORE-CLAIM", p) == []


def test_grade_claim():
    p = clean_project()
    p.sections["conclusion"] = "评价等级为“良”。"
    (f,) = run("W-GRADE-CLAIM", p)
    assert "“良”" in f.message and "“优”" in f.message
    p.sections["conclusion"] = "评价等级为“优”。"
    assert run("W-GRADE-CLAIM", p) == []


def test_rate_claims():
    p = _underspent()
    p.sections["funds_usage"] = "实际支出项目资金21.04万元，完成全年预算数的60.3%。预算执行率100%。"
    findings = run("E-RATE-CLAIM", p)
    assert codes(findings) == ["E-RATE-CLAIM"]
    assert "预算执行率100%" in findings[0].message and "60.29%" in findings[0].message


def test_generic_completion_rate_is_a_hint():
    p = _underspent()
    p.sections["conclusion"] = "项目实际完成率100%，项目完成及时率100%。"
    (f,) = run("E-RATE-CLAIM", p)
    assert (f.severity, f.code) == (HINT, "I-RATE-CLAIM")
    p.sections["conclusion"] = "项目实际完成率60%，项目完成及时率100%。"
    assert run("E-RATE-CLAIM", p) == []


def test_rate_claim_passes_when_right():
    p = clean_project()
    p.sections["funds_usage"] = "预算执行率为100%，完成率100%。"
    assert run("E-RATE-CLAIM", p) == []
