"""Cells of a table copied as text, in every shape real documents have.

- pipe rows: ``a | b | c |`` (one table row a line; leading ``|`` cells are merged cells);
- cell per line: ``a |`` lines, or cells separated by blank lines (a line holding only spaces is
  an empty cell, consecutive lines without a blank between them are one cell);
- tab-separated rows (copied from Excel or a Word table);
- a whole table flattened onto one line (cells separated by spaces).

The result is a list of rows; ``rowed`` says whether the row boundaries are the table's own
(pipe and tab rows) or unknown (a stream of cells, one "row").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPACE_RE = re.compile(r"[\s\u3000]+")
_WIDE_GAP_RE = re.compile(r"[ \u3000]{3,}")


def clean_cell(text: str) -> str:
    """A cell's text without whitespace at its ends; inner line breaks and spaces removed."""
    return _SPACE_RE.sub("", text)


@dataclass
class CellTable:
    """A table read from text: rows of cells; ``rowed`` False for a plain stream of cells."""

    rows: list[list[str]] = field(default_factory=list)
    rowed: bool = True
    shape: str = ""

    def cells(self) -> list[str]:
        """Every cell in reading order."""
        return [c for row in self.rows for c in row]


def _pipe_count(line: str) -> int:
    return line.count("|") + line.count("｜")


def detect_shape(lines: list[str]) -> str:
    """'pipe_rows' | 'pipe_cells' | 'tabs' | 'blank_cells' | 'flat' | 'lines'."""
    body = [x for x in lines if x.strip()]
    if not body:
        return "lines"
    trailing = sum(1 for x in body if x.rstrip().endswith(("|", "｜")))
    multi = sum(1 for x in body if _cells_in_pipe_line(x) >= 2)
    if multi >= max(2, len(body) // 4):
        return "pipe_rows"
    if trailing >= max(2, len(body) // 2):
        return "pipe_cells"
    if sum(1 for x in body if "\t" in x.strip()) >= max(2, len(body) // 3):
        return "tabs"
    blank = sum(1 for x in lines if not x.strip() and x == "")
    if blank >= len(body) // 2 and len(body) >= 6:
        return "blank_cells"
    if len(body) == 1 and len(_WIDE_GAP_RE.split(body[0])) + body[0].count(" ") >= 8:
        return "flat"
    return "lines"


def _cells_in_pipe_line(line: str) -> int:
    parts = re.split(r"[|｜]", line)
    return sum(1 for p in parts[:-1] if p.strip()) + (1 if parts[-1].strip() else 0)


def _split_pipes(line: str) -> list[str]:
    parts = re.split(r"[|｜]", line)
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    return [clean_cell(p) for p in parts]


def read_cells(lines: list[str]) -> CellTable:
    """The table held by ``lines`` in whichever text shape they use."""
    shape = detect_shape(lines)
    if shape == "pipe_rows":
        rows = [_split_pipes(x) for x in lines if x.strip()]
        return CellTable(rows, True, shape)
    if shape == "tabs":
        rows = [[clean_cell(c) for c in x.split("\t")] for x in lines if x.strip()]
        return CellTable(rows, True, shape)
    if shape == "pipe_cells":
        return CellTable([_pipe_stream(lines)], False, shape)
    if shape == "blank_cells":
        return CellTable([_blank_stream(lines)], False, shape)
    if shape == "flat":
        cells = [clean_cell(c) for c in re.split(r"[ \u3000\t]+", lines[0].strip()) if c]
        return CellTable([cells], False, shape)
    cells = []
    for x in lines:
        if x.strip():
            cells.extend(clean_cell(c) for c in _WIDE_GAP_RE.split(x.strip()) if c.strip())
    return CellTable([cells], False, shape)


def _pipe_stream(lines: list[str]) -> list[str]:
    """``a |`` lines: one cell each; a lone ``|`` is an empty cell; ``|||`` ends a row."""
    cells: list[str] = []
    for x in lines:
        flat = x.strip()
        if not flat:
            continue
        text = re.sub(r"[|｜]", " ", flat)
        if text.strip():
            if _cells_in_pipe_line(flat) >= 2:
                cells.extend(c for c in _split_pipes(flat) if c)
            else:
                cells.append(clean_cell(text))
        elif _pipe_count(flat) == 1:
            cells.append("")
    return cells


def _blank_stream(lines: list[str]) -> list[str]:
    """Cells separated by blank lines; a run of lines is one cell, a spaces-only run is empty."""
    cells: list[str] = []
    run: list[str] = []
    for x in [*lines, ""]:
        if x == "" or (not x.strip() and not run and x == ""):
            if run:
                joined = "".join(r.strip() for r in run)
                if joined:
                    cells.extend(
                        clean_cell(c)
                        for c in _WIDE_GAP_RE.split(" ".join(run).strip())
                        if c.strip()
                    )
                else:
                    cells.append("")
                run = []
            continue
        run.append(x)
    return cells
