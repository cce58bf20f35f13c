"""Python's cyclic garbage collector, run on the GUI thread only.

Left to itself the collector runs in whichever thread happens to allocate when a threshold is
crossed: the 审核 worker, the font preload, the file check. A Qt object caught in a reference
cycle (a closed dialog, a replaced page) is then destroyed in that thread, where Qt cannot stop
its timers; the timer fires later on freed memory and the program crashes inside Qt's event
loop (seen with PySide6 6.9 on CPython 3.11). So the automatic collector is switched off and a
timer on the GUI thread collects with the same thresholds instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Collects garbage from a GUI-thread timer, generation by generation as gc would."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("main-thread-collector")
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    @Slot()
    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds."""
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] <= self.threshold[level]:
                break
            generation = level
        if generation >= 0:
            gc.collect(generation)


def collect_on_gui_thread() -> None:
    """Switch the automatic collector off for one on the GUI thread (once per application)."""
    app = QCoreApplication.instance()
    if app is not None and app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)
