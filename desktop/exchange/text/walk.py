"""Walk the lines of one report: headings by the form's outline, the 绩效目标表, the 落款."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.exchange.text import facts as text_facts
from desktop.exchange.text.cells import CellTable, read_cells
from desktop.exchange.text.outline import FormOutline, first_keyed_after, split_number, squash
from desktop.exchange.text.report import Chunk
from desktop.exchange.text.sheet import Sheet, read_sheet
from desktop.exchange.text.table import TableResult, rows_from_cells
from desktop.exchange.text.vocab import vocabulary
from desktop.model.project import FundsRow, Project
from desktop.model.stated import EXTRA_PREFIX

# Tables of a Word document: first line → (end line, cell grid).
Grids = dict[int, tuple[int, list[list[str]]]]


@dataclass(frozen=True)
class LineMark:
    """What the importer recognised on a source line (for highlighting in the preview)."""

    line: int
    kind: str  # title | name | heading | table | date | unit | artefact | unplaced
    start: int = 0
    end: int = -1


@dataclass
class ImportResult:
    """Projects read from a text, the Chinese import report and the recognised lines."""

    projects: list[Project] = field(default_factory=list)
    report: list[str] = field(default_factory=list)
    marks: list[LineMark] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    # Per project: the source line where it starts ("") and where each section / the table starts.
    anchors: list[dict[str, int]] = field(default_factory=list)
    # (unit, year, name) of the projects so far: duplicates are numbered in constant time.
    taken_names: set[tuple[str, int, str]] = field(default_factory=set, repr=False)
    # The whole text joined once, for the facts looked up in all of it (cached by that string).
    whole_text: str | None = field(default=None, repr=False)


@dataclass
class Walk:
    """State while walking the lines of one report."""

    chunk: Chunk
    sections: dict[str, list[str]] = field(default_factory=dict)
    current: str | None = None
    heading_seen: bool = False
    outline_seen: bool = False  # a heading of the form's own outline (not an unknown one)
    table: TableResult | None = None
    table_title: str = ""
    extra_lines: list[str] = field(default_factory=list)
    funds: dict[str, FundsRow] = field(default_factory=dict)
    tables: list[str] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)
    sheet: Sheet | None = None
    extra_sections: list[dict[str, str]] = field(default_factory=list)
    last_known: str = ""


def _add(walk: Walk, key: str, text: str) -> None:
    clean = text.strip(" \t\u3000")
    if clean:
        walk.sections.setdefault(key, []).append(clean)


def _table_groups(lines: list[str], start: int, end: int) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines[start:end]:
        cell = line.strip(" \t\u3000")
        if cell:
            groups[-1].append(cell)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def walk_chunk(
    chunk: Chunk,
    lines: list[str],
    result: ImportResult,
    grids: Grids,
    head: set[int] | None = None,
) -> Walk:
    """Assign every line of a report to a section, the table, or the title/signature;
    ``head`` holds the lines of the document's own title and metadata block."""
    walk = Walk(chunk)
    skip = _skipped_lines(chunk, lines, result, head)
    if _whole_sheet(walk, lines, result, grids):
        return walk
    i = chunk.start
    while i < chunk.end:
        if i in skip or not squash(lines[i]):
            i += 1
            continue
        for step in _STEPS:
            after = step(walk, i, lines, grids, result)
            if after is not None:
                i = after
                break
        else:
            _text_line(walk, i, lines[i], result)
            i += 1
    return walk


def _skipped_lines(
    chunk: Chunk, lines: list[str], result: ImportResult, head: set[int] | None
) -> set[int]:
    """Lines that hold no section text: title, name, the document's head, the 落款 unit and date."""
    skip: set[int] = {i for i in (chunk.title_line, chunk.name_line) if i is not None}
    for i in skip:
        result.marks.append(LineMark(i, "title" if i == chunk.title_line else "name"))
    for i in sorted((head or set()) - skip):
        if chunk.start <= i < chunk.end:
            skip.add(i)
            result.marks.append(LineMark(i, "title"))
    signed = text_facts.find_signed_date(lines[chunk.start : chunk.end])
    if signed is not None:
        at = chunk.start + signed[1]
        if all(not squash(x) for x in lines[at + 1 : chunk.end]):
            skip.add(at)
            result.marks.append(LineMark(at, "date"))
            for j in range(at - 1, max(at - 4, chunk.start - 1), -1):
                if squash(lines[j]):
                    if text_facts.UNIT_LINE_RE.match(lines[j].strip()):
                        skip.add(j)
                        result.marks.append(LineMark(j, "unit"))
                    break
    return skip


def _grid_at(
    walk: Walk, i: int, lines: list[str], grids: Grids, result: ImportResult
) -> int | None:
    """A table grid (Word/PDF table) starting at line ``i``: the line after it, if it was read."""
    if i not in grids:
        return None
    end, grid = grids[i]
    form = walk.chunk.outline.form
    if not _take_sheet(walk, read_sheet(CellTable(grid, True, "grid"), form), result):
        return None
    walk.anchors.setdefault("indicators", i)
    for j in range(i, end):
        result.marks.append(LineMark(j, "table"))
    # The whole table is kept as text too: rows that are neither funds nor indicators
    # (年度总体目标 …) must not be lost.
    walk.tables.append("\n".join(lines[i:end]))
    return end


def _before_title(
    walk: Walk, i: int, lines: list[str], grids: Grids, result: ImportResult
) -> int | None:
    """Text above the report's title: kept in the project's notes."""
    title_line = walk.chunk.title_line
    if title_line is None or i >= title_line:
        return None
    line = lines[i]
    walk.extra_lines.append(line.strip())
    result.marks.append(LineMark(i, "unplaced"))
    result.report.append(f"第{i + 1}行：标题前的文字“{line.strip()}”已保存在项目附注中")
    return i + 1


def _heading_at(
    walk: Walk, i: int, lines: list[str], grids: Grids, result: ImportResult
) -> int | None:
    """A heading of the form's outline: later lines go to its section."""
    outline = walk.chunk.outline
    line = lines[i]
    match = outline.match(line)
    if match is None:
        return None
    walk.heading_seen = walk.outline_seen = True
    result.marks.append(LineMark(i, "heading", 0, len(line) - len(match.inline)))
    note = match.numbering_note()
    if note:
        result.report.append(f"第{i + 1}行：标题“{line.strip()[:30]}”{note}，已按提纲识别")
    target = first_keyed_after(outline, match.heading)
    walk.current = target.key if target else walk.current
    if target and target.key:
        walk.last_known = target.key
    if walk.current and match.heading.key == walk.current:
        walk.anchors.setdefault(walk.current, i)
    elif walk.current:
        walk.anchors.setdefault(f"group:{walk.current}", i)
    if match.inline and walk.current:
        _add(walk, walk.current, match.inline)
    return i + 1


def _table_at(
    walk: Walk, i: int, lines: list[str], grids: Grids, result: ImportResult
) -> int | None:
    """A table in the text (a cell a line, flattened rows …): the line after it, if it was read."""
    outline = walk.chunk.outline
    line = lines[i]
    if not _starts_table(outline, line):
        return None
    end = _table_end(outline, lines, i + 1, walk.chunk.end)
    end = min([end, *(g for g in grids if i < g < end)])
    end = _prose_tail(lines, i + 1, end)
    is_marker = _is_marker_line(outline, line)
    first = i + 1 if is_marker else i
    if is_marker and all(not squash(x) for x in lines[first:end]) and end in grids:
        walk.table_title = line.strip()
        result.marks.append(LineMark(i, "table"))
        return end
    sheet = read_sheet(read_cells(lines[first:end]), outline.form)
    if is_marker and not sheet.funds and set(sheet.columns) <= set(_LEVELS):
        table = rows_from_cells(outline, _table_groups(lines, first, end))
        sheet.indicators, sheet.notes = table.indicators, table.notes
    if not (sheet.indicators or sheet.funds):
        return None
    if is_marker:
        walk.table_title = line.strip()
    walk.anchors.setdefault("indicators", i)
    _take_sheet(walk, sheet, result)
    walk.tables.append("\n".join(lines[i:end]))
    for j in range(i, end):
        result.marks.append(LineMark(j, "table"))
    return end


def _unknown_heading_at(
    walk: Walk, i: int, lines: list[str], grids: Grids, result: ImportResult
) -> int | None:
    """A numbered heading the form does not know: a section of its own."""
    line = lines[i]
    unknown = unknown_heading(line)
    if unknown is None:
        return None
    title, inline = unknown
    walk.heading_seen = True
    extra_key = f"{EXTRA_PREFIX}{len(walk.extra_sections) + 1}"
    walk.extra_sections.append({"key": extra_key, "title": title, "after": walk.last_known})
    walk.current = extra_key
    walk.anchors.setdefault(extra_key, i)
    result.marks.append(LineMark(i, "heading", 0, len(line) - len(inline)))
    if inline:
        _add(walk, extra_key, inline)
    return i + 1


def _text_line(walk: Walk, i: int, line: str, result: ImportResult) -> None:
    """A line of prose: into the current section, or (reported) the first one before any."""
    key = walk.current
    if key is None:
        keyed = [h for h in walk.chunk.outline.headings if h.key]
        key = (keyed[0].key or "text") if keyed else "text"
        result.marks.append(LineMark(i, "unplaced"))
        result.report.append(
            f"第{i + 1}行：文字“{line.strip()[:20]}…”不在任何标题下，已放入“{_title(walk.chunk, key)}”"
        )
    _add(walk, key, line)


Step = Callable[[Walk, int, list[str], Grids, ImportResult], "int | None"]
# Tried in this order on every line that is not skipped; the first that takes the line wins.
_STEPS: tuple[Step, ...] = (_grid_at, _before_title, _heading_at, _table_at, _unknown_heading_at)


def _title(chunk: Chunk, key: str) -> str:
    entry = chunk.outline.form.section(key)
    return squash(entry.title).rstrip("。") if entry else key


def _is_marker_line(outline: FormOutline, line: str) -> bool:
    """A short line naming the table ("项目支出绩效自评表"): the table follows it."""
    flat = squash(line)
    return len(flat) <= 60 and any(m in flat for m in outline.table.markers)


def _flattened_table(line: str) -> bool:
    """A whole 自评表 flattened onto one line: many space-separated cells, its header among them."""
    cells = line.split()
    if len(cells) < _FLAT_CELLS:
        return False
    vocab = vocabulary()
    levels = {vocab.header(c) for c in cells[:200]} & {"level1", "level2", "level3"}
    return len(levels) >= 2


def _starts_table(outline: FormOutline, line: str) -> bool:
    if _is_marker_line(outline, line) or _flattened_table(line):
        return True
    first = re.split(r"[|｜\t]|\s{2,}", line.strip().strip("|｜"))[0]
    if len(squash(first)) > 8:
        return False
    column = vocabulary().header(first)
    return column in ("level1", "level2", "ignore") or vocabulary().funds_column(first) is not None


def _table_end(outline: FormOutline, lines: list[str], start: int, end: int) -> int:
    for j in range(start, end):
        if outline.match(lines[j]) is not None or _unknown_section(lines[j]):
            return j
    return end


def _unknown_section(line: str) -> bool:
    """A "二、…" heading the form does not know: it ends a table as an outline heading does."""
    return split_number(line)[0] == "cn" and unknown_heading(line) is not None


def _prose_tail(lines: list[str], start: int, end: int) -> int:
    """End of a flattened table before trailing sentences (prose after the table is text)."""
    while end > start:
        flat = squash(lines[end - 1])
        if not flat:
            end -= 1
            continue
        if len(flat) >= 30 and flat[-1] in "。！？":
            end -= 1
            continue
        break
    return end


_UNKNOWN_STYLES = ("cn", "paren_cn")
_FLAT_CELLS = 20
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LEVELS = ("level1", "level2", "level3")


def _whole_sheet(walk: Walk, lines: list[str], result: ImportResult, grids: Grids) -> bool:
    """A document that is a 自评表 (no outline headings): read all of it as one table."""
    chunk = walk.chunk
    body = lines[chunk.start : chunk.end]
    if grids or any(chunk.outline.match(x) for x in body) or any(unknown_heading(x) for x in body):
        return False
    sheet = read_sheet(read_cells(body), chunk.outline.form)
    if not (sheet.indicators or sheet.funds or (sheet.name and sheet.unit)):
        return False
    walk.sheet = sheet
    walk.heading_seen = True
    if sheet.indicators:
        walk.table = TableResult(sheet.indicators, sheet.columns, sheet.notes)
    walk.funds.update(sheet.funds)
    walk.tables.append("\n".join(x.rstrip() for x in body if x.strip()))
    for j in range(chunk.start, chunk.end):
        result.marks.append(LineMark(j, "table"))
    return True


def unknown_heading(line: str) -> tuple[str, str] | None:
    """(heading, inline text) for a numbered heading the form does not know ("（三）绩效指标完成情况分析")."""
    style, _number, rest = split_number(line)
    if style not in _UNKNOWN_STYLES:
        return None
    flat = rest.strip()
    if not flat:
        return None
    head, _stop, tail = flat.partition("。")
    if not _CJK_RE.search(head) or len(squash(head)) > 24 or any(ch in head for ch in "，,；;：:"):
        return None
    if tail.strip() and len(squash(head)) > 20:
        return None
    heading = line.strip()[: len(line.strip()) - len(flat)] + head
    return heading.strip(), tail.strip()


def _take_sheet(walk: Walk, sheet: Sheet, result: ImportResult) -> bool:
    """Keep what a 自评表 (text or Word table) states; False when it held nothing."""
    if not (sheet.indicators or sheet.funds or sheet.totals):
        return False
    if walk.sheet is None:
        walk.sheet = sheet
    if sheet.indicators:
        _take_table(walk, TableResult(sheet.indicators, sheet.columns, sheet.notes), result)
    if sheet.funds:
        walk.funds.update({k: v for k, v in sheet.funds.items() if k not in walk.funds})
    if walk.sheet is not sheet:
        for attr in ("name", "unit", "department", "claimed_grade"):
            if not getattr(walk.sheet, attr):
                setattr(walk.sheet, attr, getattr(sheet, attr))
        walk.sheet.totals = walk.sheet.totals or sheet.totals
        if walk.sheet.claimed_score is None:
            walk.sheet.claimed_score = sheet.claimed_score
    return True


def _take_table(walk: Walk, table: TableResult, result: ImportResult) -> None:
    if walk.table is None:
        walk.table = table
    else:
        walk.table.indicators.extend(table.indicators)
        walk.table.notes.extend(table.notes)
