"""定稿: snapshots with fingerprints in a real database, undo with a reason, history, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.exchange.jsonio import read_projects
from desktop.model.errors import InputError
from desktop.model.forms import load_form
from desktop.model.revision_diff import compare
from desktop.model.snapshot import canonical_json, fingerprint, project_to_dict
from desktop.store import repo, revisions
from desktop.store.db import open_store
from tests.cli_runner import run_cli as _cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project_id(fresh_store, sample_project):
    sample_project.sections["goals"] = "保障本年度内两名保安人员的经费。"
    sample_project.sections["funds_usage"] = "该项目资金年初预算8万元，全年完成数8万元。"
    return repo.insert_project(fresh_store, sample_project)


def test_finalise_stores_snapshot_and_fingerprint(fresh_store, project_id):
    fp = revisions.finalise(fresh_store, project_id)
    assert len(fp) == 64 and int(fp, 16) >= 0
    project = repo.load_project(fresh_store, project_id)
    assert project.status == "final"
    (row,) = revisions.list_revisions(fresh_store, project_id)
    assert (row.kind, row.fingerprint, row.label) == ("final", fp, "定稿")
    snapshot = revisions.load_snapshot(fresh_store, row.id)
    assert snapshot == project_to_dict(project)
    assert fingerprint(snapshot) == fp and revisions.verify(fresh_store, row.id)
    assert revisions.latest_fingerprint(fresh_store, project_id) == fp


def test_fingerprint_is_canonical_and_content_bound(fresh_store, project_id):
    project = repo.load_project(fresh_store, project_id)
    data = project_to_dict(project)
    shuffled = json.loads(json.dumps(data, sort_keys=False))
    reordered = dict(reversed(list(shuffled.items())))
    assert fingerprint(reordered) == fingerprint(data)
    data["sections"]["problems"] = "无"
    assert fingerprint(data) != fingerprint(reordered)


def test_finalise_refused_while_errors_remain(fresh_store, sample_project):
    pid = repo.insert_project(fresh_store, sample_project)  # two required sections empty
    with pytest.raises(revisions.FinaliseBlocked) as info:
        revisions.finalise(fresh_store, pid)
    assert "不能定稿" in info.value.message
    assert {f.code for f in info.value.findings} == {"E-SECTION-EMPTY"}
    assert repo.load_project(fresh_store, pid).status == "draft"
    assert revisions.list_revisions(fresh_store, pid) == []
    fp = revisions.finalise(fresh_store, pid, force=True)
    (row,) = revisions.list_revisions(fresh_store, pid)
    assert row.fingerprint == fp and "强制定稿" in row.reason


def test_unfinalise_keeps_history_and_reason(fresh_store, project_id):
    fp = revisions.finalise(fresh_store, project_id)
    with pytest.raises(InputError):
        revisions.finalise(fresh_store, project_id)
    revisions.unfinalise(fresh_store, project_id, reason="财政局退回，修改成本指标")
    assert repo.load_project(fresh_store, project_id).status == "draft"
    assert revisions.latest_fingerprint(fresh_store, project_id) is None
    rows = revisions.list_revisions(fresh_store, project_id)
    assert [r.kind for r in rows] == ["final", "unfinal"]
    assert rows[1].reason == "财政局退回，修改成本指标" and rows[1].fingerprint == fp
    with pytest.raises(InputError):
        revisions.unfinalise(fresh_store, project_id)
    # Edit and finalise again: a second snapshot with another fingerprint; both comparable.
    project = repo.load_project(fresh_store, project_id)
    project.indicators[3].target = "≤7.5万元"
    project.sections["problems"] = "成本控制仍有提升空间。"
    repo.save_project(fresh_store, project)
    fp2 = revisions.finalise(fresh_store, project_id)
    assert fp2 != fp
    first, _, third = revisions.list_revisions(fresh_store, project_id)
    changes = compare(
        revisions.load_snapshot(fresh_store, first.id),
        revisions.load_snapshot(fresh_store, third.id),
        load_form("self_evaluation"),
    )
    wheres = [c.where for c in changes]
    assert "绩效指标第4行 指标值" in wheres
    problems = next(c for c in changes if c.where.startswith("（二）存在的问题"))
    assert "+ 成本控制仍有提升空间。" in problems.diff


def test_finalise_survives_reopening(db_path, sample_project):
    store = open_store(db_path)
    sample_project.sections.update(goals="目标。", funds_usage="年初预算8万元。")
    pid = repo.insert_project(store, sample_project)
    fp = revisions.finalise(store, pid)
    store.close()
    store = open_store(db_path)
    assert revisions.latest_fingerprint(store, pid) == fp
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # back to NORMAL
    store.close()


def test_cli_finalise_and_revisions(tmp_path):
    db = str(tmp_path / "cli.db")
    r = _cli("--db", db, "import-json", str(FIXTURES / "seed000_evaluation.json"))
    pid = r.stdout.split("\t")[0]
    r = _cli("--db", db, "finalise", pid)
    assert r.returncode == 2 and "不能定稿" in r.stderr and "综合评价得分100分" in r.stderr
    assert "Traceback" not in r.stderr
    r = _cli("--db", db, "finalise", pid, "--force")
    assert r.returncode == 0, r.stderr
    fp = r.stdout.strip().rsplit("：", 1)[1]
    r = _cli("--db", db, "revisions", pid, "--json")
    (row,) = json.loads(r.stdout)
    assert row["fingerprint"] == fp and row["kind"] == "final"
    r = _cli("--db", db, "revisions", pid)
    assert fp in r.stdout and "定稿" in r.stdout
    r = _cli("--db", db, "list", "--json")
    assert json.loads(r.stdout)[0]["status"] == "final"
    r = _cli("--db", db, "unfinalise", pid, "--reason", " ")
    assert r.returncode == 2 and "原因" in r.stderr
    r = _cli("--db", db, "unfinalise", pid, "--reason", "改正综合得分")
    assert r.returncode == 0, r.stderr
    r = _cli("--db", db, "revisions", pid, "--json")
    assert [x["kind"] for x in json.loads(r.stdout)] == ["final", "unfinal"]
    assert json.loads(r.stdout)[1]["reason"] == "改正综合得分"


def test_seed003_projects_finalise(fresh_store):
    ids = []
    for name in ("security", "reception"):
        (p,) = read_projects(FIXTURES / f"seed003_{name}.json")
        ids.append(repo.insert_project(fresh_store, p))
    fps = {revisions.finalise(fresh_store, pid) for pid in ids}
    assert len(fps) == 2


def test_a_revision_stored_by_earlier_versions_still_verifies(fresh_store):
    """A 定稿 row written before the snapshot moved into the model: same text, same fingerprint."""
    from tests.model.test_snapshot import FIXTURES, KNOWN

    (project,) = read_projects(FIXTURES / "seed003_baoan.json")
    project.status = "final"
    pid = repo.insert_project(fresh_store, project)
    text = canonical_json(project_to_dict(project))
    with fresh_store.transaction() as db:
        db.execute(
            "INSERT INTO revision (project_id, created_at, kind, reason, fingerprint, snapshot) "
            "VALUES (?, '2024-01-25T09:00:00', 'final', '', ?, ?)",
            [pid, KNOWN["seed003_baoan.json"], text],
        )
    (row,) = revisions.list_revisions(fresh_store, pid)
    assert revisions.verify(fresh_store, row.id)
    assert revisions.latest_fingerprint(fresh_store, pid) == KNOWN["seed003_baoan.json"]
