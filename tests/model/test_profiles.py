"""Rule profiles as data: the files in forms/profiles, their sources and layouts."""

from __future__ import annotations

import pytest

from desktop.model.errors import InputError
from desktop.model.forms import available_forms, data_dir
from desktop.model.profiles import (
    DEFAULT_PROFILE,
    available_profiles,
    detect_profile,
    load_profile,
    profiles_for,
)


def test_default_first_and_three_provinces_or_more():
    keys = available_profiles()
    assert keys[0] == DEFAULT_PROFILE == "mof-2020"
    assert {"sichuan-2023", "yunnan-2022", "hunan-dept-2023"} <= set(keys)


def test_profiles_are_not_report_forms():
    assert not any(k.startswith(("mof", "sichuan")) for k in available_forms())


@pytest.mark.parametrize("key", available_profiles())
def test_every_profile_cites_published_sources(key):
    profile = load_profile(key)
    text = (data_dir("forms") / "profiles" / f"{key}.toml").read_text(encoding="utf-8")
    assert profile.sources and all(url.startswith("http") for url in profile.sources)
    for url in profile.sources:
        assert url in text
    assert "[form]" in text or "[unverified" in text  # each rule says how it was verified


def test_sichuan_layout_is_the_published_form():
    layout = load_profile("sichuan-2023").layout("self_evaluation")
    assert layout.caption(2023) == "部门预算项目支出绩效自评表（2023年度）"
    assert [c.label for c in layout.columns] == [
        "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
        "完成值", "权重", "得分", "未完成原因分析",
    ]  # fmt: skip
    assert layout.signatures == ("项目负责人", "财务负责人")
    assert layout.total_label == "合计" and not layout.grade
    assert load_profile("sichuan-2023").reasons.low_execution_below is not None


def test_a_profile_without_a_department_table_falls_back_to_the_default():
    sichuan = load_profile("sichuan-2023")
    assert not sichuan.covers("department")
    default = load_profile(DEFAULT_PROFILE).layout("department")
    assert sichuan.layout("department") is default
    assert [p.key for p in profiles_for("department")] == ["mof-2020", "hunan-dept-2023"]


def test_unknown_profile_names_the_known_ones():
    with pytest.raises(InputError, match=r"未知的省份规则“guangdong-2099”.*sichuan-2023"):
        load_profile("guangdong-2099")


def test_detect_by_the_forms_own_words():
    assert detect_profile(["部门预算项目支出绩效自评表(2023年度)", "项目名称"]) == "sichuan-2023"
    assert detect_profile(["2022年度项目支出绩效自评表", "公开14表"]) == "yunnan-2022"
    assert detect_profile(["项目支出绩效自评表", "（2023年度）"]) is None
