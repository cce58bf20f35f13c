"""Walk the lines of one report: headings by the form's outline, the 绩效目标表, the 落款."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.exchange.text import facts as text_facts
from desktop.exchange.text.outline import FormOutline, first_keyed_after, squash
from desktop.exchange.text.report import Chunk
from desktop.exchange.text.table import (
    TableResult,
    funds_from_grid,
    rows_from_cells,
    rows_from_grid,
)
from desktop.model.project import FundsRow, Project

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
    # The unit found in the whole text ("" when none), looked up once for all reports.
    whole_text_unit: str | None = field(default=None, repr=False)


@dataclass
class Walk:
    """State while walking the lines of one report."""

    chunk: Chunk
    sections: dict[str, list[str]] = field(default_factory=dict)
    current: str | None = None
    heading_seen: bool = False
    table: TableResult | None = None
    table_title: str = ""
    extra_lines: list[str] = field(default_factory=list)
    funds: dict[str, FundsRow] = field(default_factory=dict)
    tables: list[str] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)


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
) -> Walk:
    """Assign every line of a report to a section, the table, or the title/signature."""
    outline = chunk.outline
    walk = Walk(chunk)
    keyed = [h for h in outline.headings if h.key]
    first_key: str = (keyed[0].key or "text") if keyed else "text"
    skip: set[int] = {i for i in (chunk.title_line, chunk.name_line) if i is not None}
    for i in skip:
        result.marks.append(LineMark(i, "title" if i == chunk.title_line else "name"))
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
    i = chunk.start
    table_keys = {h.key for h in outline.headings if h.key and _is_table_heading(outline, h.index)}
    while i < chunk.end:
        line = lines[i]
        if i in skip or not squash(line):
            i += 1
            continue
        if i in grids:
            end, grid = grids[i]
            table = rows_from_grid(outline, grid)
            funds = funds_from_grid(grid)
            if table.indicators:
                _take_table(walk, table, result)
                walk.anchors.setdefault("indicators", i)
            if funds:
                walk.anchors.setdefault("funds", i)
                walk.funds.update(funds)
            if table.indicators or funds:
                for j in range(i, end):
                    result.marks.append(LineMark(j, "table"))
                # The whole table is kept as text too: rows that are neither funds nor indicators
                # (年度总体目标 …) must not be lost.
                walk.tables.append("\n".join(lines[i:end]))
                i = end
                continue
        if chunk.title_line is not None and i < chunk.title_line:
            walk.extra_lines.append(line.strip())
            result.marks.append(LineMark(i, "unplaced"))
            result.report.append(f"第{i + 1}行：标题前的文字“{line.strip()}”已保存在项目附注中")
            i += 1
            continue
        match = outline.match(line)
        if match is not None:
            walk.heading_seen = True
            result.marks.append(LineMark(i, "heading", 0, len(line) - len(match.inline)))
            note = match.numbering_note()
            if note:
                result.report.append(f"第{i + 1}行：标题“{line.strip()[:30]}”{note}，已按提纲识别")
            target = first_keyed_after(outline, match.heading)
            walk.current = target.key if target else walk.current
            if walk.current and match.heading.key == walk.current:
                walk.anchors.setdefault(walk.current, i)
            elif walk.current:
                walk.anchors.setdefault(f"group:{walk.current}", i)
            if match.inline and walk.current:
                _add(walk, walk.current, match.inline)
            i += 1
            continue
        if _starts_table(outline, line) and (walk.current in table_keys or not table_keys):
            end = _table_end(outline, lines, i + 1, chunk.end)
            end = min([end, *(g for g in grids if i < g < end)])
            end = _prose_tail(lines, i + 1, end)
            is_marker = any(m in squash(line) for m in outline.table.markers)
            first = i + 1 if is_marker else i
            if is_marker:
                walk.table_title = line.strip()
            walk.anchors.setdefault("indicators", i)
            table = rows_from_cells(outline, _table_groups(lines, first, end))
            _take_table(walk, table, result)
            for j in range(i, end):
                result.marks.append(LineMark(j, "table"))
            i = end
            continue
        key = walk.current
        if key is None:
            key = first_key
            result.marks.append(LineMark(i, "unplaced"))
            result.report.append(
                f"第{i + 1}行：文字“{line.strip()[:20]}…”不在任何标题下，已放入“{_title(chunk, key)}”"
            )
        _add(walk, key, line)
        i += 1
    return walk


def _title(chunk: Chunk, key: str) -> str:
    entry = chunk.outline.form.section(key)
    return squash(entry.title).rstrip("。") if entry else key


def _is_table_heading(outline: FormOutline, index: int) -> bool:
    return outline.form.outline[index].indicator_table


def _starts_table(outline: FormOutline, line: str) -> bool:
    flat = squash(line)
    if len(flat) <= 60 and any(m in flat for m in outline.table.markers):
        return True
    return outline.table.column_of(line) in ("level1", "ignore") and len(flat) <= 8


def _table_end(outline: FormOutline, lines: list[str], start: int, end: int) -> int:
    for j in range(start, end):
        if outline.match(lines[j]) is not None:
            return j
    return end


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


def _take_table(walk: Walk, table: TableResult, result: ImportResult) -> None:
    if walk.table is None:
        walk.table = table
    else:
        walk.table.indicators.extend(table.indicators)
        walk.table.notes.extend(table.notes)
