"""Turn a report pasted as text (or a .txt / .docx file) into projects: sections, funds, indicators."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from desktop.exchange.text import facts as text_facts
from desktop.exchange.text.dept_facts import DEPARTMENT_FORM, apply_department, department_unit
from desktop.exchange.text.document import (
    GENERIC_NAMES,
    DocumentFacts,
    is_department_report,
    read_document,
    resolve_unit,
    title_name,
)
from desktop.exchange.text.encoding import check_size, decode_text
from desktop.exchange.text.list_import import import_list
from desktop.exchange.text.missing import NotStated
from desktop.exchange.text.outline import squash
from desktop.exchange.text.project_list import read_project_list
from desktop.exchange.text.prose import read_claims, read_prose_funds
from desktop.exchange.text.report import split_reports
from desktop.exchange.text.sheet import Sheet
from desktop.exchange.text.walk import Grids, ImportResult, LineMark, Walk, walk_chunk
from desktop.model.errors import InputError
from desktop.model.forms import Form
from desktop.model.money import fmt_plain, fmt_wan
from desktop.model.project import YEAR_MAX, YEAR_MIN, FundsRow, Goals, Project, Unit
from desktop.model.stated import set_claims

MAX_BYTES = 20 * 1024 * 1024
_COLUMN_WORDS = {"initial": "年初预算数", "full_year": "全年预算数", "executed": "全年执行数"}
# Word-processor leftovers in copied text: "[bookmark: _GoBack]", "[image: …]", "[comment: …]".
_ARTEFACT_RE = re.compile(r"\[(?:bookmark|image|comment|footnote|endnote)\s*:[^\]\n]{0,200}\]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufeff\u200b]")


def clean_lines(text: str, result: ImportResult) -> list[str]:
    """Lines of the text with artefacts and control characters removed (each noted)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for i, raw in enumerate(text.split("\n")):
        line = _CONTROL_RE.sub("", raw)
        for m in _ARTEFACT_RE.finditer(line):
            result.marks.append(LineMark(i, "artefact", m.start(), m.end()))
            result.report.append(f"第{i + 1}行：已去除排版残留“{m.group(0)}”")
        lines.append(_ARTEFACT_RE.sub("", line))
    return lines


def _build_project(
    walk: Walk,
    doc: DocumentFacts,
    lines: list[str],
    result: ImportResult,
    help_: tuple[str | None, int | None],
    where: str,
) -> Project:
    chunk = walk.chunk
    form = chunk.outline.form
    body = lines[chunk.start : chunk.end]
    text = "\n".join(body)
    sheet = walk.sheet or Sheet()
    first = chunk.start == 0
    title = (doc.title if first and doc.title else "") or chunk.title or sheet.title
    signed = text_facts.find_signed_date(body)
    # a date the document labels (成文日期, 报告日期) wins over the last date-only line
    signed_date = doc.signed if first and doc.signed else (signed[0] if signed else None)
    found_year = help_[1] or _year_of(title, sheet, text, signed_date)
    if found_year is None or not YEAR_MIN <= found_year <= YEAR_MAX:
        raise NotStated(where, "year")
    unit_name, department = resolve_unit(
        doc if first else DocumentFacts(), sheet, title, body, _whole_text(lines, result)
    )
    unit_name = help_[0] or unit_name
    if not unit_name and form.key == DEPARTMENT_FORM:
        unit_name = department_unit(title, text)
    if not unit_name:
        raise NotStated(where, "unit")
    # A form with a default name (部门整体支出) reports on no project: its title names none.
    name = form.default_name or _project_name(
        chunk.name, sheet, doc if first else DocumentFacts(), title, unit_name
    )
    if not name:
        name = form.title
        result.report.append(f"{where}：文档中没有项目名称，暂用“{name}”，请修改")
    project = Project(
        unit=Unit(name=unit_name, department=department),
        year=found_year,
        name=name,
        form=form.key,
    )
    _unique_name(project, result.projects, result, where)
    name = project.name
    project.signed_date = signed_date
    _fill_content(project, walk, sheet, result)
    if title:
        project.extra["title"] = title
    if form.key == DEPARTMENT_FORM or is_department_report(title, ""):
        project.extra["document_kind"] = "department"
    score, grade = read_claims(text)
    set_claims(project, sheet.claimed_score or score, sheet.claimed_grade or grade)
    if sheet.totals:
        project.extra["stated_totals"] = dict(sheet.totals)
    _fill_funds(project, walk, sheet, text, found_year, result)
    if form.key == DEPARTMENT_FORM:
        apply_department(project, body, result.report)
    _report_project(project, form, walk, result)
    return project


def _year_of(title: str, sheet: Sheet, text: str, signed: dt.date | None) -> int | None:
    m = re.search(r"(20\d{2})\s*年", title)
    if m:
        return int(m.group(1))
    if sheet.year:
        return sheet.year
    return text_facts.find_year(text, "", signed)


def _project_name(chunk_name: str, sheet: Sheet, doc: DocumentFacts, title: str, unit: str) -> str:
    cover = doc.meta.get("name", "")
    for candidate in (sheet.name, cover, chunk_name, doc.name, title_name(title, unit)):
        clean = (candidate or "").strip()
        year_only = re.fullmatch(r"[（(]?20\d{2}年度?[）)]?", clean)
        if len(clean) >= 3 and not year_only and clean not in GENERIC_NAMES:
            return clean
    return ""


def _fill_content(project: Project, walk: Walk, sheet: Sheet, result: ImportResult) -> None:
    project.sections = {k: "\n".join(v) for k, v in walk.sections.items() if v}
    if "goals" in project.sections:
        project.goals = Goals(target=project.sections["goals"])
    if sheet.goal_target or sheet.goal_actual:
        project.goals = Goals(target=sheet.goal_target, actual=sheet.goal_actual)
    if walk.table is not None:
        project.indicators = walk.table.indicators
        result.report.extend(f"“{project.name}”：{note}" for note in walk.table.notes)
    if sheet.execution_weight is not None:
        project.execution.weight = sheet.execution_weight
    if sheet.execution_score is not None:
        project.execution.score = sheet.execution_score
    if walk.table_title:
        project.extra["indicator_table_title"] = walk.table_title
    if walk.tables:
        project.extra["source_tables"] = walk.tables
    if walk.extra_lines:
        project.extra["preamble"] = "\n".join(walk.extra_lines)
    kept = [s for s in walk.extra_sections if s["key"] in project.sections]
    if kept:
        project.extra["extra_sections"] = kept


def _fill_funds(
    project: Project, walk: Walk, sheet: Sheet, text: str, year: int, result: ImportResult
) -> None:
    name = project.name
    prose = read_prose_funds(text)
    if walk.funds:
        project.funds.rows.update(walk.funds)
        result.report.append(f"“{name}”：资金数取自文档中的资金表")
        total = project.funds.rows.get("total")
        for column in ("initial", "full_year", "executed"):
            if total is not None and total.get(column) is None and getattr(prose, column):
                # a table without this column (年初预算数): the text states it
                setattr(total, column, getattr(prose, column))
                result.report.append(f"“{name}”：资金表没有的{_COLUMN_WORDS[column]}取自正文")
    else:
        facts = text_facts.read_funds(text, year)
        total = FundsRow("total", facts.initial, facts.full_year, facts.executed)
        for column in ("initial", "full_year", "executed"):
            if total.get(column) is None:
                setattr(total, column, getattr(prose, column))
        if total.is_empty():
            result.report.append(f"“{name}”：未找到年初预算、全年执行等金额，请在资金表中填写")
        else:
            project.funds.rows["total"] = total
            if facts.fiscal:
                project.funds.rows["fiscal"] = FundsRow(
                    "fiscal", total.initial, total.full_year, total.executed
                )
            result.report.append(f"“{name}”：资金数取自正文")
    arrived = sheet.arrived if sheet.arrived is not None else prose.arrived
    if arrived is not None:
        project.extra["funds_arrived"] = fmt_plain(arrived)


def _report_project(project: Project, form: Form, walk: Walk, result: ImportResult) -> None:
    name = project.name
    missing = [
        squash(e.title).rstrip("。")
        for e in form.sections()
        if e.key and e.key not in project.sections and not e.indicator_table
    ]
    if missing:
        result.report.append(f"“{name}”：未找到以下部分：{'、'.join(missing)}")
    extras = [s["title"] for s in walk.extra_sections if s["key"] in project.sections]
    if extras:
        result.report.append(f"“{name}”：提纲外的标题已各自保存为单独部分：{'、'.join(extras)}")
    total_row = project.funds.rows.get("total")
    result.report.append(
        f"项目“{name}”（{project.unit.name}，{project.year}年度，{form.title}）："
        f"{len(project.sections)} 个部分，{len(project.indicators)} 条指标"
        + (
            f"，年初预算 {fmt_wan(total_row.initial)} 万元，全年预算 {fmt_wan(total_row.full_year)}"
            f" 万元，全年执行 {fmt_wan(total_row.executed)} 万元"
            if total_row
            else ""
        ),
    )


def _whole_text(lines: list[str], result: ImportResult) -> str:
    """The whole text, joined once per import (not once per report: many reports stay linear)."""
    if result.whole_text is None:
        result.whole_text = "\n".join(lines)
    return result.whole_text


def _unique_name(
    project: Project, earlier: list[Project], result: ImportResult, where: str
) -> None:
    """Number a project whose name an earlier report of the same text already uses."""
    # The names taken so far are kept on the result (one set for the whole text, so many
    # reports import in linear time); ``earlier`` seeds it on first use.
    taken = result.taken_names
    if len(taken) < len(earlier):
        taken.update((p.unit.name, p.year, p.name) for p in earlier)
    key = (project.unit.name, project.year, project.name)
    if key in taken:
        n = 2
        while (project.unit.name, project.year, f"{project.name}（{n}）") in taken:
            n += 1
        result.report.append(
            f"{where}：项目名称“{project.name}”重复，第二份改名为“{project.name}（{n}）”"
        )
        project.name = f"{project.name}（{n}）"
    taken.add((project.unit.name, project.year, project.name))


def import_lines(
    lines: list[str],
    unit: str | None = None,
    year: int | None = None,
    where: str = "文本",
    grids: Grids | None = None,
    result: ImportResult | None = None,
) -> ImportResult:
    """Import cleaned lines (text or a Word document's paragraphs and tables)."""
    result = result or ImportResult()
    result.lines = lines
    if not any(squash(line) for line in lines):
        raise InputError(f"{where} 是空的，没有可导入的内容")
    check_size(lines, where)
    doc = read_document(lines)
    chunks = split_reports(lines, where=where)
    summaries: list[str] = []
    details: list[str] = []
    skip = set(doc.title_lines) | set(doc.meta_lines)
    for n, chunk in enumerate(chunks):
        walk = walk_chunk(chunk, lines, result, grids or {}, skip if chunk.start == 0 else set())
        if n == 0 and len(chunks) == 1 and not walk.outline_seen and walk.sheet is None:
            plist = read_project_list(lines)
            if plist is not None:
                import_list(plist, doc, lines, chunk.outline.form, (unit, year), where, result)
                return _summarised(result, where, len(plist.projects))
        accepted = chunk.title_line is not None or walk.heading_seen or walk.sheet is not None
        if not accepted and not (doc.title and chunk.start == 0):
            examples = "”“".join(e.title for e in chunk.outline.form.outline[:2])
            raise InputError(
                f"{where} 看起来不是绩效自评报告或评价报告：没有找到报告标题，"
                f"也没有找到提纲标题（如“{examples}”）"
            )
        project = _build_project(walk, doc, lines, result, (unit, year), where)
        first = chunk.title_line if chunk.title_line is not None else chunk.start
        result.anchors.append({"": first, **walk.anchors})
        summaries.append(result.report.pop())
        result.projects.append(project)
    details = result.report
    result.report = [f"{where}：识别出 {len(result.projects)} 个项目", *summaries, *details]
    return result


def _summarised(result: ImportResult, where: str, count: int) -> ImportResult:
    """The report of a list import: the count first, then the projects and notes."""
    summaries = result.report[-count - 1 : -1]
    details = result.report[: -count - 1] + result.report[-1:]
    result.report = [f"{where}：识别出 {count} 个项目", *summaries, *details]
    return result


def import_text(text: str, unit: str | None = None, year: int | None = None) -> ImportResult:
    """Import a report text (one or several reports) into projects with an import report."""
    if len(text) > MAX_BYTES // 2:
        raise InputError(f"文本过长（{len(text):,} 字）；请分批粘贴报告")
    return import_text_from(text, unit, year, "文本")


def import_text_from(
    text: str, unit: str | None, year: int | None, where: str, grids: Grids | None = None
) -> ImportResult:
    """Import text read from ``where`` (named in messages), with the cell grids of its tables
    when it came from a Word or PDF file."""
    result = ImportResult()
    lines = clean_lines(text, result)
    return import_lines(lines, unit, year, where, grids, result)


def read_text_file(path: Path) -> str:
    """A text file's content (UTF-8 or GB18030); InputError in Chinese for binary or huge files."""
    where = f"文件 {path.name}"
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{where} 过大（{size / 1024 / 1024:.1f} MB）；报告文本一般不超过 "
                f"{MAX_BYTES // 1024 // 1024} MB，请确认选择的文件"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取{where}：{exc.strerror or exc}") from None
    return decode_text(data, where)


__all__ = ["Grids", "ImportResult", "LineMark", "import_lines", "import_text", "read_text_file"]
