"""Where the window goes: findings → their place; settings (geometry, docks, last project)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.model.checks import Finding

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def jump_to(window: MainWindow, finding: Finding) -> None:
    """Show the tab and the place a finding refers to."""
    loc = finding.location or {}
    if "section" in loc:
        key = str(loc["section"])
        editor = window.section_editor(key)
        page = window._shown_pages.page_of(key) if window._shown_pages else None
        if editor is None or page is None:
            return
        window.tabs.setCurrentWidget(page)
        editor.select_range(loc.get("start"), loc.get("end"))
    elif "funds" in loc:
        window.tabs.setCurrentWidget(window.overview)
        window.overview.ensureWidgetVisible(window.overview.funds)
        window.overview.funds.focus_cell(str(loc["funds"]), str(loc.get("column", "executed")))
    elif "indicator" in loc or "execution" in loc:
        window.tabs.setCurrentWidget(window.grid)
        focus_location = getattr(window.grid, "focus_location", None)
        if callable(focus_location):
            focus_location(loc)
        elif "indicator" in loc:
            window.grid.focus_cell(int(loc["indicator"]), str(loc.get("column", "level3")))
    elif "project" in loc:
        window.tabs.setCurrentWidget(window.overview)
        window.overview.focus_field(str(loc["project"]))


def db_key(window: MainWindow) -> str:
    """The database file as remembered in the settings."""
    return str(Path(window.store.path).resolve()) if window.store.path else ""


def restore_settings(window: MainWindow) -> None:
    """Geometry, docks and the last project of this database."""
    geometry = window.settings.value("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = window.settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    window.reload_navigator()
    last = None
    if window.settings.value("last/db") == db_key(window):
        try:
            last = int(window.settings.value("last/project") or 0) or None
        except (TypeError, ValueError):
            last = None
    ids = window.navigator.project_ids()
    if last not in ids:
        last = ids[0] if ids else None
    if last is not None:
        window.select_project(last)
    else:
        window._show_project(None)


def save_settings(window: MainWindow) -> None:
    """Remember geometry, docks and the current project."""
    window.settings.setValue("window/geometry", window.saveGeometry())
    window.settings.setValue("window/state", window.saveState())
    window.settings.setValue("last/db", db_key(window))
    if window._project is not None and window._project.id is not None:
        window.settings.setValue("last/project", window._project.id)
    window.settings.sync()
