"""Compiled patterns kept between runs are the patterns re.compile makes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.model import regex_cache
from desktop.model.regex_cache import compiled

REPO = Path(__file__).resolve().parents[2]
SAMPLES = (
    (r"(?P<cur>\d[\d,]*(?:\.\d+)?)\s*万元", 0, "预算 1,234.5万元，执行"),
    (r"[\s\W_]+", re.UNICODE, "保安 费用，共计"),
    (r"(?<![\d.])(\d+(?:\.\d+)?)\s*%", 0, "完成率98.5%"),
    (r"^(?:一|二)、", re.MULTILINE, "前言\n二、项目"),
)


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and a store that has read nothing yet."""
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(regex_cache, "_STORE", regex_cache._Store())
    return tmp_path / "cache" / "data" / regex_cache.FILE_NAME


def test_a_kept_pattern_is_the_pattern_re_compile_makes(fresh, monkeypatch):
    made = [compiled(p, f) for p, f, _ in SAMPLES]
    regex_cache._STORE.save()
    assert fresh.is_file()
    monkeypatch.setattr(regex_cache, "_STORE", regex_cache._Store())  # as the next run
    for (pattern, flags, text), first in zip(SAMPLES, made, strict=True):
        again = compiled(pattern, flags)
        assert (
            regex_cache._STORE.entries is not None
            and (pattern, flags) in regex_cache._STORE.entries
        )
        assert again == re.compile(pattern, flags) == first  # same code, flags and pattern
        assert again.groupindex == re.compile(pattern, flags).groupindex
        assert [m.span() for m in again.finditer(text)] == [
            m.span() for m in re.finditer(pattern, text, flags)
        ]
    assert not regex_cache._STORE.dirty  # nothing new to write


def test_every_pattern_of_the_checks_reads_back_equal(tmp_path):
    """Run `check` twice in fresh processes (the second reads the cache); the kept entries
    rebuild patterns equal to re.compile's."""
    db = tmp_path / "j.db"
    fixture = REPO / "tests" / "fixtures" / "seed003_baoan.json"
    env = dict(os.environ, JIXIAO_CACHE_DIR=str(tmp_path / "cache"))
    run = [sys.executable, "-m", "desktop", "--db", str(db)]
    done = subprocess.run(
        [*run, "import-json", str(fixture)], cwd=REPO, env=env, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    first = subprocess.run([*run, "check", "1"], cwd=REPO, env=env, capture_output=True, text=True)
    second = subprocess.run([*run, "check", "1"], cwd=REPO, env=env, capture_output=True, text=True)
    assert first.stdout == second.stdout and first.returncode == second.returncode
    path = tmp_path / "cache" / "data" / regex_cache.FILE_NAME
    entries = regex_cache._read(path, regex_cache._stamp())
    assert len(entries) >= 60
    for (pattern, flags), entry in entries.items():
        assert regex_cache._build(pattern, entry) == re.compile(pattern, flags), pattern


def test_another_pythons_or_a_damaged_cache_is_ignored(fresh, monkeypatch):
    compiled(SAMPLES[0][0])
    regex_cache._STORE.save()
    stamp = regex_cache._stamp()
    assert regex_cache._read(fresh, stamp)
    assert regex_cache._read(fresh, (*stamp[:1], (3, 99, 0), *stamp[2:])) == {}
    fresh.write_bytes(b"\x00not marshal")
    monkeypatch.setattr(regex_cache, "_STORE", regex_cache._Store())
    assert compiled(SAMPLES[0][0]) == re.compile(SAMPLES[0][0])


def test_a_bad_pattern_raises_as_re_compile_does(fresh):
    with pytest.raises(re.error):
        compiled(r"(unclosed")
    assert compiled(r"\d+").match("123")  # the cache still works after it
    assert regex_cache._STORE.usable
