"""What the undo commands and the cell renderer need of the table model, as protocols.

The table model (table_model.py) builds on commands.py and display.py; these protocols let those
two name the model's surface without importing it back (no import circle).
"""

from __future__ import annotations

from typing import Any, Protocol

from desktop.model.findings import Finding
from desktop.model.project import Indicator, Project
from desktop.model.scoring import ScoreSummary
from desktop.ui.grid.analysis import RowInfo
from desktop.ui.grid.columns import Column, RowKind

CellChange = tuple[int, str, Any]  # (indicator index or EXECUTION, field, value)


class EditableRows(Protocol):
    """The primitives the undo commands apply and revert."""

    project: Project | None

    def begin_batch(self) -> None:
        """Start one user action made of several steps."""

    def end_batch(self) -> None:
        """Finish the action: refresh once."""

    def apply_values(self, changes: list[CellChange]) -> None:
        """Write values into the project."""

    def insert_indicators(self, position: int, items: list[Indicator]) -> None:
        """Insert indicators at ``position``."""

    def remove_indicators(self, positions: list[int]) -> list[Indicator]:
        """Remove indicators; returns them in ascending position order."""
        ...

    def move_indicator(self, source: int, destination: int) -> None:
        """Move one indicator."""


class CellSource(Protocol):
    """What a cell's text, tooltip and tint are made from."""

    project: Project | None

    def kind(self, row: int) -> RowKind:
        """What a model row shows."""
        ...

    def total_row(self) -> int:
        """Model row of the totals line."""
        ...

    def summary(self) -> ScoreSummary | None:
        """The current totals."""
        ...

    def row_info(self, position: int) -> RowInfo:
        """Cached analysis of an indicator."""
        ...

    def findings_at(self, row: int, column: Column) -> list[Finding]:
        """The 审核's findings at a model cell."""
        ...

    def total_findings(self) -> list[Finding]:
        """The 分值 total's own finding."""
        ...
