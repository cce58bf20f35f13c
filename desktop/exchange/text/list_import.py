"""Projects from a document that lists many projects with their amounts (project_list.py): one
draft project per row, its funds from the row; the document's title, year and 合计 kept."""

from __future__ import annotations

import re

from desktop.exchange.text import facts as text_facts
from desktop.exchange.text.document import DocumentFacts, resolve_unit
from desktop.exchange.text.missing import NotStated
from desktop.exchange.text.project_list import ProjectList
from desktop.exchange.text.sheet import Sheet
from desktop.exchange.text.walk import ImportResult, LineMark
from desktop.model.forms import Form
from desktop.model.money import fmt_plain, fmt_wan
from desktop.model.project import YEAR_MAX, YEAR_MIN, FundsRow, Project, Unit

DOCUMENT_KIND = "execution-table"


def list_year(doc: DocumentFacts, lines: list[str], year: int | None, where: str) -> int:
    """The year the list is of: given, in the title, else in the text."""
    m = re.search(r"(20\d{2})\s*年", doc.title or _first_line(lines))
    found = year or (int(m.group(1)) if m else text_facts.find_year("\n".join(lines), "", None))
    if found is None or not YEAR_MIN <= found <= YEAR_MAX:
        raise NotStated(where, "year")
    return found


def _first_line(lines: list[str]) -> str:
    """The document's first line when it reads as a title (short, not a sentence)."""
    first = next((x.strip() for x in lines if x.strip()), "")
    if len(first) <= 60 and not re.search(r"[。；;，,|｜:：]", first):
        return first
    return ""


def import_list(
    plist: ProjectList,
    doc: DocumentFacts,
    lines: list[str],
    form: Form,
    help_: tuple[str | None, int | None],
    where: str,
    result: ImportResult,
) -> None:
    """Add one project per listed row to ``result`` (unit and year from help or the text)."""
    year = list_year(doc, lines, help_[1], where)
    unit_name, department = resolve_unit(doc, Sheet(), doc.title, lines, "\n".join(lines))
    unit_name = help_[0] or unit_name
    if not unit_name:
        raise NotStated(where, "unit")
    title = doc.title or _first_line(lines)
    seen: set[str] = set()
    for row in plist.projects:
        name = row.name
        n = 2
        while name in seen:
            name, n = f"{row.name}（{n}）", n + 1
        seen.add(name)
        project = Project(
            unit=Unit(name=unit_name, department=department), year=year, name=name, form=form.key
        )
        if row.amounts:
            project.funds.rows["total"] = FundsRow(
                "total",
                row.amounts.get("initial"),
                row.amounts.get("full_year"),
                row.amounts.get("executed"),
            )
        if title:
            project.extra["title"] = title
        project.extra["document_kind"] = DOCUMENT_KIND
        if row.owner:
            project.extra["responsible"] = row.owner
        if plist.totals:
            project.extra["document_funds"] = {k: fmt_plain(v) for k, v in plist.totals.items()}
        project.signed_date = doc.signed
        result.projects.append(project)
        result.anchors.append({"": plist.first_line})
        executed = row.amounts.get("executed")
        budget = row.amounts.get("full_year") or row.amounts.get("initial")
        result.report.append(
            f"项目“{name}”（{unit_name}，{year}年度，取自项目清单）："
            f"预算 {fmt_wan(budget)} 万元，执行 {fmt_wan(executed)} 万元"
        )
    result.marks.append(LineMark(plist.first_line, "table"))
    result.report.append(
        f"{where}：文档是项目清单（每行一个项目及其金额），已按行建立 {len(plist.projects)} 个"
        "项目草稿；报告正文和绩效指标请逐个补写"
    )
