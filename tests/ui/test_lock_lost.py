"""A window that lost the writer lock stops writing, keeps what was typed, says so, and offers a
copy; a read-only window takes the lock over when its holder is gone, without a restart.

The other holder is another connection to the same file (another window's store, as in another
process); the two-process stall harness (test_two_window_stall.py) does the same with SIGSTOP.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from desktop.store import lock, repo
from desktop.store.db import open_store
from desktop.ui import dialogs
from tests.ui.window_helpers import reopen_text, store_path, type_text


def _take_over(path) -> object:
    """Another window takes the lock over (as after this one stalled past the stale time)."""
    other = open_store(path)
    other.conn.execute("UPDATE app_lock SET heartbeat = '2000-01-01T00:00:00'")
    other.conn.commit()
    assert lock.acquire(other) is None
    return other


def _open(ui_store, make_window, sample_project, monkeypatch):
    # Closing a window that still has unsaved edits asks first: the answer here is "discard".
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    assert not window.read_only and lock.owns(ui_store)
    window.select_project(pid)
    return window, pid


def test_a_window_that_lost_the_lock_keeps_the_typing_and_writes_nothing(
    ui_store, make_window, sample_project, monkeypatch, tmp_path
):
    window, pid = _open(ui_store, make_window, sample_project, monkeypatch)
    path = store_path(ui_store)
    other = _take_over(path)
    repo.save_section(other, pid, "problems", "对方写的问题。")  # the other window's work

    editor = window.section_editor("problems")
    type_text(editor.edit, "本窗口输入的文字")
    assert not window.flush() or window.session.lost_lock
    assert window.session.lost_lock and window.read_only and window.session.unsaved
    assert window.banner.kind == "error" and "失去对数据库的写入权" in window.banner.text_shown()
    assert "另存为副本" in window.banner.text() and window.banner.link == "save-copy"
    assert editor.text() == "本窗口输入的文字无。"  # kept in the window (typed before "无。")
    assert editor.edit.isReadOnly()
    assert reopen_text(path, pid, "problems") == "对方写的问题。"  # nothing written over it

    out = tmp_path / "副本.json"
    monkeypatch.setattr(dialogs, "save_file", lambda *a: out)
    window.banner.link_clicked.emit("save-copy")
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["sections"]["problems"] == "本窗口输入的文字无。"
    assert saved["name"].startswith("保安费用（未保存的修改")

    lock.release(other)  # the other window closes
    other.close()
    assert window.session.try_takeover()
    assert not window.read_only and not window.session.lost_lock
    rows = {r.name: r.id for r in repo.list_projects(ui_store)}
    copy_name = next(n for n in rows if n.startswith("保安费用（未保存的修改"))
    assert reopen_text(path, rows[copy_name], "problems") == "本窗口输入的文字无。"
    assert reopen_text(path, pid, "problems") == "对方写的问题。"
    assert window.section_editor("problems").text() == "对方写的问题。"  # read afresh
    assert window.banner.kind == "notice" and "已另存为新项目" in window.banner.text_shown()


def test_the_heartbeat_notices_a_lost_lock_before_any_typing(
    ui_store, make_window, sample_project, monkeypatch
):
    window, _pid = _open(ui_store, make_window, sample_project, monkeypatch)
    other = _take_over(store_path(ui_store))
    window.session._beat()
    assert window.session.lost_lock and window.read_only and not window.session.unsaved
    assert window.banner.link == ""  # nothing to save: no copy offered
    assert lock.owns(other)
    window.close()
    assert lock.owns(other)  # closing the window that lost it leaves the other's lock alone


def test_every_write_path_checks_the_lock(ui_store, make_window, sample_project, monkeypatch):
    window, _pid = _open(ui_store, make_window, sample_project, monkeypatch)
    _take_over(store_path(ui_store))
    type_text(window.overview.name_edit, "改")
    window.flush()
    assert window.session.lost_lock
    assert [r.name for r in repo.list_projects(ui_store)] == ["保安费用"]


HOLDER = textwrap.dedent(
    """
    import sys, time
    from desktop.store import lock
    from desktop.store.db import open_store
    store = open_store(sys.argv[1])
    assert lock.acquire(store) is None
    print("held", flush=True)
    sys.stdin.readline()
    lock.release(store)
    print("released", flush=True)
    time.sleep(60)
    """
)


def test_a_read_only_window_takes_over_when_the_holder_leaves(
    ui_store, make_window, sample_project, qtbot, monkeypatch
):
    monkeypatch.setenv(lock.HEARTBEAT_ENV, "0.2")  # the window tries every 0.2 s
    pid = repo.insert_project(ui_store, sample_project)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_path(ui_store))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "held"
        window = make_window(ui_store)
        assert window.read_only and "自动转为可编辑" in window.banner.text_shown()
        assert not window.session.try_takeover()  # the holder is alive and beating
        proc.stdin.write("release\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "released"
        qtbot.waitUntil(lambda: not window.read_only, timeout=lock.heartbeat_seconds() * 3000)
        window.select_project(pid)
        type_text(window.section_editor("problems").edit, "接管后输入")
        assert window.flush()
        assert reopen_text(store_path(ui_store), pid, "problems") == "接管后输入无。"
    finally:
        proc.kill()
        proc.wait()
