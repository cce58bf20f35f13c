"""The navigator: a tree unit → year → project on the left."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStyle, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.model.errors import UserError
from desktop.model.project import Unit
from desktop.model.vocabulary import report_title
from desktop.store.repo import ProjectPlace, ProjectRow

# The rows of one unit's year, in the listing's order (for a tree given places only).
YearLoader = Callable[[int, int], list[ProjectRow]]

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
YEAR_ROLE = Qt.ItemDataRole.UserRole + 2
UNIT_ROLE = Qt.ItemDataRole.UserRole + 3

UNIT, YEAR, PROJECT = "unit", "year", "project"
LAZY_LIMIT = 500
STATUS_WORDS = {"draft": "草稿", "final": "已定稿"}


def project_tip(row: ProjectRow, name: str | None = None) -> str:
    """A project's tooltip: its full name (cut off in a narrow navigator), unit, year, kind
    and status."""
    try:
        kind = report_title(row.form)
    except UserError:
        kind = row.form
    status = STATUS_WORDS.get(row.status, row.status)
    return f"{name or row.name}\n{row.unit}　{row.year}年度\n{kind}　状态：{status}"


class Navigator(QTreeWidget):
    """Units, their years and their projects; emits ``project_selected`` on a click."""

    project_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setUniformRowHeights(True)
        self.setAccessibleName("项目目录")
        self._items: dict[int, QTreeWidgetItem] = {}
        self._collapsed: set[tuple[str, int, int]] = set()
        self._opened: set[tuple[str, int, int]] = set()  # years opened by the user (lazy mode)
        # (kind, unit id, year) of a year item → its projects not yet shown as items
        self._pending: dict[tuple[str, int, int], list[ProjectRow | ProjectPlace]] = {}
        self._load_year: YearLoader | None = None
        self._year_of: dict[int, QTreeWidgetItem] = {}
        self._order: list[int] = []
        self._rows: dict[int, ProjectRow] = {}
        style = self.style()
        self._icons = {
            UNIT: style.standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon),
            YEAR: style.standardIcon(QStyle.StandardPixmap.SP_DirIcon),
            PROJECT: style.standardIcon(QStyle.StandardPixmap.SP_FileIcon),
            "final": style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
        }
        self.currentItemChanged.connect(self._on_current_changed)
        self.itemCollapsed.connect(self._on_collapsed)
        self.itemExpanded.connect(self._on_expanded)

    @staticmethod
    def _key(item: QTreeWidgetItem) -> tuple[str, int, int]:
        return (
            str(item.data(0, KIND_ROLE)),
            int(item.data(0, ID_ROLE) or 0),
            int(item.data(0, YEAR_ROLE) or 0),
        )

    def reload(
        self,
        units: list[Unit],
        rows: Sequence[ProjectRow | ProjectPlace],
        current: int | None,
        load_year: YearLoader | None = None,
    ) -> None:
        """Rebuild the tree and select ``current`` (without emitting project_selected).

        A big database (more than LAZY_LIMIT projects) gets its project items only when their
        year is opened: 10 000 items would cost the start-up time and memory users notice. Its
        projects may then be given as places (id, unit, year) with ``load_year`` to read a
        year's rows when the year is opened.
        """
        self.blockSignals(True)
        try:
            self._load_year = load_year
            self.clear()
            self._items.clear()
            self._rows.clear()
            self._pending.clear()
            self._year_of.clear()
            self._order = [row.id for row in rows]
            lazy = len(rows) > LAZY_LIMIT
            unit_items: dict[int, QTreeWidgetItem] = {}
            year_items: dict[tuple[int, int], QTreeWidgetItem] = {}
            for unit in units:
                if unit.id is not None:
                    unit_items[unit.id] = self._make(UNIT, unit.name, unit.id, 0, unit.name)
                    unit_items[unit.id].setToolTip(0, unit.department or unit.name)
            for row in rows:
                parent = unit_items.get(row.unit_id)
                if parent is None:  # a unit made since the units were read
                    name = row.unit if isinstance(row, ProjectRow) else f"单位 {row.unit_id}"
                    parent = self._make(UNIT, name, row.unit_id, 0, name)
                    unit_items[row.unit_id] = parent
                year_item = year_items.get((row.unit_id, row.year))
                if year_item is None:
                    unit_name = str(parent.data(0, UNIT_ROLE))
                    year_item = self._make(
                        YEAR, f"{row.year}年度", row.unit_id, row.year, unit_name
                    )
                    year_item.setChildIndicatorPolicy(
                        QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
                    )
                    parent.addChild(year_item)
                    year_items[(row.unit_id, row.year)] = year_item
                self._pending.setdefault((YEAR, row.unit_id, row.year), []).append(row)
                self._year_of[row.id] = year_item
            self.addTopLevelItems(list(unit_items.values()))
            for year_item in year_items.values():
                if not lazy:
                    self._populate(year_item)
            current_year = self._year_of.get(current) if current is not None else None
            if current_year is not None:
                self._populate(current_year)
            for item in [*unit_items.values(), *year_items.values()]:
                open_ = self._key(item) not in self._collapsed
                if lazy and item.data(0, KIND_ROLE) == YEAR:
                    open_ = item is current_year or self._key(item) in self._opened
                item.setExpanded(open_)
            if current is not None and current in self._items:
                self.setCurrentItem(self._items[current])
        finally:
            self.blockSignals(False)

    def _populate(self, year_item: QTreeWidgetItem) -> None:
        """Create the project items of a year that has none yet."""
        key = self._key(year_item)
        pending = self._pending.pop(key, None)
        if not pending:
            return
        rows = [r for r in pending if isinstance(r, ProjectRow)]
        if len(rows) < len(pending) and self._load_year is not None:
            loaded = {r.id: r for r in self._load_year(key[1], key[2])}
            rows = [loaded[r.id] for r in pending if r.id in loaded]
        for row in rows:
            item = self._make(PROJECT, row.name, row.id, row.year, row.unit)
            if row.status == "final":
                item.setIcon(0, self._icons["final"])
            item.setToolTip(0, project_tip(row))
            year_item.addChild(item)
            self._items[row.id] = item
            self._rows[row.id] = row

    def _on_expanded(self, item: QTreeWidgetItem) -> None:
        self._collapsed.discard(self._key(item))
        if item.data(0, KIND_ROLE) == YEAR:
            self._opened.add(self._key(item))
            self._populate(item)

    def _on_collapsed(self, item: QTreeWidgetItem) -> None:
        self._collapsed.add(self._key(item))
        self._opened.discard(self._key(item))

    def _make(self, kind: str, text: str, ident: int, year: int, unit: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, ID_ROLE, ident)
        item.setData(0, YEAR_ROLE, year)
        item.setData(0, UNIT_ROLE, unit)
        item.setIcon(0, self._icons[kind])
        return item

    def select_project(self, project_id: int | None, notify: bool = True) -> bool:
        """Make a project current; emits project_selected unless ``notify`` is False."""
        item = self.item_for(project_id) if project_id is not None else None
        if item is None:
            return False
        if not notify:
            self.blockSignals(True)
        try:
            parent = item.parent()
            while parent is not None:
                parent.setExpanded(True)
                parent = parent.parent()
            self.setCurrentItem(item)
            self.scrollToItem(item)
        finally:
            if not notify:
                self.blockSignals(False)
        return True

    def project_ids(self) -> list[int]:
        """Ids of all listed projects in tree order."""
        return list(self._order)

    def item_for(self, project_id: int) -> QTreeWidgetItem | None:
        """The tree item of a project (created now if its year was not opened yet)."""
        item = self._items.get(project_id)
        if item is None and project_id in self._year_of:
            self._populate(self._year_of[project_id])
            item = self._items.get(project_id)
        return item

    def set_project_name(self, project_id: int, name: str) -> None:
        """Update a project's text after a rename in the 概况 tab."""
        item = self._items.get(project_id)
        if item is not None:
            item.setText(0, name)
            row = self._rows.get(project_id)
            if row is not None:
                item.setToolTip(0, project_tip(row, name))

    def current_info(self) -> tuple[str | None, int | None, int | None, str]:
        """(kind, id, year, unit name) of the current item; kind None when nothing is current."""
        item = self.currentItem()
        if item is None:
            return None, None, None, ""
        return (
            str(item.data(0, KIND_ROLE)),
            int(item.data(0, ID_ROLE)),
            int(item.data(0, YEAR_ROLE) or 0) or None,
            str(item.data(0, UNIT_ROLE) or ""),
        )

    def _on_current_changed(
        self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None
    ) -> None:
        if current is not None and current.data(0, KIND_ROLE) == PROJECT:
            self.project_selected.emit(int(current.data(0, ID_ROLE)))
