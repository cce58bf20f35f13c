"""Helpers shared by the grid tests."""

from __future__ import annotations

from desktop.model.project import Project
from desktop.ui.grid.columns import Column


def snapshot(project: Project) -> list[str]:
    """Exact state of the indicators and the execution line (reprs keep Decimal exponents)."""
    return [repr(project.execution), *(repr(i) for i in project.indicators)]


def row_texts(model, row: int) -> list[str]:
    """Display texts of one model row."""
    return [str(model.index(row, c).data() or "") for c in Column]


def totals(model) -> dict[str, str]:
    """Σ分值, 得分, 建议得分 and the grade text of the totals row."""
    row = model.total_row()
    return {
        "weight": model.index(row, Column.WEIGHT).data(),
        "score": model.index(row, Column.SCORE).data(),
        "suggested": model.index(row, Column.SUGGESTED).data(),
        "grade": model.index(row, Column.DEVIATION).data(),
    }
