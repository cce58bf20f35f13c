"""复制为下一年度 and the W-OLD-YEAR check."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.carry_forward import (
    carried_from_year,
    next_year_copy,
    render,
    template_values,
)
from desktop.model.checks import HINT, WARNING, run_checks
from desktop.model.checks.carry import check_old_year
from desktop.model.forms import load_form
from desktop.model.project import FundsRow, Project


def test_next_year_copy_clears_actuals_keeps_targets(sample_project: Project) -> None:
    sample_project.id = 7
    sample_project.funds.rows["total"] = FundsRow(
        "total", Decimal("50000"), Decimal("150000"), Decimal("150000")
    )
    new = next_year_copy(sample_project)
    assert (new.year, new.name, new.unit.name) == (2024, "保安费用", "攀枝花市西区信访局")
    assert new.status == "draft" and new.signed_date is None and new.id is None
    assert [i.target for i in new.indicators] == [i.target for i in sample_project.indicators]
    assert [i.weight for i in new.indicators] == [i.weight for i in sample_project.indicators]
    assert all(i.actual == "" and i.score is None and i.deviation == "" for i in new.indicators)
    total = new.funds.rows["total"]
    assert (total.initial, total.full_year, total.executed) == (
        Decimal("50000"),
        Decimal("50000"),
        None,
    )
    assert new.execution.score is None
    assert new.goals.target == sample_project.goals.target and new.goals.actual == ""
    assert new.sections == sample_project.sections  # no template text: narrative kept as is
    assert carried_from_year(new) == 2023 and carried_from_year(sample_project) is None
    # the original is untouched
    assert sample_project.indicators[0].actual == "2人"
    assert sample_project.year == 2023


def test_template_text_gets_the_new_year_and_amounts(sample_project: Project) -> None:
    form = load_form("self_evaluation")
    template = form.section("funds_usage").template  # type: ignore[union-attr]
    old_text = render(template, template_values(sample_project, form))
    assert "8.00万元" in old_text and "{" not in old_text
    basic = render(form.section("basic_info").template, template_values(sample_project, form))  # type: ignore[union-attr]
    sample_project.sections["funds_usage"] = old_text
    sample_project.sections["basic_info"] = basic + "另有说明。"
    new = next_year_copy(sample_project)
    assert new.sections["basic_info"].startswith(
        "2024年预算安排8.00万元，实际执行{executed_wan}万元"
    )
    assert new.sections["basic_info"].endswith("另有说明。")
    assert "全年执行{executed_wan}万元" in new.sections["funds_usage"]
    assert "2023" not in new.sections["basic_info"]


def test_old_year_check(sample_project: Project) -> None:
    form = load_form("self_evaluation")
    sample_project.sections["basic_info"] = (
        "2023年预算安排8万元，实际执行8万元。本项目长期实施。2016年8月31日召开会议。"
    )
    assert check_old_year(sample_project, [], form) == []  # not carried forward: no finding
    new = next_year_copy(sample_project)
    findings = check_old_year(new, [], form)
    assert [(f.severity, f.code) for f in findings] == [
        (WARNING, "W-OLD-YEAR"),
        (HINT, "W-OLD-YEAR"),
    ]
    text = new.sections["basic_info"]
    first = findings[0].location
    assert first["section"] == "basic_info"
    assert text[first["start"] : first["end"]] == "2023年预算安排8万元，实际执行8万元。"
    second = findings[1].location
    assert text[second["start"] : second["end"]] == "2016年8月31日召开会议。"
    assert "W-OLD-YEAR" in {f.code for f in run_checks(new, [])}
    new.sections["basic_info"] = "2024年预算安排8万元。本项目长期实施。"
    assert check_old_year(new, [], form) == []


def test_seed_project_carried_forward(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    from desktop.exchange.text.files import import_file

    project = import_file(seeds_dir / "003_0bef1ca0c8c97894.txt").projects[3]
    assert project.name == "驻京驻蓉信访维稳经费"
    new = next_year_copy(project)
    total = new.funds.rows["total"]
    assert (total.initial, total.full_year, total.executed) == (
        Decimal("50000.00"),
        Decimal("50000.00"),
        None,
    )
    assert len(new.indicators) == 6 and new.indicators[3].target == "150000"
    findings = check_old_year(new, [], load_form(new.form))
    flagged = {
        new.sections[f.location["section"]][f.location["start"] : f.location["end"]]
        for f in findings
    }
    assert any(s.startswith("2023年2月批复") or "2023年2月批复" in s for s in flagged)
    assert all(f.severity in (WARNING, HINT) for f in findings)
