"""A database that fails PRAGMA quick_check: opened read-only, never written, never backed up."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import shutil
from pathlib import Path

import pytest

from desktop.model.errors import StorageError
from desktop.store import backup, repo
from desktop.store.db import open_store
from tests import hostile_files as H

cli_main = importlib.import_module("desktop.cli.main")


@pytest.fixture
def damaged(tmp_path) -> Path:
    """A database with three projects, one page overwritten, and a good daily backup."""
    path = H.seeded_database(tmp_path / "jixiao.db")
    store = open_store(path)
    good = backup.auto_backup(store, today=dt.date(2024, 3, 1))
    store.close()
    assert good is not None
    H.corrupt_one_page(path)
    return path


def test_a_damaged_file_opens_read_only_with_the_reason(damaged):
    before = damaged.read_bytes()
    store = open_store(damaged)
    assert store.damaged and store.read_only
    assert "已损坏（完整性检查未通过）" in (store.read_only_reason or "")
    assert "恢复备份" in (store.read_only_reason or "")
    assert len(repo.list_projects(store)) == 3  # what can be read, is
    project = repo.load_project(store, 1)
    project.name = "改名"
    with pytest.raises(StorageError, match="已损坏") as caught:
        repo.save_project(store, project)
    assert caught.value.kind == "corrupt"
    with pytest.raises(StorageError, match="已损坏"):
        repo.insert_project(store, project)
    store.close()
    assert damaged.read_bytes() == before  # opening and trying to write changed nothing


def test_a_damaged_file_is_never_backed_up_over_good_copies(damaged):
    folder = damaged.parent / "backups"
    good = {p.name: p.read_bytes() for p in folder.iterdir()}
    store = open_store(damaged)
    for day in range(2, 20):  # many days of opening the damaged file
        assert backup.auto_backup(store, today=dt.date(2024, 3, day)) is None
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == good


def test_cli_reads_with_a_warning_and_refuses_writes_in_one_line(damaged, tmp_path, capsys):
    before = damaged.read_bytes()
    assert cli_main.main(["--db", str(damaged), "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 3
    assert err.startswith("警告：") and "已损坏" in err and err.count("\n") == 1
    case = tmp_path / "new.json"
    case.write_text(json.dumps(H._project(name="新项目"), ensure_ascii=False), encoding="utf-8")
    for args in (["import-json", str(case)], ["next-year", "1"], ["finalise", "1"]):
        assert cli_main.main(["--db", str(damaged), *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith("错误：") and "已损坏" in err and err.count("\n") == 1
    assert damaged.read_bytes() == before


def test_the_same_file_before_the_damage_accepts_the_import(tmp_path, capsys):
    """Control: the check, not chance, is what refuses the damaged file."""
    path = H.seeded_database(tmp_path / "ok.db")
    copy = tmp_path / "copy.db"
    shutil.copyfile(path, copy)
    case = tmp_path / "new.json"
    case.write_text(json.dumps(H._project(name="新项目"), ensure_ascii=False), encoding="utf-8")
    assert cli_main.main(["--db", str(copy), "import-json", str(case)]) == 0
