"""Text import of the real seeds: projects, sections, funds, indicators; nothing dropped."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.exchange.text.facts import parse_date_line
from desktop.exchange.text.files import import_file
from desktop.exchange.text.importer import ImportResult, import_text
from desktop.exchange.text.outline import form_outline, squash
from desktop.exchange.text.report import outlines, title_form
from desktop.exchange.text.table import classify
from desktop.model.project import Project

SEED_003 = "003_0bef1ca0c8c97894.txt"
SEED_000 = "000_cdb5fd7bd89dc735.txt"
WAN = Decimal(10000)


def blob(project: Project) -> str:
    """Every string the project holds, squashed (for 'nothing dropped')."""
    parts = [project.name, project.unit.name, project.goals.target, project.goals.actual]
    parts += list(project.sections.values())
    parts += [str(v) for v in project.extra.values()]
    for ind in project.indicators:
        parts += [ind.level1, ind.level2, ind.level3, ind.target, ind.actual, ind.deviation]
    return squash("\n".join(parts))


def structural(line: str) -> str | None:
    """What of a source line must be found in the result ('' for pure structure)."""
    flat = squash(line.replace("[bookmark: _GoBack]", ""))
    if not flat or title_form(line, outlines()) is not None:
        return ""
    if flat.startswith("（") and flat.endswith("）") and len(flat) < 30:
        return ""  # the project name line
    for outline in outlines():
        match = outline.match(line)
        if match is not None:
            return squash(match.inline)
        if outline.table.column_of(line) is not None:
            return ""
        if classify(outline.form, flat, "")[0] != "value":
            return ""
    return flat


@pytest.fixture
def seed003(seeds_dir: Path) -> ImportResult:
    return import_file(seeds_dir / SEED_003)


@pytest.fixture
def seed000(seeds_dir: Path) -> ImportResult:
    return import_file(seeds_dir / SEED_000)


def test_seed_003_gives_four_projects_with_names_unit_year(seed003: ImportResult) -> None:
    names = [p.name for p in seed003.projects]
    assert names == ["保安费用", "接访费用", "矛盾化解和疑难信访问题费用", "驻京驻蓉信访维稳经费"]
    for project in seed003.projects:
        assert project.unit.name == "攀枝花市西区信访局"
        assert project.year == 2023
        assert project.form == "self_evaluation"
        assert project.status == "draft"


def test_seed_003_funds(seed003: ImportResult) -> None:
    expected = {
        "保安费用": (8, 8, 8),
        "接访费用": (2, 2, 2),
        "矛盾化解和疑难信访问题费用": (8, 8, 8),
        "驻京驻蓉信访维稳经费": (5, 15, 15),
    }
    for project in seed003.projects:
        total = project.funds.rows["total"]
        initial, full_year, executed = expected[project.name]
        assert (total.initial, total.full_year, total.executed) == (
            initial * WAN,
            full_year * WAN,
            executed * WAN,
        )
        assert isinstance(total.initial, Decimal)


def test_seed_003_sections_and_six_indicator_rows(seed003: ImportResult) -> None:
    keys = {e.key for e in form_outline("self_evaluation").form.sections()}
    for project in seed003.projects:
        assert set(project.sections) == keys - {"performance"}
        assert len(project.indicators) == 6
        levels = [(i.level1, i.level2) for i in project.indicators]
        assert levels == [
            ("产出指标", "数量指标"),
            ("产出指标", "质量指标"),
            ("产出指标", "时效指标"),
            ("产出指标", "成本指标"),
            ("效益指标", "社会效益"),
            ("满意度指标", "服务对象满意度"),
        ]
        assert all(i.weight is None and i.score is None for i in project.indicators)
    guard = seed003.projects[0]
    assert guard.indicators[3].target == "80000"
    assert guard.indicators[5].level3 == "满意"
    assert guard.sections["problems"] == "无。"
    assert guard.sections["organisation"].startswith("该笔资金来源渠道的合法合规")
    assert (
        guard.sections["funds_usage"]
        == "该项目资金年初预算8万元，区财政已及时拨付到位，全年完成数8万元。"
    )


def test_seed_003_artefact_stripped_and_reported(seed003: ImportResult) -> None:
    last = seed003.projects[-1]
    assert "[bookmark" not in last.sections["conclusion"]
    assert last.sections["conclusion"].startswith("该项目资金预期产出")
    assert any("[bookmark: _GoBack]" in line for line in seed003.report)


def test_seed_003_numbering_variant_reported(seed003: ImportResult) -> None:
    assert any("第25行" in line and "（二）" in line for line in seed003.report)


def test_seed_000_is_one_evaluation_report(seed000: ImportResult) -> None:
    assert len(seed000.projects) == 1
    project = seed000.projects[0]
    assert project.form == "evaluation"
    assert project.unit.name == "昆明市呈贡区信访局"
    assert project.year == 2023
    assert project.signed_date == dt.date(2024, 1, 25)
    total = project.funds.rows["total"]
    assert total.initial == Decimal("100000.00")
    assert total.full_year == Decimal("349000.00")
    assert total.executed == Decimal("210400.00")
    keys = {e.key for e in form_outline("evaluation").form.sections()}
    assert set(project.sections) == keys
    assert project.sections["application"].startswith("一是加强对预算管理")
    assert project.sections["other"] == "无"
    assert project.sections["problems"].startswith("2023年信访维稳工作压力持续增大")
    assert "昆明市呈贡区信访局" not in project.sections["other"]
    assert any("基本情况" in line and "缺少编号" in line for line in seed000.report)


@pytest.mark.parametrize("seed", [SEED_003, SEED_000])
def test_nothing_dropped(seeds_dir: Path, seed: str) -> None:
    text = (seeds_dir / seed).read_text(encoding="utf-8")
    result = import_text(text)
    everything = "".join(blob(p) for p in result.projects)
    for number, line in enumerate(text.splitlines(), 1):
        must = structural(line)
        if must and parse_date_line(line) is None:  # the date is the project's 成文日期
            assert must in everything, f"line {number} lost: {line!r}"


def test_import_text_with_unit_and_year_overrides(seeds_dir: Path) -> None:
    text = (seeds_dir / SEED_000).read_text(encoding="utf-8")
    result = import_text(text, unit="某区信访局", year=2022)
    assert result.projects[0].unit.name == "某区信访局"
    assert result.projects[0].year == 2022


def test_chinese_numerals_and_yuan_amounts() -> None:
    text = "\n".join(
        [
            "某县信访局项目支出绩效自评报告（维稳经费）",
            "一、项目概况",
            "（一）项目基本情况。2023年预算安排五万元。",
            "二、项目资金申报及使用情况",
            "（二）资金计划、到位及使用情况。该项目资金年初预算50,000元，追加二十四点五万元，全年完成数74500元。",
        ]
    )
    project = import_text(text).projects[0]
    total = project.funds.rows["total"]
    assert total.initial == Decimal("50000.00")
    assert total.full_year == Decimal("295000.00")
    assert total.executed == Decimal("74500.00")
    assert project.unit.name == "某县信访局"
    assert project.name == "维稳经费"
    assert project.sections["basic_info"] == "2023年预算安排五万元。"
