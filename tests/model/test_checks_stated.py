"""审核 of what a report states about itself: its 合计 row, its claimed score and grade."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.stated import grade_name, set_claims
from tests.model.checks_helpers import clean_project, run

D = Decimal


def _without_text_claims():
    """The clean project, its conclusion no longer stating a score or grade itself."""
    project = clean_project()
    project.sections["conclusion"] = "经自评，该项目完成了年度目标。"
    return project


def test_a_total_row_that_adds_up_is_no_finding():
    project = clean_project()
    project.extra["stated_totals"] = {"weight": "100", "score": "100"}
    assert run("E-STATED-TOTAL", project) == []


def test_a_total_row_whose_weight_is_not_the_sum_of_the_rows():
    project = clean_project()
    project.extra["stated_totals"] = {"weight": "110"}
    (finding,) = run("E-STATED-TOTAL", project)
    assert finding.message == ("自评表合计行写分值110分，但各行分值（含预算执行率10分）相加为100分")
    assert finding.location == {"indicator": 5, "column": "weight"}


def test_a_total_row_whose_score_is_not_the_sum_of_the_scores():
    project = clean_project()
    project.indicators[0].score = D(15)
    project.execution.score = D(10)
    project.extra["stated_totals"] = {"weight": "100", "score": "100"}
    (finding,) = run("E-STATED-TOTAL", project)
    assert "合计行写得分100分，但各行得分相加为95分" in finding.message


def test_a_total_row_with_unscored_rows_is_not_compared():
    project = clean_project()
    project.indicators[0].score = None
    project.extra["stated_totals"] = {"score": "100"}
    assert run("E-STATED-TOTAL", project) == []


def test_a_claimed_score_the_table_does_not_give():
    project = _without_text_claims()
    project.indicators[0].score = D(12)  # the table now totals 92
    set_claims(project, D(97), "")
    (finding,) = run("W-STATED-SCORE", project)
    assert finding.message == "报告称自评得分97分，但自评表各项得分合计为92分"
    project.extra["claimed_score"] = "92"
    assert run("W-STATED-SCORE", project) == []


def test_a_claimed_score_already_found_in_the_text_is_reported_once():
    project = clean_project()  # its conclusion says 综合得分100分
    project.indicators[0].score = D(12)
    set_claims(project, D(100), "")
    assert run("W-STATED-SCORE", project) == []
    assert run("E-SCORE-CLAIM", project)  # the narrative check reports it


def test_a_claimed_score_over_100_is_an_error_even_without_a_table():
    project = _without_text_claims()
    project.indicators = []
    set_claims(project, D(198), "")
    (finding,) = run("W-STATED-SCORE", project)
    assert finding.severity == "错误" and "198分超过满分100分" in finding.message


def test_a_claimed_grade_that_does_not_follow_from_the_claimed_score():
    project = _without_text_claims()
    project.indicators = []
    set_claims(project, D(85), "优秀")
    (finding,) = run("W-STATED-GRADE", project)
    assert finding.message == "报告称等级“优秀”，但所述自评得分85分对应的等级为“良”"
    project.extra["claimed_grade"] = "良好"
    assert run("W-STATED-GRADE", project) == []


def test_a_claimed_grade_without_a_score_against_the_table():
    project = _without_text_claims()
    project.indicators[0].score = D(0)  # 80 in all: 良
    set_claims(project, None, "优")
    (finding,) = run("W-STATED-GRADE", project)
    assert "自评表得分合计80分对应的等级为“良”" in finding.message


def test_grade_words_of_real_reports():
    grades = ((D(90), "优"), (D(80), "良"), (D(60), "中"), (D(0), "差"))
    assert [grade_name(w, grades) for w in ("优秀", "“良好”", "中", "较差", "合格")] == [
        "优",
        "良",
        "中",
        "差",
        "",
    ]
