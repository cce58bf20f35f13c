"""The 插入常用指标 menu: the form's typical indicators grouped by 一级 and 二级."""

from __future__ import annotations

from functools import partial
from typing import Protocol

from PySide6.QtWidgets import QMenu

from desktop.model.forms import Form
from desktop.ui.grid.templates import typical_groups


class TypicalInserter(Protocol):
    """What the menu calls: the grid's insert methods."""

    def insert_typical(self, level1: str, level2: str, which: int | None = None) -> None:
        """Insert typical indicators of a 二级."""

    def insert_starter_set(self) -> None:
        """Insert one typical indicator per 二级."""


def fill_template_menu(menu: QMenu, form: Form | None, grid: TypicalInserter) -> None:
    """Rebuild the menu from the form's framework (called each time it opens)."""
    menu.clear()
    if form is None:
        return
    menu.addAction("每个二级指标各插入一项", grid.insert_starter_set)
    menu.addSeparator()
    current = ""
    for group in typical_groups(form):
        if group.level1 != current:
            current = group.level1
            menu.addSection(current)
        # created here with the menu as parent: under PySide6 6.9 the submenu that
        # addMenu(title) returns was already deleted once the menu had been rebuilt
        sub = QMenu(group.level2, menu)
        menu.addMenu(sub)
        for i, (level3, target) in enumerate(group.items):
            label = f"{level3}（{target}）" if target else level3
            sub.addAction(label, partial(grid.insert_typical, group.level1, group.level2, i))
        if len(group.items) > 1:
            sub.addSeparator()
            sub.addAction("全部插入", partial(grid.insert_typical, group.level1, group.level2))
