"""The parsed-font cache: used when the font file is unchanged, rebuilt when it changes, never
in the way (a damaged or unwritable cache only costs speed), and the PDF is the same either way."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.exchange import font_cache
from desktop.exchange.font_cache import GlyphMetrics, load_ttfont
from desktop.exchange.fonts import bundled_dir
from desktop.model import datafiles
from tests.exchange.pdfread import font_objects, page_texts

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "seed003_baoan.json"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    """An empty cache folder of this test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(folder))
    return folder / "fonts"


@pytest.fixture
def font(tmp_path: Path) -> Path:
    """A copy of a bundled font that the test may change."""
    target = tmp_path / "fonts" / "gkai00mp.ttf"
    target.parent.mkdir()
    shutil.copy2(bundled_dir() / "gkai00mp.ttf", target)
    return target


def _same_face(a, b) -> None:
    """The metrics reportlab lays text out with, and what it embeds glyphs from."""
    for name in ("charToGlyph", "charWidths", "glyphPos", "unitsPerEm", "ascent", "descent"):
        assert getattr(a.face, name) == getattr(b.face, name), name
    assert list(a.face.hmetrics) == list(b.face.hmetrics)
    assert a.face._ttf_data == b.face._ttf_data
    assert a.stringWidth("攀枝花市西区信访局 2023", 16) == b.stringWidth(
        "攀枝花市西区信访局 2023", 16
    )


def test_the_second_load_comes_from_the_cache_with_the_same_metrics(cache, font):
    parsed = load_ttfont("JX-test-a", font)
    assert isinstance(parsed.face.hmetrics, list)  # parsed from the file
    assert len(list(cache.glob("*.pickle"))) == 1
    cached = load_ttfont("JX-test-b", font)
    assert isinstance(cached.face.hmetrics, GlyphMetrics)  # rebuilt from the cache entry
    assert cached.fontName == "JX-test-b"
    _same_face(parsed, cached)


def test_a_changed_font_file_is_parsed_again(cache, font):
    load_ttfont("JX-test-a", font)
    entry = next(cache.glob("*.pickle"))
    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the font was replaced
    again = load_ttfont("JX-test-b", font)
    assert isinstance(again.face.hmetrics, list)  # not the stale entry
    assert next(cache.glob("*.pickle")) == entry  # rewritten in place, no pile of old entries
    assert isinstance(load_ttfont("JX-test-c", font).face.hmetrics, GlyphMetrics)


def test_a_damaged_entry_is_ignored_and_rewritten(cache, font):
    load_ttfont("JX-test-a", font)
    entry = next(cache.glob("*.pickle"))
    entry.write_bytes(entry.read_bytes()[:1000])  # cut short (a full disk, a crash)
    font_again = load_ttfont("JX-test-b", font)
    assert isinstance(font_again.face.hmetrics, list)
    assert isinstance(load_ttfont("JX-test-c", font).face.hmetrics, GlyphMetrics)


def test_an_unwritable_cache_only_costs_speed(tmp_path, monkeypatch, font):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(blocker))  # its "fonts" folder cannot be made
    loaded = load_ttfont("JX-test-a", font)
    assert loaded.face.charToGlyph[ord("绩")]
    assert font_cache.cache_dir() == blocker / "fonts"


def test_fonts_are_kept_beside_the_parsed_data_files(tmp_path, monkeypatch):
    monkeypatch.delenv("JIXIAO_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert font_cache.cache_dir().parent == datafiles.cache_dir().parent
    if sys.platform.startswith("linux"):
        assert font_cache.cache_dir() == tmp_path / "xdg" / "jixiao" / "fonts"


def _export(db: Path, out: Path, env: dict[str, str]) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), "export-pdf", "1", "--out", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def test_a_report_from_cached_fonts_reads_and_embeds_the_same(tmp_path):
    env = dict(os.environ, JIXIAO_CACHE_DIR=str(tmp_path / "cache"))
    db = tmp_path / "r.db"
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), "import-json", str(FIXTURE)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    first = _export(db, tmp_path / "first.pdf", env)  # parses the fonts, fills the cache
    assert list((tmp_path / "cache" / "fonts").glob("*.pickle"))
    second = _export(db, tmp_path / "second.pdf", env)  # from the cache
    assert page_texts(first) == page_texts(second)
    assert "攀枝花市西区信访局" in "".join(page_texts(second))
    embedded = [(f.get("/BaseFont"), f.get("/Subtype")) for f in font_objects(second)]
    assert embedded == [(f.get("/BaseFont"), f.get("/Subtype")) for f in font_objects(first)]
