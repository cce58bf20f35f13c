import pytest

from desktop.model.errors import InputError
from desktop.model.forms import available_forms, load_form


def test_both_forms_load_with_their_outlines():
    assert available_forms()[:1] == ["self_evaluation"]
    assert set(available_forms()) >= {"self_evaluation", "evaluation"}
    se = load_form("self_evaluation")
    keys = [e.key for e in se.sections()]
    assert keys == [
        "basic_info",
        "goals",
        "method",
        "funds_approval",
        "funds_usage",
        "finance_management",
        "organisation",
        "management",
        "supervision",
        "performance",
        "conclusion",
        "problems",
        "suggestions",
    ]
    ev = load_form("evaluation")
    assert [e.key for e in ev.sections()] == [
        "overview",
        "goals",
        "unit_report",
        "purpose",
        "principles",
        "process",
        "funds_analysis",
        "implementation_analysis",
        "performance_analysis",
        "conclusion",
        "application",
        "problems",
        "causes",
        "suggestions",
        "other",
    ]
    assert ev.tabs()[0][0].title == "一、基本情况"
    assert len(ev.tabs()) == 8


def test_framework_maps_real_table_names():
    f = load_form("self_evaluation")
    assert f.canonical_level1("完成指标") == "产出指标"
    assert f.canonical_level1("产出指标(50分)") == "产出指标"
    assert f.canonical_level2("社会效益指标") == "社会效益"
    assert f.canonical_level2("服务对象满意度指标") == "服务对象满意度"
    assert f.is_numeric_level2("成本指标") and not f.is_numeric_level2("社会效益指标")
    assert f.level2_for("效益指标") == ["经济效益", "社会效益", "生态效益", "可持续影响"]


def test_unknown_form_is_a_clear_error():
    with pytest.raises(InputError, match="未知的报告类型"):
        load_form("nonexistent")


def test_no_section_title_is_hard_coded_in_python():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "desktop"
    titles = [e.title for k in available_forms() for e in load_form(k).outline]
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for title in titles:
            assert title not in text, f"{title} hard-coded in {path}"


def test_every_forms_title_reads_as_the_loaded_form_says():
    from desktop.model.forms import form_title

    for key in available_forms():
        assert form_title(key) == load_form(key).title
