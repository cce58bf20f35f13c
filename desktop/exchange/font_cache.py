"""Parsed TrueType fonts kept between runs, so a PDF does not parse 15 MB of fonts every time.

reportlab parses a whole font file (cmap, widths, glyph positions) before it can lay out a line;
for the bundled Chinese fonts that is most of the time of a one-report PDF. The parsed state of
each font is pickled into the program's cache folder (``datafiles.cache_root()/fonts``: the
user cache folder, or ``$JIXIAO_CACHE_DIR``) the first time, and read back afterwards. An entry is used only when the
font file's path, size and modification time, the font index, reportlab's version and this
module's format all match; otherwise the font is parsed again and the entry rewritten. The font
file itself is still read (its bytes are needed to embed the used glyphs), which is cheap.
A cache that cannot be read or written is ignored: the PDF is the same either way.
"""

from __future__ import annotations

import gc
import pickle
import zlib
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any, overload
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from desktop.model.datafiles import cache_root, write_entry

FORMAT = 2
# Attributes that are not data: rebuilt on load (the face's scale function) or per document.
_FACE_SKIP = ("_ttf_data", "_pdfScale")
_FONT_SKIP = ("face", "state")


class GlyphMetrics(Sequence[tuple[float, int]]):
    """reportlab's ``hmetrics`` list — (advance width, left side bearing) per glyph — kept in
    two arrays: tens of thousands of tuples take longer to read back than the whole font."""

    __slots__ = ("advances", "bearings")

    def __init__(self, advances: array[float], bearings: array[int]) -> None:
        self.advances = advances
        self.bearings = bearings

    def __len__(self) -> int:
        """Number of glyphs."""
        return len(self.advances)

    @overload
    def __getitem__(self, index: int) -> tuple[float, int]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[float, int]]: ...

    def __getitem__(self, index: int | slice) -> tuple[float, int] | list[tuple[float, int]]:
        """The metrics of one glyph (or a list of them for a slice)."""
        if isinstance(index, slice):
            return list(zip(self.advances[index], self.bearings[index], strict=True))
        return (self.advances[index], self.bearings[index])


def _pack_metrics(hmetrics: Sequence[tuple[float, int]]) -> tuple[array[float], array[int]]:
    """The metrics as two arrays (advances are floats where reportlab has scaled them)."""
    return array("d", (m[0] for m in hmetrics)), array("l", (m[1] for m in hmetrics))


def cache_dir() -> Path:
    """Where parsed fonts are kept: ``cache_root()/fonts``, beside the parsed data files."""
    return cache_root() / "fonts"


def _entry(path: Path, index: int) -> Path:
    """The cache file of a font face (one per file and face; rewritten when the font changes)."""
    where = zlib.crc32(str(path.resolve()).encode("utf-8"))  # same-named files in two folders
    return cache_dir() / f"{path.stem}-{index}-{where:08x}.pickle"


def _signature(path: Path, index: int) -> tuple[Any, ...]:
    """What must match for an entry to be used."""
    stat = path.stat()
    return (FORMAT, REPORTLAB_VERSION, str(path.resolve()), index, stat.st_size, stat.st_mtime_ns)


def _scale(units_per_em: int) -> Any:
    """The face's font-unit → PDF-unit function, as reportlab builds it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def load_ttfont(name: str, path: Path, index: int = 0) -> TTFont:
    """``TTFont(name, path, subfontIndex=index)``, from the cache when the file is unchanged."""
    signature = _signature(path, index)
    entry = _entry(path, index)
    font = _read(entry, signature, name, path)
    if font is None:
        font = TTFont(name, str(path), subfontIndex=index)
        _write(entry, signature, font)
    return font


def _read(entry: Path, signature: tuple[Any, ...], name: str, path: Path) -> TTFont | None:
    """The font rebuilt from its entry; None when there is none or it does not match."""
    try:
        data = entry.read_bytes()
        collecting = gc.isenabled()
        gc.disable()  # tens of thousands of new objects, no cycles: spare the collector's passes
        try:
            stored_signature, font_state, face_state = pickle.loads(data)
        finally:
            if collecting:
                gc.enable()
        gc.freeze()  # they live as long as the process: the collector need never walk them
    except (OSError, EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError):
        return None
    if stored_signature != signature:
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_state)
    face.hmetrics = GlyphMetrics(*face_state["hmetrics"])
    face._ttf_data = path.read_bytes()  # the glyphs to embed come from the file itself
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(font_state)
    font.fontName = name
    font.face = face
    font.state = WeakKeyDictionary()
    return font


def _write(entry: Path, signature: tuple[Any, ...], font: TTFont) -> None:
    """Store a freshly parsed font (best effort: a read-only or full disk only costs speed)."""
    face_state = {k: v for k, v in font.face.__dict__.items() if k not in _FACE_SKIP}
    font_state = {k: v for k, v in font.__dict__.items() if k not in _FONT_SKIP}
    try:
        face_state["hmetrics"] = _pack_metrics(font.face.hmetrics)
        data = pickle.dumps((signature, font_state, face_state), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, ValueError, AttributeError, OverflowError):
        return  # a reportlab that keeps something else: parse every time
    write_entry(entry, data)
