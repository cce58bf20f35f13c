"""审核 over stored projects: each checked against the other projects of its unit and year."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.model.checks import Finding, run_checks
from desktop.model.project import Project
from desktop.store import repo
from desktop.store.db import Store


def findings_with_siblings(
    store: Store, projects: Sequence[Project]
) -> dict[int | None, list[Finding]]:
    """Findings per project id; siblings are read once per unit-year (reusing ``projects``)."""
    loaded = {p.id: p for p in projects}
    groups: dict[tuple[str, int], list[Project]] = {}
    out: dict[int | None, list[Finding]] = {}
    for project in projects:
        key = (project.unit.name, project.year)
        if key not in groups:
            ids = [r.id for r in repo.list_projects(store, unit=key[0], year=key[1])]
            missing = [i for i in ids if i not in loaded]
            extra = {p.id: p for p in repo.load_projects(store, missing)} if missing else {}
            groups[key] = [loaded.get(i) or extra[i] for i in ids]
        siblings = [p for p in groups[key] if p.id != project.id]
        out[project.id] = run_checks(project, siblings)
    return out
