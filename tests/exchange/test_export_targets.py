"""Exports never destroy anything: not the database, not another SQLite file, not a backup, not
a read-only file; an existing file is replaced only when asked (--force)."""

from __future__ import annotations

import importlib
import json
import sqlite3
from pathlib import Path

import pytest

from desktop.exchange.files import check_target, write_bytes_atomic
from desktop.model.errors import InputError
from tests import hostile_files as H

cli_main = importlib.import_module("desktop.cli.main")


@pytest.fixture
def seeded(tmp_path, capsys) -> Path:
    db = tmp_path / "jixiao.db"
    case = tmp_path / "seed.json"
    case.write_text(json.dumps(H._project(), ensure_ascii=False), encoding="utf-8")
    assert cli_main.main(["--db", str(db), "import-json", str(case)]) == 0
    capsys.readouterr()
    return db


def _export(db: Path, kind: str, out: Path, *extra: str) -> int:
    return cli_main.main(["--db", str(db), kind, "1", "--out", str(out), *extra])


@pytest.mark.parametrize("kind", ["export-json", "export-xlsx", "export-pdf"])
@pytest.mark.parametrize("suffix", ["", "-wal"])
def test_export_onto_the_open_database_is_refused_and_the_database_survives(
    seeded, capsys, kind, suffix
):
    before = seeded.read_bytes()
    target = Path(f"{seeded}{suffix}")
    assert _export(seeded, kind, target, "--force") == 2
    err = capsys.readouterr().err
    assert "正在使用的数据库文件" in err and err.count("\n") == 1
    assert seeded.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    assert cli_main.main(["--db", str(seeded), "list", "--json"]) == 0
    assert [p["name"] for p in json.loads(capsys.readouterr().out)] == ["接访费用"]


def test_export_through_a_hard_link_to_the_database_is_refused(seeded, capsys, tmp_path):
    link = tmp_path / "别名.xlsx"
    link.hardlink_to(seeded)
    assert _export(seeded, "export-xlsx", link, "--force") == 2
    assert "正在使用的数据库文件" in capsys.readouterr().err


def test_export_onto_another_sqlite_file_is_refused(seeded, capsys, tmp_path):
    other = tmp_path / "账本.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    before = other.read_bytes()
    assert _export(seeded, "export-xlsx", other, "--force") == 2
    assert "SQLite 数据库文件" in capsys.readouterr().err
    assert other.read_bytes() == before


def test_export_into_the_backups_folder_is_refused(seeded, capsys, tmp_path):
    (tmp_path / "backups").mkdir()
    assert _export(seeded, "export-json", tmp_path / "backups" / "x.json") == 2
    assert "backups 文件夹只存放数据库的备份" in capsys.readouterr().err
    assert not (tmp_path / "backups" / "x.json").exists()


def test_export_onto_a_read_only_file_is_refused(seeded, capsys, tmp_path):
    out = tmp_path / "只读.xlsx"
    out.write_bytes(b"keep")
    out.chmod(0o444)
    assert _export(seeded, "export-xlsx", out, "--force") == 2
    assert "只读" in capsys.readouterr().err
    assert out.read_bytes() == b"keep"


def test_overwriting_an_existing_export_needs_force(seeded, capsys, tmp_path):
    out = tmp_path / "项目.json"
    out.write_text("旧内容", encoding="utf-8")
    assert _export(seeded, "export-json", out) == 2
    assert "已存在；如需覆盖，请加 --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "旧内容"
    assert _export(seeded, "export-json", out, "--force") == 0
    assert json.loads(out.read_text(encoding="utf-8"))["name"] == "接访费用"


def test_every_exporter_refuses_a_sqlite_target_whoever_calls_it(seeded):
    """The window's exports go through write_bytes_atomic too, without the CLI's checks."""
    with pytest.raises(InputError, match="SQLite 数据库文件"):
        write_bytes_atomic(seeded, b"%PDF-1.4")
    assert seeded.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_new_file_and_a_folder(tmp_path):
    check_target(tmp_path / "新.pdf", overwrite=False)
    with pytest.raises(InputError, match="这是一个文件夹"):
        check_target(tmp_path)


def test_backup_never_onto_the_database_and_overwrites_only_with_force(seeded, capsys, tmp_path):
    assert cli_main.main(["--db", str(seeded), "backup", "--out", str(seeded)]) == 2
    assert "正在使用的数据库文件本身" in capsys.readouterr().err
    out = tmp_path / "copy.db"
    assert cli_main.main(["--db", str(seeded), "backup", "--out", str(out)]) == 0
    assert cli_main.main(["--db", str(seeded), "backup", "--out", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert cli_main.main(["--db", str(seeded), "backup", "--out", str(out), "--force"]) == 0
