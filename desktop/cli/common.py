"""Helpers shared by the headless commands (no Qt, heavy libraries imported lazily)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.model.errors import InputError


def open_from_args(args: argparse.Namespace) -> Any:
    """The store named by --db (or the default file), created when absent."""
    from desktop.store.db import open_store

    return open_store(Path(args.db) if args.db else None, create=True)


def emit_json(data: Any) -> None:
    """Print JSON as the commands document it (UTF-8, indented)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def selected_ids(store: Any, args: argparse.Namespace) -> list[int]:
    """The project ids chosen by PROJECT_ID or --unit/--year."""
    from desktop.store import repo

    if args.project_id is not None:
        repo.load_project(store, args.project_id)  # raises when missing
        return [args.project_id]
    if args.unit is None and args.year is None:
        raise InputError("请给出项目编号，或用 --unit 和 --year 选择一批项目")
    rows = repo.list_projects(store, unit=args.unit, year=args.year)
    if not rows:
        raise InputError(
            f"没有找到符合条件的项目（单位：{args.unit or '全部'}，年度：{args.year or '全部'}）"
        )
    return [r.id for r in rows]


def insert_all(store: Any, projects: list[Any], replace: bool = False) -> int:
    """Write imported projects in one transaction (under the writer lock); print their ids."""
    from desktop.store import repo
    from desktop.store.lock import ensure_writable

    ensure_writable(store)
    ids: list[int] = []
    with store.transaction():
        for project in projects:
            project.status = "draft"
            ids.append(repo.insert_project(store, project, replace=replace))
    for pid, project in zip(ids, projects, strict=True):
        print(f"{pid}\t{project.unit.name}\t{project.year}\t{project.name}")
    return 0
