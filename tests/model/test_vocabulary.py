"""The one vocabulary of the 自评表 (forms/common/vocabulary.toml) and the report titles."""

from __future__ import annotations

from desktop.model.forms import load_form
from desktop.model.project import FUNDS_COLUMN_LABELS, SOURCE_LABELS
from desktop.model.vocabulary import binder_title, label, report_title, vocabulary


def test_columns_in_the_order_of_the_official_table():
    words = vocabulary()
    assert [t.label for t in words.standard_columns()] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ]
    assert [t.key for t in words.columns if t.detailed] == ["operator", "unit"]
    assert words.column("target").short_label == "指标值"
    assert words.column("level1").short_label == "一级指标"


def test_every_name_reads_as_one_column():
    fields = vocabulary().header_fields()
    assert fields["权重"] == fields["分值"] == "weight"
    assert fields["预期指标值"] == "target" and fields["计量单位"] == "unit"
    names = [n for t in vocabulary().columns for n in t.names]
    assert len(names) == len(set(names)), "a header word names two columns"


def test_funds_labels_come_from_the_vocabulary():
    assert SOURCE_LABELS["fiscal"] == "其中：当年财政拨款"
    assert FUNDS_COLUMN_LABELS == {
        "initial": "年初预算数",
        "full_year": "全年预算数",
        "executed": "全年执行数",
    }
    assert label("funds") == "项目资金（万元）"


def test_report_and_table_titles():
    words = vocabulary()
    assert words.app_title == "绩效自评报告编辑器"
    assert words.table_caption(2023) == "2023年度项目支出绩效自评表"
    assert words.table_year_line(2023) == "（2023年度）"
    assert report_title("evaluation") == load_form("evaluation").title == "项目支出绩效评价报告"


def test_binder_title_follows_the_reports_kind():
    assert binder_title("某区信访局", 2023, ["self_evaluation"] * 2) == (
        "某区信访局2023年度绩效自评报告合订本"
    )
    assert (
        binder_title("某区信访局", 2023, ["evaluation"]) == "某区信访局2023年度绩效评价报告合订本"
    )
    assert binder_title("某区信访局", 2023, ["evaluation", "self_evaluation"]) == (
        "某区信访局2023年度绩效报告合订本"
    )


def test_every_profile_prints_words_the_vocabulary_reads():
    """A province's own column words are aliases of the one vocabulary, so every importer
    (Excel, pasted cells, report text) reads a table printed under any profile."""
    from desktop.model.profiles import available_profiles, load_profile

    words = vocabulary()
    funds = {t.key: t for t in words.funds_columns}
    for key in available_profiles():
        profile = load_profile(key)
        for layout in (profile.project, profile.department):
            if layout is None:
                continue
            for column in (*layout.columns, *layout.detailed_columns):
                assert column.label in words.column(column.key).names, (key, column)
            for name, text in layout.funds_columns.items():
                assert text in funds[name].names, (key, name, text)
    national = load_profile("mof-2020").project
    assert national is not None
    assert [c.label for c in national.columns] == [t.label for t in words.standard_columns()]
