"""User-level grid edits (clear, paste, rows, suggestions), each pushed as one undo command."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt

from desktop.model.errors import InputError
from desktop.model.project import Indicator
from desktop.ui.grid.columns import FIELDS, HEADER_FIELDS, PASTE_COLUMNS, Column, RowKind
from desktop.ui.grid.commands import (
    CompoundCommand,
    GridCommand,
    InsertRowsCommand,
    MoveRowsCommand,
    RemoveRowsCommand,
    SetCellsCommand,
)
from desktop.ui.grid.surfaces import CellChange
from desktop.ui.grid.table_model import EXECUTION, IndicatorTableModel

Cell = tuple[int, int]  # (model row, column)


def _editable(model: IndicatorTableModel, row: int, column: int) -> bool:
    flags = model.flags(model.index(row, column))
    return model.kind(row) != RowKind.TOTAL and bool(flags & Qt.ItemFlag.ItemIsEditable)


def clear_cells(model: IndicatorTableModel, cells: list[Cell]) -> bool:
    """Empty the editable cells among ``cells`` as one undo command."""
    changes: list[CellChange] = []
    for row, column in cells:
        if not _editable(model, row, column):
            continue
        position = model.indicator_index(row)
        changes.append(
            (position, FIELDS[Column(column)], model.convert(position, FIELDS[Column(column)], ""))
        )
    return model.push_changes(changes, "清除单元格")


def insert_rows(
    model: IndicatorTableModel, position: int, items: list[Indicator], text: str = "插入行"
) -> bool:
    """Insert indicators at ``position`` (clamped) as one undo command."""
    if model.project is None or model.read_only or not items:
        return False
    position = max(0, min(position, len(model.indicators())))
    model.undo_stack.push(InsertRowsCommand(model, position, items, text))
    return True


def blank_like(model: IndicatorTableModel, position: int) -> Indicator:
    """A new row carrying the 一级/二级 of the indicator at ``position`` (if any)."""
    inds = model.indicators()
    if 0 <= position < len(inds):
        return Indicator(level1=inds[position].level1, level2=inds[position].level2)
    return Indicator()


def remove_rows(model: IndicatorTableModel, positions: list[int]) -> bool:
    """Remove indicators as one undo command."""
    valid = sorted({p for p in positions if 0 <= p < len(model.indicators())})
    if model.project is None or model.read_only or not valid:
        return False
    model.undo_stack.push(RemoveRowsCommand(model, valid, f"删除{len(valid)}行"))
    return True


def move_rows(model: IndicatorTableModel, positions: list[int], delta: int) -> bool:
    """Move indicators one step up (−1) or down (+1) as one undo command; False at an edge."""
    valid = sorted({p for p in positions if 0 <= p < len(model.indicators())})
    if model.project is None or model.read_only or not valid or delta not in (-1, 1):
        return False
    if (delta < 0 and valid[0] == 0) or (delta > 0 and valid[-1] == len(model.indicators()) - 1):
        return False
    model.undo_stack.push(MoveRowsCommand(model, valid, delta, "上移行" if delta < 0 else "下移行"))
    return True


def accept_suggestions(model: IndicatorTableModel, positions: list[int]) -> bool:
    """Set 得分 = 建议得分 for the given rows (EXECUTION included) as one undo command."""
    changes: list[CellChange] = []
    summary = model.summary()
    for position in positions:
        if position == EXECUTION:
            if summary is not None:
                changes.append((EXECUTION, "score", summary.execution_score))
        elif 0 <= position < len(model.indicators()):
            score = model.row_info(position).suggestion.score
            if score is not None:
                changes.append((position, "score", score))
    ok = model.push_changes(changes, "采用建议得分")
    if not ok:
        model.message.emit("所选行没有可采用的建议得分")
    return ok


def copy_rows(
    model: IndicatorTableModel, cells: list[Cell], visible: Sequence[int] | None = None
) -> list[list[str]]:
    """The bounding rectangle of ``cells`` as text rows, columns in ``visible`` (view) order.

    建议得分 is left out of wider ranges so the rows paste back into the same columns.
    """
    if not cells:
        return []
    default = [int(c) for c in Column if c in PASTE_COLUMNS or c == Column.SUGGESTED]
    order: list[int] = list(visible) if visible is not None else default
    spots = [order.index(c) for c in {c for _, c in cells} if c in order]
    if not spots:
        return []
    rows = range(min(r for r, _ in cells), max(r for r, _ in cells) + 1)
    columns = order[min(spots) : max(spots) + 1]
    if len(columns) > 1:
        columns = [c for c in columns if c != Column.SUGGESTED]
    return [[str(model.index(r, c).data() or "") for c in columns] for r in rows]


@dataclass
class PasteResult:
    """What a paste did, for the message line."""

    rows: int = 0
    appended: int = 0
    ignored_columns: int = 0
    skipped_header: bool = False
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One Chinese line for the user."""
        parts = [f"已粘贴{self.rows}行"]
        if self.appended:
            parts.append(f"其中新增{self.appended}行")
        if self.skipped_header:
            parts.append("已按表头对应各列")
        if self.ignored_columns:
            where = "表头无法对应" if self.skipped_header else "超出表格"
            parts.append(f"{where}的{self.ignored_columns}列已忽略")
        parts.extend(self.problems[:3])
        if len(self.problems) > 3:
            parts.append(f"另有{len(self.problems) - 3}处无法识别")
        return "，".join(parts)


def header_field(text: str) -> str | None:
    """The field a header cell of a real table names ("权重(%)" → weight), or None."""
    clean = "".join(text.split())
    for open_ in ("(", "（"):
        clean = clean.split(open_, 1)[0]
    return HEADER_FIELDS.get(clean)


def _header_layout(cells: list[str]) -> list[str | None] | None:
    """Fields named by a header row (the first column naming a field wins), or None."""
    layout: list[str | None] = []
    for cell in cells:
        field = header_field(cell)
        layout.append(field if field not in layout else None)
    return layout if sum(1 for f in layout if f) >= 2 else None


def paste(
    model: IndicatorTableModel,
    block: list[list[str]],
    row: int,
    column: int,
    selection: list[Cell] | None = None,
    columns: Sequence[Column] | None = None,
) -> PasteResult | None:
    """Paste a TSV block at a cell as one undo command; rows past the end are appended.

    A header row of a real table maps its columns by name; otherwise the block fills
    ``columns`` (the visible editable columns from the current one, in view order).
    """
    result = PasteResult()
    if model.project is None or model.read_only or not block:
        return None
    if len(block) == 1 and len(block[0]) == 1 and selection and len(selection) > 1:
        return _fill_selection(model, block[0][0], selection, result)
    layout = _header_layout(block[0])
    if layout is not None:
        block = block[1:]
        result.skipped_header = True
        result.ignored_columns = sum(1 for f in layout if f is None)
    kind = model.kind(row)
    if (
        layout is None
        and kind == RowKind.EXECUTION
        and len(block) == 1
        and column
        in (
            Column.WEIGHT,
            Column.SCORE,
        )
    ):
        return _paste_execution(model, block[0], column, result)
    if layout is None:
        if columns is None:
            first = Column.DEVIATION if column == Column.SUGGESTED else Column(column)
            start_at = PASTE_COLUMNS.index(first) if first in PASTE_COLUMNS else 0
            columns = PASTE_COLUMNS[start_at:]
        layout = [FIELDS[c] for c in columns if c in FIELDS]
        widest = max((len(cells) for cells in block), default=0)
        result.ignored_columns = max(0, widest - len(layout))
    start = 0 if kind == RowKind.EXECUTION else model.indicator_index(row)
    start = min(start, len(model.indicators()))
    changes: list[CellChange] = []
    new_items: list[Indicator] = []
    previous: dict[str, str] = {}
    for r, cells in enumerate(block):
        position = start + r
        values = _row_values(model, cells, layout, position, previous, result)
        if position < len(model.indicators()):
            changes.extend((position, name, value) for name, value in values.items())
        elif any(v not in ("", None) for v in values.values()):
            item = Indicator()
            for name, value in values.items():
                setattr(item, name, value)
            new_items.append(item)
        result.rows += 1
    result.appended = len(new_items)
    parts: list[GridCommand] = []
    cells_cmd = _cells_command(model, changes, "粘贴")
    if cells_cmd is not None:
        parts.append(cells_cmd)
    if new_items:
        parts.append(InsertRowsCommand(model, len(model.indicators()), new_items, "粘贴"))
    if parts:
        model.undo_stack.push(
            parts[0] if len(parts) == 1 else CompoundCommand(model, parts, "粘贴")
        )
    model.message.emit(result.describe())
    return result


def _row_values(
    model: IndicatorTableModel,
    cells: list[str],
    layout: list[str | None],
    position: int,
    previous: dict[str, str],
    result: PasteResult,
) -> dict[str, Any]:
    form = model.form
    values: dict[str, Any] = {}
    for name, text in zip(layout, cells, strict=False):
        if name is None:
            continue
        if name in ("level1", "level2"):
            text = text.strip() or previous.get(name, "")  # merged cells copy as empty
            if form is not None and text:
                text = (
                    form.canonical_level1(text) if name == "level1" else form.canonical_level2(text)
                )
            previous[name] = text
        try:
            values[name] = model.convert(position, name, text)
        except InputError as exc:
            result.problems.append(exc.message)
    return values


def _cells_command(
    model: IndicatorTableModel, changes: list[CellChange], text: str
) -> SetCellsCommand | None:
    cells = [
        (pos, name, model.current_value(pos, name), value)
        for pos, name, value in changes
        if model.current_value(pos, name) != value
    ]
    return SetCellsCommand(model, cells, text) if cells else None


def _paste_execution(
    model: IndicatorTableModel, cells: list[str], column: int, result: PasteResult
) -> PasteResult:
    names = ["weight", "score"][0 if column == Column.WEIGHT else 1 :]
    changes: list[CellChange] = []
    for name, text in zip(names, cells, strict=False):
        try:
            changes.append((EXECUTION, name, model.convert(EXECUTION, name, text)))
        except InputError as exc:
            result.problems.append(exc.message)
    result.ignored_columns = max(0, len(cells) - len(names))
    result.rows = 1
    model.push_changes(changes, "粘贴")
    model.message.emit(result.describe())
    return result


def _fill_selection(
    model: IndicatorTableModel, text: str, selection: list[Cell], result: PasteResult
) -> PasteResult:
    changes: list[CellChange] = []
    for row, column in selection:
        if not _editable(model, row, column):
            continue
        position = model.indicator_index(row)
        try:
            changes.append(
                (
                    position,
                    FIELDS[Column(column)],
                    model.convert(position, FIELDS[Column(column)], text),
                )
            )
        except InputError as exc:
            result.problems.append(exc.message)
            break
    result.rows = len({r for r, _ in selection})
    model.push_changes(changes, "粘贴")
    model.message.emit(result.describe())
    return result
