"""审核 over stored projects: siblings come from the database, whatever subset is checked."""

from __future__ import annotations

from pathlib import Path

from desktop.exchange.jsonio import read_projects
from desktop.store import repo
from desktop.store.audit import findings_with_siblings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED003 = ("security", "reception", "mediation", "beijing_chengdu")


def test_one_project_is_checked_against_its_stored_siblings(fresh_store):
    ids = {}
    for name in SEED003:
        (project,) = read_projects(FIXTURES / f"seed003_{name}.json")
        ids[name] = repo.insert_project(fresh_store, project)
    everything = repo.load_projects(fresh_store, list(ids.values()))
    alone = repo.load_projects(fresh_store, [ids["mediation"]])
    all_findings = findings_with_siblings(fresh_store, everything)
    one = findings_with_siblings(fresh_store, alone)
    assert [f.code for f in one[ids["mediation"]]] == [
        f.code for f in all_findings[ids["mediation"]]
    ]
    assert "W-COPY-SIBLING" in {f.code for f in one[ids["mediation"]]}  # the 保安 sentence
