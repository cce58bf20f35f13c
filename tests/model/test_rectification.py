"""整改 items: made from the 存在的问题 text, carried into next year, their printed status."""

from __future__ import annotations

import datetime as dt

from desktop.model.carry_forward import next_year_copy
from desktop.model.rectification import (
    DONE,
    Rectification,
    carried,
    default_deadline,
    items_from_text,
    previous_items,
    split_items,
    status_label,
)
from tests.cycle_helpers import year_project


def test_enumerated_problems_become_one_item_each():
    text = "一是预算编制不够精细，执行率95.5%偏低；二是绩效目标设置不够明确。三是资料归档不及时。"
    assert split_items(text) == [
        "预算编制不够精细，执行率95.5%偏低",
        "绩效目标设置不够明确",
        "资料归档不及时",
    ]


def test_other_numberings_lines_and_sentences():
    assert split_items("1.资金拨付进度较慢。2.宣传力度不够。") == [
        "资金拨付进度较慢",
        "宣传力度不够",
    ]
    assert split_items("（一）预算执行进度慢\n（二）指标设置不合理") == [
        "预算执行进度慢",
        "指标设置不合理",
    ]
    assert split_items("支付进度偏慢。部分指标量化不足。") == ["支付进度偏慢", "部分指标量化不足"]


def test_no_problems_gives_no_items():
    for text in ("", "无", "无。", "暂无", "  "):
        assert split_items(text) == []


def test_items_from_text_pair_suggestions_and_skip_known_problems():
    start = dt.date(2024, 1, 25)
    existing = [Rectification("宣传力度不够")]
    items = items_from_text(
        "1.资金拨付进度较慢。2.宣传力度不够。",
        "1.加快拨付。2.加大宣传。",
        existing,
        2023,
        start,
    )
    assert [(i.problem, i.measure, i.year) for i in items] == [
        ("资金拨付进度较慢", "加快拨付", 2023)
    ]
    assert items[0].deadline == default_deadline(start) == dt.date(2024, 3, 25)
    assert items[0].is_open


def test_unpaired_suggestions_leave_measures_empty():
    items = items_from_text("一是甲问题；二是乙问题。", "加强管理。", [], 2023, dt.date(2024, 1, 1))
    assert [i.measure for i in items] == ["", ""]


def test_next_year_copy_carries_open_items_only_and_no_baseline():
    project = year_project()
    assert project.baseline and project.monitoring.indicators
    new = next_year_copy(project)
    assert new.year == 2024
    assert new.baseline == []
    assert new.monitoring.indicators == [] and new.monitoring.executed_jan_jul is None
    assert [(i.problem, i.year, i.status) for i in new.rectifications] == [
        ("巡逻记录未按日归档", 2023, "open")
    ]
    # the indicators keep last year's targets as a draft, but not as approved ones
    assert [i.target for i in new.indicators] == [i.target for i in project.indicators]


def test_previous_items_are_those_raised_before_the_year():
    items = [Rectification("甲", year=2023), Rectification("乙"), Rectification("丙", year=2024)]
    assert [i.problem for i in previous_items(items, 2024)] == ["甲"]
    assert [i.year for i in carried(items, 2024)] == [2023, 2024, 2024]


def test_status_labels():
    on = dt.date(2024, 7, 1)
    done = Rectification("甲", status=DONE, done_date=dt.date(2024, 3, 1))
    assert status_label(done, on) == "已完成（2024年3月1日）"
    assert status_label(Rectification("乙", deadline=dt.date(2024, 8, 1)), on) == "未完成"
    assert status_label(Rectification("丙", deadline=dt.date(2024, 6, 1)), on) == "逾期未完成"
