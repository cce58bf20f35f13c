"""W-TEXT-LIMIT: a text longer than the cell the province's 自评表 gives it (四川 100 / 200 字)."""

from __future__ import annotations

from desktop.model.checks import WARNING
from desktop.model.checks.limits import char_count
from tests.dept_helpers import department_project
from tests.model.checks_helpers import clean_project, run


def _sichuan():
    p = clean_project()
    p.profile = "sichuan-2023"
    return p


def test_a_closing_text_over_200_characters_names_the_limit_and_the_rule():
    p = _sichuan()
    p.sections["conclusion"] = "经自评，" + "各项指标均已完成" * 25  # 4 + 200 字
    (f,) = run("W-TEXT-LIMIT", p)
    assert f.severity == WARNING
    assert "“评价结论”有204字，超过200字的限制" in f.message
    assert "四川" in f.message and "要求200字以内" in f.message
    assert f.location == {"section": "conclusion", "start": 0, "end": 204}
    p.sections["conclusion"] = "各项指标均已完成" * 25  # exactly 200
    assert run("W-TEXT-LIMIT", p) == []


def test_the_execution_reason_and_the_goal_text_have_100_characters():
    p = _sichuan()
    p.extra["execution_reason"] = "因项目延期，" * 17  # 102 字
    p.goals.actual = "按时足额发放工资。" * 12  # 108 字
    found = {f.location.get("project"): f.message for f in run("W-TEXT-LIMIT", p)}
    assert "超过100字" in found["execution_reason"] and "“原因”有102字" in found["execution_reason"]
    assert "“年度目标完成情况”有108字" in found["goal_actual"]
    p.extra["execution_reason"] = "因项目延期，" * 16  # 96 字
    p.goals.actual = "按时足额发放工资。"
    assert run("W-TEXT-LIMIT", p) == []


def test_spaces_and_line_breaks_are_not_counted():
    assert char_count("一 二\n三\u3000四") == 4
    p = _sichuan()
    p.sections["problems"] = "\n".join(["存在问题说明。"] * 28) + "\n\n"  # 196 字 with breaks
    assert run("W-TEXT-LIMIT", p) == []


def test_forms_without_limits_are_left_alone():
    p = clean_project()  # mof-2020 prints no limit
    p.sections["conclusion"] = "各项指标均已完成" * 100
    assert run("W-TEXT-LIMIT", p) == []
    dept = department_project("sichuan-2023")  # 四川 has no department table: national layout
    dept.sections["problems"] = "问题" * 300
    assert run("W-TEXT-LIMIT", dept) == []
