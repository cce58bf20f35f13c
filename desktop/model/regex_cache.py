"""Regular expressions compiled once per installation rather than at every start.

Python compiles a regular expression in Python code (parse, then generate the matcher's code);
the 审核 families have about eighty of them, some 15 ms at every `jixiao check`. ``compiled()``
keeps what the compiler produced (the matcher code, group names) in the user's cache folder,
beside the parsed data files, and builds the pattern from it directly the next time. The entry
set is tied to the Python version and its regular-expression engine; anything unexpected (another
Python, a damaged file, an engine that works differently) falls back to ``re.compile``. A pattern
made either way is the same object: equal to ``re.compile(pattern, flags)``.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

from desktop.model.datafiles import cache_dir

FORMAT = 1
FILE_NAME = "patterns.marshal"
MAX_ENTRIES = 2000  # patterns come from the program and its data files; this is never reached

Entry = tuple[int, tuple[int, ...], int, dict[str, int], tuple[str | None, ...]]


class _Store:
    """The entries of this process: read once, written back at exit when new ones were made."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, int], Entry] | None = None
        self.dirty = False
        self.usable = True

    def load(self) -> dict[tuple[str, int], Entry]:
        if self.entries is None:
            self.entries = _read(_path(), _stamp())
        return self.entries

    def add(self, key: tuple[str, int], entry: Entry) -> None:
        entries = self.load()
        if len(entries) >= MAX_ENTRIES:  # old data files' patterns piled up: start afresh
            entries.clear()
        entries[key] = entry
        if not self.dirty:
            self.dirty = True
            atexit.register(self.save)

    def save(self) -> None:
        if self.dirty and self.entries is not None:
            self.dirty = False
            _write(_path(), _stamp(), self.entries)


_STORE = _Store()


def _stamp() -> tuple[Any, ...]:
    import _sre

    return (FORMAT, tuple(sys.version_info[:3]), _sre.MAGIC, marshal.version)


def _path() -> Path:
    return cache_dir() / FILE_NAME


def _read(path: Path, stamp: tuple[Any, ...]) -> dict[tuple[str, int], Entry]:
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == stamp:
        entries = stored[1]
        if isinstance(entries, dict):
            return entries
    return {}


def _write(path: Path, stamp: tuple[Any, ...], entries: dict[tuple[str, int], Entry]) -> None:
    temp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(marshal.dumps((stamp, entries)))
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    import _sre

    flags, code, groups, groupindex, indexgroup = entry
    built: re.Pattern[str] = _sre.compile(
        pattern, flags, list(code), groups, dict(groupindex), indexgroup
    )
    return built


def _compile_entry(pattern: str, flags: int) -> Entry:
    """What re.compile computes before the engine builds the pattern (as re._compiler does)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Plain ints: the code holds the engine's named constants, which marshal cannot keep.
    return (int(flags | parsed.state.flags), tuple(int(c) for c in code),
            int(parsed.state.groups) - 1, groupindex, tuple(indexgroup))  # fmt: skip


def compiled(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache of compiled patterns when it can."""
    flags = int(flags)
    if not _STORE.usable or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    try:
        entry = _STORE.load().get(key)
        if entry is not None:
            return _build(pattern, entry)
        entry = _compile_entry(pattern, flags)
        built = _build(pattern, entry)
    except re.error:
        return re.compile(pattern, flags)  # raises the same error as always
    except Exception:  # an engine unlike the one this was written for: compile as usual
        _STORE.usable = False
        return re.compile(pattern, flags)
    _STORE.add(key, entry)
    return built
