"""The program's TOML data files (forms/, resources/), parsed once and kept between runs.

Parsing TOML is pure Python: the three forms, the four rule profiles and the word lists take
several milliseconds at every start of the window and of `jixiao check`. The parsed content of
each file is kept in the user's cache folder (``$JIXIAO_CACHE_DIR/data``, else the platform's
user cache folder + ``jixiao/data``) as a ``marshal`` dump, read back in some 0.05 ms. An entry is
used only when the data file's size and modification time, this module's format and the
Python version all match; otherwise the file is parsed again and the entry rewritten. A cache
that cannot be read or written is ignored: the content is the same either way. Every call
returns a fresh copy, so a caller may change what it gets.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

FORMAT = 1
_STAMP = (FORMAT, marshal.version, sys.version_info[:2])


class BadToml(ValueError):
    """A data file that is not valid TOML (the message is the parser's)."""


def cache_dir() -> Path:
    """Where parsed data files are kept (the folder need not exist yet).

    $JIXIAO_CACHE_DIR/data, else the user cache folder: $XDG_CACHE_HOME or ~/.cache on Linux,
    %LOCALAPPDATA%\\jixiao\\Cache on Windows, ~/Library/Caches on macOS. (Computed here rather
    than with platformdirs: importing it costs more than the cache saves.)
    """
    env = os.environ.get("JIXIAO_CACHE_DIR")
    if env:
        return Path(env) / "data"
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(local) / "jixiao" / "Cache" / "data"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "jixiao" / "data"
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "jixiao" / "data"


def _entry(path: Path) -> Path:
    """The cache file of a data file (two files of one name in two folders get two entries)."""
    where = zlib.crc32(str(path.resolve()).encode("utf-8"))
    return cache_dir() / f"{path.stem}-{where:08x}.marshal"


def _parse(raw: bytes) -> dict[str, Any]:
    import tomllib  # only when the cache cannot answer

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BadToml(f"不是 UTF-8 文本（{exc.reason}）") from None
    except tomllib.TOMLDecodeError as exc:
        raise BadToml(str(exc)) from None


def _read_entry(entry: Path, key: tuple[Any, ...]) -> dict[str, Any] | None:
    try:
        stored = marshal.loads(entry.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != key:
        return None
    data = stored[1]
    return data if isinstance(data, dict) else None


def _write_entry(entry: Path, key: tuple[Any, ...], data: dict[str, Any]) -> None:
    try:
        blob = marshal.dumps((key, data))
    except ValueError:  # a value marshal cannot keep (a TOML date): parse it every time
        return
    temp = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(blob)
        os.replace(temp, entry)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def load_toml(path: Path) -> dict[str, Any]:
    """The parsed content of a TOML data file.

    OSError when the file cannot be read; BadToml when it is not valid TOML (UTF-8).
    """
    info = path.stat()
    key = (_STAMP, info.st_size, info.st_mtime_ns)
    entry = _entry(path)
    cached = _read_entry(entry, key)
    if cached is not None:
        return cached
    data = _parse(path.read_bytes())
    _write_entry(entry, key, data)
    return data
