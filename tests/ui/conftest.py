"""Fixtures for Qt tests: offscreen platform, a real store on a temp file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import desktop.ui  # noqa: F401  (binding workarounds before the first widget)


@pytest.fixture
def ui_store(tmp_path: Path):
    """An open store on a real file for a window or widget under test."""
    from desktop.store.db import open_store

    store = open_store(tmp_path / "ui.db")
    yield store
    store.close()
