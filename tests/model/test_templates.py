"""Template filling: the form's placeholders become the project's figures."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.forms import available_forms, load_form
from desktop.model.project import FundsRow
from desktop.model.templates import BLANK, fill_template, placeholders, template_values


def test_fills_funds_in_wan_and_rate(sample_project):
    form = load_form("self_evaluation")
    sample_project.funds.rows["total"] = FundsRow(
        "total", Decimal("50000"), Decimal("150000"), Decimal("90432.10")
    )
    text = fill_template(form.section("funds_usage").template, sample_project, form)
    assert "年初预算5.00万元" in text
    assert "全年预算15.00万元" in text
    assert "全年执行9.04万元" in text
    assert "预算执行率60.29%" in text


def test_unit_year_and_goal(sample_project):
    form = load_form("self_evaluation")
    assert fill_template("{unit}{year}年{name}", sample_project, form) == (
        "攀枝花市西区信访局2023年保安费用"
    )
    assert fill_template("{prev_year}", sample_project, form) == "2022"
    assert "两名保安人员" in fill_template("{goal_target}", sample_project, form)


def test_missing_data_and_unknown_placeholders(sample_project):
    form = load_form("self_evaluation")
    sample_project.funds.rows.clear()
    assert fill_template("执行{executed_wan}万元", sample_project, form) == f"执行{BLANK}万元"
    assert fill_template("{nonsense} {x", sample_project, form) == "{nonsense} {x"


def test_score_and_grade(sample_project):
    form = load_form("self_evaluation")
    values = template_values(sample_project, form)
    assert values["total_score"] == "100"
    assert values["grade"] == "优"
    assert values["signed_date"] == "2024年1月25日"


def test_every_form_template_is_known():
    for key in available_forms():
        form = load_form(key)
        for entry in form.sections():
            for name in placeholders(entry.template):
                assert name in template_values_keys(), f"{key}.{entry.key}: {{{name}}}"


def template_values_keys() -> set[str]:
    from desktop.model.project import Project, Unit

    return set(template_values(Project(Unit("u"), 2023, "p"), load_form("self_evaluation")))
