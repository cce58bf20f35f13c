"""Undo commands of the grid: every change to the indicators is one of these on the stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.model.project import Indicator, Project
from desktop.ui.grid.surfaces import EditableRows

Cell = tuple[int, str, Any, Any]  # (indicator position or −1, field, old value, new value)


class GridCommand(QUndoCommand):
    """Base: remembers the project it was made for; obsolete once another project is shown."""

    def __init__(self, model: EditableRows, text: str) -> None:
        super().__init__(text)
        self.model = model
        self.project: Project | None = model.project

    def _live(self) -> bool:
        if self.model.project is not self.project:
            self.setObsolete(True)
            return False
        return True

    def redo(self) -> None:
        """Apply the change (also called by QUndoStack.push)."""
        if self._live():
            self.model.begin_batch()
            try:
                self.do()
            finally:
                self.model.end_batch()

    def undo(self) -> None:
        """Revert the change exactly."""
        if self._live():
            self.model.begin_batch()
            try:
                self.revert()
            finally:
                self.model.end_batch()

    def do(self) -> None:
        """Apply; overridden."""

    def revert(self) -> None:
        """Revert; overridden."""


class SetCellsCommand(GridCommand):
    """Set any number of cells at once (an edit, Delete, paste into existing rows, 采用建议得分)."""

    def __init__(self, model: EditableRows, cells: list[Cell], text: str) -> None:
        super().__init__(model, text)
        self.cells = cells

    def do(self) -> None:
        """Write the new values."""
        self.model.apply_values([(pos, name, new) for pos, name, _old, new in self.cells])

    def revert(self) -> None:
        """Write the old values back."""
        self.model.apply_values([(pos, name, old) for pos, name, old, _new in self.cells])


class InsertRowsCommand(GridCommand):
    """Insert indicators at a position (blank rows, templates, paste below the last row)."""

    def __init__(
        self, model: EditableRows, position: int, items: list[Indicator], text: str
    ) -> None:
        super().__init__(model, text)
        self.position = position
        self.items = items

    def do(self) -> None:
        """Insert the very same objects every time (exact redo)."""
        self.model.insert_indicators(self.position, list(self.items))

    def revert(self) -> None:
        """Remove them again."""
        count = len(self.items)
        self.model.remove_indicators(list(range(self.position, self.position + count)))


class RemoveRowsCommand(GridCommand):
    """Remove indicators at any positions; undo puts the same objects back where they were."""

    def __init__(self, model: EditableRows, positions: list[int], text: str) -> None:
        super().__init__(model, text)
        self.positions = sorted(set(positions))
        self.removed: list[Indicator] = []

    def do(self) -> None:
        """Remove the rows and keep them."""
        self.removed = self.model.remove_indicators(self.positions)

    def revert(self) -> None:
        """Re-insert each row at its old position (ascending keeps positions right)."""
        for position, item in zip(self.positions, self.removed, strict=True):
            self.model.insert_indicators(position, [item])


class MoveRowsCommand(GridCommand):
    """Move the selected indicators one step up (−1) or down (+1)."""

    def __init__(self, model: EditableRows, positions: list[int], delta: int, text: str) -> None:
        super().__init__(model, text)
        self.positions = sorted(set(positions), reverse=delta > 0)
        self.delta = delta

    def do(self) -> None:
        """Each row swaps with its neighbour, nearest the moving edge first."""
        for position in self.positions:
            self.model.move_indicator(position, position + self.delta)

    def revert(self) -> None:
        """Swap back in reverse order."""
        for position in reversed(self.positions):
            self.model.move_indicator(position + self.delta, position)


class CompoundCommand(GridCommand):
    """Several grid commands as one undo step (paste that edits and appends)."""

    def __init__(self, model: EditableRows, parts: list[GridCommand], text: str) -> None:
        super().__init__(model, text)
        self.parts = parts

    def do(self) -> None:
        """Apply the parts in order."""
        for part in self.parts:
            part.do()

    def revert(self) -> None:
        """Revert the parts in reverse order."""
        for part in reversed(self.parts):
            part.revert()
