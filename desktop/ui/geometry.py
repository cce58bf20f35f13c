"""Where the main window sits: filling the screen the first time, as the user left it later.

The first run opens maximised within the available area (any screen, any scaling); later runs
restore the remembered size and place, shrunk to the available area when the screen is smaller
now (a laptop after a large monitor). Docks are sized in proportion to the window.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from desktop.ui.screen_fit import available_area, fit_to_screen

DEFAULT_SIZE = QSize(1280, 760)
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"  # docks and toolbar
# Docks take this share of the window's width each, within these bounds (logical pixels).
DOCK_SHARE = 0.19
DOCK_MIN, DOCK_MAX = 150, 280


def restore_geometry(window: QMainWindow, settings: QSettings) -> None:
    """The remembered size, position, docks and toolbar; maximised the first time."""
    area = available_area(window)
    window.resize(DEFAULT_SIZE.boundedTo(area.size()))
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is not None:
        window.restoreGeometry(geometry)
        if not window.isMaximized():
            fit_to_screen(window)
    else:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    state = settings.value(STATE_KEY)
    if state is not None:
        window.restoreState(state)
    else:
        size_docks(window, window.size().boundedTo(area.size()).width())


def size_docks(window: QMainWindow, width: int) -> None:
    """Left and right docks in proportion to the window's width."""
    docks = [d for d in window.findChildren(QDockWidget) if not d.isFloating()]
    if not docks:
        return
    share = max(DOCK_MIN, min(DOCK_MAX, int(width * DOCK_SHARE)))
    window.resizeDocks(docks, [share] * len(docks), Qt.Orientation.Horizontal)


def save_geometry(window: QMainWindow, settings: QSettings) -> None:
    """Remember size, position, docks and toolbar."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
