import contextlib
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.exchange.jsonio import loads_projects, read_projects
from desktop.model.errors import InputError
from desktop.model.snapshot import project_to_dict

CASE = {
    "format": "jixiao.project/1",
    "unit": {"name": "某区信访局", "department": "某区人民政府"},
    "year": 2023,
    "name": "驻京驻蓉信访维稳经费",
    "form": "self_evaluation",
    "status": "draft",
    "signed_date": "2024-01-25",
    "funds": [
        {
            "source": "total",
            "initial": "50000.00",
            "full_year": "150000.00",
            "executed": "150000.00",
        },
        {
            "source": "fiscal",
            "initial": "50000.00",
            "full_year": "150000.00",
            "executed": "150000.00",
        },
    ],
    "execution": {"weight": "10", "score": "10"},
    "goals": {"target": "年度总体目标…", "actual": "实际完成情况…"},
    "sections": {"basic_info": "…", "conclusion": "…"},
    "indicators": [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "level3": "驻京值班人次",
            "target": "≥12人次",
            "actual": "14人次",
            "weight": "20",
            "score": "20",
            "deviation": "",
            "operator": "≥",
            "unit": "人次",
        }
    ],
}


def test_round_trip_is_lossless():
    first = loads_projects(json.dumps(CASE, ensure_ascii=False), "case.json")[0]
    data = project_to_dict(first)
    assert data == CASE
    again = loads_projects(json.dumps(data, ensure_ascii=False), "again.json")[0]
    assert again == first


def test_json_numbers_are_read_as_decimals_not_floats():
    case = dict(
        CASE, funds=[{"source": "total", "initial": 0.1, "full_year": 349000, "executed": 210400.5}]
    )
    p = loads_projects(json.dumps(case), "n.json")[0]
    assert p.funds.rows["total"].initial == Decimal("0.10")
    assert p.funds.rows["total"].executed == Decimal("210400.50")


def test_unknown_fields_are_kept_and_reported():
    warnings: list[str] = []
    case = dict(CASE, attachments=["a.pdf"])
    p = loads_projects(json.dumps(case, ensure_ascii=False), "c.json", warnings)[0]
    assert p.extra == {"attachments": ["a.pdf"]}
    assert project_to_dict(p)["attachments"] == ["a.pdf"]
    assert len(warnings) == 1 and "attachments" in warnings[0]


def test_bundle():
    bundle = {"format": "jixiao.bundle/1", "projects": [CASE, dict(CASE, name="另一个")]}
    assert [p.name for p in loads_projects(json.dumps(bundle, ensure_ascii=False), "b")] == [
        "驻京驻蓉信访维稳经费",
        "另一个",
    ]


@pytest.mark.parametrize(
    ("mutate", "needle"),
    [
        (lambda c: c.update(format="other/9"), "不支持的格式"),
        (lambda c: c.update(year=20233), "year"),
        (lambda c: c["funds"][1].update(executed="1,0.5"), "funds[1].executed"),
        (lambda c: c["funds"][0].update(initial="abc"), "funds[0].initial"),
        (lambda c: c["funds"][0].update(initial="-5"), "负数"),
        (lambda c: c.update(name=""), "name"),
        (lambda c: c["funds"][0].update(source="bank"), "funds[0].source"),
        (lambda c: c.update(signed_date="2024/13/45"), "signed_date"),
        (lambda c: c["indicators"][0].update(weight="二十"), "indicators[0].weight"),
    ],
)
def test_bad_fields_are_named(mutate, needle):
    case = json.loads(json.dumps(CASE))
    mutate(case)
    with pytest.raises(InputError) as info:
        loads_projects(json.dumps(case, ensure_ascii=False), "case.json")
    assert needle in info.value.message
    assert "case.json" in info.value.message


def test_truncated_json_names_file_and_position(tmp_path):
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(CASE, ensure_ascii=False)[:120], encoding="utf-8")
    with pytest.raises(InputError, match=r"cut\.json：不是有效的 JSON（第 1 行"):
        read_projects(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "x.json"
    path.write_bytes(b"\xff\xfe\x00\x01binary")
    with pytest.raises(InputError, match=r"x\.json"):
        read_projects(path)


@given(st.text(max_size=200))
def test_random_text_never_crashes(text):
    with contextlib.suppress(InputError):
        loads_projects(text, "r.json")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.floats(allow_nan=False),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


@given(st.dictionaries(st.sampled_from(sorted(CASE)), json_values, max_size=6))
def test_random_values_in_every_field_give_input_error_or_a_project(overrides):
    case = dict(CASE, **overrides)
    case["format"] = "jixiao.project/1"
    try:
        text = json.dumps(case, ensure_ascii=False)
    except ValueError:
        return
    with contextlib.suppress(InputError):
        loads_projects(text, "r.json")
