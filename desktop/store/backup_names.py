"""Names, rotation and free space of the copies in backups/ beside the database file.

Every copy is named after the database's whole file name, so ``jixiao.db`` and ``jixiao.sqlite``
in one folder never share (and never rotate away) each other's copies:

- ``jixiao.db-daily-20240125.db``                      first open of a day
- ``jixiao.db-before-migration-v1-20240125-101500.db`` before a schema upgrade
- ``jixiao.db-before-restore-20240125-101500.db``      before a backup is restored over it
- ``jixiao.db-damaged-20240125-101500.db``             a file that failed its integrity check,
  kept aside when a backup is restored (never rotated: it may be the only copy of recent work)
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from desktop.model.errors import StorageError

FOLDER = "backups"
DAILY_KEEP = 7
WEEKLY_KEEP = 4
EVENT_KEEP = 5  # newest copies kept of each kind made before a migration or a restore
SPACE_MARGIN = 16 * 1024 * 1024  # bytes left free after a copy

_STAMP_RE = re.compile(r"(\d{8})(?:-(\d{6}))?\.db$")


def folder_of(database: Path) -> Path:
    """The backups/ folder beside the database file."""
    return database.parent / FOLDER


def daily_name(database: Path, day: dt.date) -> str:
    """File name of the daily copy of ``day``."""
    return f"{database.name}-daily-{day:%Y%m%d}.db"


def event_name(database: Path, kind: str, when: dt.datetime | None = None, tag: str = "") -> str:
    """File name of a copy made before a migration or restore, or of a damaged file."""
    when = when or dt.datetime.now()
    middle = f"{kind}-{tag}-" if tag else f"{kind}-"
    return f"{database.name}-{middle}{when:%Y%m%d-%H%M%S}.db"


def _copies(folder: Path, database: Path, kind: str) -> list[tuple[dt.datetime, Path]]:
    """This database's copies of one kind, newest first."""
    prefix = f"{database.name}-{kind}-"
    found: list[tuple[dt.datetime, Path]] = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        if not path.name.startswith(prefix):
            continue
        m = _STAMP_RE.search(path.name)
        if m is None:
            continue
        try:
            when = dt.datetime.strptime(m.group(1) + (m.group(2) or "000000"), "%Y%m%d%H%M%S")
        except ValueError:
            continue
        found.append((when, path))
    found.sort(reverse=True)
    return found


def rotate(folder: Path, database: Path) -> list[Path]:
    """Delete copies beyond the retention; returns the removed files.

    Daily: the newest 7 plus the newest of each of the 4 weeks before them. Before a migration
    and before a restore: the newest 5 of each. Damaged files are never deleted.
    """
    removed: list[Path] = []
    daily = _copies(folder, database, "daily")
    keep = {p for _, p in daily[:DAILY_KEEP]}
    weeks: set[tuple[int, int]] = set()
    for when, path in daily[DAILY_KEEP:]:
        week = when.date().isocalendar()[:2]
        if week not in weeks and len(weeks) < WEEKLY_KEEP:
            weeks.add(week)
            keep.add(path)
    removed.extend(p for _, p in daily if p not in keep)
    for kind in ("before-migration", "before-restore"):
        removed.extend(p for _, p in _copies(folder, database, kind)[EVENT_KEEP:])
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def ensure_space(folder: Path, needed: int, what: str) -> None:
    """Refuse (StorageError, disk_full) when ``folder``'s disk cannot take ``needed`` bytes."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # unknown: the copy itself reports a full disk
    if free < needed + SPACE_MARGIN:
        # The need stated includes the margin, so it is always more than what is left.
        raise StorageError(
            f"磁盘空间不足，未写入{what}：需要约 {_mb(needed + SPACE_MARGIN)} MB"
            f"（副本 {_mb(needed)} MB，另留 {_mb(SPACE_MARGIN)} MB 余量），"
            f"{folder} 所在磁盘只剩 {_mb(free)} MB",
            "disk_full",
        )


def _mb(size: int) -> str:
    """Bytes as megabytes with one decimal (never rounded down to the figure it must exceed)."""
    return f"{size / 1024 / 1024:,.1f}"
