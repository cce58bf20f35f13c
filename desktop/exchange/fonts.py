"""Fonts for the PDF: official fonts when installed, else bundled free TrueType fonts.

Every role (title, body, headings, page numbers) resolves to one TrueType file; characters the
role's font lacks are drawn with a fallback font that has them (per-character fallback), and
characters no font has are collected in ``FontSet.missing`` instead of being dropped silently.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from desktop.model.forms import data_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FontFile:
    """A font file and, for a .ttc collection, the index of the face."""

    path: Path
    index: int = 0
    official: bool = False


@dataclass(frozen=True)
class RoleSpec:
    """What a role wants: official file names in order, then the bundled file."""

    key: str
    label: str
    official: tuple[str, ...]
    bundled: str


ROLE_SPECS: tuple[RoleSpec, ...] = (
    RoleSpec(
        "title",
        "标题（方正小标宋）",
        ("fzxbsjw.ttf", "fzxbsjw--gb1-0.ttf", "simsun.ttc"),
        "gbsn00lp.ttf",
    ),
    RoleSpec(
        "body", "正文（仿宋）", ("simfang.ttf", "fangsong_gb2312.ttf", "fzfsjw.ttf"), "gbsn00lp.ttf"
    ),
    RoleSpec("heading1", "一级标题（黑体）", ("simhei.ttf",), "wqy-microhei.ttc"),
    RoleSpec("heading2", "二级标题（楷体）", ("simkai.ttf", "kaiti_gb2312.ttf"), "gkai00mp.ttf"),
    RoleSpec("song", "页码、表格（宋体）", ("simsun.ttc",), "gbsn00lp.ttf"),
)
# Fallback chain for characters a role's font lacks: bundled first (covers GBK), then any
# wide-coverage font found on the PC (SimSun-ExtB covers CJK Extension B).
FALLBACK_BUNDLED: tuple[str, ...] = ("wqy-microhei.ttc",)
FALLBACK_SYSTEM: tuple[str, ...] = ("simsun.ttc", "simsunb.ttf", "droidsansfallbackfull.ttf")
ROLE_LABELS: dict[str, str] = {spec.key: spec.label for spec in ROLE_SPECS}


def bundled_dir() -> Path:
    """The folder of the bundled fonts (resources/fonts)."""
    return data_dir("resources") / "fonts"


def system_font_dirs() -> list[Path]:
    """Folders where official fonts (or their Linux copies) are looked for."""
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        home = Path.home()
        dirs += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".fonts",
            home / ".local" / "share" / "fonts",
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    return dirs


def scan_dirs(dirs: Iterable[Path]) -> dict[str, Path]:
    """Lower-cased file name → first path found under the folders (recursive)."""
    found: dict[str, Path] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(dirpath) / name)
    return found


@dataclass(frozen=True)
class Resolution:
    """Candidate files per role (best first) and the fallback chain."""

    roles: dict[str, tuple[FontFile, ...]]
    fallbacks: tuple[FontFile, ...]


def resolve(search_dirs: Iterable[Path] | None = None, bundled: Path | None = None) -> Resolution:
    """Resolve every role: official files found in ``search_dirs`` first, then bundled ones."""
    found = scan_dirs(system_font_dirs() if search_dirs is None else search_dirs)
    bundle = bundled_dir() if bundled is None else bundled
    roles: dict[str, tuple[FontFile, ...]] = {}
    for spec in ROLE_SPECS:
        files = [FontFile(found[name], 0, True) for name in spec.official if name in found]
        files.append(FontFile(bundle / spec.bundled))
        roles[spec.key] = tuple(files)
    fallbacks = [FontFile(bundle / name) for name in FALLBACK_BUNDLED]
    fallbacks += [FontFile(found[name], 0, True) for name in FALLBACK_SYSTEM if name in found]
    return Resolution(roles, tuple(fallbacks))


@dataclass
class LoadedFont:
    """A registered reportlab font with its character coverage."""

    name: str
    file: FontFile
    cmap: dict[int, int]
    chars: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        """Characters covered, as a set of str for fast whole-text checks."""
        if not self.chars:
            self.chars = frozenset(map(chr, self.cmap))

    def has(self, char: str) -> bool:
        """True when the font has a glyph for the character."""
        return ord(char) in self.cmap


@cache
def _load(path: Path, index: int, official: bool) -> LoadedFont | None:
    """Register a TrueType face with reportlab (once per process); None if it cannot be used."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError

    from desktop.exchange.font_cache import load_ttfont

    if not path.is_file():
        return None
    name = f"JX-{path.stem}-{index}"
    try:
        font = load_ttfont(name, path, index)
    except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
        log.warning("font %s unusable: %s", path, exc)
        return None
    pdfmetrics.registerFont(font)
    # CJK fonts have no bold/italic faces: map every style onto the one face.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)
    return LoadedFont(name, FontFile(path, index, official), font.face.charToGlyph)


def load_first(files: Iterable[FontFile]) -> LoadedFont | None:
    """The first candidate that loads."""
    for f in files:
        loaded = _load(f.path, f.index, f.official)
        if loaded is not None:
            return loaded
    return None


@dataclass
class FontSet:
    """Loaded fonts per role for one rendering, collecting characters no font has."""

    roles: dict[str, LoadedFont]
    fallbacks: list[LoadedFont]
    missing: dict[str, None] = field(default_factory=dict)
    later: list[FontFile] = field(default_factory=list)

    def load_later(self) -> None:
        """Load the rarely needed fallbacks (system fonts) on the first character they serve."""
        while self.later:
            loaded = _load(*astuple_file(self.later.pop(0)))
            if loaded is not None:
                self.fallbacks.append(loaded)

    def name(self, role: str) -> str:
        """The reportlab font name of a role."""
        return self.roles[role].name

    def font_for(self, char: str, role: str) -> LoadedFont | None:
        """The font drawing ``char`` in ``role``; None when no font has it."""
        primary = self.roles[role]
        if primary.has(char) or char.isspace():
            return primary
        for fb in self.fallbacks:
            if fb.has(char):
                return fb
        if self.later:
            self.load_later()
            return self.font_for(char, role)
        return None

    def runs(self, text: str, role: str) -> list[tuple[str, str]]:
        """Split text into (font name, run) pieces, recording characters no font has."""
        primary = self.roles[role]
        if primary.chars.issuperset(text):
            return [(primary.name, text)] if text else []
        out: list[tuple[str, str]] = []
        cur_name = primary.name
        buf: list[str] = []
        for ch in text:
            font = self.font_for(ch, role)
            if font is None:
                self.missing.setdefault(ch)
                font = primary
            if font.name != cur_name and buf:
                out.append((cur_name, "".join(buf)))
                buf = []
            cur_name = font.name
            buf.append(ch)
        if buf:
            out.append((cur_name, "".join(buf)))
        return out

    def markup(self, text: str, role: str) -> str:
        """Paragraph markup of plain text: escaped, runs the role's font lacks in a fallback."""
        primary = self.roles[role].name
        parts = []
        for name, run in self.runs(_clean(text), role):
            esc = escape(run)
            parts.append(esc if name == primary else f'<font face="{name}">{esc}</font>')
        return "".join(parts)

    def missing_chars(self) -> list[str]:
        """Characters no font could draw, in order of first appearance."""
        return list(self.missing)


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as markup entities (as xml.sax.saxutils.escape, without loading
    urllib.request with it)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def astuple_file(f: FontFile) -> tuple[Path, int, bool]:
    """The cache key of a font file."""
    return (f.path, f.index, f.official)


def _clean(text: str) -> str:
    """Drop control characters (keep spaces); tabs become spaces."""
    return "".join(" " if ch in "\t\r\n" else ch for ch in text if ch >= " " or ch in "\t\r\n")


@cache
def _default_resolution() -> Resolution:
    return resolve()


def load_fontset(resolution: Resolution | None = None) -> FontSet:
    """Load (once per process) and return the fonts for a rendering."""
    res = _default_resolution() if resolution is None else resolution
    roles: dict[str, LoadedFont] = {}
    first = [c for c in res.fallbacks if not c.official]
    later = [c for c in res.fallbacks if c.official]
    fallbacks = [f for f in (load_first([c]) for c in first) if f is not None]
    for key, files in res.roles.items():
        loaded = load_first(files)
        if loaded is None:
            loaded = fallbacks[0] if fallbacks else None
        if loaded is None:
            from desktop.model.errors import InputError

            raise InputError(f"找不到可用的中文字体（{ROLE_LABELS[key]}）：请检查 resources/fonts")
        roles[key] = loaded
    return FontSet(roles, fallbacks, later=later)


@cache
def gb2312_hanzi() -> frozenset[str]:
    """The 6763 hanzi of GB2312 (rows 0xB0–0xF7)."""
    out = set()
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(out)


def describe(resolution: Resolution | None = None) -> list[str]:
    """One line per role: which file serves it and whether it is official or bundled."""
    fs = load_fontset(resolution)
    gb = gb2312_hanzi()
    lines = []
    for spec in ROLE_SPECS:
        font = fs.roles[spec.key]
        origin = "系统字体" if font.file.official else "内置字体"
        note = ""
        if not font.file.official:
            note = f"（未找到 {spec.official[0]}）"
        covered = len(font.chars.intersection(gb))
        lines.append(
            f"{spec.label} → {font.file.path}（{origin}，GB2312 汉字 {covered}/{len(gb)}）{note}"
        )
    fs.load_later()
    for fb in fs.fallbacks:
        origin = "系统字体" if fb.file.official else "内置字体"
        lines.append(f"缺字补全 → {fb.file.path}（{origin}，{len(fb.cmap)} 字）")
    return lines
