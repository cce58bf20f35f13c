"""定稿: freeze a project as a revision snapshot (desktop.model.snapshot), undo, history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.model.errors import InputError, StorageError
from desktop.model.findings import ERROR, Finding
from desktop.store import repo
from desktop.store.db import Store, now_iso

KIND_FINAL = "final"
KIND_UNFINAL = "unfinal"


@dataclass(frozen=True)
class RevisionRow:
    """One row of the revision history (the snapshot itself is loaded on demand)."""

    id: int
    project_id: int
    created_at: str
    kind: str
    reason: str
    fingerprint: str

    @property
    def label(self) -> str:
        """Chinese name of the event: 定稿 or 撤销定稿."""
        return "定稿" if self.kind == KIND_FINAL else "撤销定稿"


class FinaliseBlocked(InputError):
    """定稿 refused because 错误 findings remain; ``findings`` lists them."""

    def __init__(self, findings: list[Finding]):
        lines = "；".join(f.message for f in findings[:5])
        more = f"等{len(findings)}项" if len(findings) > 5 else ""
        super().__init__(f"存在{len(findings)}项错误，不能定稿：{lines}{more}")
        self.findings = findings


def finalise(store: Store, project_id: int, force: bool = False, note: str = "") -> str:
    """Freeze the project: store a snapshot with its fingerprint, status final; returns it.

    Refused (FinaliseBlocked) while 错误 findings remain, unless ``force``.
    """
    from desktop.model.checks import run_checks  # the window starts without the checks
    from desktop.model.snapshot import canonical_json, fingerprint, project_to_dict

    project = repo.load_project(store, project_id)
    if project.is_final:
        raise InputError(f"项目“{project.name}”已经定稿；如需修改请先撤销定稿")
    errors = [f for f in run_checks(project, repo.siblings(store, project)) if f.severity == ERROR]
    if errors and not force:
        raise FinaliseBlocked(errors)
    project.status = "final"
    snapshot = project_to_dict(project)
    fp = fingerprint(snapshot)
    reason = note or (f"存在{len(errors)}项错误，强制定稿" if errors else "")
    with store.transaction(durable=True) as db:
        db.execute(
            "INSERT INTO revision (project_id, created_at, kind, reason, fingerprint, snapshot) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [project_id, now_iso(), KIND_FINAL, reason, fp, canonical_json(snapshot)],
        )
        db.execute(
            "UPDATE project SET status = 'final', updated_at = ? WHERE id = ?",
            [now_iso(), project_id],
        )
    return fp


def unfinalise(store: Store, project_id: int, reason: str = "") -> None:
    """Make a final project editable again; the old revision is kept and the reason recorded."""
    project = repo.load_project(store, project_id)
    if not project.is_final:
        raise InputError(f"项目“{project.name}”尚未定稿")
    previous = latest_fingerprint(store, project_id) or ""
    with store.transaction(durable=True) as db:
        db.execute(
            "INSERT INTO revision (project_id, created_at, kind, reason, fingerprint, snapshot) "
            "VALUES (?, ?, ?, ?, ?, NULL)",
            [project_id, now_iso(), KIND_UNFINAL, reason.strip() or "（未填写原因）", previous],
        )
        db.execute(
            "UPDATE project SET status = 'draft', updated_at = ? WHERE id = ?",
            [now_iso(), project_id],
        )


def list_revisions(store: Store, project_id: int) -> list[RevisionRow]:
    """The history of a project, oldest first."""
    rows = store.rows(
        "SELECT id, project_id, created_at, kind, reason, fingerprint FROM revision "
        "WHERE project_id = ? ORDER BY id",
        [project_id],
    )
    return [
        RevisionRow(
            r["id"],
            r["project_id"],
            r["created_at"] or "",
            r["kind"] or "",
            r["reason"] or "",
            r["fingerprint"] or "",
        )
        for r in rows
    ]


def latest_fingerprint(store: Store, project_id: int) -> str | None:
    """The fingerprint of the current 定稿, or None when the project is not final."""
    row = store.row(
        "SELECT p.status, (SELECT fingerprint FROM revision r WHERE r.project_id = p.id "
        "AND r.kind = ? ORDER BY r.id DESC LIMIT 1) AS fingerprint FROM project p WHERE p.id = ?",
        [KIND_FINAL, project_id],
    )
    if row is None or row["status"] != "final":
        return None
    return str(row["fingerprint"]) if row["fingerprint"] else None


def load_snapshot(store: Store, revision_id: int) -> dict[str, Any]:
    """The project JSON stored with a 定稿 revision."""
    row = store.row("SELECT snapshot FROM revision WHERE id = ?", [revision_id])
    if row is None or not row["snapshot"]:
        raise StorageError(f"版本 {revision_id} 没有保存内容快照", "corrupt")
    try:
        data: dict[str, Any] = json.loads(row["snapshot"])
    except json.JSONDecodeError:
        raise StorageError(f"版本 {revision_id} 的内容快照已损坏", "corrupt") from None
    return data


def verify(store: Store, revision_id: int) -> bool:
    """True when the stored snapshot still matches its fingerprint."""
    from desktop.model.snapshot import fingerprint

    row = store.row("SELECT snapshot, fingerprint FROM revision WHERE id = ?", [revision_id])
    if row is None or not row["snapshot"]:
        return False
    try:
        return fingerprint(json.loads(row["snapshot"])) == row["fingerprint"]
    except json.JSONDecodeError:
        return False
