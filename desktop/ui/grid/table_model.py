"""The indicator grid's table model: execution row, one row per indicator, totals row."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack

from desktop.model.checks.core import check_weights_sum
from desktop.model.errors import InputError
from desktop.model.findings import Finding
from desktop.model.forms import Form
from desktop.model.money import parse_points
from desktop.model.project import Indicator, Project
from desktop.model.scoring import ScoreSummary, summarise
from desktop.model.targets import parse_target
from desktop.ui.grid.analysis import LIVE_CODES, RowInfo, analyse
from desktop.ui.grid.columns import (
    COLUMN_OF_FIELD,
    FIELDS,
    HEADER_TIPS,
    HEADERS,
    NUMERIC_FIELDS,
    OPTIONAL_FIELDS,
    Column,
    Role,
    RowKind,
)
from desktop.ui.grid.commands import SetCellsCommand
from desktop.ui.grid.display import execution_cell, indicator_cell, total_cell
from desktop.ui.grid.surfaces import CellChange

COLUMNS = tuple(Column)
HANDLED_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        *Role,
    )
)
EXECUTION = -1  # row key of the 预算执行率 line in cell changes
ItemIndex = QModelIndex | QPersistentModelIndex


def normalise_operator(text: str) -> str | None:
    """指标性质 as typed (">=", "大于等于", "定性") → "≥" … or "定性"; empty → None."""
    clean = text.strip()
    if not clean:
        return None
    if clean == "定性":
        return clean
    return parse_target(f"{clean}1").operator or clean


class IndicatorTableModel(QAbstractTableModel):
    """Rows: 预算执行率, the project's indicators in order, 总分. Edits go through the undo stack."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, undo_stack: QUndoStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.project: Project | None = None
        self.form: Form | None = None
        self.read_only = False
        self._info: list[RowInfo | None] = []
        self._summary: ScoreSummary | None = None
        self._total_findings: list[Finding] = []
        self._findings: dict[tuple[int, Column], list[Finding]] = {}
        self._batch = 0
        self._pending = ""  # "", "values" or "structure": what a batch still has to settle

    # ----- project and row mapping -------------------------------------------------------------
    def set_project(self, project: Project | None, form: Form | None) -> None:
        """Show another project (or none); resets the model."""
        self.beginResetModel()
        self.project = project
        self.form = form
        self._findings = {}
        self._info = [None] * len(project.indicators) if project else []
        self._summary = None
        self.endResetModel()
        if project is not None:
            self._refresh_totals(emit=False)

    def indicators(self) -> list[Indicator]:
        """The shown project's indicator list (empty without a project)."""
        return self.project.indicators if self.project is not None else []

    def kind(self, row: int) -> RowKind:
        """What model row ``row`` shows."""
        if row == 0:
            return RowKind.EXECUTION
        if row == len(self.indicators()) + 1:
            return RowKind.TOTAL
        return RowKind.INDICATOR

    def total_row(self) -> int:
        """Model row of the totals line."""
        return len(self.indicators()) + 1

    @staticmethod
    def indicator_index(row: int) -> int:
        """Indicator position of a model row (−1 for the execution line)."""
        return row - 1

    @staticmethod
    def model_row(position: int) -> int:
        """Model row of an indicator position (EXECUTION → 0)."""
        return 0 if position == EXECUTION else position + 1

    def summary(self) -> ScoreSummary | None:
        """The current totals (Σ分值, entered and suggested totals, grade)."""
        return self._summary

    def row_info(self, position: int) -> RowInfo:
        """Cached analysis of an indicator (suggestion, understood target, problems)."""
        info = self._info[position]
        if info is None:
            info = analyse(self.indicators()[position], position, self.form)
            self._info[position] = info
        return info

    def set_read_only(self, flag: bool) -> None:
        """Refuse every edit while ``flag`` (定稿 or another instance holds the lock)."""
        self.read_only = flag

    # ----- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: ItemIndex = QModelIndex()) -> int:  # noqa: B008
        """Execution line + indicators + totals; 0 without a project."""
        if parent.isValid() or self.project is None:
            return 0
        return len(self.project.indicators) + 2

    def columnCount(self, parent: ItemIndex = QModelIndex()) -> int:  # noqa: B008
        """The nine columns of the 自评表 (with 建议得分)."""
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Official column words; rows are numbered from the first indicator."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.ToolTipRole and horizontal and 0 <= section < len(Column):
            return HEADER_TIPS.get(Column(section))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:
            return HEADERS[Column(section)] if 0 <= section < len(Column) else None
        if self.project is None or not 0 <= section < self.rowCount():
            return None
        kind = self.kind(section)
        return str(section) if kind == RowKind.INDICATOR else ""

    def flags(self, index: ItemIndex) -> Qt.ItemFlag:
        """Selectable everywhere; editable in indicator cells and the execution 分值/得分."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if self.read_only or self.project is None:
            return base
        column = Column(index.column())
        kind = self.kind(index.row())
        if kind == RowKind.INDICATOR and column in FIELDS:
            return base | Qt.ItemFlag.ItemIsEditable
        if kind == RowKind.EXECUTION and column in (Column.WEIGHT, Column.SCORE):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ItemIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, tooltips, tints and raw values of a cell; None for anything unknown."""
        if int(role) not in HANDLED_ROLES or self.project is None or self.form is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self.project.indicators) + 2 and 0 <= column < len(COLUMNS)):
            return None
        column = COLUMNS[column]
        kind = self.kind(row)
        if role == Role.ROW_KIND:
            return int(kind)
        if kind == RowKind.INDICATOR:
            return indicator_cell(self, row - 1, column, role)
        if kind == RowKind.EXECUTION:
            return execution_cell(self, column, role)
        return total_cell(self, column, role)

    # ----- edits (always through the undo stack) -----------------------------------------------
    def setData(self, index: ItemIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An editor's value: converted, then applied as an undo command."""
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        name = FIELDS[Column(index.column())]
        position = self.indicator_index(index.row())
        try:
            converted = self.convert(position, name, value)
        except InputError as exc:
            self.message.emit(exc.message)
            return False
        return self.push_changes(
            [(position, name, converted)], f"编辑{HEADERS[Column(index.column())]}"
        )

    def convert(self, position: int, name: str, value: Any) -> Any:
        """A user's value for a field: points parsed to Decimal, text as str; InputError if bad."""
        if name in NUMERIC_FIELDS:
            where = "预算执行率" if position == EXECUTION else f"第{position + 1}行"
            if isinstance(value, str):
                value = value.strip().removesuffix("%").removesuffix("％")  # 权重(%) of newer forms
            points = parse_points(value, f"{where}{HEADERS[COLUMN_OF_FIELD[name]]}")
            if points is None and position == EXECUTION and name == "weight":
                return self.form.scoring.execution_weight if self.form else Decimal(10)
            return points
        text = "" if value is None else str(value)
        if name in OPTIONAL_FIELDS:
            return normalise_operator(text) if name == "operator" else (text.strip() or None)
        return text.strip() if name in ("level1", "level2") else text

    def current_value(self, position: int, name: str) -> Any:
        """The stored value of one field (position EXECUTION = the execution line)."""
        assert self.project is not None
        target = self.project.execution if position == EXECUTION else self.indicators()[position]
        return getattr(target, name)

    def push_changes(self, changes: list[CellChange], text: str) -> bool:
        """Push one undo command setting cells; False when nothing would change."""
        if self.project is None or self.read_only:
            return False
        cells = [
            (pos, name, self.current_value(pos, name), value)
            for pos, name, value in changes
            if self.current_value(pos, name) != value
            or type(self.current_value(pos, name)) is not type(value)
        ]
        if not cells:
            return False
        self.undo_stack.push(SetCellsCommand(self, cells, text))
        return True

    # ----- primitives used by the undo commands ------------------------------------------------
    def apply_values(self, changes: list[CellChange]) -> None:
        """Write values into the project and refresh the touched rows and the totals."""
        assert self.project is not None
        rows: set[int] = set()
        for position, name, value in changes:
            if position == EXECUTION:
                setattr(self.project.execution, name, value)
            else:
                setattr(self.project.indicators[position], name, value)
                self._info[position] = None
            rows.add(self.model_row(position))
        last = len(Column) - 1
        for row in sorted(rows):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        self._settle(structure=False)

    def insert_indicators(self, position: int, items: list[Indicator]) -> None:
        """Insert indicators at ``position`` (the objects themselves, for exact undo)."""
        assert self.project is not None
        first = self.model_row(position)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self.project.indicators[position:position] = items
        self._info[position:position] = [None] * len(items)
        self.endInsertRows()
        self._after_structure()

    def remove_indicators(self, positions: list[int]) -> list[Indicator]:
        """Remove indicators at ``positions``; returns them in ascending position order."""
        assert self.project is not None
        removed: dict[int, Indicator] = {}
        for position in sorted(set(positions), reverse=True):
            row = self.model_row(position)
            self.beginRemoveRows(QModelIndex(), row, row)
            removed[position] = self.project.indicators.pop(position)
            del self._info[position]
            self.endRemoveRows()
        self._after_structure()
        return [removed[p] for p in sorted(removed)]

    def move_indicator(self, source: int, destination: int) -> None:
        """Move one indicator to ``destination`` (its position after the move)."""
        assert self.project is not None
        if source == destination:
            return
        src_row = self.model_row(source)
        qt_dest = self.model_row(destination) + (1 if destination > source else 0)
        self.beginMoveRows(QModelIndex(), src_row, src_row, QModelIndex(), qt_dest)
        item = self.project.indicators.pop(source)
        info = self._info.pop(source)
        self.project.indicators.insert(destination, item)
        self._info.insert(destination, info)
        self.endMoveRows()
        self._after_structure()

    def _after_structure(self) -> None:
        self._findings = {}  # locations refer to old positions until the next 审核
        for position, ind in enumerate(self.indicators()):
            if not (ind.level3.strip() or ind.level2.strip()):
                self._info[position] = None  # its findings name it by its row number
        self._settle(structure=True)

    def _settle(self, structure: bool) -> None:
        """Totals, header numbers and ``changed`` — once per command, not once per step."""
        if self._batch:
            self._pending = self._pending or "values"
            if structure:
                self._pending = "structure"
            return
        if structure:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
        self._refresh_totals()
        self.changed.emit()

    def begin_batch(self) -> None:
        """Start one user action made of several steps (an undo command)."""
        self._batch += 1

    def end_batch(self) -> None:
        """Finish the action: refresh once and emit ``changed`` once."""
        self._batch -= 1
        if self._batch == 0 and self._pending:
            structure = self._pending == "structure"
            self._pending = ""
            self._settle(structure)

    def _refresh_totals(self, emit: bool = True) -> None:
        if self.project is None or self.form is None:
            self._summary = None
            self._total_findings = []
            return
        self._total_findings = check_weights_sum(self.project, [], self.form)
        suggestions = [
            (info if info is not None else self.row_info(i)).suggestion.score
            for i, info in enumerate(self._info)
        ]
        self._summary = summarise(self.project, self.form, suggestions)
        if emit:
            row = self.total_row()
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
            self.dataChanged.emit(self.index(0, Column.SUGGESTED), self.index(0, Column.SUGGESTED))

    def findings_at(self, row: int, column: Column) -> list[Finding]:
        """The 审核's findings located at a model cell (the live codes excepted)."""
        return self._findings.get((row, column), [])

    def total_findings(self) -> list[Finding]:
        """The 分值 total's own finding (W-WEIGHTS-SUM), kept current with every edit."""
        return self._total_findings

    # ----- findings ----------------------------------------------------------------------------
    def refresh(self, indicators: bool = True) -> None:
        """Re-read the project after changes made elsewhere (funds, or ``indicators`` too)."""
        if self.project is None:
            return
        if indicators or len(self._info) != len(self.project.indicators):
            self._info = [None] * len(self.project.indicators)
        self._refresh_totals(emit=False)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, len(Column) - 1)
            )

    def set_findings(self, findings: list[Finding]) -> None:
        """Tint the cells named by the findings' locations (and re-read the project)."""
        table: dict[tuple[int, Column], list[Finding]] = {}
        for finding in findings:
            if finding.code in LIVE_CODES:
                continue  # the grid keeps these current itself (row_info, total_findings)
            cell = self.cell_of_location(finding.location)
            if cell is not None:
                table.setdefault(cell, []).append(finding)
        self._findings = table
        self.refresh(indicators=False)  # the funds may have changed; indicators only via us

    def cell_of_location(self, location: dict[str, Any]) -> tuple[int, Column] | None:
        """Model cell of a Finding location ({"indicator": i, "column": c} or {"execution": c})."""
        if "execution" in location:
            return 0, COLUMN_OF_FIELD.get(str(location["execution"]), Column.WEIGHT)
        position = location.get("indicator")
        if not isinstance(position, int) or not 0 <= position < len(self.indicators()):
            return None
        column = COLUMN_OF_FIELD.get(str(location.get("column", "")), Column.LEVEL3)
        return self.model_row(position), column
