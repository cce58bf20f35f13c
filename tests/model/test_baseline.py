"""Approved targets (批复的绩效目标) against the project's indicators."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.baseline import BaselineIndicator, compare, from_indicators, normalised
from desktop.model.project import Indicator
from tests.model.checks_helpers import clean_project, run

D = Decimal


def test_recording_takes_names_targets_and_weights_of_the_rows():
    project = clean_project()
    baseline = from_indicators(project.indicators)
    assert [b.level3 for b in baseline] == [i.level3 for i in project.indicators]
    assert baseline[0] == BaselineIndicator("产出指标", "数量指标", "保安人员数量", "≥2人", D(20))


def test_blank_rows_are_not_recorded():
    assert from_indicators([Indicator(), Indicator(level3="  ")]) == []


def test_a_changed_target_is_found_naming_both_values():
    project = clean_project()
    project.baseline = from_indicators(project.indicators)
    project.indicators[0].target = "≥1人"
    (finding,) = run("E-BASELINE-CHANGED", project)
    assert finding.severity == "错误"
    assert "保安人员数量" in finding.message
    assert "“≥1人”" in finding.message and "“≥2人”" in finding.message
    assert finding.location == {"indicator": 0, "column": "target"}


def test_a_changed_weight_is_found_naming_both_values():
    project = clean_project()
    project.baseline = from_indicators(project.indicators)
    project.indicators[2].weight = D(15)
    (finding,) = run("E-BASELINE-CHANGED", project)
    assert "保障时限" in finding.message and "15" in finding.message and "10" in finding.message
    assert finding.location == {"indicator": 2, "column": "weight"}


def test_an_approved_indicator_that_disappeared_is_found():
    project = clean_project()
    project.baseline = from_indicators(project.indicators)
    del project.indicators[5]
    findings = [f for f in run("E-BASELINE-CHANGED", project) if f.code == "E-BASELINE-MISSING"]
    assert len(findings) == 1
    assert "群众满意度" in findings[0].message and "≥90%" in findings[0].message


def test_an_indicator_added_after_approval_is_a_hint():
    project = clean_project()
    project.baseline = from_indicators(project.indicators)
    project.indicators.append(Indicator("产出指标", "数量指标", "巡逻次数", "≥300次"))
    (finding,) = run("E-BASELINE-CHANGED", project)
    assert finding.code == "I-BASELINE-ADDED" and finding.severity == "提示"
    assert finding.location == {"indicator": 6, "column": "level3"}


def test_spelling_of_signs_and_spaces_is_not_a_change():
    project = clean_project()
    project.baseline = from_indicators(project.indicators)
    project.indicators[0].target = "≧ 2 人"
    project.indicators[5].target = "≥９０％"
    assert run("E-BASELINE-CHANGED", project) == []
    assert normalised("≧ 2 人") == normalised("≥2人")


def test_same_project_passes_and_no_baseline_means_no_finding():
    project = clean_project()
    project.baseline = from_indicators(project.indicators)
    assert run("E-BASELINE-CHANGED", project) == []
    project.baseline = []
    project.indicators[0].target = "≥5人"
    assert run("E-BASELINE-CHANGED", project) == []


def test_reordered_rows_are_matched_by_name():
    project = clean_project()
    project.baseline = from_indicators(project.indicators)
    project.indicators.reverse()
    assert compare(project.baseline, project.indicators) == []


def test_baseline_without_weights_does_not_judge_weights():
    project = clean_project()
    project.baseline = [
        BaselineIndicator(i.level1, i.level2, i.level3, i.target, None) for i in project.indicators
    ]
    project.indicators[0].weight = D(25)
    assert run("E-BASELINE-CHANGED", project) == []
