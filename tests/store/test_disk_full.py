"""A full disk: clear Chinese message, nothing half-written, the file still opens."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.model.errors import StorageError
from desktop.store import repo
from desktop.store.db import open_store

REPO = Path(__file__).resolve().parents[2]


def fill_disk(store) -> None:
    """Let the file grow no further: SQLite then fails exactly as on a full disk."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_import_is_refused_and_leaves_nothing(fresh_store, sample_project):
    first = repo.insert_project(fresh_store, sample_project)
    fill_disk(fresh_store)
    big = []
    for i in range(30):
        p = repo.load_project(fresh_store, first)
        p.id = None
        p.name = f"项目{i}"
        p.sections["basic_info"] = "很长的项目基本情况。" * 400
        big.append(p)
    with pytest.raises(StorageError, match="磁盘空间已满"), fresh_store.transaction():
        for p in big:
            repo.insert_project(fresh_store, p)
    assert [r.name for r in repo.list_projects(fresh_store)] == ["保安费用"]
    assert fresh_store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_full_disk_during_save_keeps_the_old_text(fresh_store, sample_project, db_path):
    pid = repo.insert_project(fresh_store, sample_project)
    fill_disk(fresh_store)
    with pytest.raises(StorageError, match="磁盘空间已满") as caught:
        repo.save_section(fresh_store, pid, "basic_info", "新的文字。" * 5000)
    assert caught.value.kind == "disk_full"
    other = sqlite3.connect(db_path)
    text = other.execute(
        "SELECT text FROM section WHERE project_id = ? AND key = 'basic_info'", [pid]
    ).fetchone()[0]
    other.close()
    assert text == sample_project.sections["basic_info"]


def test_cli_import_on_full_disk_exits_2_in_chinese(tmp_path, sample_project):
    from desktop.model.snapshot import project_to_dict

    db = tmp_path / "full.db"
    store = open_store(db)
    repo.insert_project(store, sample_project)
    store.close()
    bundle = []
    for i in range(40):
        d = project_to_dict(sample_project)
        d["name"] = f"项目{i}"
        d["sections"]["basic_info"] = "很长的项目基本情况。" * 400
        bundle.append(d)
    src = tmp_path / "bundle.json"
    src.write_text(
        json.dumps({"format": "jixiao.bundle/1", "projects": bundle}, ensure_ascii=False),
        encoding="utf-8",
    )
    # A full disk for that process only: the import runs with a page limit set by a wrapper.
    code = (
        "import sys, sqlite3\n"
        "from desktop.store import db as dbmod\n"
        "orig = dbmod.open_store\n"
        "def limited(*a, **k):\n"
        "    s = orig(*a, **k)\n"
        "    n = s.conn.execute('PRAGMA page_count').fetchone()[0]\n"
        "    s.conn.execute(f'PRAGMA max_page_count = {n}')\n"
        "    return s\n"
        "dbmod.open_store = limited\n"
        "from desktop import cli\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "import-json", str(src)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2
    assert "磁盘空间已满" in r.stderr and "Traceback" not in r.stderr
    store = open_store(db)
    assert [p.name for p in repo.list_projects(store)] == ["保安费用"]
    store.close()
