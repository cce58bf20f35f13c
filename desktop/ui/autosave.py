"""Autosave: debounce edits, but flush at least once a second while the user keeps typing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.model.errors import UserError

DEBOUNCE_MS = 400
MAX_WAIT_MS = 900
RETRY_MS = 5000


class Autosaver(QObject):
    """Calls ``write`` shortly after the last edit, and never later than MAX_WAIT_MS after the first."""

    saved = Signal(str)  # "HH:MM:SS" of the last successful write
    failed = Signal(str)  # Chinese reason
    pending = Signal()  # there are edits not yet written

    def __init__(
        self,
        write: Callable[[], None],
        parent: QObject | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._write = write
        self._dirty = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.flush)
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(max_wait_ms)
        self._max_wait.timeout.connect(self.flush)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush)
        self.last_error: str | None = None
        self.last_saved: dt.datetime | None = None

    @property
    def dirty(self) -> bool:
        """True while edits wait to be written."""
        return self._dirty

    def touch(self) -> None:
        """An edit happened: (re)start the debounce; start the max-wait clock if idle."""
        self._dirty = True
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()
        self.pending.emit()

    def flush(self) -> bool:
        """Write now if anything is pending; True when nothing is left unsaved."""
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
        if not self._dirty:
            return True
        try:
            self._write()
        except UserError as exc:  # StorageError (locked, read-only, disk full) or InputError
            self.last_error = str(exc)
            self._retry.start()
            self.failed.emit(self.last_error)
            return False
        self._dirty = False
        self.last_error = None
        self.last_saved = dt.datetime.now()
        self.saved.emit(self.last_saved.strftime("%H:%M:%S"))
        return True

    def discard(self) -> None:
        """Forget pending edits (the project they belong to is gone)."""
        self._dirty = False
        self._debounce.stop()
        self._max_wait.stop()
        self._retry.stop()
