"""Sections under headings the form does not know are printed where the document had them."""

from __future__ import annotations

import re

from desktop.exchange.pdf.document import render_report_pdf
from desktop.exchange.text.importer import import_text
from desktop.model.forms import load_form
from tests.exchange.pdfread import page_lines, page_texts


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


REPORT = """项目支出绩效自评报告（保安费用）
一、项目概况
（一）项目基本情况
保障本年度内两名保安人员的经费，2023年预算安排8万元，实际执行8万元。
（二）项目组织实施情况
按计划组织实施。
二、项目绩效情况
全年保障到位。
三、创新做法和经验
建立保安巡逻台账，每日记录。
四、存在的问题
无。
攀枝花市西区信访局
2024年1月25日
"""


def test_an_unknown_heading_is_printed_with_its_text_in_its_place():
    (project,) = import_text(REPORT).projects
    extras = {e["title"]: e["after"] for e in project.extra["extra_sections"]}
    assert extras["三、创新做法和经验"] == "performance"
    form = load_form(project.form)
    data = render_report_pdf(project, form)
    text = _flat("".join(page_texts(data)))
    assert "三、创新做法和经验建立保安巡逻台账，每日记录。" in text
    assert text.index("全年保障到位") < text.index("创新做法和经验") < text.index("存在的问题")
    heading = next(
        line for page in page_lines(data) for line in page if "创新做法和经验" in line[2]
    )
    top = _flat(next(e.title for e in form.outline if e.level == 1))
    known = next(line for page in page_lines(data) for line in page if _flat(line[2]) == top)
    assert heading[3][0]["fontname"] == known[3][0]["fontname"]  # printed as a 一、 heading
    sub = next(line for page in page_lines(data) for line in page if "项目组织实施情况" in line[2])
    assert sub[3][0]["fontname"] != known[3][0]["fontname"]  # a （二） heading
