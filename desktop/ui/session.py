"""The editor session: the one owner of what the window edits and how it reaches the file.

It holds the open store, the current project and its form, what has changed since the last
write, the undo history, the 审核 findings and the read-only state. Widgets never change that
state themselves: they call the session's methods and follow its signals.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack

from desktop.model.errors import LockLostError, StorageError, UserError
from desktop.model.findings import Finding
from desktop.model.forms import Form, available_forms, load_form
from desktop.model.project import Project
from desktop.store import lock, project_status, repo
from desktop.store.db import Store, lock_lost_message
from desktop.ui.autosave import Autosaver
from desktop.ui.checks_worker import ChecksWorker

FINDINGS_DELAY_MS = 300


@dataclass
class Pending:
    """What changed in memory since the last write."""

    whole: bool = False  # write the whole project
    sections: set[str] = field(default_factory=set)  # or only these sections
    unit: bool = False  # and the unit row (主管部门)

    def any(self) -> bool:
        """True when something waits to be written."""
        return self.whole or bool(self.sections) or self.unit

    def clear(self) -> None:
        """Nothing waits any more."""
        self.whole = False
        self.sections.clear()
        self.unit = False


class EditorSession(QObject):
    """Project, form, pending changes, undo history and the single write path to the store."""

    project_loaded = Signal(object)  # the Project now edited, or None
    form_changed = Signal(object)  # the current project's Form after a change of report type
    field_changed = Signal(str)  # a project field was edited (name, year, form, funds, …)
    changed = Signal()  # the project was edited in memory (the write follows)
    findings_changed = Signal(object)  # list[Finding], or None without a project
    read_only_changed = Signal(object)  # the reason (str) or None
    listing_changed = Signal()  # a write changed what the navigator lists (year, name)
    outdated = Signal()  # the stored project changed under the editor (定稿 elsewhere): reload
    saved = Signal(str)  # "HH:MM:SS" of the last write
    save_failed = Signal(str)  # Chinese reason; the edits stay in memory
    save_pending = Signal()  # edits wait to be written
    message = Signal(str)  # a note for the status bar
    lock_lost = Signal(str)  # another window or program took the database over: the reason
    lock_regained = Signal(str)  # this window holds the lock again (the holder left): a note

    def __init__(
        self, store: Store, read_only_reason: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._read_only_reason: str | None = None
        self._project: Project | None = None
        self._form: Form | None = None
        self._pending = Pending()
        self._listing_stale = False
        self._siblings: tuple[int, list[Project]] | None = None
        self._findings: list[Finding] = []
        self.undo_stack = QUndoStack(self)
        self.autosave = Autosaver(self.write, parent=self)
        self.autosave.saved.connect(self._on_saved)
        self.autosave.failed.connect(self.save_failed)
        self.autosave.pending.connect(self.save_pending)
        self._findings_timer = QTimer(self)
        self._findings_timer.setSingleShot(True)
        self._findings_timer.setInterval(FINDINGS_DELAY_MS)
        self._findings_timer.timeout.connect(self._check_in_background)
        self._checks = ChecksWorker(self)
        self._checks.done.connect(self._on_checked)
        self._checked_tag = 0  # answers of background checks for an older state are dropped
        beat_ms = int(lock.heartbeat_seconds() * 1000)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(beat_ms)
        self._heartbeat.timeout.connect(self._beat)
        # While another holds the lock, try to take it over at the same pace (no restart needed).
        self._takeover = QTimer(self)
        self._takeover.setInterval(beat_ms)
        self._takeover.timeout.connect(self.try_takeover)
        self._lost = False  # this window held the lock and lost it; edits kept in memory
        self.set_read_only(read_only_reason)

    # ----- state --------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        """The open database."""
        return self._store

    @property
    def project(self) -> Project | None:
        """The project being edited (the in-memory object the tabs edit)."""
        return self._project

    @property
    def form(self) -> Form | None:
        """The form of the current project."""
        return self._form

    @property
    def findings(self) -> list[Finding]:
        """The 审核 findings of the current project (as of the last check)."""
        return list(self._findings)

    @property
    def read_only_reason(self) -> str | None:
        """Why this window may not write (lock held elsewhere, read-only file), or None."""
        return self._read_only_reason

    @property
    def read_only(self) -> bool:
        """True when this window may not write to the database."""
        return self._read_only_reason is not None or self._store.read_only

    @property
    def editable(self) -> bool:
        """True when the current project may be edited (writable database, not 定稿)."""
        project = self._project
        return not self.read_only and not (project is not None and project.is_final)

    @property
    def lost_lock(self) -> bool:
        """True after this window lost the writer lock to another (until it takes it back)."""
        return self._lost

    @property
    def unsaved(self) -> bool:
        """True when edits exist only in this window (not written, and no write will follow)."""
        return self._lost and self._project is not None and self._pending.any()

    @property
    def last_error(self) -> str | None:
        """Why the last write failed (None after a successful one)."""
        return self.autosave.last_error

    # ----- read-only state, lock, store -----------------------------------------------------
    def set_read_only(self, reason: str | None) -> None:
        """Enter (a Chinese reason) or leave (None) read-only mode; heartbeat and takeover follow.

        A window on a writable file that is read-only because another holds the lock keeps
        trying to take the lock over; a read-only or damaged file never becomes writable.
        """
        self._read_only_reason = reason
        file_writable = self._store.read_only_reason is None
        if reason is not None:
            self._store.read_only = True
            self._heartbeat.stop()
            if file_writable:
                self._takeover.start()
        else:
            self._takeover.stop()
            if file_writable:
                self._store.read_only = False
            self._heartbeat.start()
        self.read_only_changed.emit(reason)

    def _beat(self) -> None:
        self._store.settle()  # the lock first, if the start left it to after its first paint
        if lock.heartbeat(self._store) is False:
            self._on_lock_lost()

    def _on_lock_lost(self) -> None:
        """Stop writing for good: keep the edits in memory, say so, wait for the lock."""
        if self._lost:
            return
        self._lost = True
        self.autosave.discard()  # no retries; the session's pending edits stay as they are
        try:
            other = lock.holder(self._store)
        except (StorageError, sqlite3.Error):
            other = None
        now = f"（现由 {other.describe()}使用）" if other else ""
        kept = (
            "尚未保存的修改仍保留在窗口中，可点“另存为副本…”保存到文件；"
            if self._pending.any()
            else ""
        )
        reason = f"{lock_lost_message()}{now}。{kept}对方关闭程序后，本窗口会自动转为可编辑" + (
            "，并把未保存的修改另存为一个新项目。" if self._pending.any() else "。"
        )
        self.set_read_only(reason)
        self.lock_lost.emit(reason)

    def rescue_copy(self) -> Project | None:
        """The edited project (with what was not written) as a new draft named as a copy."""
        if self._project is None:
            return None
        rescued = copy.deepcopy(self._project)
        rescued.id = None
        rescued.status = "draft"
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        rescued.name = f"{rescued.name[:150]}（未保存的修改 {stamp}）"
        return rescued

    def try_takeover(self) -> bool:
        """Take the lock if its holder is gone; True when this window may write now.

        Edits kept after losing the lock are first written as a new project (never over what
        the other holder wrote); then the window reads the file again.
        """
        if self._store.read_only_reason is not None:
            return False  # the file itself is read-only or damaged: no lock makes it writable
        self._store.read_only = False  # the lock decides now; the file could be written
        try:
            holder = lock.acquire(self._store)
        except (StorageError, sqlite3.Error):
            holder = None if lock.owns(self._store) else lock.LockInfo("", "", 0, "", "")
        if holder is not None:
            self._store.read_only = True
            return False
        note = ""
        rescued = self.rescue_copy() if self.unsaved else None
        if rescued is not None:
            try:
                with self._store.transaction():
                    new_id = repo.insert_project(self._store, rescued)
            except UserError as exc:
                lock.release(self._store)
                self._store.read_only = True
                self.message.emit(f"未能把未保存的修改另存为新项目：{exc}")
                return False
            note = f"；本窗口未保存的修改已另存为新项目“{rescued.name}”（编号 {new_id}）"
        self._lost = False
        self._pending.clear()
        self.set_read_only(None)
        self.lock_regained.emit(f"已取得数据库的写入权，本窗口可以编辑了{note}")
        return True

    def replace_store(self, store: Store) -> None:
        """Edit another database (after 恢复备份): no project, no history."""
        self.show(None)
        self._store = store
        self._siblings = None
        self.undo_stack.clear()

    def close(self) -> None:
        """Stop the timers and give the lock back (the window is closing)."""
        self._heartbeat.stop()
        self._takeover.stop()
        self._findings_timer.stop()
        self._checks.close()
        self.autosave.discard()
        lock.release(self._store)  # only if it is still ours (its token)

    # ----- switching projects ---------------------------------------------------------------
    def form_for(self, project: Project) -> Form:
        """The project's form; the first available one (with a note) when it cannot be read."""
        try:
            return load_form(project.form)
        except UserError as exc:
            fallback = load_form(available_forms()[0])
            self.message.emit(f"{exc}；按“{fallback.title}”显示")
            return fallback

    def show(self, project: Project | None, keep_undo: bool = False) -> None:
        """Edit ``project`` (None: nothing); its pending changes must have been written."""
        self.autosave.discard()
        self._pending.clear()
        self._project = project
        self._checked_tag += 1  # a background answer for the previous project is dropped
        self._form = self.form_for(project) if project else None
        if not keep_undo:
            self.undo_stack.clear()
        self.project_loaded.emit(project)
        if project is None:
            self.refresh_findings()
        else:
            self._findings_timer.start()

    def load(self, project_id: int, keep_undo: bool = False) -> None:
        """Read a project from the store and edit it (raises UserError when it cannot)."""
        self.show(repo.load_project(self._store, project_id), keep_undo)

    def flush(self) -> bool:
        """Write pending edits now; True when nothing is left unsaved."""
        return self.autosave.flush()

    def forget_siblings(self) -> None:
        """The listing changed: read the sibling projects again at the next check."""
        self._siblings = None

    # ----- edits ------------------------------------------------------------------------------
    def section_edited(self, key: str, text: str) -> None:
        """A section's text was typed: only that section needs writing."""
        project = self._project
        if project is None or not self.editable:
            return
        project.sections[key] = text
        self._pending.sections.add(key)
        self._touch()

    def field_edited(self, name: str) -> None:
        """A project field was changed in place (the 概况 tab): note what it affects."""
        project = self._project
        if project is None or not self.editable:
            return
        if name in ("department", "unit_profile"):
            self._pending.unit = True
        if name == "year":
            self._listing_stale = True
            self._siblings = None
        if name == "form":
            self._form = self.form_for(project)
            self.form_changed.emit(self._form)
        self.field_changed.emit(name)
        self.mark_changed()

    def rename(self, name: str) -> None:
        """Give the current project another name (重命名), written at once."""
        project = self._project
        if project is None or not self.editable:
            return
        project.name = name
        self.field_changed.emit("name")
        self.mark_changed()
        self.flush()

    def indicators_edited(self) -> None:
        """The indicator grid changed the project."""
        if self._project is not None and self.editable:
            self.field_changed.emit("indicators")
            self.mark_changed()

    def mark_changed(self) -> None:
        """Something in the project changed in memory: write the whole project soon."""
        if self._project is None or self.read_only:
            return
        self._pending.whole = True
        self._touch()

    def _touch(self) -> None:
        if self.read_only:
            return
        self.autosave.touch()
        self._findings_timer.start()
        self.changed.emit()

    # ----- the write path ------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """The one way the window writes: a transaction, refused while it may not write.

        Autosave and every action that changes the file pass here. The store checks inside the
        transaction that this window still holds the writer lock (its token); when it does not,
        the window stops writing for good and keeps its edits (``lock_lost``).
        """
        self.check_can_write()
        try:
            with self._store.transaction():
                yield self._store
        except LockLostError:
            self._on_lock_lost()
            raise

    def check_can_write(self) -> None:
        """Raise a StorageError (Chinese) when this window may not write now."""
        if self.read_only:
            message = self._read_only_reason or "数据库以只读方式打开，不能保存修改"
            raise StorageError(message, kind="read_only")

    def write(self) -> None:
        """Write what changed in one transaction (the autosave calls this; raises UserError)."""
        project = self._project
        if project is None or project.id is None or not self._pending.any():
            return
        stored = project_status.stored_status(self._store, project.id)
        if stored is not None and stored != project.status:
            # 定稿 or 取消定稿 happened outside the editor: never overwrite it with stale status.
            project.status = stored
            if stored == "final":
                self._pending.clear()
                QTimer.singleShot(0, self.outdated.emit)
                return
            self._pending.whole = True
        with self.transaction() as store:
            if self._pending.unit and project.unit.id is not None:
                repo.update_unit(store, project.unit)
            if self._pending.whole:
                repo.save_project(store, project)
            else:
                for key in sorted(self._pending.sections):
                    repo.save_section(store, project.id, key, project.section(key))
        self._pending.clear()

    def _on_saved(self, stamp: str) -> None:
        self.saved.emit(stamp)
        if self._listing_stale:
            self._listing_stale = False
            self.listing_changed.emit()

    # ----- 审核 -------------------------------------------------------------------------------
    def refresh_findings(self) -> None:
        """Run the checks on the current project now and announce the findings."""
        self._findings_timer.stop()
        self._checked_tag += 1  # newer than any background run still going
        project = self._project
        if project is None or self._form is None:
            self._findings = []
            self.findings_changed.emit(None)
            return
        from desktop.model.checks import run_checks  # the checks load after the first paint

        self._findings = run_checks(project, self._siblings_of(project), self._form)
        self.findings_changed.emit(self.findings)

    def _siblings_of(self, project: Project) -> list[Project]:
        """The other projects of the unit and year, read once per project shown."""
        if self._siblings is None or self._siblings[0] != project.id:
            self._siblings = (project.id or 0, repo.siblings(self._store, project))
        return self._siblings[1]

    def _check_in_background(self) -> None:
        """The checks after an edit or a switch: in the worker, the event loop stays free."""
        project, form = self._project, self._form
        if project is None or form is None:
            self.refresh_findings()
            return
        self._checks.submit(self._checked_tag, project, self._siblings_of(project), form)

    @Slot(int, object)  # from the checks thread: a decorated slot (PySide6 cross-thread delivery)
    def _on_checked(self, tag: int, findings: list[Finding]) -> None:
        if tag != self._checked_tag or self._project is None:
            return  # the project changed or was checked again meanwhile
        self._findings = findings
        self.findings_changed.emit(self.findings)
