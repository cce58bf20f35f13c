"""`jixiao profiles [--json]` lists the rule profiles."""

from __future__ import annotations

import json

from tests.cli_runner import run_cli


def test_profiles_json_lists_the_default_and_provinces():
    done = run_cli("profiles", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    keys = [p["key"] for p in data]
    assert keys[0] == "mof-2020"
    assert {"sichuan-2023", "yunnan-2022", "hunan-dept-2023"} <= set(keys)
    by_key = {p["key"]: p for p in data}
    assert by_key["sichuan-2023"]["name"].startswith("四川")
    assert by_key["hunan-dept-2023"]["kinds"] == ["department"]


def test_profiles_plain_names_each_source():
    done = run_cli("profiles")
    assert done.returncode == 0, done.stderr
    assert "sichuan-2023" in done.stdout and "https://www.scqs.gov.cn/" in done.stdout
