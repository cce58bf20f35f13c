"""The main window: one editor session, the workspace that shows it, the actions that act on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.model.findings import Finding
from desktop.model.project import Project
from desktop.store.db import Store
from desktop.ui.actions import build_actions, build_menus, connect_actions
from desktop.ui.geometry import restore_geometry, save_geometry
from desktop.ui.screen_fit import install as fit_windows_to_screen
from desktop.ui.section_tabs import SectionEditor
from desktop.ui.session import EditorSession
from desktop.ui.status import APP_TITLE
from desktop.ui.workspace import Workspace

if TYPE_CHECKING:
    from desktop.ui.grid import IndicatorGrid


class _FirstPaint(QObject):
    """Calls back once, just after the watched window's first paint."""

    def __init__(self, window: QMainWindow, callback: Callable[[], None]) -> None:
        super().__init__(window)
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first paint event: stop watching, call back once the paint is done."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


LAST_DB_KEY = "last/db"
LAST_PROJECT_KEY = "last/project"


class MainWindow(QMainWindow):
    """The editor window over one open store.

    State lives in ``session`` (project, form, pending writes, read-only state); the widgets in
    ``workspace``; the menus' actions in ``action``. The methods below are the window's public
    surface for the program start and for tests.

    ``first_painted`` is emitted once, just after the window's first paint: what the first
    paint does without (the application-wide screen fitter, the other tabs) starts then.
    """

    first_painted = Signal()

    def __init__(
        self,
        store: Store,
        read_only_reason: str | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.setWindowTitle(APP_TITLE)
        self.session = EditorSession(store, read_only_reason, parent=self)
        self.workspace = Workspace(self, self.session)
        self.action = build_actions(self.workspace)
        self.menus = build_menus(self, self.action)
        connect_actions(self.workspace, self.action)
        ws = self.workspace
        self.navigator, self.tabs, self.banner = ws.navigator, ws.tabs, ws.banner
        self.overview = ws.tabs.overview
        self.findings_panel, self.empty_page, self.stack = (
            ws.findings_panel,
            ws.empty_page,
            ws.stack,
        )
        self.save_label, self.score_label = ws.status.save_label, ws.status.score_label
        self.session.set_read_only(read_only_reason)  # now the banner and the title follow
        restore_geometry(self, self.settings)
        self._open_last_project()
        _FirstPaint(self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """Fit every window shown from now on (an application-wide event filter in Python
        would see every event of the start), then tell the program start."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            fit_windows_to_screen(app, self.settings)
        self.first_painted.emit()

    # ----- the session's state, for callers outside the window ------------------------------
    @property
    def grid(self) -> IndicatorGrid:
        """The 绩效指标 grid (built after the first paint, or now when asked for first)."""
        return self.workspace.tabs.grid

    @property
    def store(self) -> Store:
        """The open database."""
        return self.session.store

    @property
    def undo_stack(self) -> QUndoStack:
        """The current project's undo history."""
        return self.session.undo_stack

    @property
    def read_only(self) -> bool:
        """True when this window may not write to the database."""
        return self.session.read_only

    @property
    def editable(self) -> bool:
        """True when the current project may be edited."""
        return self.session.editable

    @property
    def findings(self) -> list[Finding]:
        """The current project's 审核 findings."""
        return self.session.findings

    def current_project(self) -> Project | None:
        """The project being edited."""
        return self.session.project

    def build_all(self) -> None:
        """Build the tabs the first paint did without (the grid, the section pages)."""
        self.workspace.tabs.build_all()

    def flush(self) -> bool:
        """Write pending edits now; True when nothing is left unsaved."""
        return self.session.flush()

    def refresh_findings(self) -> None:
        """Run the checks on the current project now."""
        self.session.refresh_findings()

    def select_project(self, project_id: int | None, keep_undo: bool = False) -> bool:
        """Open a project (flushing the current one first); False when it is not listed."""
        return self.workspace.select_project(project_id, keep_undo)

    def section_editor(self, key: str) -> SectionEditor | None:
        """The editor of a section of the current form."""
        return self.workspace.tabs.section_editor(key)

    def jump_to(self, finding: Finding) -> None:
        """Show the tab and the place a finding refers to."""
        self.workspace.jump_to(finding)

    # ----- settings and closing ------------------------------------------------------------
    def _db_key(self) -> str:
        path = self.session.store.path
        return str(Path(path).resolve()) if path else ""

    def _open_last_project(self) -> None:
        """List the projects and open the one edited last in this database (else the first)."""
        self.workspace.reload_navigator()
        last = None
        if self.settings.value(LAST_DB_KEY) == self._db_key():
            try:
                last = int(self.settings.value(LAST_PROJECT_KEY) or 0) or None
            except (TypeError, ValueError):
                last = None
        ids = self.navigator.project_ids()
        if last not in ids:
            last = ids[0] if ids else None
        if last is None or not self.select_project(last):
            self.session.show(None)

    def save_settings(self) -> None:
        """Remember geometry, docks and the current project."""
        save_geometry(self, self.settings)
        self.settings.setValue(LAST_DB_KEY, self._db_key())
        project = self.session.project
        if project is not None and project.id is not None:
            self.settings.setValue(LAST_PROJECT_KEY, project.id)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Flush, remember the layout, give the lock back."""
        from desktop.ui import dialogs  # not at the start: closing is when it may be needed

        if self.session.unsaved and not dialogs.confirm(
            self,
            "有未保存的修改",
            "本窗口已失去对数据库的写入权，最近的修改没有写入数据库。\n\n"
            "选择“取消”留在程序中，用窗口上方的“另存为副本…”保存这些修改；"
            "选择“确定”放弃这些修改并退出。",
        ):
            event.ignore()
            return
        if not self.session.read_only and not self.session.flush():
            keep = dialogs.confirm(
                self,
                "修改未能保存",
                f"最近的修改未能写入数据库：{self.session.last_error}\n\n"
                "选择“取消”留在程序中（建议先复制文字另存），选择“确定”放弃这些修改并退出。",
            )
            if not keep:
                event.ignore()
                return
        self.save_settings()
        self.session.close()
        event.accept()
