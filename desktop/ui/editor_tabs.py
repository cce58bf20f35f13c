"""The tabs of the editor: the fixed tabs from one table, then one tab per level-1 heading.

The tabs follow the session (project loaded, report type changed, findings) and report edits
back to it; they never write to the store.

Only the tab on screen is built before the window's first paint: the 绩效指标 grid, the section
pages and the 运行监控/整改 tabs start as empty pages with their titles and are built by
``build_all()`` right after the paint (or at once when something asks for them, e.g. a click on
their tab).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.model.errors import UserError
from desktop.model.findings import Finding
from desktop.model.forms import Form, available_forms, form_title
from desktop.model.project import Project
from desktop.ui.overview_tab import OverviewTab
from desktop.ui.section_tabs import FormPages, SectionEditor, SectionPage, tab_title
from desktop.ui.session import EditorSession
from desktop.ui.tab_strip import TabStrip

if TYPE_CHECKING:
    from desktop.ui.grid import IndicatorGrid
    from desktop.ui.monitoring_tab import MonitoringTab
    from desktop.ui.rectification_tab import RectificationTab

# The two pages of the year's cycle (loaded on first use): the same signals and setters.
CycleTab = TypeVar("CycleTab", "MonitoringTab", "RectificationTab")


@dataclass(frozen=True)
class TabSpec:
    """A tab that every project has, before the form's own headings."""

    key: str
    title: str
    tip: str


FIXED_TABS: tuple[TabSpec, ...] = (
    TabSpec("overview", "概况", "项目信息、项目资金和年度总体目标"),
    TabSpec("indicators", "绩效指标", "绩效指标表（自评表）"),
)
# The tabs of the year around the report, after the form's headings.
TRAILING_TABS: tuple[TabSpec, ...] = (
    TabSpec("monitoring", "运行监控", "年中运行监控：1-7月执行、全年预计、偏差原因和纠偏措施"),
    TabSpec("rectification", "整改", "存在问题的整改措施、责任人、整改期限和完成情况"),
)


def _row(value: object) -> int | None:
    """A row number of a finding's location (None when it names none)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def form_choices() -> list[tuple[str, str]]:
    """(key, title) of every available form."""
    out: list[tuple[str, str]] = []
    for key in available_forms():
        try:
            out.append((key, form_title(key)))
        except UserError:
            continue
    return out


class EditorTabs(QTabWidget):
    """概况, 绩效指标, the form's section pages, 运行监控 and 整改, showing the session's project."""

    def __init__(self, session: EditorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setDocumentMode(True)
        # Every tab at once, in a second row when narrow (placed above the pages by the window).
        self.strip = TabStrip(self)
        self.overview = OverviewTab(form_choices())
        self.overview.undo_stack = session.undo_stack
        self.overview.funds.undo_stack = session.undo_stack
        # Built after the first paint (or on demand); empty stand-in pages until then.
        self._grid: IndicatorGrid | None = None
        self._monitoring: MonitoringTab | None = None
        self._rectification: RectificationTab | None = None
        self._fixed_stand_ins: dict[str, QWidget] = {}
        for spec in (*FIXED_TABS, *TRAILING_TABS):
            page: QWidget = self.overview
            if spec.key != "overview":
                page = self._fixed_stand_ins[spec.key] = QWidget()
            index = self.addTab(page, spec.title)
            self.setTabToolTip(index, spec.tip)
        self._pages: dict[str, FormPages] = {}  # built once per form, reused for every project
        self._shown: FormPages | None = None
        self._waiting: Form | None = None  # a form whose pages are stand-ins on screen now
        self._stand_ins: list[QWidget] = []  # the empty pages of its tabs
        self._deferred = True  # until build_all(): tabs not on screen are built when needed
        self._read_only = False
        self._findings: list[Finding] = []
        self.overview.edited.connect(session.field_edited)
        self.currentChanged.connect(self._on_current_changed)
        session.project_loaded.connect(self._on_project_loaded)
        session.form_changed.connect(self._on_form_changed)
        session.field_changed.connect(self._on_field_changed)
        session.findings_changed.connect(self._on_findings)

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self.strip.sync()

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self.strip.sync()

    # ----- building what is not on screen ------------------------------------------------
    @property
    def grid(self) -> IndicatorGrid:
        """The 绩效指标 grid (built now if it was not yet)."""
        if self._grid is None:
            self._grid = self._build_grid()
        return self._grid

    @property
    def monitoring(self) -> MonitoringTab:
        """The 运行监控 tab (built now if it was not yet)."""
        if self._monitoring is None:
            self._monitoring = self._build_monitoring()
        return self._monitoring

    @property
    def rectification(self) -> RectificationTab:
        """The 整改 tab (built now if it was not yet)."""
        if self._rectification is None:
            self._rectification = self._build_rectification()
        return self._rectification

    def built_grid(self) -> IndicatorGrid | None:
        """The grid if it has been built (asking does not build it)."""
        return self._grid

    def build_all(self) -> None:
        """Build the tabs the first paint did without: grid, section pages, 运行监控, 整改."""
        self._deferred = False
        self._ensure_pages()
        for spec in (*FIXED_TABS, *TRAILING_TABS):
            self.build_tab(spec.key)

    def build_tab(self, key: str) -> QWidget:
        """The page of a fixed or trailing tab (``TabSpec.key``), built now if it was not yet."""
        if key == "indicators":
            return self.grid
        if key == "monitoring":
            return self.monitoring
        if key == "rectification":
            return self.rectification
        return self.overview

    def _build_grid(self) -> IndicatorGrid:
        from desktop.ui.grid import IndicatorGrid

        grid = IndicatorGrid(self.session.undo_stack)
        grid.changed.connect(self.session.indicators_edited)
        grid.message.connect(self.session.message)
        grid.set_read_only(self._read_only)
        grid.set_project(self.session.project, self.session.form)
        grid.set_findings(self._findings)
        self._swap_page(self._fixed_stand_ins.pop("indicators"), grid)
        return grid

    def _build_monitoring(self) -> MonitoringTab:
        from desktop.ui.monitoring_tab import MonitoringTab

        return self._place_cycle_tab("monitoring", MonitoringTab(self.session.undo_stack))

    def _build_rectification(self) -> RectificationTab:
        from desktop.ui.rectification_tab import RectificationTab

        return self._place_cycle_tab("rectification", RectificationTab(self.session.undo_stack))

    def _place_cycle_tab(self, key: str, tab: CycleTab) -> CycleTab:
        """A 运行监控 or 整改 page wired to the session, showing the project, in its tab."""
        tab.edited.connect(self.session.mark_changed)
        tab.message.connect(self.session.message)
        tab.set_read_only(self._read_only)
        tab.set_project(self.session.project)
        tab.set_findings(self._findings)
        self._swap_page(self._fixed_stand_ins.pop(key), tab)
        return tab

    def _swap_page(self, stand_in: QWidget, page: QWidget) -> None:
        """Put ``page`` where ``stand_in`` is, keeping the tab's text, tip and the current tab."""
        index = self.indexOf(stand_in)
        current = self.currentIndex()
        text, tip = self.tabText(index), self.tabToolTip(index)
        with QSignalBlocker(self):
            self.removeTab(index)
            self.insertTab(index, page, text)
            self.setTabToolTip(index, tip)
            self.setCurrentIndex(current)
        self.strip.sync()  # the current tab changed back with its signal blocked
        stand_in.deleteLater()

    def _ensure_pages(self) -> None:
        """Build the section pages whose tabs show stand-ins."""
        form = self._waiting
        if form is None:
            return
        self._waiting = None
        pages = self._pages_for(form)
        stand_ins, self._stand_ins = self._stand_ins, []
        for stand_in, (_, page) in zip(stand_ins, pages.pages, strict=True):
            self._swap_page(stand_in, page)
        self._shown = pages
        pages.set_project(self.session.project)
        self._show_limits()

    def _on_current_changed(self, index: int) -> None:
        page = self.widget(index)
        for key, stand_in in list(self._fixed_stand_ins.items()):
            if page is stand_in:
                self.build_tab(key)
                return
        if page in self._stand_ins:
            self._ensure_pages()

    # ----- what is shown ------------------------------------------------------------------
    def section_editor(self, key: str) -> SectionEditor | None:
        """The editor of a section of the current form (None if the form has none)."""
        self._ensure_pages()
        return self._shown.editors.get(key) if self._shown else None

    def page_of(self, key: str) -> SectionPage | None:
        """The tab page that holds a section of the current form."""
        self._ensure_pages()
        return self._shown.page_of(key) if self._shown else None

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing in every tab."""
        self._read_only = flag
        self.overview.set_read_only(flag)
        for tab in (self._grid, self._monitoring, self._rectification):
            if tab is not None:
                tab.set_read_only(flag)
        for pages in self._pages.values():
            pages.set_read_only(flag)

    def jump_to(self, finding: Finding) -> None:
        """Show the tab and the place a finding refers to."""
        loc = finding.location or {}
        if "section" in loc:
            key = str(loc["section"])
            editor = self.section_editor(key)
            page = self.page_of(key)
            if editor is None or page is None:
                return
            self.setCurrentWidget(page)
            editor.select_range(loc.get("start"), loc.get("end"))
        elif "funds" in loc:
            self.setCurrentWidget(self.overview)
            self.overview.ensureWidgetVisible(self.overview.funds)
            self.overview.funds.focus_cell(str(loc["funds"]), str(loc.get("column", "executed")))
        elif "department" in loc:
            self.setCurrentWidget(self.overview)
            self.overview.ensureWidgetVisible(self.overview.dept)
            self.overview.dept.focus_line(
                str(loc["department"]), str(loc.get("line", "")), str(loc.get("column", ""))
            )
        elif "indicator" in loc or "execution" in loc:
            self.setCurrentWidget(self.grid)
            self.grid.focus_location(loc)
        elif "monitoring" in loc:
            self.setCurrentWidget(self.monitoring)
            self.monitoring.focus(_row(loc["monitoring"]), str(loc.get("column", "")))
        elif "rectification" in loc:
            self.setCurrentWidget(self.rectification)
            self.rectification.focus(_row(loc["rectification"]), str(loc.get("column", "")))
        elif loc.get("project") == "baseline":
            self.setCurrentWidget(self.grid)
        elif "project" in loc:
            self.setCurrentWidget(self.overview)
            self.overview.focus_field(str(loc["project"]))

    # ----- following the session ------------------------------------------------------------
    def _on_project_loaded(self, project: Project | None) -> None:
        form = self.session.form
        self.overview.set_project(project)
        if self._grid is not None:
            self._grid.set_project(project, form)
        for tab in (self._monitoring, self._rectification):
            if tab is not None:
                tab.set_project(project)
        self._show_pages(form)
        if self._shown is not None:
            self._shown.set_project(project)
        self._show_limits()

    def _on_form_changed(self, form: Form) -> None:
        project = self.session.project
        self._show_pages(form)
        if self._shown is not None:
            self._shown.set_project(project)
        if self._grid is not None:
            self._grid.set_project(project, form)
        self._show_limits()

    def _show_limits(self) -> None:
        """The character limits the project's rule profile sets on its sections (once its
        pages exist: the rules load after the first paint)."""
        project, form = self.session.project, self.session.form
        if self._shown is not None:
            from desktop.model.checks.limits import section_limits

            limits = section_limits(project, form) if project and form else {}
            self._shown.set_limits(limits)

    def _on_field_changed(self, name: str) -> None:
        if name == "funds":
            self.overview.funds.refresh_rate()
            if self._grid is not None:
                self._grid.refresh()  # the grid's 预算执行率 line follows the funds
            if self._monitoring is not None:
                self._monitoring.refresh()  # its budget and rate follow the funds
        elif name == "indicators":
            self.overview.funds.refresh_rate()
            if self._monitoring is not None:
                self._monitoring.refresh()  # its rows are the indicators
        elif name == "name":
            self.overview.show_name()
        elif name == "profile":
            self._show_limits()

    def _on_findings(self, findings: list[Finding] | None) -> None:
        self._findings = findings or []
        for tab in (self._grid, self._monitoring, self._rectification):
            if tab is not None:
                tab.set_findings(self._findings)
        self.overview.set_findings(self._findings)

    def _pages_for(self, form: Form) -> FormPages:
        pages = self._pages.get(form.key)
        if pages is None:
            pages = FormPages(form)
            pages.set_read_only(not self.session.editable)
            for editor in pages.editors.values():
                editor.text_edited.connect(self._on_section_edited)
                editor.template_requested.connect(self._on_template_requested)
            self._pages[form.key] = pages
        return pages

    def _show_pages(self, form: Form | None) -> None:
        if form is not None and form is self._waiting:
            return
        on_fixed_tab = self.currentIndex() < len(FIXED_TABS)
        if self._deferred and on_fixed_tab and form is not None and form.key not in self._pages:
            self._show_stand_ins(form)  # the first paint shows only the titles
            return
        self._waiting = None
        pages = self._pages_for(form) if form else None
        if pages is self._shown:
            return
        current = self.currentIndex()
        self.setUpdatesEnabled(False)
        try:
            self._clear_form_tabs()
            if pages is not None:
                for offset, (title, page) in enumerate(pages.pages):
                    index = self.insertTab(len(FIXED_TABS) + offset, page, title)
                    self.setTabToolTip(index, page.heading.title)
            self._shown = pages
            self.setCurrentIndex(min(max(current, 0), self.count() - 1))
        finally:
            self.setUpdatesEnabled(True)

    def _show_stand_ins(self, form: Form) -> None:
        """The form's tabs with empty pages (the current tab is a fixed one)."""
        with QSignalBlocker(self):
            self._clear_form_tabs()
            for offset, (heading, _) in enumerate(form.tabs()):
                stand_in = QWidget()
                index = self.insertTab(len(FIXED_TABS) + offset, stand_in, tab_title(heading))
                self.setTabToolTip(index, heading.title)
                self._stand_ins.append(stand_in)
        self.strip.sync()
        self._shown = None
        self._waiting = form

    def _clear_form_tabs(self) -> None:
        while self.count() > len(FIXED_TABS) + len(TRAILING_TABS):
            self.removeTab(len(FIXED_TABS))
        for stand_in in self._stand_ins:
            stand_in.deleteLater()
        self._stand_ins = []

    def _on_section_edited(self, key: str) -> None:
        editor = self.section_editor(key)
        if editor is not None:
            self.session.section_edited(key, editor.text())

    def _on_template_requested(self, key: str) -> None:
        editor = self.section_editor(key)
        project, form = self.session.project, self.session.form
        if editor is None or project is None or form is None:
            return
        from desktop.model.templates import fill_template

        editor.insert_text(fill_template(editor.entry.template, project, form))
