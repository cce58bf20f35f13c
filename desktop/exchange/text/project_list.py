"""A list of projects with their amounts (序号 | 责任部门 | 项目名称 | 预算数 | 执行数 | 执行率): a
notice or a 部门 table that names many projects, one row each. Every row becomes a project with
its own funds; a 合计 row states the document's totals.

Rows are found in any text shape (cells.py). In a stream of cells (one cell a line) a row starts
at its 序号 ("一", "1", "(一)") or at 合计; merged cells (a 责任部门 given only where it changes)
make rows shorter, so a row is read as: 序号, text cells, then its amounts in header order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.exchange.text.cells import read_cells
from desktop.exchange.text.cellvalues import amount, is_number
from desktop.exchange.text.vocab import label_key, vocabulary

_SEQ_RE = re.compile(
    r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[)）])[、.．]?$"
)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_TOTAL_WORDS = ("合计", "总计", "小计")
_SEQ_HEADERS = ("序号", "编号")
_MIN_ROWS = 2
_MAX_HEADER_GAP = 12  # cells from 项目名称 to the last amount column


@dataclass
class ListedProject:
    """One row: its name, the 责任部门 it is under (if the table says) and its amounts (元)."""

    name: str
    owner: str = ""
    amounts: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class ProjectList:
    """The rows of a project list and what its 合计 row states."""

    projects: list[ListedProject] = field(default_factory=list)
    totals: dict[str, Decimal] = field(default_factory=dict)
    first_line: int = 0
    end_line: int = 0


def _header(cells: list[str]) -> tuple[int, int, list[str]] | None:
    """(index of 项目名称, index after the header, amount column keys) of the list's header."""
    vocab = vocabulary()
    for i, cell in enumerate(cells):
        if vocab.label(cell) != "name":
            continue
        columns: list[str] = []
        j = i + 1
        while j < len(cells) and j - i <= _MAX_HEADER_GAP:
            key = label_key(cells[j])
            column = vocab.funds_column(cells[j])
            if column is not None:
                columns.append(column)
            elif columns and not key.endswith("率") and key not in ("备注", "单位"):
                break
            elif not columns and (j - i > 2 or is_number(cells[j]) or vocab.known(cells[j])):
                break  # the amounts follow the name column (one 单位 column between at most)
            j += 1
        if columns and len(set(columns)) == len(columns):
            return i, j, columns
    return None


def _amount_count(row: list[str]) -> int:
    return sum(1 for c in row[1:] if is_number(c) and not c.endswith("%"))


def _rows(cells: list[str], width: int) -> list[list[str]]:
    """A stream of cells cut into rows: a 序号 or 合计 cell starts a row once the row before
    holds its ``width`` amounts."""
    rows: list[list[str]] = []
    for cell in cells:
        starts = _SEQ_RE.match(cell) or cell in _TOTAL_WORDS
        if starts and (not rows or _amount_count(rows[-1]) >= width):
            rows.append([cell])
        elif rows:
            rows[-1].append(cell)
    return rows


def _read_row(row: list[str], columns: list[str], in_wan: bool) -> ListedProject | None:
    """A row's texts and amounts; None when it has no name or no amount."""
    body = row[1:] if _SEQ_RE.match(row[0]) else row
    texts = [c for c in body if c and not is_number(c)]
    numbers = [c for c in body if is_number(c) and not c.endswith("%")]
    if not texts or not numbers or not _CJK_RE.search(texts[-1]):
        return None
    amounts: dict[str, Decimal] = {}
    for column, cell in zip(columns, numbers, strict=False):
        value = amount(cell, in_wan)
        if value is not None:
            amounts[column] = value
    owner = texts[-2] if len(texts) >= 2 else ""
    return ListedProject(texts[-1], owner, amounts)


def read_project_list(lines: list[str]) -> ProjectList | None:
    """The project list in these lines (at least two project rows), or None."""
    for start, line in enumerate(lines):
        if vocabulary().label(line.strip().strip("|｜ ")) != "name" and "项目名称" not in line:
            continue
        head = max(0, start - 8)
        table = read_cells(lines[head:])
        cells = table.cells()
        found = _header(cells)
        if found is None:
            continue
        _name_at, after, columns = found
        before = "\n".join(lines[max(0, head - 3) : start + 1])
        in_wan = "万元" in before or any("万元" in c for c in cells[:after])
        rows = (
            [row for row in table.rows if row]
            if table.rowed
            else _rows(cells[after:], len(columns))
        )
        out = ProjectList(first_line=head, end_line=len(lines))
        owner = ""
        for row in rows:
            listed = _read_row(row, columns, in_wan)
            if listed is None:
                continue
            if listed.name in _TOTAL_WORDS or row[0] in _TOTAL_WORDS:
                out.totals = listed.amounts
                continue
            if label_key(listed.name) in _SEQ_HEADERS or vocabulary().known(listed.name):
                continue
            owner = listed.owner or owner
            listed.owner = owner
            out.projects.append(listed)
        if len(out.projects) >= _MIN_ROWS:
            return out
        return None
    return None
