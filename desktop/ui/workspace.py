"""The main window's parts over one editor session, and the moves between projects.

The actions (menus, toolbar) work on a Workspace: its session for the data, its navigator for
the selection, ``window`` as the parent of their dialogs and ``say`` for the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from desktop.model.errors import UserError
from desktop.model.findings import Finding
from desktop.model.project import Project
from desktop.store import repo
from desktop.store.db import Store
from desktop.ui.editor_tabs import EditorTabs
from desktop.ui.findings_dock import FindingsPanel
from desktop.ui.navigator import LAZY_LIMIT, Navigator
from desktop.ui.session import EditorSession
from desktop.ui.status import WindowStatus
from desktop.ui.widgets import Banner, EmptyPage


class Workspace:
    """Navigator, tabs, 审核 panel, banner and status bar, all following one session."""

    def __init__(self, window: QMainWindow, session: EditorSession) -> None:
        self.window = window
        self.session = session
        self.banner = Banner()
        self.tabs = EditorTabs(session)
        self.empty_page = EmptyPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self._with_strip(self.tabs))
        self._build_centre()  # first: the tabs lead the focus chain
        self.navigator = Navigator()
        self.findings_panel = FindingsPanel()
        self.nav_dock = self._dock("项目目录", "navigator_dock", self.navigator)
        self.findings_dock = self._dock("审核", "findings_dock", self.findings_panel)
        self._place_docks()
        self.status = WindowStatus(window, session, self.banner, self.tabs)
        self.navigator.project_selected.connect(self._on_project_selected)
        self.findings_panel.activated.connect(self.jump_to)
        session.project_loaded.connect(self._on_project_loaded)
        session.read_only_changed.connect(self._apply_editable)
        session.findings_changed.connect(self.findings_panel.set_findings)
        session.field_changed.connect(self._on_field_changed)
        session.listing_changed.connect(self.reload_navigator)
        session.outdated.connect(self.reload_current)
        session.lock_regained.connect(self._on_lock_regained)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    @staticmethod
    def _with_strip(tabs: EditorTabs) -> QWidget:
        """The tabs' pages under their strip of tabs."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(tabs.strip)
        layout.addWidget(tabs, 1)
        return page

    def _build_centre(self) -> None:
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.window.setCentralWidget(centre)

    def _place_docks(self) -> None:
        self.nav_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.nav_dock)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.findings_dock)

    # ----- for the actions ------------------------------------------------------------------
    @property
    def store(self) -> Store:
        """The session's database."""
        return self.session.store

    def say(self, text: str, msec: int = 5000) -> None:
        """A passing note in the status bar."""
        self.status.say(text, msec)

    def jump_to(self, finding: Finding) -> None:
        """Show the tab and the place a finding refers to."""
        self.tabs.jump_to(finding)

    def reload_navigator(self) -> None:
        """Re-read units and projects into the navigator (keeps the current selection)."""
        project = self.session.project
        current = project.id if project else None
        store = self.store
        places = repo.list_project_places(store)
        units = repo.list_units(store)
        if len(places) <= LAZY_LIMIT:  # every year is shown at once: one query for all rows
            self.navigator.reload(units, repo.list_projects(store), current)
        else:
            self.navigator.reload(
                units,
                places,
                current,
                lambda unit_id, year: repo.list_projects(store, year=year, unit_id=unit_id),
            )
        self.session.forget_siblings()
        has_projects = bool(self.navigator.project_ids())
        self.empty_page.set_has_units(bool(self.navigator.topLevelItemCount()), has_projects)

    def select_project(self, project_id: int | None, keep_undo: bool = False) -> bool:
        """Open a project (flushing the current one first); False when it is not listed.

        The undo history belongs to the project being edited, so it is cleared unless
        ``keep_undo`` (used by undoable commands that switch projects themselves).
        """
        if project_id is None:
            if not self.session.flush():
                return False
            self.session.show(None, keep_undo)
            return True
        project = self.session.project
        if project is not None and project.id == project_id:
            self.navigator.select_project(project_id, notify=False)
            return True
        if not self.navigator.select_project(project_id, notify=False):
            return False
        return self._open_project(project_id, keep_undo)

    def reload_current(self) -> None:
        """Re-read the current project from the database (after a change made there)."""
        project = self.session.project
        if project is None or project.id is None or not self.session.flush():
            return
        self.reload_navigator()
        self.navigator.select_project(project.id, notify=False)
        self._open_project(project.id)

    def _on_lock_regained(self, _note: str) -> None:
        """Writable again: what the other holder wrote is read afresh."""
        project = self.session.project
        self.reload_navigator()
        if project is not None and project.id is not None:
            if not self.navigator.select_project(project.id, notify=False):
                self.session.show(None)
                return
            self._open_project(project.id)

    # ----- switching ------------------------------------------------------------------------
    def _on_project_selected(self, project_id: int) -> None:
        project = self.session.project
        if project is not None and project.id == project_id:
            return
        previous = project.id if project else None
        if not self._open_project(project_id):
            self.navigator.select_project(previous, notify=False)

    def _open_project(self, project_id: int, keep_undo: bool = False) -> bool:
        if not self.session.flush():
            self._error(
                "无法切换项目",
                f"当前项目的修改未能保存：{self.session.last_error}\n请先解决该问题。",
            )
            return False
        try:
            self.session.load(project_id, keep_undo)
        except UserError as exc:
            self._error("无法打开项目", str(exc))
            return False
        return True

    def _error(self, title: str, text: str) -> None:
        from desktop.ui import dialogs  # only when something went wrong: not at the start

        dialogs.error(self.window, title, text)

    def _on_project_loaded(self, project: Project | None) -> None:
        self.stack.setCurrentIndex(1 if project else 0)
        if project is not None:
            self.findings_panel.show_pending()
        self._apply_editable()
        if project is not None and project.id is not None:
            self.navigator.select_project(project.id, notify=False)

    def _apply_editable(self) -> None:
        self.tabs.set_read_only(not self.session.editable)

    def _on_field_changed(self, name: str) -> None:
        project = self.session.project
        if name == "name" and project is not None and project.id is not None:
            self.navigator.set_project_name(project.id, project.name)
