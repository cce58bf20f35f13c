"""Measurements inside one window, each in its own process (run by bench_all.py).

python bench/window_probe.py switch DB         → median and worst project switch (ms)
python bench/window_probe.py typing DB         → longest stall while typing 10 s (wall ms, busy
                                                  ms), autosave writes, longest write (ms)
python bench/window_probe.py typing-bare DB    → the same typing in a bare QPlainTextEdit
python bench/window_probe.py memory DB ID      → peak memory (MB), project ID's grid shown
python bench/window_probe.py memory-bare DB    → peak memory of a bare window (tab + table)

A stall is the gap between two ticks of a 1 ms timer on the event loop. "Busy" leaves out the
time the main thread was ready to run but waited for a CPU that other programs used (from
/proc/thread-self/schedstat); it keeps the time spent computing and waiting for the disk. The
wall-clock gap counts everything, other programs on a busy machine included.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QMainWindow,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)

import desktop.ui  # noqa: E402, F401  (binding workarounds first)

TYPE_MS, BURST_S, PAUSE_S, TOTAL_S = 40, 2.0, 0.5, 10.0
TYPED = (
    "为维护信访接待场所正常秩序，保障来访群众和工作人员人身安全，我局聘请保安人员两名，"
    "负责接待大厅的安全保卫工作。全年未发生安全事故，来访群众满意度达到百分之九十五以上。"
)


def app() -> QApplication:
    """The application object."""
    instance = QApplication.instance()
    return instance if isinstance(instance, QApplication) else QApplication(["probe"])


def window(db: Path):
    """The program's window on ``db``, shown, every tab built."""
    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window

    settings = QSettings(str(db.with_suffix(".probe.ini")), QSettings.Format.IniFormat)
    win = open_main_window(open_store(db), settings=settings)
    win.show()
    app().processEvents()
    win.build_all()
    app().processEvents()
    return win


def spin(seconds: float) -> None:
    """Run the event loop for a while."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app().processEvents()
        time.sleep(0.002)


def switch(db: Path) -> str:
    """Click through 60 projects spread over the file, as in the navigator."""
    win = window(db)
    nav = win.navigator
    ids = nav.project_ids()
    times = []
    for i in range(60):
        target = ids[(i * 37 + 500) % len(ids)]
        start = time.perf_counter()
        nav.setCurrentItem(nav.item_for(target))
        app().processEvents()
        times.append((time.perf_counter() - start) * 1000)
        assert win.current_project().id == target
    win.close()
    return f"{statistics.median(times):.2f} {max(times):.2f}"


def waited_s() -> float:
    """Seconds this thread has spent ready to run but waiting for a CPU."""
    with open("/proc/thread-self/schedstat", encoding="ascii") as fh:
        return int(fh.read().split()[1]) / 1e9


class StallMonitor:
    """Largest gap between ticks of a 1 ms timer: wall clock, and without waiting for a CPU."""

    def __init__(self) -> None:
        self.wall = self.busy = 0.0
        self._last = (time.perf_counter(), waited_s())
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = (time.perf_counter(), waited_s())
        wall = now[0] - self._last[0]
        self.wall = max(self.wall, wall * 1000)
        self.busy = max(self.busy, (wall - (now[1] - self._last[1])) * 1000)
        self._last = now


def type_for(target: QWidget, seconds: float) -> None:
    """Type a Chinese text into ``target``: bursts of 2 s at 25 keys/s, 0.5 s pauses."""
    start = time.perf_counter()
    count = 0

    def key() -> None:
        nonlocal count
        elapsed = time.perf_counter() - start
        if elapsed % (BURST_S + PAUSE_S) < BURST_S:
            count += 1
            char = TYPED[count % len(TYPED)]
            code, text = (Qt.Key.Key_Return, "\r") if count % 60 == 0 else (Qt.Key.Key_A, char)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                ev = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text)
                QApplication.sendEvent(target, ev)

    typist = QTimer()
    typist.setInterval(TYPE_MS)
    typist.timeout.connect(key)
    typist.start()
    monitor = StallMonitor()
    spin(seconds)
    typist.stop()
    monitor.timer.stop()
    print(f"{monitor.wall:.2f} {monitor.busy:.2f}", end=" ")


@contextlib.contextmanager
def timed_writes(store: object, out: list[float]) -> Iterator[None]:
    """Record the duration of every write transaction on ``store``."""
    original: Callable[..., contextlib.AbstractContextManager[object]] = store.transaction  # type: ignore[attr-defined]

    @contextlib.contextmanager
    def transaction(*args: object, **kwargs: object) -> Iterator[object]:
        start = time.perf_counter()
        with original(*args, **kwargs) as db:
            yield db
        out.append((time.perf_counter() - start) * 1000)

    store.transaction = transaction  # type: ignore[attr-defined]
    yield
    store.transaction = original  # type: ignore[attr-defined]


def typing(db: Path) -> str:
    """Type 10 s into a section of a project in the 1000-project file (autosave on)."""
    win = window(db)
    ids = win.navigator.project_ids()
    win.select_project(ids[len(ids) // 2])
    editor = win.section_editor("basic_info")
    assert editor is not None
    page = win.tabs.page_of("basic_info")
    win.tabs.setCurrentWidget(page)
    editor.edit.setFocus()
    spin(0.5)  # the first 审核 of the project, before typing starts
    writes: list[float] = []
    with timed_writes(win.store, writes):
        type_for(editor.edit, TOTAL_S)
        spin(1.5)  # the last write
    win.close()
    return f"{len(writes)} {max(writes, default=0):.2f}"


def typing_bare() -> str:
    """The same typing into a bare QPlainTextEdit."""
    win = QMainWindow()
    edit = QPlainTextEdit()
    win.setCentralWidget(edit)
    win.resize(1280, 760)
    win.show()
    edit.setFocus()
    spin(0.5)
    type_for(edit, TOTAL_S)
    return "0 0"


def peak_mb() -> float:
    """VmHWM of this process (ru_maxrss would keep a parent's peak across fork + exec)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
    return float("nan")


def memory(db: Path, project_id: int) -> str:
    """The 10 000-project file open, a 500-row project on the 绩效指标 tab."""
    win = window(db)
    win.select_project(project_id)
    win.tabs.setCurrentWidget(win.grid)
    spin(2.0)
    assert win.grid.model().rowCount() >= 500
    return f"{peak_mb():.1f}"


def memory_bare() -> str:
    """A bare window with a tab widget and a table."""
    win = QMainWindow()
    tabs = QTabWidget()
    tabs.addTab(QTableWidget(20, 8), "表格")
    win.setCentralWidget(tabs)
    win.resize(1280, 760)
    win.show()
    spin(2.0)
    return f"{peak_mb():.1f}"


def main() -> int:
    """Dispatch on the first argument."""
    kind, db = sys.argv[1], Path(sys.argv[2])
    app()
    if kind == "switch":
        print(switch(db))
    elif kind == "typing":
        print(typing(db))
    elif kind == "typing-bare":
        print(typing_bare())
    elif kind == "memory":
        print(memory(db, int(sys.argv[3])))
    elif kind == "memory-bare":
        print(memory_bare())
    else:
        raise SystemExit(f"unknown probe {kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
