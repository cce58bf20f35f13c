"""Outline numbering, doubled characters, placeholders, 成文日期, empty sections."""

import datetime as dt

import pytest

from desktop.model.checks import ERROR, HINT, WARNING
from desktop.model.checks.text import find_markers

from .checks_helpers import clean_project, codes, run


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("（一）项目基本情况。\n（2）资金计划、到位及使用情况。\n（三）财务管理。", "（2）"),
        ("一、项目概况\n三、项目实施", "三、"),
        ("1.前期准备。\n1.组织实施。", "1."),
        ("（1）成立小组（3）开展调研", "（3）"),
        ("1.评估程序。\n3.评估方法。", "3."),
    ],
)
def test_outline_numbering_slips(text, quoted):
    p = clean_project()
    p.sections["method"] = text
    findings = run("W-OUTLINE-NUMBER", p)
    assert findings, text
    f = findings[0]
    assert f.severity == WARNING and f"“{quoted}”" in f.message
    assert text[f.location["start"] : f.location["end"]] == quoted


@pytest.mark.parametrize(
    "text",
    [
        "1.前期准备。\n（1）成立小组（2）开展调研\n2.组织实施。\n（1）下达方案（2）调查",
        "一、概况\n（一）基本情况\n（二）目标\n二、资金",
        "1.概况。\n2. 2022年预算安排8万元，实际执行1.5万元。",
        "按照攀信联办〔2022〕34号文件（第2条）执行。",
    ],
)
def test_outline_numbering_passes(text):
    p = clean_project()
    p.sections["method"] = text
    assert run("W-OUTLINE-NUMBER", p) == []


def test_markers():
    assert [m.text for m in find_markers("一、甲\n（一）乙\n1.丙（1）丁")] == [
        "一、",
        "（一）",
        "1.",
        "（1）",
    ]


@pytest.mark.parametrize("text", ["为为深入贯彻落实", "这是的的确确", "完成了了工作"])
def test_doubled_characters(text):
    p = clean_project()
    p.sections["goals"] = text
    found = [f for f in run("W-DOUBLED-CHAR", p) if f.code == "W-DOUBLED-CHAR"]
    if "的的确确" in text:
        assert found == []  # AABB
    else:
        assert found and found[0].severity == WARNING


@pytest.mark.parametrize(
    "text",
    [
        "常常深入基层，人人参与，天天值班，年年如此，个个尽责，谢谢，渐渐，刚刚。",
        "认认真真，扎扎实实，实实在在。",
        "市公安局局长周强，符合法律法规规定，攀枝花市市级目标，民工工资，项目目标。",
        "实现项目目的的重要保障，层层排查。",
        "人民民主，支出出现问题，办公公开，财政政策，全面面向基层，考核核实，检查查处。",
    ],
)
def test_legitimate_reduplications(text):
    p = clean_project()
    p.sections["goals"] = text
    assert run("W-DOUBLED-CHAR", p) == []


def test_doubled_word_is_a_hint():
    p = clean_project()
    p.sections["management"] = "用考核和监督压实压实信访化解责任"
    (f,) = run("W-DOUBLED-CHAR", p)
    assert (f.severity, f.code) == (HINT, "I-DOUBLED-WORD") and "压实压实" in f.message


def test_placeholders():
    p = clean_project()
    p.sections["method"] = "{unit}成立自评工作组（填写成立时间），XX月完成，负责人××，电话____。"
    found = run("E-PLACEHOLDER", p)
    assert codes(found).count("E-PLACEHOLDER") == 2
    assert codes(found).count("W-PLACEHOLDER") == 3
    assert any(f.severity == ERROR and "{unit}" in f.message for f in found)
    p.goals.target = "保障{year}年经费"
    assert any(f.location == {"project": "goal_target"} for f in run("E-PLACEHOLDER", p))
    assert run("E-PLACEHOLDER", clean_project()) == []


@pytest.mark.parametrize(
    ("date", "ok"),
    [
        (dt.date(2024, 1, 25), True),
        (dt.date(2023, 1, 1), True),
        (dt.date(2024, 12, 31), True),
        (dt.date(2022, 12, 31), False),
        (dt.date(2025, 1, 1), False),
    ],
)
def test_signed_date_window(date, ok):
    p = clean_project()
    p.signed_date = date
    found = run("W-DATE", p)
    assert (found == []) == ok
    if not ok:
        assert f"{date.year}年{date.month}月{date.day}日" in found[0].message


def test_signed_date_missing_is_a_hint():
    p = clean_project()
    p.signed_date = None
    assert codes(run("W-DATE", p)) == ["I-DATE-MISSING"]


def test_empty_required_section():
    p = clean_project()
    p.sections["problems"] = "  "
    (f,) = run("E-SECTION-EMPTY", p)
    assert f.location == {"section": "problems"} and "存在的问题" in f.message
    assert "。”" not in f.message  # the heading's full stop is not quoted
