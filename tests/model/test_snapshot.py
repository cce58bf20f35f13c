"""The 定稿 snapshot and fingerprint: a pure function of the project, stable across versions."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.exchange.jsonio import read_projects
from desktop.model.snapshot import (
    canonical_json,
    fingerprint,
    project_fingerprint,
    project_to_dict,
    short_fingerprint,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# Computed by the code before the snapshot moved into the model (store.revisions over
# exchange.jsonio): a 定稿 made then must keep verifying, and the same content must keep
# giving the same fingerprint.
KNOWN = {
    "seed003_baoan.json": "d669f004157842b9e85d3c2155bce5df2feca96e7efd85b9009ad38e875bc032",
    "seed000_evaluation.json": "a4cbcfb27cdea688f6e8bfc2d2a64d4a4206dfeba066c5eeba6a9607dd15eed8",
}


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_fingerprints_of_existing_data_are_unchanged(name):
    (project,) = read_projects(FIXTURES / name)
    project.status = "final"
    assert project_fingerprint(project) == KNOWN[name]
    assert fingerprint(project_to_dict(project)) == KNOWN[name]


def test_canonical_json_is_compact_sorted_utf8():
    assert canonical_json({"b": "项目", "a": [1, {"d": 2, "c": 3}]}) == (
        '{"a":[1,{"c":3,"d":2}],"b":"项目"}'
    )


def test_short_fingerprint_groups_the_first_16_digits():
    assert short_fingerprint(KNOWN["seed003_baoan.json"]) == "D669 F004 1578 42B9"
