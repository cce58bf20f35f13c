"""The methods @dataclass writes for the program's classes, compiled once and kept between runs.

@dataclass writes each class's ``__init__``, ``__repr__``, ``__eq__`` … as Python source and
compiles it (``exec`` of a string) every time its module is imported: some 0.3 ms a class, more
than 10 ms of the window's start. ``install()`` gives the dataclasses module an ``exec`` that
looks the source up in a cache of compiled code and compiles only what is not there; ``save()``
writes the cache back (a ``marshal`` dump in the user cache folder, ``code/dataclasses.marshal``)
when something had to be compiled. The cache maps the source text itself to its code, compiled
as ``exec`` compiles it, so an entry can only be right or unused; a cache made by another Python,
unreadable or missing only costs the compiling.
"""

from __future__ import annotations

import dataclasses
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from desktop.model.datafiles import cache_root, read_entry, write_entry

FORMAT = 2
_KEY = (FORMAT, marshal.version, sys.version)


class _Codes:
    """This process's cache: what was read, what was used, how much had to be compiled."""

    def __init__(self) -> None:
        self.known: dict[str, bytes] = {}  # source → its code, marshalled (loaded when used)
        self.used: dict[str, bytes] = {}
        self.compiled = 0
        self.saved = 0  # how many of the compiled ones the cache file holds
        self.installed = False


_CODES = _Codes()


def cache_file() -> Path:
    """Where the compiled code is kept."""
    return cache_root() / "code" / "dataclasses.marshal"


def _exec(source: Any, globals_: Any = None, locals_: Any = None, /) -> None:
    """``exec`` for the dataclasses module: a source string is compiled only once ever."""
    if isinstance(source, str):
        text = source
        known = _CODES.known.get(text)
        source = _load(known) if known is not None else None
        if source is None:
            # As exec compiles it there: no __future__ flags of this module (annotations).
            source = compile(text, "<string>", "exec", dont_inherit=True)
            _CODES.known[text] = marshal.dumps(source)
            _CODES.compiled += 1
        _CODES.used[text] = _CODES.known[text]
    exec(source, globals_, locals_)


def _load(blob: bytes) -> CodeType | None:
    try:
        code = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def install() -> None:
    """Read the cache and let @dataclass use it from now on (once per process)."""
    if _CODES.installed:
        return
    _CODES.installed = True
    stored = read_entry(cache_file(), _KEY)
    if isinstance(stored, dict):
        _CODES.known.update(
            (k, v) for k, v in stored.items() if isinstance(k, str) and isinstance(v, bytes)
        )
    # dataclasses calls exec by its global name: a module attribute comes before the builtin.
    dataclasses.exec = _exec  # type: ignore[attr-defined]


def save() -> None:
    """Write what this process used, when any of it had to be compiled (best effort)."""
    if _CODES.compiled > _CODES.saved:
        write_entry(cache_file(), marshal.dumps((_KEY, _CODES.used)))
        _CODES.saved = _CODES.compiled


def stats() -> tuple[int, int]:
    """(sources compiled, sources used) in this process."""
    return _CODES.compiled, len(_CODES.used)
