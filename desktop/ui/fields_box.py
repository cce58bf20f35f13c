"""A group of labelled fields in two columns when the width allows, else one below another
(a 1366×768 screen at 150 % scaling leaves the 概况 page about 540 pixels)."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

# A row of the group: one field across the width, or two side by side.
Row = list[tuple[str, QWidget]]


class FieldsBox(QGroupBox):
    """Rows of (label, field) pairs; ``fit(width)`` picks two columns or one for that width."""

    def __init__(self, title: str, rows: list[Row], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._rows = [[(QLabel(label), field) for label, field in row] for row in rows]
        self._grid = QGridLayout(self)
        self.wide = True
        self._wide_width = 0  # the width two columns need (measured while they were shown)
        self._place(True)

    def _place(self, wide: bool) -> None:
        grid = self._grid
        for row in self._rows:
            for label, field in row:
                grid.removeWidget(label)
                grid.removeWidget(field)
        for column in range(4):
            grid.setColumnStretch(column, 0)
        line = 0
        for row in self._rows:
            for place, (label, field) in enumerate(row):
                column = 2 * place if wide else 0
                grid.addWidget(label, line, column)
                span = 3 if wide and len(row) == 1 else 1
                grid.addWidget(field, line, column + 1, 1, span)
                if not wide:
                    line += 1
            if wide:
                line += 1
        grid.setColumnStretch(1, 1)
        if wide:
            grid.setColumnStretch(3, 1)
        self.wide = wide
        grid.invalidate()

    def fit(self, width: int) -> None:
        """Two columns if they fit in ``width`` pixels, else one."""
        if self.wide:
            self._wide_width = self.minimumSizeHint().width()
        wide = width >= self._wide_width
        if wide != self.wide:
            self._place(wide)
