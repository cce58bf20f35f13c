"""Helpers shared by the headless commands (no Qt, heavy libraries imported lazily)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.model.errors import InputError


def open_from_args(args: argparse.Namespace, write: bool = False) -> Any:
    """The store named by --db (or the default file), created when absent.

    A command that will ``write`` is refused at once (one line, exit 2) when the file could only
    be opened read-only; a reading command on a damaged file is warned on stderr and goes on.
    """
    from desktop.model.errors import StorageError
    from desktop.store.db import open_store

    store = open_store(Path(args.db) if args.db else None, create=True)
    if store.read_only and write:
        raise StorageError(
            store.read_only_reason or "数据库只能以只读方式打开",
            "corrupt" if store.damaged else "read_only",
        )
    if store.damaged:
        sys.stderr.write(f"警告：{store.read_only_reason}\n")
    return store


def export_target(store: Any, args: argparse.Namespace) -> Path:
    """The --out file of an export, once it is safe to write (never the database; --force to
    replace an existing file)."""
    from desktop.exchange.files import check_target

    out = Path(args.out)
    check_target(out, store.path, overwrite=bool(getattr(args, "force", False)))
    return out


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
    from desktop.store import lock, repo

    for project in projects:
        project.status = "draft"
    with lock.held(store):
        ids = repo.insert_projects(store, projects, replace=replace)
    for pid, project in zip(ids, projects, strict=True):
        print(f"{pid}\t{project.unit.name}\t{project.year}\t{project.name}")
    return 0
