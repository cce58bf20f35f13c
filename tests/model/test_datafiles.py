"""The cache of parsed data files: the same content as parsing, renewed when a file changes,
ignored when it cannot be used."""

from __future__ import annotations

import os

import pytest
import tomllib

from desktop.model import datafiles
from desktop.model.datafiles import BadToml, load_toml
from desktop.model.forms import data_dir


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(folder))
    return folder / "data"


def test_every_data_file_reads_back_as_parsed(cache):
    files = [*data_dir("forms").rglob("*.toml"), *data_dir("resources").rglob("*.toml")]
    assert len(files) >= 8
    for path in files:
        parsed = tomllib.loads(path.read_text(encoding="utf-8"))
        assert load_toml(path) == parsed  # parsed now, the entry written
        assert load_toml(path) == parsed  # read back from the entry
    assert len(list(cache.glob("*.marshal"))) == len(files)


def test_a_changed_file_is_parsed_again(cache, tmp_path):
    path = tmp_path / "form.toml"
    path.write_text('title = "旧标题"\n', encoding="utf-8")
    assert load_toml(path) == {"title": "旧标题"}
    path.write_text('title = "新的标题"\n', encoding="utf-8")
    assert load_toml(path) == {"title": "新的标题"}
    path.write_text('title = "新的标颢"\n', encoding="utf-8")  # the same size
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # another time: parsed again
    assert load_toml(path) == {"title": "新的标颢"}


def test_a_caller_may_change_what_it_gets(cache, tmp_path):
    path = tmp_path / "words.toml"
    path.write_text('words = ["一", "二"]\n', encoding="utf-8")
    load_toml(path)["words"].append("三")
    assert load_toml(path) == {"words": ["一", "二"]}


def test_a_damaged_or_foreign_entry_is_ignored_and_rewritten(cache, tmp_path):
    path = tmp_path / "form.toml"
    path.write_text('title = "标题"\n', encoding="utf-8")
    load_toml(path)
    (entry,) = cache.glob("*.marshal")
    for junk in (b"", b"\x00garbage", b"N"):  # truncated, not marshal, a bare None
        entry.write_bytes(junk)
        assert load_toml(path) == {"title": "标题"}
    assert entry.read_bytes() not in (b"", b"\x00garbage", b"N")


def test_an_unwritable_cache_folder_changes_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(blocker))  # its "data" folder cannot be made
    path = tmp_path / "form.toml"
    path.write_text('title = "标题"\n', encoding="utf-8")
    assert load_toml(path) == {"title": "标题"}
    assert load_toml(path) == {"title": "标题"}


def test_bad_toml_says_so_and_leaves_no_entry(cache, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('title = "没有结束\n', encoding="utf-8")
    with pytest.raises(BadToml):
        load_toml(path)
    path.write_bytes("title = '标题'\n".encode("gbk"))
    with pytest.raises(BadToml, match="UTF-8"):
        load_toml(path)
    assert not list(cache.glob("*.marshal"))
    with pytest.raises(OSError):
        load_toml(tmp_path / "missing.toml")


def test_the_default_cache_folder_is_the_users(monkeypatch, tmp_path):
    monkeypatch.delenv("JIXIAO_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if datafiles.sys.platform.startswith("linux"):
        assert datafiles.cache_dir() == tmp_path / "xdg" / "jixiao" / "data"
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "mine"))
    assert datafiles.cache_dir() == tmp_path / "mine" / "data"
