"""Crash safety: SIGKILL a large import at moments chosen around its transaction.

Every kill is classified by where it landed, observed from outside the process: just before the
kill the harness tries to take the database's write lock itself (BEGIN IMMEDIATE, no waiting);
if the importer holds it, the kill lands inside a write transaction. Combined with the outcome:

- before: the lock was free and nothing changed (the process was starting, reading the file,
  checking it, opening the database);
- inside: the importer held the write lock and nothing changed (rolled back by SQLite);
- after commit: the whole bundle is there (a run whose process had already exited when the
  signal came is counted apart: "after exit (no kill)").

Kills are aimed: most wait until the importer is seen holding the write lock, some until its
rows are seen committed, the rest fall before; where each landed is what was observed.

At least 20 of 50 kills must land inside the transaction. After every kill the file passes
integrity and foreign-key checks and its whole content (every project with its funds, sections
and indicators, read with plain SQL) equals either the content before the run or the bundle of
the run: all or nothing, compared field by field rather than by counting rows.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("JIXIAO_KILLS", "50"))
INSIDE_REQUIRED = KILLS * 2 // 5  # 20 of 50
BUNDLE_SIZE = 400


def make_bundle(path: Path, run: int) -> None:
    """400 projects; the run number is in their texts and amounts, so runs differ in content."""
    projects = []
    for i in range(BUNDLE_SIZE):
        projects.append(
            {
                "format": "jixiao.project/1",
                "unit": {"name": f"单位{i % 7}"},
                "year": 2023,
                "name": f"项目{i:04d}",
                "funds": [
                    {
                        "source": "total",
                        "initial": f"{1000 + run}.00",
                        "full_year": "2000.00",
                        "executed": f"{1500 + i}.{run % 100:02d}",
                    }
                ],
                "sections": {
                    "basic_info": f"第{run}轮导入。" + "项目基本情况。" * 40,
                    "conclusion": "结论。" * 20,
                },
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "level3": f"指标{j}",
                        "target": "≥1个",
                        "actual": f"{run}个",
                        "weight": "10",
                        "score": "10",
                    }
                    for j in range(9)
                ],
            }
        )
    path.write_text(
        json.dumps({"format": "jixiao.bundle/1", "projects": projects}, ensure_ascii=False),
        encoding="utf-8",
    )


def content(db: Path) -> dict[tuple[str, int, str], Any]:
    """Every live project's stored content (no ids, no times), read with plain SQL."""
    conn = sqlite3.connect(db)
    try:
        out: dict[tuple[str, int, str], Any] = {}
        rows = conn.execute(
            "SELECT p.id, u.name, p.year, p.name, p.status FROM project p "
            "JOIN unit u ON u.id = p.unit_id WHERE p.deleted_at IS NULL"
        ).fetchall()
        for pid, unit, year, name, status in rows:
            funds = conn.execute(
                "SELECT source, initial, full_year, executed FROM funds WHERE project_id = ? "
                "ORDER BY source",
                [pid],
            ).fetchall()
            sections = conn.execute(
                "SELECT key, text FROM section WHERE project_id = ? ORDER BY key", [pid]
            ).fetchall()
            indicators = conn.execute(
                "SELECT position, level1, level2, level3, target, actual, weight, score "
                "FROM indicator WHERE project_id = ? ORDER BY position",
                [pid],
            ).fetchall()
            out[(unit, year, name)] = (status, funds, sections, indicators)
        return out
    finally:
        conn.close()


def expected_content(bundle: Path, scratch: Path) -> dict[tuple[str, int, str], Any]:
    """What the database holds after importing ``bundle`` (by the program, into a fresh file)."""
    db = scratch / f"expected-{bundle.stem}.db"
    db.unlink(missing_ok=True)
    subprocess.run(_cmd(db, bundle), env=_env(), cwd=REPO, check=True, capture_output=True)
    return content(db)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _cmd(db: Path, bundle: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "desktop",
        "--db",
        str(db),
        "import-json",
        "--replace",
        str(bundle),
    ]


def writer_active(db: Path) -> bool:
    """True when another process holds the write lock (this probe never waits for it)."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return True
        raise
    finally:
        conn.close()


def calibrate(db: Path, bundle: Path) -> tuple[float, float, float]:
    """(start of the write transaction, its end, the whole run) in seconds, observed once."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        _cmd(db, bundle), env=_env(), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    busy: list[float] = []
    while proc.poll() is None:
        if writer_active(db):
            busy.append(time.perf_counter() - start)
        time.sleep(0.002)
    total = time.perf_counter() - start
    assert proc.returncode == 0
    assert busy, "the import's transaction was never observed"
    return busy[0], busy[-1], total


def _wait_writer(db: Path, proc: subprocess.Popen[bytes], active: bool, timeout: float) -> None:
    """Poll until the importer holds (``active``) or no longer holds the write lock."""
    deadline = time.perf_counter() + timeout
    while proc.poll() is None and writer_active(db) != active:
        assert time.perf_counter() < deadline, "the import's transaction was not seen"
        time.sleep(0.002)


def _max_id(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM project").fetchone()[0])
    finally:
        conn.close()


def _wait_committed(db: Path, proc: subprocess.Popen[bytes], before: int, timeout: float) -> None:
    """Poll (reading only) until the import's rows are committed."""
    deadline = time.perf_counter() + timeout
    while proc.poll() is None and _max_id(db) == before:
        assert time.perf_counter() < deadline, "the import's commit was not seen"
        time.sleep(0.002)


def check_file(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_imports_leave_an_intact_database_with_all_or_nothing(tmp_path):
    db = tmp_path / "k.db"
    bundles = [tmp_path / f"bundle{k}.json" for k in range(2)]
    for k, path in enumerate(bundles):
        make_bundle(path, k)
    expected = [expected_content(path, tmp_path) for path in bundles]
    assert expected[0] != expected[1]
    subprocess.run(_cmd(db, bundles[0]), env=_env(), cwd=REPO, check=True, capture_output=True)
    begin, end, total = calibrate(db, bundles[1])
    rng = random.Random(20231231)
    landed: Counter[str] = Counter()
    for run in range(KILLS):
        before = content(db)
        bundle = bundles[(run + 1) % 2]
        proc = subprocess.Popen(
            _cmd(db, bundle),
            env=_env(),
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        aim = rng.random()
        if aim < 0.8:  # wait until the importer holds the write lock (its transaction began)
            _wait_writer(db, proc, True, total * 3)
            if aim < 0.6:  # inside: somewhere in the transaction
                time.sleep(rng.uniform(0, (end - begin) * 0.8))
            else:  # just after its COMMIT (the new rows are visible), while the process runs
                _wait_committed(db, proc, _max_id(db), total * 3)
        else:  # before: from the start to the moment the transaction was seen to begin
            time.sleep(rng.uniform(0.05, begin))
        alive = proc.poll() is None
        inside = alive and writer_active(db)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        check_file(db)
        after = content(db)
        if after == before:
            where = "inside" if inside else "before"
        else:
            assert after == expected[(run + 1) % 2], f"run {run}: neither all nor nothing"
            where = "after commit" if alive else "after exit (no kill)"
        landed[where] += 1
    print(
        f"{KILLS} kills landed: {dict(landed)} (transaction observed {begin:.2f}–{end:.2f} s of {total:.2f} s)"
    )
    assert landed["inside"] >= INSIDE_REQUIRED, dict(landed)
    assert landed["before"] > 0, dict(landed)
    assert landed["after commit"] + landed["after exit (no kill)"] > 0, dict(landed)
