"""Helpers for main-window tests: build a window over a real store with private settings."""

from __future__ import annotations

from pathlib import Path

from desktop.store import repo
from desktop.store.db import Store, open_store


def reopen_text(db_path: Path, project_id: int, key: str) -> str:
    """A section's text as another connection to the file sees it."""
    store = open_store(db_path, create=False)
    try:
        return repo.load_project(store, project_id).section(key)
    finally:
        store.close()


def store_path(store: Store) -> Path:
    """The file of a store."""
    assert store.path is not None
    return Path(store.path)


def type_text(widget, text: str) -> None:
    """Type text key by key (QTest.keyClicks cannot send non-ASCII characters)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)
