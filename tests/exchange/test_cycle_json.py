"""The cycle fields of jixiao.project/1: round trip, absent when empty, clear errors."""

from __future__ import annotations

import json

import pytest

from desktop.exchange.jsonio import loads_projects, project_to_dict, read_projects, write_projects
from desktop.model.errors import InputError
from desktop.store import repo
from tests.cycle_helpers import year_project
from tests.model.checks_helpers import clean_project


def test_round_trip_through_a_file_and_the_database(tmp_path, fresh_store):
    project = year_project()
    path = tmp_path / "p.json"
    write_projects([project], path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["baseline"][0] == {
        "level1": "产出指标",
        "level2": "数量指标",
        "level3": "保安人员数量",
        "target": "≥2人",
        "weight": "20",
    }
    assert data["monitoring"]["executed_jan_jul"] == "48000.00"
    assert data["monitoring"]["indicators"][1]["likelihood"] == "有可能"
    assert data["rectifications"][0]["status"] == "done"
    assert data["rectifications"][0]["done_date"] == "2024-03-20"
    (back,) = read_projects(path)
    assert (back.baseline, back.monitoring, back.rectifications) == (
        project.baseline,
        project.monitoring,
        project.rectifications,
    )
    pid = repo.insert_project(fresh_store, back)
    again = project_to_dict(repo.load_project(fresh_store, pid))
    assert again == project_to_dict(project)


def test_bundle_round_trip(tmp_path):
    first, second = year_project(), clean_project("接访费用")
    path = tmp_path / "b.json"
    write_projects([first, second], path)
    a, b = read_projects(path)
    assert a.rectifications == first.rectifications and b.rectifications == []


def test_a_project_without_them_writes_none_of_the_keys():
    data = project_to_dict(clean_project())
    assert not {"baseline", "monitoring", "rectifications"} & set(data)


def _with(**fields: object) -> str:
    data = project_to_dict(clean_project())
    data.update(fields)
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({"monitoring": {"indicators": [{"level3": "甲", "likelihood": "大概"}]}}, "likelihood"),
        ({"monitoring": {"indicators": [{"deviation_cause": "天气"}]}}, "deviation_cause"),
        ({"monitoring": {"executed_jan_jul": "十万"}}, "executed_jan_jul"),
        ({"monitoring": []}, "monitoring"),
        ({"rectifications": [{"problem": "甲", "status": "doing"}]}, "status"),
        ({"rectifications": [{"problem": "甲", "deadline": "2024/13/01"}]}, "deadline"),
        ({"rectifications": {"problem": "甲"}}, "rectifications"),
        ({"baseline": [{"level3": "甲", "weight": "二十"}]}, "weight"),
    ],
)
def test_bad_values_name_the_field(fields, where):
    with pytest.raises(InputError) as err:
        loads_projects(_with(**fields), "p.json")
    assert where in str(err.value) and "p.json" in str(err.value)


def test_form_wording_is_read_as_the_json_value():
    text = _with(
        monitoring={
            "indicators": [
                {"level3": "甲", "deviation_cause": "硬件条件保障", "likelihood": "不可能"}
            ]
        }
    )
    (project,) = loads_projects(text, "p.json")
    item = project.monitoring.indicators[0]
    assert (item.deviation_cause, item.likelihood) == ("硬件条件", "完全不可能")


def test_unknown_nested_fields_are_reported():
    warnings: list[str] = []
    text = _with(rectifications=[{"problem": "甲", "cost": "1"}])
    loads_projects(text, "p.json", warnings)
    assert warnings and "rectifications[].cost" in warnings[0]
