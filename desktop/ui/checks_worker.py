"""审核 off the event loop: the checks run on a copy of the project in a worker thread.

With a hundred projects of a unit in one year the checks take 25 ms (150 ms the first time,
when the copy check indexes the siblings' text): run on the event loop they would stall typing.
The worker gets a deep copy of the project (the window keeps editing the original), the siblings
as read from the store and the form; its findings come back as a Qt signal, delivered on the
event loop. One run at a time: a request during a run is served by one more run after it.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.errorlog import log_program_error
from desktop.model.findings import Finding
from desktop.model.forms import Form
from desktop.model.project import Project


@dataclass(frozen=True)
class ChecksJob:
    """What one run checks; ``tag`` tells the answer's receiver which request it answers."""

    tag: int
    project: Project
    siblings: list[Project]
    form: Form


class ChecksWorker(QObject):
    """Runs the checks of the latest job in a thread and signals ``done(tag, findings)``."""

    done = Signal(int, object)  # tag, list[Finding]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._next: ChecksJob | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, tag: int, project: Project, siblings: list[Project], form: Form) -> None:
        """Check a copy of ``project`` as it is now (the latest request wins)."""
        job = ChecksJob(tag, copy.deepcopy(project), siblings, form)
        with self._lock:
            self._next = job
            if self._thread is not None and self._thread.is_alive():
                return  # the running thread takes the job when it is done
            self._thread = threading.Thread(target=self._run, name="checks", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        from desktop.model.checks import run_checks  # loads after the first paint, off the loop

        while True:
            with self._lock:
                job, self._next = self._next, None
                if job is None or self._closed:
                    return
            try:
                findings: list[Finding] = run_checks(job.project, job.siblings, job.form)
            except Exception as exc:  # a bug in a check: logged; the last findings stay shown
                log_program_error(exc, "审核（后台）")
                continue
            try:
                self.done.emit(job.tag, findings)
            except RuntimeError:  # the window closed meanwhile
                return

    def close(self, timeout: float = 5.0) -> None:
        """Take no more jobs and wait (bounded) for a running one."""
        with self._lock:
            self._closed = True
            self._next = None
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
