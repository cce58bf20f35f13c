"""Building the main window's widgets: centre (banner, tabs), docks, status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from desktop.model.errors import UserError
from desktop.model.forms import available_forms, load_form
from desktop.ui.findings_dock import FindingsPanel
from desktop.ui.navigator import Navigator
from desktop.ui.overview_tab import OverviewTab
from desktop.ui.widgets import Banner, EmptyPage, make_indicator_widget

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def form_choices() -> list[tuple[str, str]]:
    """(key, title) of every available form."""
    out: list[tuple[str, str]] = []
    for key in available_forms():
        try:
            out.append((key, load_form(key).title))
        except UserError:
            continue
    return out


def build_centre(window: MainWindow) -> None:
    """The banner above a stack of the empty page and the tabs (概况, 绩效指标, …)."""
    window.banner = Banner()
    window.tabs = QTabWidget()
    window.tabs.setDocumentMode(True)
    window.tabs.setUsesScrollButtons(True)
    window.overview = OverviewTab(form_choices())
    window.overview.funds.undo_stack = window.undo_stack
    window.overview.undo_stack = window.undo_stack
    window.overview.edited.connect(window._on_overview_edited)
    window.grid = make_indicator_widget(window.undo_stack)
    window.grid.changed.connect(window._on_grid_changed)
    message = getattr(window.grid, "message", None)
    if message is not None:
        message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    window.tabs.addTab(window.overview, "概况")
    window.tabs.addTab(window.grid, "绩效指标")
    window.empty_page = EmptyPage()
    window.stack = QStackedWidget()
    window.stack.addWidget(window.empty_page)
    window.stack.addWidget(window.tabs)
    centre = QWidget()
    layout = QVBoxLayout(centre)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(window.banner)
    layout.addWidget(window.stack, 1)
    window.setCentralWidget(centre)


def build_docks(window: MainWindow) -> None:
    """The navigator on the left and the 审核 panel on the right."""
    window.navigator = Navigator()
    window.navigator.project_selected.connect(window._on_project_selected)
    window.nav_dock = QDockWidget("项目目录", window)
    window.nav_dock.setObjectName("navigator_dock")
    window.nav_dock.setWidget(window.navigator)
    window.nav_dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.nav_dock)
    window.findings_panel = FindingsPanel()
    window.findings_panel.activated.connect(window.jump_to)
    window.findings_dock = QDockWidget("审核", window)
    window.findings_dock.setObjectName("findings_dock")
    window.findings_dock.setWidget(window.findings_panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.findings_dock)
    window.resizeDocks(
        [window.nav_dock, window.findings_dock], [255, 260], Qt.Orientation.Horizontal
    )


def build_status_bar(window: MainWindow) -> None:
    """Score and autosave state at the right of the status bar."""
    window.save_label = QLabel("自动保存已开启")
    window.score_label = QLabel("")
    bar = window.statusBar()
    bar.addPermanentWidget(window.score_label)
    bar.addPermanentWidget(window.save_label)
