"""Turn a report pasted as text (or a .txt / .docx file) into projects: sections, funds, indicators."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.exchange.text import facts as text_facts
from desktop.exchange.text.dept_facts import DEPARTMENT_FORM, apply_department
from desktop.exchange.text.encoding import check_size, decode_text
from desktop.exchange.text.outline import squash
from desktop.exchange.text.report import split_reports
from desktop.exchange.text.walk import Grids, ImportResult, LineMark, Walk, walk_chunk
from desktop.model.errors import InputError
from desktop.model.money import fmt_wan
from desktop.model.project import YEAR_MAX, YEAR_MIN, FundsRow, Goals, Project, Unit

MAX_BYTES = 20 * 1024 * 1024
_YEAR_NAME_RE = re.compile(r"\d{4}年度?")
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
    lines: list[str],
    result: ImportResult,
    unit: str | None,
    year: int | None,
    where: str,
) -> Project:
    chunk = walk.chunk
    form = chunk.outline.form
    body = lines[chunk.start : chunk.end]
    text = "\n".join(body)
    signed = text_facts.find_signed_date(body)
    signed_date = signed[0] if signed else None
    found_year = year or text_facts.find_year(text, chunk.title, signed_date)
    if found_year is None or not YEAR_MIN <= found_year <= YEAR_MAX:
        raise InputError(f"{where}：未能识别报告的年度，请指定年度（--year）")
    titles = tuple(o.form.title for o in [chunk.outline])
    unit_name = (
        unit
        or text_facts.find_unit(chunk.title, titles, body, "")
        or _unit_in_whole_text(lines, result)
    )
    if not unit_name:
        raise InputError(f"{where}：未能识别实施单位，请指定单位（--unit）")
    if _YEAR_NAME_RE.fullmatch(chunk.name):
        chunk.name = ""  # "（2022年度）" under a department title is its year, not a name
    name = chunk.name or form.default_name or form.title
    if not chunk.name and not form.default_name:
        result.report.append(f"{where}：标题中没有项目名称（“（…）”），暂用“{name}”，请修改")
    project = Project(unit=Unit(name=unit_name), year=found_year, name=name, form=form.key)
    _unique_name(project, result.projects, result, where)
    name = project.name
    project.signed_date = signed_date
    project.sections = {k: "\n".join(v) for k, v in walk.sections.items() if v}
    if "goals" in project.sections:
        project.goals = Goals(target=project.sections["goals"])
    if walk.table is not None:
        project.indicators = walk.table.indicators
        result.report.extend(f"“{name}”：{note}" for note in walk.table.notes)
    if walk.table_title:
        project.extra["indicator_table_title"] = walk.table_title
    if walk.tables:
        project.extra["source_tables"] = walk.tables
    if walk.extra_lines:
        project.extra["preamble"] = "\n".join(walk.extra_lines)
    facts = text_facts.read_funds(text, found_year)
    if walk.funds:
        project.funds.rows.update(walk.funds)
        result.report.append(f"“{name}”：资金数取自文档中的资金表")
    elif facts.initial is not None or facts.executed is not None:
        total = FundsRow("total", facts.initial, facts.full_year, facts.executed)
        project.funds.rows["total"] = total
        if facts.fiscal:
            project.funds.rows["fiscal"] = FundsRow(
                "fiscal", facts.initial, facts.full_year, facts.executed
            )
    else:
        result.report.append(f"“{name}”：未找到年初预算、全年执行等金额，请在资金表中填写")
    if form.key == DEPARTMENT_FORM:
        apply_department(project, body, result.report)
    missing = [
        squash(e.title).rstrip("。")
        for e in form.sections()
        if e.key and e.key not in project.sections and not e.indicator_table
    ]
    if missing:
        result.report.append(f"“{name}”：未找到以下部分：{'、'.join(missing)}")
    total_row = project.funds.rows.get("total")
    result.report.append(
        f"项目“{name}”（{unit_name}，{found_year}年度，{form.title}）："
        f"{len(project.sections)} 个部分，{len(project.indicators)} 条指标"
        + (
            f"，年初预算 {fmt_wan(total_row.initial)} 万元，全年预算 {fmt_wan(total_row.full_year)}"
            f" 万元，全年执行 {fmt_wan(total_row.executed)} 万元"
            if total_row
            else ""
        ),
    )
    return project


def _unit_in_whole_text(lines: list[str], result: ImportResult) -> str | None:
    """The unit named anywhere in the text, searched once per import (not once per report)."""
    if result.whole_text_unit is None:
        result.whole_text_unit = text_facts.unit_in_text("\n".join(lines)) or ""
    return result.whole_text_unit or None


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
    chunks = split_reports(lines, where=where)
    summaries: list[str] = []
    details: list[str] = []
    for chunk in chunks:
        walk = walk_chunk(chunk, lines, result, grids or {})
        if chunk.title_line is None and not walk.heading_seen:
            examples = "”“".join(e.title for e in chunk.outline.form.outline[:2])
            raise InputError(
                f"{where} 看起来不是绩效自评报告或评价报告：没有找到报告标题，"
                f"也没有找到提纲标题（如“{examples}”）"
            )
        project = _build_project(walk, lines, result, unit, year, where)
        first = chunk.title_line if chunk.title_line is not None else chunk.start
        result.anchors.append({"": first, **walk.anchors})
        summaries.append(result.report.pop())
        result.projects.append(project)
    details = result.report
    result.report = [f"{where}：识别出 {len(result.projects)} 个项目", *summaries, *details]
    return result


def import_text(text: str, unit: str | None = None, year: int | None = None) -> ImportResult:
    """Import a report text (one or several reports) into projects with an import report."""
    if len(text) > MAX_BYTES // 2:
        raise InputError(f"文本过长（{len(text):,} 字）；请分批粘贴报告")
    return import_text_from(text, unit, year, "文本")


def import_text_from(text: str, unit: str | None, year: int | None, where: str) -> ImportResult:
    """Import text read from ``where`` (named in messages)."""
    result = ImportResult()
    lines = clean_lines(text, result)
    return import_lines(lines, unit, year, where, None, result)


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
