"""Hostile inputs at the CLI: exit 2, one Chinese line naming what and where, database unchanged.

The measured table (time per input) comes from bench/bench_hostile.py; these tests assert the
behaviour, never a time.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import hostile_files as H
from tests.cli_runner import run_cli

cli_main = importlib.import_module("desktop.cli.main")


def _listing(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert cli_main.main(["--db", str(db), "list", "--json"]) == 0
    return list(json.loads(capsys.readouterr().out))


def _seed(db: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    case = folder / "seed.json"
    case.write_text(json.dumps(H._project(name="已有项目"), ensure_ascii=False), encoding="utf-8")
    assert cli_main.main(["--db", str(db), "import-json", str(case)]) == 0
    capsys.readouterr()
    return _listing(db, capsys)


IMPORTS: list[tuple[str, Callable[[Path], Path], str]] = [
    ("import-json", H.json_deep, "嵌套层数过多"),
    ("import-json", H.json_lone_surrogate, r"\.name：文本含有无效字符"),
    ("import-json", H.json_money_1e30, r"funds\[0\]\.executed：金额过大（1E\+30 元）"),
    ("import-json", H.json_money_1e309, r"金额过大（1E\+309 元）"),
    ("import-json", H.json_money_30_digits, r"金额过大（1{30} 元）"),
    ("import-json", H.json_money_30_digit_text, r"金额过大（9{30}\.00 元）"),
    ("import-json", H.json_money_trillion, "应小于 1 万亿元"),
    ("import-json", H.json_year_5000_digits, r"\.year：年度“9+…”超出范围（2000–2100）"),
    ("import-json", H.json_year_text_5000_digits, r"\.year：年度“2+…”超出范围"),
    ("import-json", H.json_long_name, r"项目名称过长（1,000,000 字，最多 200 字）"),
    ("import-json", H.json_many_indicators, r"绩效指标过多（100,000 条，最多 2,000 条）"),
    ("import-json", H.json_big_section, r"“basic_info”部分过长"),
    ("import-json", H.json_same_project_twice, r"projects\[1\] 与 projects\[0\] 是同一个项目"),
    ("import-xlsx", H.xlsx_far_cell, r"第 1 张表“自评表”的单元格 XFD1048576 超出自评表的范围"),
    ("import-xlsx", H.xlsx_far_merge, r"合并单元格 A5:XFD1048576 超出自评表的范围"),
    (
        "import-xlsx",
        lambda f: H.xlsx_huge_string(f, 40),
        r"文字内容过大（解压后 40 MB，最多 32 MB）",
    ),
    ("import-docx", H.doc_renamed_docx, r"旧报告\.docx.*旧版 Word"),
]


@pytest.mark.parametrize(
    ("command", "maker", "message"), IMPORTS, ids=[m.__name__ for _, m, _ in IMPORTS]
)
def test_hostile_import_is_one_line_exit_2_and_changes_nothing(
    tmp_path, capsys, command, maker, message
):
    db = tmp_path / "jixiao.db"
    before = _seed(db, tmp_path, capsys)
    code = cli_main.main(["--db", str(db), command, str(maker(tmp_path))])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("错误：") and err.count("\n") == 1, err
    assert "Traceback" not in err
    import re

    assert re.search(message, err), err
    assert len(err) < 400  # the offending value is quoted cut short, never in full
    assert _listing(db, capsys) == before


def test_the_bundle_twice_message_names_no_id_that_will_not_exist(tmp_path, capsys):
    db = tmp_path / "empty.db"
    code = cli_main.main(["--db", str(db), "import-json", str(H.json_same_project_twice(tmp_path))])
    err = capsys.readouterr().err
    assert code == 2 and "编号" not in err
    assert _listing(db, capsys) == []


@pytest.mark.parametrize(
    "maker", [H.json_deep, H.json_year_5000_digits, H.xlsx_far_cell], ids=lambda m: m.__name__
)
def test_hostile_input_in_a_real_process_has_no_traceback(tmp_path, maker):
    command = "import-xlsx" if maker.__name__.startswith("xlsx") else "import-json"
    result = run_cli("--db", str(tmp_path / "x.db"), command, str(maker(tmp_path)), timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
