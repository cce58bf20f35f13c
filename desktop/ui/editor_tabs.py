"""The tabs of the editor: the fixed tabs from one table, then one tab per level-1 heading.

The tabs follow the session (project loaded, report type changed, findings) and report edits
back to it; they never write to the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.model.checks import Finding
from desktop.model.checks.limits import section_limits
from desktop.model.errors import UserError
from desktop.model.forms import Form, available_forms, load_form
from desktop.model.project import Project
from desktop.model.templates import fill_template
from desktop.ui.grid import IndicatorGrid
from desktop.ui.monitoring_tab import MonitoringTab
from desktop.ui.overview_tab import OverviewTab
from desktop.ui.rectification_tab import RectificationTab
from desktop.ui.section_tabs import FormPages, SectionEditor, SectionPage
from desktop.ui.session import EditorSession


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
            out.append((key, load_form(key).title))
        except UserError:
            continue
    return out


class EditorTabs(QTabWidget):
    """概况, 绩效指标 and the form's section pages, all showing the session's project."""

    def __init__(self, session: EditorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.overview = OverviewTab(form_choices())
        self.overview.undo_stack = session.undo_stack
        self.overview.funds.undo_stack = session.undo_stack
        self.overview.dept.undo_stack = session.undo_stack
        self.grid = IndicatorGrid(session.undo_stack)
        self.monitoring = MonitoringTab(session.undo_stack)
        self.rectification = RectificationTab(session.undo_stack)
        fixed: dict[str, QWidget] = {
            "overview": self.overview,
            "indicators": self.grid,
            "monitoring": self.monitoring,
            "rectification": self.rectification,
        }
        for spec in (*FIXED_TABS, *TRAILING_TABS):
            index = self.addTab(fixed[spec.key], spec.title)
            self.setTabToolTip(index, spec.tip)
        self._pages: dict[str, FormPages] = {}  # built once per form, reused for every project
        self._shown: FormPages | None = None
        self.overview.edited.connect(session.field_edited)
        self.grid.changed.connect(session.indicators_edited)
        self.grid.message.connect(session.message)
        for tab in (self.monitoring, self.rectification):
            tab.edited.connect(session.mark_changed)
            tab.message.connect(session.message)
        session.project_loaded.connect(self._on_project_loaded)
        session.form_changed.connect(self._on_form_changed)
        session.field_changed.connect(self._on_field_changed)
        session.findings_changed.connect(self._on_findings)

    # ----- what is shown ------------------------------------------------------------------
    def section_editor(self, key: str) -> SectionEditor | None:
        """The editor of a section of the current form (None if the form has none)."""
        return self._shown.editors.get(key) if self._shown else None

    def page_of(self, key: str) -> SectionPage | None:
        """The tab page that holds a section of the current form."""
        return self._shown.page_of(key) if self._shown else None

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing in every tab."""
        self.overview.set_read_only(flag)
        self.grid.set_read_only(flag)
        self.monitoring.set_read_only(flag)
        self.rectification.set_read_only(flag)
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
        self.grid.set_project(project, form)
        self.monitoring.set_project(project)
        self.rectification.set_project(project)
        self._show_pages(form)
        if self._shown is not None:
            self._shown.set_project(project)
        self._show_limits()

    def _on_form_changed(self, form: Form) -> None:
        project = self.session.project
        self._show_pages(form)
        if self._shown is not None:
            self._shown.set_project(project)
        self.grid.set_project(project, form)
        self._show_limits()

    def _show_limits(self) -> None:
        """The character limits the project's rule profile sets on its sections."""
        project, form = self.session.project, self.session.form
        if self._shown is not None:
            limits = section_limits(project, form) if project and form else {}
            self._shown.set_limits(limits)

    def _on_field_changed(self, name: str) -> None:
        if name == "funds":
            self.overview.funds.refresh_rate()
            self.grid.refresh()  # the grid's 预算执行率 line follows the funds
            self.monitoring.refresh()  # its budget and rate follow the funds
        elif name == "indicators":
            self.overview.funds.refresh_rate()
            self.monitoring.refresh()  # its rows are the indicators
        elif name == "name":
            self.overview.show_name()
        elif name == "profile":
            self._show_limits()

    def _on_findings(self, findings: list[Finding] | None) -> None:
        self.grid.set_findings(findings or [])
        self.overview.set_findings(findings or [])
        self.monitoring.set_findings(findings or [])
        self.rectification.set_findings(findings or [])

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
        pages = self._pages_for(form) if form else None
        if pages is self._shown:
            return
        current = self.currentIndex()
        self.setUpdatesEnabled(False)
        try:
            while self.count() > len(FIXED_TABS) + len(TRAILING_TABS):
                self.removeTab(len(FIXED_TABS))
            if pages is not None:
                for offset, (title, page) in enumerate(pages.pages):
                    index = self.insertTab(len(FIXED_TABS) + offset, page, title)
                    self.setTabToolTip(index, page.heading.title)
            self._shown = pages
            self.setCurrentIndex(min(max(current, 0), self.count() - 1))
        finally:
            self.setUpdatesEnabled(True)

    def _on_section_edited(self, key: str) -> None:
        editor = self.section_editor(key)
        if editor is not None:
            self.session.section_edited(key, editor.text())

    def _on_template_requested(self, key: str) -> None:
        editor = self.section_editor(key)
        project, form = self.session.project, self.session.form
        if editor is None or project is None or form is None:
            return
        editor.insert_text(fill_template(editor.entry.template, project, form))
