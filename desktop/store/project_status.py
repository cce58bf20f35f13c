"""The stored status (draft|final) of a project, read before every GUI write."""

from __future__ import annotations

from desktop.store.db import Store


def stored_status(store: Store, project_id: int) -> str | None:
    """The status in the database (None when the project is gone)."""
    row = store.row("SELECT status FROM project WHERE id = ?", [project_id])
    return str(row["status"]) if row else None
