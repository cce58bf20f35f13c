"""The window on a damaged database or in a read-only folder: opens read-only, says why, and a
damaged file can be replaced by a backup without restarting."""

from __future__ import annotations

import datetime as dt
import shutil

from desktop.store import backup, repo
from desktop.store.db import open_store
from desktop.ui import dialogs
from tests import hostile_files as H
from tests.readonly_helpers import read_only_mount


def test_a_damaged_database_opens_read_only_and_a_backup_restores_it(
    tmp_path, make_window, monkeypatch
):
    path = H.seeded_database(tmp_path / "jixiao.db")
    store = open_store(path)
    good = backup.auto_backup(store, today=dt.date(2024, 3, 1))
    store.close()
    assert good is not None
    H.corrupt_one_page(path)
    damaged_bytes = path.read_bytes()
    daily_before = sorted(p.name for p in good.parent.iterdir())

    window = make_window(open_store(path))
    assert window.read_only
    assert window.banner.isVisible() and "已损坏" in window.banner.text()
    assert "恢复备份" in window.banner.text()
    assert window.windowTitle().endswith("[只读]")
    assert window.action.restore.isEnabled()
    assert not window.action.new_project.isEnabled()
    assert path.read_bytes() == damaged_bytes  # the window wrote nothing, backed nothing up
    assert sorted(p.name for p in good.parent.iterdir()) == daily_before

    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: good)
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    assert window.banner.link == "restore"  # the remedy is offered where the problem is told
    window.banner.link_clicked.emit("restore")
    assert not window.read_only and not window.store.damaged
    assert not window.banner.isVisible()
    assert window.navigator.project_ids() == [1, 2, 3]
    kept = [p for p in good.parent.iterdir() if p.name.startswith("jixiao.db-damaged-")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes


def test_a_database_in_a_read_only_folder_opens_read_only(tmp_path, make_window, sample_project):
    folder = tmp_path / "ro"
    folder.mkdir()
    store = open_store(folder / "jixiao.db")
    pid = repo.insert_project(store, sample_project)
    store.close()
    with read_only_mount(folder):
        window = make_window(open_store(folder / "jixiao.db"))
        assert window.read_only and "不可写" in window.banner.text()
        assert window.navigator.project_ids() == [pid]
        window.select_project(pid)
        assert window.section_editor("basic_info").text().startswith("保障本年度内两名保安")
        assert window.section_editor("basic_info").edit.isReadOnly()
        window.close()
    assert not (folder / "backups").exists()
    shutil.rmtree(folder)


def test_a_read_only_folder_opened_the_window_way_is_not_called_damaged(
    tmp_path, qtbot, sample_project
):
    """The window checks the file in the background (BackgroundCheck); in a read-only folder
    the -shm file cannot be created, which must not read as a damaged file."""
    from PySide6.QtCore import QSettings

    from desktop.store.db import BackgroundCheck
    from desktop.ui.app import open_main_window

    folder = tmp_path / "ro"
    folder.mkdir()
    store = open_store(folder / "jixiao.db")
    pid = repo.insert_project(store, sample_project)
    store.close()
    assert sorted(p.name for p in folder.iterdir()) == ["jixiao.db"]  # no -wal/-shm left
    with read_only_mount(folder):
        path = folder / "jixiao.db"
        store = open_store(path, quick_check=False)  # as the window opens it
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        window = open_main_window(store, settings=settings, check=BackgroundCheck(path))
        qtbot.addWidget(window)
        assert window.read_only and not window.store.damaged
        assert "不可写" in window.session.read_only_reason
        assert "已损坏" not in window.session.read_only_reason
        assert window.navigator.project_ids() == [pid]
        window.close()
        window.store.close()
    shutil.rmtree(folder)
