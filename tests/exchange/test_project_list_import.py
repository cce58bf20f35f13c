"""A document listing many projects with their amounts (序号 | 责任部门 | 项目名称 | 预算数 | 执行数
| 执行率, one cell a line, merged 责任部门 cells): one draft project per row."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from desktop.exchange.text.importer import import_text
from tests.cli_runner import run_cli
from tests.exchange.real_corpus import document_text

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
HUBEI = REAL / "204_hubei_hbou_project_execution_2022.txt"


def test_each_row_of_the_list_becomes_a_project_with_its_amounts():
    result = import_text(document_text(HUBEI), "湖北开放大学")
    projects = result.projects
    assert len(projects) == 20
    by_name = {p.name: p for p in projects}
    wan = Decimal(10000)
    total = by_name["学生资助专项-电大"].funds.rows["total"]
    assert (total.full_year, total.executed) == (11 * wan, Decimal(0))
    # a row without its own 责任部门 cell is under the one above (merged cells)
    assert by_name["办学评估系统"].extra["responsible"] == "教务处"
    assert by_name["办学评估系统"].funds.rows["total"].executed == Decimal("44.89") * wan
    first = projects[0]
    assert first.year == 2022
    assert first.extra["title"] == "关于开展2022年度专项资金绩效评价工作的紧急通知"
    assert first.extra["document_kind"] == "execution-table"
    assert first.extra["document_funds"] == {
        "full_year": "177588700.00",
        "executed": "145203400.00",
    }
    assert "合计" not in by_name
    assert "识别出 20 个项目" in result.report[0]


def test_a_list_that_never_names_its_unit_is_refused_until_given(tmp_path):
    """ "根据省教育厅关于…的通知" cites the province's bureau: it is not the unit."""
    db = str(tmp_path / "j.db")
    done = run_cli("--db", db, "import-text", str(HUBEI))
    assert done.returncode == 2
    assert done.stderr.strip().endswith("未能识别实施单位，请指定单位（--unit）")
    assert not (tmp_path / "j.db").exists() or "高校" not in run_cli("--db", db, "list").stdout
    done = run_cli("--db", db, "import-text", str(HUBEI), "--unit", "湖北开放大学")
    assert done.returncode == 0, done.stderr
    listed = json.loads(run_cli("--db", db, "list", "--json").stdout)
    assert len(listed) == 20
