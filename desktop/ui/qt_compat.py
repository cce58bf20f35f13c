"""Workarounds for known defects of the Qt binding, applied before any widget exists."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

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


def skip_feature_scan() -> None:
    """Spare PySide6's import hook from reading the program's own source files.

    Once PySide6 is loaded, every module imported after it has its source read to find out
    whether it names PySide6 (for ``from __feature__ import …``, which this program never uses):
    about 0.15 ms a module, some 8 ms for the window's start. The program's modules are entered
    in the hook's table beforehand with what the scan would find (0: uses PySide6, "no
    feature"; -1: ignored). Call after PySide6 is imported; a binding without the table is
    left alone.
    """
    feature = sys.modules.get("PySide6.support.feature")
    table = vars(feature).get("pyside_feature_dict") if feature is not None else None
    if not isinstance(table, dict):
        return
    root = Path(__file__).resolve().parents[1]
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        package = ".".join(Path(folder).relative_to(root.parent).parts)
        uses_qt = 0 if package.startswith("desktop.ui") else -1
        table.setdefault(package, uses_qt)
        for name in files:
            if name.endswith(".py") and name != "__init__.py":
                table.setdefault(f"{package}.{name[:-3]}", uses_qt)
    # Modules loaded before PySide6 (the standard library's, the model's) are read at their next
    # import statement too: none of them names PySide6.
    for name in [*sys.modules, *sys.stdlib_module_names]:
        table.setdefault(name, 0 if name.startswith(("PySide6", "shiboken6")) else -1)


protect_none_refcount()
import PySide6.QtCore  # noqa: E402, F401  (loads the import hook whose table is filled next)

skip_feature_scan()
