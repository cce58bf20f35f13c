"""Split a text holding one or several reports at their titles and pick each report's form."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from desktop.exchange.text.kinds import DEPARTMENT_KIND, kind_by_title, repeated_title
from desktop.exchange.text.outline import FormOutline, form_outline, split_number, squash
from desktop.model.errors import InputError
from desktop.model.forms import available_forms

_NAME_RE = re.compile(r"^[（(](.{1,60})[）)]$")
_MAX_TITLE = 60
_MAX_SHEET_TITLE = 50
_SHEET_REACH = 8  # lines from a 自评表's title to its 项目名称 row
_PAGE_LINES = 3  # lines a web page puts between its title and the document's (date, author)
MAX_REPORTS = 10_000  # reports in one text (a county's whole year of 自评表 fits)


@dataclass
class Chunk:
    """One report inside the text: its line range, title line, name and form."""

    start: int
    end: int
    outline: FormOutline
    title_line: int | None = None
    title: str = ""
    name: str = ""
    name_line: int | None = None


def outlines() -> list[FormOutline]:
    """The importer's view of every form in forms/."""
    return [form_outline(key) for key in available_forms()]


def title_form(line: str, candidates: list[FormOutline]) -> tuple[FormOutline, str] | None:
    """(form, name in （…）) when a line is a report title such as "项目支出绩效自评报告（保安费用）"."""
    flat = squash(line)
    if "|" in flat or "｜" in flat:
        cells = [c for c in re.split(r"[|｜]", flat) if c]
        if len(cells) != 1:
            return None  # a table row, not a title over the table ("自评表 | ||||")
        flat = cells[0]
    if not flat or len(flat) > _MAX_TITLE or split_number(line)[0] is not None:
        return None
    name = ""
    m = re.search(r"[（(]([^（）()]{1,60})[）)]$", flat)
    body = flat
    if m and not flat.endswith(("报告）", "报告)")):
        name, body = m.group(1), flat[: m.start()]
    by_pattern = kind_by_title(body)
    for outline in candidates:
        if outline.form.key == by_pattern:
            return outline, name
    for outline in candidates:
        words = (outline.form.title, *outline.title_keywords)
        if any(body.endswith(w) for w in words):
            return outline, name
    return None


def outline_score(outline: FormOutline, lines: list[str]) -> int:
    """How many lines are headings of this form's outline (distinct headings count once)."""
    seen: set[int] = set()
    for line in lines:
        match = outline.match(line)
        if match is not None:
            seen.add(match.heading.index)
    return len(seen)


def best_outline(
    lines: list[str], candidates: list[FormOutline], context: list[str] | None = None
) -> tuple[FormOutline, int]:
    """The form whose outline the lines follow best, with its score (a form whose body words
    the lines, or the wider ``context`` they come from, never use is not a candidate)."""
    around = lines if context is None else context
    fitting = [o for o in candidates if o.fits_body(around)] or candidates
    scored = [(outline_score(o, lines), -i, o) for i, o in enumerate(fitting)]
    score, _, outline = max(scored, key=lambda t: (t[0], t[1]))
    return outline, score


def split_reports(lines: list[str], where: str = "文本") -> list[Chunk]:
    """Chunks of the text, one per report; a text without any title is one chunk.

    More than MAX_REPORTS report titles are refused (InputError naming ``where``) before any
    report is read.
    """
    candidates = outlines()
    titles: list[tuple[int, FormOutline, str]] = []
    for i, line in enumerate(lines):
        found = title_form(line, candidates)
        if found is not None:
            titles.append((i, found[0], found[1]))
    if len(titles) > MAX_REPORTS:
        raise InputError(
            f"{where} 中有 {len(titles):,} 份报告，一次最多导入 {MAX_REPORTS:,} 份；请分批导入"
        )
    if not titles:
        outline, _score = best_outline(lines, candidates)
        sheets = sheet_titles(lines, candidates)
        if len(sheets) >= 2:  # a page of several 自评表, one per project
            return _sheet_chunks(sheets, lines, outline)
        return _split_restarts(Chunk(0, len(lines), outline), lines)
    titles = _drop_page_titles(titles, lines, candidates)
    chunks: list[Chunk] = []
    for n, (i, outline, name) in enumerate(titles):
        start = 0 if n == 0 else i
        end = titles[n + 1][0] if n + 1 < len(titles) else len(lines)
        body = lines[i + 1 : end]
        by_outline, score = best_outline(body, candidates, lines[start:end])
        # A title that says 自评 is a self-evaluation whatever outline its body follows.
        to_evaluation = "评价" in by_outline.form.title and "自评" in squash(lines[i])
        if score > outline_score(outline, body) and not to_evaluation:
            outline = by_outline
        chunk = Chunk(start, end, outline, i, squash(lines[i]), name)
        if not name:
            for j in range(i + 1, min(end, i + 3)):
                flat = squash(lines[j])
                if not flat:
                    continue
                m = _NAME_RE.match(flat)
                if m:
                    chunk.name, chunk.name_line = m.group(1), j
                break
        chunks.extend(_split_restarts(chunk, lines))
    return chunks


def _first_cell(line: str) -> str:
    return next((squash(c) for c in re.split(r"[|｜\t]", line) if squash(c)), "")


def sheet_titles(lines: list[str], candidates: list[FormOutline]) -> list[int]:
    """Lines that title a 自评表 ("2022年度项目支出绩效自评表") with its 项目名称 row close
    below: where each table of a page of many starts."""
    from desktop.exchange.text.vocab import vocabulary  # the vocabulary reads every outline

    markers = {m for o in candidates for m in o.table.markers} | {"自评表"}
    vocab = vocabulary()
    titled: list[int] = []
    for i, line in enumerate(lines):
        cell = _first_cell(line)
        if not cell or len(cell) > _MAX_SHEET_TITLE or cell.startswith("附件"):
            continue
        if any(m in cell for m in markers):
            titled.append(i)
    found: list[int] = []
    # a title counts when its own table's 项目名称 row follows before the next title (a web
    # page's title over the table's own title is one table)
    for n, i in enumerate(titled):
        stop = min(titled[n + 1] if n + 1 < len(titled) else len(lines), i + 1 + _SHEET_REACH)
        if any(vocab.label(c) == "name" for c in map(_first_cell, lines[i + 1 : stop]) if c):
            found.append(i)
    return found


def _sheet_chunks(starts: list[int], lines: list[str], outline: FormOutline) -> list[Chunk]:
    bounds = [*starts, len(lines)]
    chunks = []
    for n, (a, b) in enumerate(itertools.pairwise(bounds)):
        chunks.append(Chunk(0 if n == 0 else a, b, outline, a, _first_cell(lines[a])))
    return chunks


def _drop_page_titles(
    titles: list[tuple[int, FormOutline, str]], lines: list[str], candidates: list[FormOutline]
) -> list[tuple[int, FormOutline, str]]:
    """A title followed only by a few lines (a web page's title, its date and author line) and
    then the document's own title is one report with it, not a report of its own; a department
    report's page may put a few more metadata lines between (unit, 索引号, 发布机构)."""
    kept: list[tuple[int, FormOutline, str]] = []
    for n, item in enumerate(titles):
        if n + 1 < len(titles):
            following = titles[n + 1]
            between = lines[item[0] + 1 : following[0]]
            filled = [x for x in between if x.strip()]
            page = len(filled) <= _PAGE_LINES and not any(
                o.match(x) for o in candidates for x in filled
            )
            department = item[1].form.key == following[1].form.key == DEPARTMENT_KIND
            if page or (
                department
                and repeated_title(between, [split_number(x)[0] is not None for x in between])
            ):
                continue
        kept.append(item)
    return kept


def _split_restarts(chunk: Chunk, lines: list[str]) -> list[Chunk]:
    """Split a chunk where its outline starts again ("一、…" after later headings): a report
    pasted without its title line."""
    outline = chunk.outline
    first_top = next((h.index for h in outline.headings if h.level == 1), None)
    if first_top is None:
        return [chunk]
    starts: list[int] = []
    highest = -1
    for i in range(chunk.start, chunk.end):
        match = outline.match(lines[i])
        if match is None:
            continue
        index = match.heading.index
        if index == first_top and highest > first_top + 2:
            starts.append(i)
            highest = index
        highest = max(highest, index)
    if not starts:
        return [chunk]
    bounds = [chunk.start, *starts, chunk.end]
    pieces = [
        Chunk(
            bounds[0],
            bounds[1],
            outline,
            chunk.title_line,
            chunk.title,
            chunk.name,
            chunk.name_line,
        )
    ]
    for a, b in itertools.pairwise(bounds[1:]):
        pieces.append(Chunk(a, b, outline, None, chunk.title))
    return pieces
