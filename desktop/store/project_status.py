"""The stored status (draft|final) of a project, read before every GUI write."""

from __future__ import annotations

from desktop.store.db import Store


def stored_status(store: Store, project_id: int) -> str | None:
    """The status in the database (None when the project is gone)."""
    row = store.db.execute("SELECT status FROM project WHERE id = ?", [project_id]).fetchone()
    return str(row[0]) if row else None
