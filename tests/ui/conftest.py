"""Fixtures for Qt tests: offscreen platform, a real store on a temp file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import desktop.ui  # noqa: F401  (binding workarounds before the first widget)


@pytest.fixture(autouse=True, scope="session")
def _collect_on_the_gui_thread(qapp):
    """Garbage is collected on the GUI thread, as in the program (desktop.ui.collector)."""
    from desktop.ui.collector import collect_on_gui_thread

    collect_on_gui_thread()


@pytest.fixture(autouse=True)
def _collect_after_each_test():
    """A test's windows and widgets in reference cycles are freed here, on the GUI thread."""
    import gc

    yield
    gc.collect()


@pytest.fixture
def ui_store(tmp_path: Path):
    """An open store on a real file for a window or widget under test."""
    from desktop.store.db import open_store

    store = open_store(tmp_path / "ui.db")
    yield store
    store.close()


@pytest.fixture
def make_window(qtbot, tmp_path: Path):
    """Build main windows (lock, backup, settings in tmp_path); closes them at the end."""
    from PySide6.QtCore import QSettings

    from desktop.ui.app import open_main_window

    windows = []

    def make(store):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = open_main_window(store, settings=settings)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture(autouse=True)
def _error_log_in_tmp(tmp_path: Path, monkeypatch):
    """Program-bug logs of a test go to its tmp_path, never to the user's log folder."""
    monkeypatch.setenv("JIXIAO_LOG_DIR", str(tmp_path / "error-log"))
