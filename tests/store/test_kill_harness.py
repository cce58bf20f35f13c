"""Crash safety: SIGKILL a large import at random moments; the file stays intact, all or nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("JIXIAO_KILLS", "50"))
BUNDLE_SIZE = 400


def make_bundle(path: Path) -> None:
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
                        "initial": "1000.00",
                        "full_year": "2000.00",
                        "executed": "1500.00",
                    }
                ],
                "sections": {"basic_info": "项目基本情况。" * 40, "conclusion": "结论。" * 20},
                "indicators": [
                    {
                        "level1": "产出指标",
                        "level2": "数量指标",
                        "level3": f"指标{j}",
                        "target": "≥1个",
                        "actual": "1个",
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


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_killed_imports_leave_an_intact_database_with_all_or_nothing(tmp_path):
    bundle = tmp_path / "bundle.json"
    make_bundle(bundle)
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [
        sys.executable,
        "-m",
        "desktop",
        "--db",
        str(db),
        "import-json",
        "--replace",
        str(bundle),
    ]
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=REPO, check=True, capture_output=True)
    full = time.perf_counter() - start
    rng = random.Random(20231231)
    failures = []
    outcomes = {"all": 0, "nothing": 0}
    for _ in range(KILLS):
        before = _count_live(db)
        max_before = _max_id(db)
        proc = subprocess.Popen(
            cmd, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.05, full * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(db)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
        after = _count_live(db)
        if ok != "ok" or fk:
            failures.append(ok)
        assert after == before == BUNDLE_SIZE, (before, after)
        assert _batch_complete(db)
        outcomes["all" if _max_id(db) > max_before else "nothing"] += 1
    assert not failures
    print(f"{KILLS} kills: integrity ok every time; outcomes {outcomes}")
    # the kills landed both before and after the commit point
    assert outcomes["nothing"] > 0


def _count_live(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM project WHERE deleted_at IS NULL").fetchone()[0]
    finally:
        conn.close()


def _max_id(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT max(id) FROM project").fetchone()[0] or 0
    finally:
        conn.close()


def _batch_complete(db: Path) -> bool:
    """Every live project has all its indicators and the live ones are one import's ids."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT p.id, count(i.id) FROM project p LEFT JOIN indicator i ON i.project_id = p.id "
            "WHERE p.deleted_at IS NULL GROUP BY p.id"
        ).fetchall()
    finally:
        conn.close()
    ids = sorted(r[0] for r in rows)
    return all(n == 9 for _, n in rows) and ids == list(range(ids[0], ids[0] + len(ids)))
