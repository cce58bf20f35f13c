"""Bad input never crashes the text importer: a Chinese InputError naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exchange.text.files import import_file
from desktop.exchange.text.importer import MAX_BYTES, import_text
from desktop.model.errors import InputError


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "空.txt"
    path.write_text("  \n\n\t\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"空\.txt.*空的"):
        import_file(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "图片.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match=r"图片\.txt.*不是文本文件"):
        import_file(path)


def test_huge_file(tmp_path: Path) -> None:
    path = tmp_path / "大.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    assert path.stat().st_size > MAX_BYTES
    with pytest.raises(InputError, match=r"大\.txt.*过大"):
        import_file(path)


def test_text_that_is_not_a_report(tmp_path: Path) -> None:
    path = tmp_path / "菜谱.txt"
    path.write_text("西红柿炒鸡蛋\n先炒鸡蛋，再炒西红柿。\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"菜谱\.txt.*不是绩效自评报告"):
        import_file(path)


def test_gbk_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    text = "某区信访局项目支出绩效自评报告（接访费用）\n一、项目概况\n（一）项目基本情况。2023年预算安排2万元，实际执行2万元。\n"
    path.write_bytes(text.encode("gb18030"))
    project = import_file(path).projects[0]
    assert project.name == "接访费用"
    assert project.sections["basic_info"].startswith("2023年预算安排2万元")


def test_old_word_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "旧.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(InputError, match=r"旧\.doc.*docx"):
        import_file(path)


def test_missing_year_and_unit_are_asked_for() -> None:
    with pytest.raises(InputError, match="年度"):
        import_text("项目支出绩效自评报告（某项目）\n一、项目概况\n（一）项目基本情况。无。\n")
    with pytest.raises(InputError, match="单位"):
        import_text(
            "项目支出绩效自评报告（某项目）\n一、项目概况\n（一）项目基本情况。无。\n", year=2023
        )
    result = import_text(
        "项目支出绩效自评报告（某项目）\n一、项目概况\n（一）项目基本情况。无。\n",
        unit="某局",
        year=2023,
    )
    assert result.projects[0].sections["basic_info"] == "无。"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_random_text_never_crashes(text: str) -> None:
    try:
        result = import_text(text, unit="某局", year=2023)
    except InputError as exc:
        assert exc.message
    else:
        assert result.projects


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "项目支出绩效自评报告",
                "（保安费用）",
                "一、项目概况",
                "（一）项目基本情况。",
                "（2）资金计划、到位及使用情况。",
                "\t完成指标",
                "\t数量指标",
                "绩效目标表",
                "年初预算八万元，追加1,0万元",
                "全年完成数",
                "2024年13月45日",
                "[bookmark: _GoBack]",
                "",
                "\t满意",
            ]
        ),
        max_size=40,
    )
)
def test_report_like_fragments_never_crash(lines: list[str]) -> None:
    try:
        import_text("\n".join(lines), unit="某局", year=2023)
    except InputError as exc:
        assert exc.message


def test_huge_pasted_text() -> None:
    with pytest.raises(InputError, match="文本过长"):
        import_text("一、项目概况\n" * (MAX_BYTES // 10))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".docx"]))
def test_random_files_never_crash(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("random") / f"随机{suffix}"
    path.write_bytes(data)
    try:
        result = import_file(path, unit="某局", year=2023)
    except InputError as exc:
        assert "随机" in exc.message
    else:
        assert result.projects
