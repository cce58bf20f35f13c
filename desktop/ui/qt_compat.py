"""Workarounds for known defects of the Qt binding, applied before any widget exists."""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40


def protect_none_refcount() -> None:
    """Give None a huge reference reserve on CPython < 3.12.

    PySide6 6.x on CPython 3.11 releases one reference to None too many in some
    signal/slot and model paths; after enough calls the interpreter aborts with
    "Fatal Python error: none_dealloc". From 3.12 on None is immortal and this is moot.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    # Every signal emitted from Python also drops one reference to True ("bool_dealloc").
    for singleton in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(singleton))
        if refcnt.value < _RESERVE:
            refcnt.value += _RESERVE


protect_none_refcount()
