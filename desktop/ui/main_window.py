"""The main window: navigator, tabs (概况, 绩效指标, one per level-1 heading), 审核, autosave."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QToolBar,
)

from desktop.model.checks import Finding, run_checks
from desktop.model.errors import UserError
from desktop.model.forms import Form, available_forms, load_form
from desktop.model.project import Project
from desktop.store import lock, repo
from desktop.store.db import Store
from desktop.ui import dialogs, window_edits, window_layout, window_state
from desktop.ui.autosave import Autosaver
from desktop.ui.features import install_features
from desktop.ui.findings_dock import FindingsPanel
from desktop.ui.navigator import Navigator
from desktop.ui.overview_tab import OverviewTab
from desktop.ui.section_tabs import FormPages
from desktop.ui.widgets import Banner, EmptyPage

form_choices = window_layout.form_choices

APP_TITLE = window_edits.APP_TITLE
HEARTBEAT_MS = lock.HEARTBEAT_SECONDS * 1000
FINDINGS_DELAY_MS = 300
FIXED_TABS = 2  # 概况 and 绩效指标 come before the form's headings


class MainWindow(QMainWindow):
    """The editor window over one open store."""

    project_changed = Signal()
    project_loaded = Signal(object)  # the Project now shown (or None); features follow it

    # widgets made by window_layout
    banner: Banner
    tabs: QTabWidget
    overview: OverviewTab
    grid: Any
    empty_page: EmptyPage
    stack: QStackedWidget
    navigator: Navigator
    nav_dock: QDockWidget
    findings_panel: FindingsPanel
    findings_dock: QDockWidget
    save_label: QLabel
    score_label: QLabel

    def __init__(
        self,
        store: Store,
        read_only_reason: str | None = None,
        settings: QSettings | None = None,
        defer_features: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self._features_installed = False
        self.read_only_reason = read_only_reason
        self.settings = settings if settings is not None else QSettings()
        self.undo_stack = QUndoStack(self)
        self.feature_errors: list[str] = []
        self._project: Project | None = None
        self._form: Form | None = None
        self._pages: dict[str, FormPages] = {}
        self._shown_pages: FormPages | None = None
        self._dirty_all = False
        self._dirty_sections: set[str] = set()
        self._dirty_unit = False
        self._tree_stale = False
        self._siblings: tuple[int, list[Project]] | None = None
        self._quiet_edit = False
        self.findings: list[Finding] = []

        self.setWindowTitle(APP_TITLE)
        self.resize(1280, 760)
        window_layout.build_centre(self)
        window_layout.build_docks(self)
        window_layout.build_status_bar(self)
        from desktop.ui import window_actions

        self.menu_file: QMenu
        self.menu_edit: QMenu
        self.menu_project: QMenu
        self.menu_export: QMenu
        self.menu_help: QMenu
        self.toolbar: QToolBar
        self.actions_by_name: dict[str, Any] = {}
        window_actions.build(self)
        if not defer_features:
            self.install_features()

        self.autosave = Autosaver(lambda: window_edits.write(self), parent=self)
        self.autosave.saved.connect(lambda stamp: window_edits.on_saved(self, stamp))
        self.autosave.failed.connect(lambda reason: window_edits.on_save_failed(self, reason))
        self.autosave.pending.connect(lambda: self.save_label.setText("有修改，正在保存…"))
        self.project_changed.connect(self._on_project_changed)
        self._findings_timer = QTimer(self)
        self._findings_timer.setSingleShot(True)
        self._findings_timer.setInterval(FINDINGS_DELAY_MS)
        self._findings_timer.timeout.connect(self.refresh_findings)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(lambda: lock.heartbeat(self.store))
        self.apply_read_only(read_only_reason)
        window_state.restore_settings(self)

    # ----- public surface (INTERFACES.md) -------------------------------------------------
    def install_features(self) -> None:
        """Let the optional feature modules add their actions (once; deferred at start-up)."""
        if self._features_installed:
            return
        self._features_installed = True
        install_features(self)
        from desktop.ui import window_actions

        window_actions.finish_menus(self)
        if self.feature_errors:
            self.statusBar().showMessage(
                "部分功能未能加载：" + "；".join(self.feature_errors), 10000
            )

    def current_project(self) -> Project | None:
        """The project being edited (the in-memory object the tabs edit)."""
        return self._project

    def current_form(self) -> Form | None:
        """The form of the current project."""
        return self._form

    @property
    def read_only(self) -> bool:
        """True when this window may not write to the database."""
        return self.read_only_reason is not None or self.store.read_only

    def flush(self) -> bool:
        """Write pending edits now; True when nothing is left unsaved."""
        return self.autosave.flush()

    def reload_navigator(self) -> None:
        """Re-read units and projects into the navigator (keeps the current selection)."""
        current = self._project.id if self._project else None
        self.navigator.reload(repo.list_units(self.store), repo.list_projects(self.store), current)
        self._siblings = None
        has_projects = bool(self.navigator.project_ids())
        self.empty_page.set_has_units(bool(self.navigator.topLevelItemCount()), has_projects)

    def select_project(self, project_id: int | None, keep_undo: bool = False) -> bool:
        """Open a project (flushing the current one first); False when it is not listed.

        The undo history belongs to the project being edited, so it is cleared unless
        ``keep_undo`` (used by undoable commands that switch projects themselves).
        """
        if project_id is None:
            if not self.flush():
                return False
            self._show_project(None)
            if not keep_undo:
                self.undo_stack.clear()
            return True
        if self._project is not None and self._project.id == project_id:
            self.navigator.select_project(project_id, notify=False)
            return True
        if not self.navigator.select_project(project_id, notify=False):
            return False
        return self._open_project(project_id, keep_undo)

    def refresh_findings(self) -> None:
        """Run the checks on the current project and show the findings."""
        self._findings_timer.stop()
        project = self._project
        if project is None or self._form is None:
            self.findings = []
            self.findings_panel.set_findings(None)
            self.grid.set_findings([])
            return
        if self._siblings is None or self._siblings[0] != project.id:
            self._siblings = (project.id or 0, repo.siblings(self.store, project))
        self.findings = run_checks(project, self._siblings[1], self._form)
        self.findings_panel.set_findings(self.findings)
        self.grid.set_findings(self.findings)

    def apply_read_only(self, reason: str | None) -> None:
        """Enter or leave read-only mode (banner, disabled editing and actions)."""
        self.read_only_reason = reason
        if reason is not None:
            self.store.read_only = True
            self.banner.show_message(reason, "readonly")
            self._heartbeat.stop()
        else:
            self.banner.hide()
            self._heartbeat.start()
        self._apply_editable()
        from desktop.ui import window_actions

        window_actions.update_enabled(self)
        window_edits.update_title(self)

    @property
    def editable(self) -> bool:
        """True when the current project may be edited (writable database, not 定稿)."""
        return not self.read_only and not (self._project is not None and self._project.is_final)

    def _apply_editable(self) -> None:
        flag = not self.editable
        self.overview.set_read_only(flag)
        self.grid.set_read_only(flag)
        for pages in self._pages.values():
            pages.set_read_only(flag)
        if self.read_only_reason is not None or self.banner.kind == "error":
            return
        if self._project is not None and self._project.is_final:
            self.banner.show_message(
                f"“{self._project.name}”已定稿，内容不能再修改；如需修改，请先取消定稿。", "info"
            )
        elif self.banner.kind == "info":
            self.banner.hide()

    def reload_current(self) -> None:
        """Re-read the current project from the database (after a feature changed it there)."""
        if self._project is None or self._project.id is None or not self.flush():
            return
        project_id = self._project.id
        self.reload_navigator()
        self.navigator.select_project(project_id, notify=False)
        self._open_project(project_id, keep_undo=False)

    # ----- project loading ----------------------------------------------------------------
    def _on_project_selected(self, project_id: int) -> None:
        if self._project is not None and self._project.id == project_id:
            return
        previous = self._project.id if self._project else None
        if not self._open_project(project_id):
            self.navigator.select_project(previous, notify=False)

    def _open_project(self, project_id: int, keep_undo: bool = False) -> bool:
        if not self.flush():
            dialogs.error(
                self,
                "无法切换项目",
                f"当前项目的修改未能保存：{self.autosave.last_error}\n请先解决该问题。",
            )
            return False
        if self._tree_stale:
            self._tree_stale = False
            self.reload_navigator()
            self.navigator.select_project(project_id, notify=False)
        try:
            project = repo.load_project(self.store, project_id)
        except UserError as exc:
            dialogs.error(self, "无法打开项目", str(exc))
            return False
        if not keep_undo:
            self.undo_stack.clear()
        self._show_project(project)
        return True

    def _form_for(self, project: Project) -> Form:
        try:
            return load_form(project.form)
        except UserError as exc:
            fallback = load_form(available_forms()[0])
            self.statusBar().showMessage(f"{exc}；按“{fallback.title}”显示", 8000)
            return fallback

    def _show_project(self, project: Project | None) -> None:
        self.autosave.discard()
        self._dirty_all = False
        self._dirty_sections.clear()
        self._dirty_unit = False
        self._project = project
        self._form = self._form_for(project) if project else None
        self.overview.set_project(project)
        self.grid.set_project(project, self._form)
        self._show_pages(self._form)
        if self._shown_pages is not None:
            self._shown_pages.set_project(project)
        self.stack.setCurrentIndex(1 if project else 0)
        self._apply_editable()
        window_edits.update_title(self)
        window_edits.update_score(self)
        from desktop.ui import window_actions

        window_actions.update_enabled(self)
        if project is None:
            self.refresh_findings()
        else:
            self._findings_timer.start()
        self.project_loaded.emit(project)

    def _pages_for(self, form: Form) -> FormPages:
        pages = self._pages.get(form.key)
        if pages is None:
            pages = FormPages(form)
            pages.set_read_only(not self.editable)
            for editor in pages.editors.values():
                editor.text_edited.connect(self._on_section_edited)
                editor.template_requested.connect(self._on_template_requested)
            self._pages[form.key] = pages
        return pages

    def _show_pages(self, form: Form | None) -> None:
        pages = self._pages_for(form) if form else None
        if pages is self._shown_pages:
            return
        current = self.tabs.currentIndex()
        self.tabs.setUpdatesEnabled(False)
        try:
            while self.tabs.count() > FIXED_TABS:
                self.tabs.removeTab(FIXED_TABS)
            if pages is not None:
                for title, page in pages.pages:
                    index = self.tabs.addTab(page, title)
                    self.tabs.setTabToolTip(index, page.heading.title)
            self._shown_pages = pages
            self.tabs.setCurrentIndex(min(max(current, 0), self.tabs.count() - 1))
        finally:
            self.tabs.setUpdatesEnabled(True)

    def section_editor(self, key: str) -> Any:
        """The editor widget of a section of the current form (None if the form has none)."""
        return self._shown_pages.editors.get(key) if self._shown_pages else None

    # ----- edits --------------------------------------------------------------------------
    def _on_section_edited(self, key: str) -> None:
        project = self._project
        editor = self.section_editor(key)
        if project is None or editor is None or not self.editable:
            return
        project.sections[key] = editor.text()
        self._dirty_sections.add(key)
        self._quiet_edit = True
        try:
            self.project_changed.emit()
        finally:
            self._quiet_edit = False

    def _on_overview_edited(self, field: str) -> None:
        project = self._project
        if project is None or not self.editable:
            return
        if field == "department":
            self._dirty_unit = True
        if field == "name" and project.id is not None:
            self.navigator.set_project_name(project.id, project.name)
            window_edits.update_title(self)
        if field == "year":
            self._tree_stale = True
            self._siblings = None
        if field == "form":
            self._form = self._form_for(project)
            self._show_pages(self._form)
            if self._shown_pages is not None:
                self._shown_pages.set_project(project)
            self.grid.set_project(project, self._form)
        if field == "funds":
            self.overview.funds.refresh_rate()
            refresh = getattr(self.grid, "refresh", None)
            if callable(refresh):
                refresh()  # the grid's 预算执行率 line follows the funds
        self.project_changed.emit()

    def _on_grid_changed(self) -> None:
        if self._project is not None and self.editable:
            self.overview.funds.refresh_rate()
            self.project_changed.emit()

    def _on_project_changed(self) -> None:
        if self._project is None or self.read_only:
            return
        if not self._quiet_edit:
            self._dirty_all = True
        self.autosave.touch()
        self._findings_timer.start()
        window_edits.update_score(self)

    def _on_template_requested(self, key: str) -> None:
        from desktop.model.templates import fill_template

        editor = self.section_editor(key)
        if editor is None or self._project is None or self._form is None:
            return
        editor.insert_text(fill_template(editor.entry.template, self._project, self._form))

    # ----- settings and closing ------------------------------------------------------------
    def jump_to(self, finding: Finding) -> None:
        """Show the tab and the place a finding refers to."""
        window_state.jump_to(self, finding)

    def save_settings(self) -> None:
        """Remember geometry, docks and the current project."""
        window_state.save_settings(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Flush, remember the layout, give the lock back."""
        if not self.read_only and not self.flush():
            keep = dialogs.confirm(
                self,
                "修改未能保存",
                f"最近的修改未能写入数据库：{self.autosave.last_error}\n\n"
                "选择“取消”留在程序中（建议先复制文字另存），选择“确定”放弃这些修改并退出。",
            )
            if not keep:
                event.ignore()
                return
        self.save_settings()
        self._heartbeat.stop()
        self._findings_timer.stop()
        self.autosave.discard()
        if self.read_only_reason is None:
            lock.release(self.store)
        event.accept()
