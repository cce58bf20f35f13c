"""The 绩效指标 grid: a spreadsheet-like editor of a project's indicators."""

from desktop.ui.grid.widget import IndicatorGrid

__all__ = ["IndicatorGrid"]
