"""Autosave under stress: a killed process loses at most the last second; a locked file shows a banner."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop.model.project import Project, Unit
from desktop.store import repo
from desktop.store.db import open_store
from tests.ui.window_helpers import reopen_text, store_path, type_text

REPO = Path(__file__).resolve().parents[2]

TYPIST = textwrap.dedent(
    """
    import sys, time
    import desktop.ui
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window
    from tests.ui.window_helpers import type_text

    app = QApplication([])
    store = open_store(sys.argv[1])
    window = open_main_window(store, QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window.show()
    window.select_project(int(sys.argv[3]))
    edit = window.section_editor("basic_info").edit
    count = 0

    def tick():
        global count
        type_text(edit, "字")
        count += 1
        print(count, time.monotonic(), flush=True)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(40)
    app.exec()
    """
)


@pytest.mark.slow
def test_kill_mid_typing_loses_at_most_the_last_second(tmp_path):
    db = tmp_path / "kill.db"
    store = open_store(db)
    pid = repo.insert_project(store, Project(Unit("某区信访局"), 2023, "保安费用"))
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(db), str(tmp_path / "s.ini"), str(pid)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    typed: list[tuple[int, float]] = []
    for line in proc.stdout:
        count, stamp = line.split()
        typed.append((int(count), float(stamp)))
        if typed[-1][1] - typed[0][1] > 3.0:
            break
    os.kill(proc.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    proc.wait()
    store = open_store(db)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    saved = len(repo.load_project(store, pid).section("basic_info"))
    store.close()
    typed_a_second_before = max(n for n, t in typed if t <= killed_at - 1.0)
    assert saved >= typed_a_second_before, (saved, typed_a_second_before, typed[-1][0])


def test_locked_file_shows_banner_and_keeps_the_edit(ui_store, make_window):
    pid = repo.insert_project(ui_store, Project(Unit("某区信访局"), 2023, "保安费用"))
    window = make_window(ui_store)
    window.select_project(pid)
    ui_store.conn.execute("PRAGMA busy_timeout=50")
    other = sqlite3.connect(store_path(ui_store), timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        type_text(window.section_editor("problems").edit, "无。")
        assert not window.flush()
        assert window.banner.isVisible() and window.banner.kind == "error"
        assert "未能写入数据库" in window.banner.text()
        assert window.save_label.text() == "未保存！"
        assert window.current_project().section("problems") == "无。"
    finally:
        other.rollback()
        other.close()
    assert window.flush()
    assert not window.banner.isVisible()
    assert reopen_text(store_path(ui_store), pid, "problems") == "无。"
