"""Every CLI write takes the window's writer lock for its transaction: refused (naming the holder)
while a window holds it, and given back afterwards."""

from __future__ import annotations

import importlib
import json

import pytest

from desktop.store import lock
from desktop.store.db import open_store
from tests import hostile_files as H

cli_main = importlib.import_module("desktop.cli.main")


@pytest.fixture
def seeded(tmp_path, capsys):
    db = tmp_path / "jixiao.db"
    case = tmp_path / "p.json"
    data = H._project(
        indicators=[{"level1": "产出指标", "level2": "数量指标", "level3": "人次", "target": "≥1"}]
    )
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli_main.main(["--db", str(db), "import-json", str(case)]) == 0
    other = tmp_path / "other.json"
    other.write_text(json.dumps(H._project(name="另一个"), ensure_ascii=False), encoding="utf-8")
    text = H.text_utf16(tmp_path)
    capsys.readouterr()
    return db, other, text


def _writes(other, text) -> list[list[str]]:
    return [
        ["import-json", str(other)],
        ["import-text", str(text), "--unit", "某局", "--year", "2023"],
        ["next-year", "1"],
        ["baseline", "1"],
        ["finalise", "1", "--force"],
    ]


def test_cli_writes_are_refused_while_a_window_holds_the_lock(seeded, capsys):
    db, other, text = seeded
    window = open_store(db)
    assert lock.acquire(window) is None  # a window holds the database
    before = db.read_bytes()
    for args in _writes(other, text):
        assert cli_main.main(["--db", str(db), *args]) == 2, args
        last = capsys.readouterr().err.splitlines()[-1]  # (import-text reports what it read)
        assert last.startswith("错误：数据库正在被") and "进程" in last
    assert lock.owns(window)
    window.close()
    assert db.read_bytes()[:100] == before[:100]


def test_cli_writes_take_and_give_back_the_lock(seeded, capsys):
    db, other, text = seeded
    for args in _writes(other, text):
        assert cli_main.main(["--db", str(db), *args]) == 0, capsys.readouterr().err
        store = open_store(db)
        assert lock.holder(store) is None
        assert store.conn.execute("SELECT count(*) FROM app_lock").fetchone()[0] == 0
        store.close()
    assert cli_main.main(["--db", str(db), "unfinalise", "1", "--reason", "再改"]) == 0
