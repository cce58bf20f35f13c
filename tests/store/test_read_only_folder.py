"""A database in a read-only folder opens read-only: reads work, writes are refused in one line.

Tests run as root, who may write anywhere; so the folder is made read-only for real: the program
runs as the user ``nobody`` (setpriv) in a folder with mode 0555, or the folder is a read-only
bind mount (the kernel refuses writes even to root).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.model.errors import StorageError
from desktop.store import backup, repo
from desktop.store.db import open_store
from tests import hostile_files as H
from tests.readonly_helpers import NOBODY, read_only_mount, run_as_nobody, shared_folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_as_a_user_in_a_read_only_folder_list_works_and_import_is_refused():
    with shared_folder() as home, shared_folder() as folder:
        db = H.seeded_database(folder / "jixiao.db")
        case = home / "new.json"
        case.write_text(json.dumps(H._project(name="新项目"), ensure_ascii=False), encoding="utf-8")
        import os

        os.chown(db, NOBODY, NOBODY)  # the user's own file …
        os.chown(home, NOBODY, NOBODY)
        folder.chmod(0o555)  # … in a folder they may not write
        before = _snapshot(folder)
        listed = run_as_nobody(["--db", str(db), "list", "--json"], home)
        assert listed.returncode == 0, listed.stderr
        assert [p["name"] for p in json.loads(listed.stdout)] == ["项目0", "项目1", "项目2"]
        shown = run_as_nobody(["--db", str(db), "show", "2", "--json"], home)
        assert shown.returncode == 0 and json.loads(shown.stdout)["name"] == "项目1"
        refused = run_as_nobody(["--db", str(db), "import-json", str(case)], home)
        assert refused.returncode == 2
        assert refused.stderr.startswith("错误：") and refused.stderr.count("\n") == 1
        assert "不可写" in refused.stderr and "只读" in refused.stderr
        assert _snapshot(folder) == before  # not even a -wal or -shm file appeared


def test_a_read_only_mount_opens_read_only_and_reads(tmp_path, sample_project):
    folder = tmp_path / "ro"
    folder.mkdir()
    store = open_store(folder / "jixiao.db")
    repo.insert_project(store, sample_project)
    store.close()
    with read_only_mount(folder):
        store = open_store(folder / "jixiao.db")
        assert store.read_only and not store.damaged
        assert "不可写" in (store.read_only_reason or "")
        assert [r.name for r in repo.list_projects(store)] == ["保安费用"]
        assert repo.load_project(store, 1).indicators == sample_project.indicators
        with pytest.raises(StorageError, match="不可写") as caught:
            repo.save_section(store, 1, "problems", "新文字")
        assert caught.value.kind == "read_only"
        assert backup.auto_backup(store) is None
        store.close()


def test_the_window_opens_read_only_for_a_user_in_a_read_only_folder():
    import os

    from desktop.ui import app

    with shared_folder() as home, shared_folder() as folder:
        db = H.seeded_database(folder / "jixiao.db")
        os.chown(db, NOBODY, NOBODY)
        os.chown(home, NOBODY, NOBODY)
        home.chmod(0o700)
        folder.chmod(0o555)
        before = _snapshot(folder)
        env = {"QT_QPA_PLATFORM": "offscreen", app.QUIT_AFTER_SHOW: "1"}
        done = run_as_nobody(["--db", str(db)], home, extra_env=env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == [app.SHOWN_LINE, app.READY_LINE]
        assert "Traceback" not in done.stderr
        assert _snapshot(folder) == before
