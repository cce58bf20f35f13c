"""The cells a rule profile adds (原因, signature names, 其他需要说明事项) in the JSON format."""

from __future__ import annotations

import pytest

from desktop.exchange.jsonio import project_from_dict, project_to_dict
from desktop.model.errors import InputError
from tests.dept_helpers import detailed_project


def test_profile_cells_round_trip_without_an_unknown_field_warning():
    project = detailed_project("sichuan-2023")
    project.extra["execution_reason"] = "年中追加12.96万元用于调资。"
    project.extra["signatures"] = {"项目负责人": "查小兵", "财务负责人": "唐勇"}
    data = project_to_dict(project)
    assert data["execution_reason"] == "年中追加12.96万元用于调资。"
    assert data["signatures"] == {"项目负责人": "查小兵", "财务负责人": "唐勇"}
    warnings: list[str] = []
    back = project_from_dict(data, "项目", warnings)
    assert warnings == []
    assert back.extra["execution_reason"] == project.extra["execution_reason"]
    assert back.extra["signatures"] == project.extra["signatures"]
    assert back.profile == "sichuan-2023"


def test_signatures_that_are_not_names_are_refused_with_the_field():
    data = project_to_dict(detailed_project("sichuan-2023"))
    data["signatures"] = ["查小兵"]
    with pytest.raises(InputError, match=r"项目\.signatures：应为对象"):
        project_from_dict(data, "项目")
    data["signatures"] = {"项目负责人": ["查小兵"]}
    with pytest.raises(InputError, match=r"项目\.signatures\.项目负责人：应为文本"):
        project_from_dict(data, "项目")
    data = project_to_dict(detailed_project("sichuan-2023"))
    data["execution_reason"] = {"text": "x"}
    with pytest.raises(InputError, match=r"项目\.execution_reason：应为文本"):
        project_from_dict(data, "项目")
