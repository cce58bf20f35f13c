"""Where the main window sits: its first size and the geometry remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QMainWindow

DEFAULT_SIZE = QSize(1280, 760)
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"  # docks and toolbar


def restore_geometry(window: QMainWindow, settings: QSettings) -> None:
    """The remembered size, position, docks and toolbar (the default size the first time)."""
    window.resize(DEFAULT_SIZE)
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.value(STATE_KEY)
    if state is not None:
        window.restoreState(state)


def save_geometry(window: QMainWindow, settings: QSettings) -> None:
    """Remember size, position, docks and toolbar."""
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(STATE_KEY, window.saveState())
