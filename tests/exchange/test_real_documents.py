"""Real published reports that were refused or landed wrong, each as the document states it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop.exchange.text.importer import import_text
from tests.exchange.real_corpus import document_text

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _import(prefix: str):
    (path,) = sorted(REAL.glob(f"{prefix}_*.txt"))
    return import_text(document_text(path)).projects


def test_a_page_title_over_the_document_title_is_one_report_by_its_author():
    """004: the page's title, its "【作者:县政协办】" line, then the document's own title."""
    (project,) = _import("004")
    assert (project.unit.name, project.year, project.form) == ("县政协", 2021, "department")


def test_a_township_report_is_its_government_s_and_an_attachment_number_is_no_title():
    """102: "附件3 / 田心乡部门整体支出绩效自评报告 / (2022年度)"."""
    (project,) = _import("102")
    assert project.unit.name == "田心乡人民政府"
    assert project.extra["title"] == "田心乡部门整体支出绩效自评报告"


def test_a_narrative_without_a_title_takes_its_unit_from_the_attached_table():
    """019: the 绩效目标自评表 names 资金使用单位; its funds table has no 年初预算数 column, the
    text says 财政年初预算40万元."""
    (project,) = _import("019")
    assert project.unit.name == "梓潼县人大常委会办公室"
    assert project.name == "人大代表之家建设"
    total = project.funds.rows["total"]
    assert (total.initial, total.full_year, total.executed) == (Decimal(400000),) * 3


def test_a_page_with_its_metadata_block_and_two_title_lines():
    """013: 发布机构 block, the title with the project in brackets, then the title again."""
    (project,) = _import("013")
    assert (project.unit.name, project.year, project.name) == (
        "保山市卫生健康委员会",
        2022,
        "春节慰问经费项目",
    )
