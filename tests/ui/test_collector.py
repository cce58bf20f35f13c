"""Garbage holding Qt objects is collected on the GUI thread, never by a worker thread that
happens to allocate (a Qt object destroyed there leaves its timers to fire on freed memory)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QTimer

from desktop.ui.collector import MainThreadCollector, collect_on_gui_thread


def test_a_cycle_holding_a_qt_object_is_destroyed_on_the_gui_thread(qtbot, make_window, ui_store):
    make_window(ui_store)  # the window installs the collector, as the program's start does
    assert not gc.isenabled()
    destroyed_in: list[int] = []

    def make_garbage() -> None:
        holder = QObject()
        timer = QTimer(holder)
        timer.start(60_000)
        cycle: dict[str, object] = {"holder": holder}
        cycle["self"] = cycle  # only the cyclic collector can free it
        weakref.finalize(holder, lambda: destroyed_in.append(threading.get_ident()))

    make_garbage()

    kept: list[list[int]] = []  # what the worker builds and hands back (as 审核 findings)

    def allocate() -> None:
        kept.extend([] for _ in range(5_000))

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert destroyed_in == []  # the worker's allocations did not collect it
    qtbot.waitUntil(lambda: destroyed_in != [], timeout=5_000)
    assert destroyed_in == [threading.get_ident()]


def test_the_collector_is_installed_once(qtbot, make_window, ui_store):
    make_window(ui_store)
    collect_on_gui_thread()
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    assert app is not None
    assert len(app.findChildren(MainThreadCollector)) == 1
