"""`export-xlsx` and `import-xlsx` through the real CLI: one transaction, bad input → exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from desktop.exchange.jsonio import write_projects
from tests.cli_runner import run_cli as run

REPO = Path(__file__).resolve().parents[2]


def listing(db: Path) -> list[dict]:
    result = run("--db", str(db), "list", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _seed_db(tmp_path: Path, sample_project) -> Path:
    db = tmp_path / "cli.db"
    second = tmp_path / "p2.json"
    write_projects([sample_project], tmp_path / "p1.json")
    sample_project.name = "接访费用"
    write_projects([sample_project], second)
    for f in ("p1.json", "p2.json"):
        assert run("--db", str(db), "import-json", str(tmp_path / f)).returncode == 0
    return db


def test_export_unit_year_and_import_into_new_db(tmp_path, sample_project):
    db = _seed_db(tmp_path, sample_project)
    out = tmp_path / "unit.xlsx"
    result = run(
        "--db",
        str(db),
        "export-xlsx",
        "--unit",
        "攀枝花市西区信访局",
        "--year",
        "2023",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "保安费用", "接访费用", "审核"]
    assert [c.value for c in wb["汇总"]["C"][2:]] == ["保安费用", "接访费用", None]
    # Required sections are empty in the sample: the checks' 错误 count shows in the 审核 sheet.
    assert wb["审核"]["D3"].value >= 1

    fresh = tmp_path / "fresh.db"
    result = run("--db", str(fresh), "import-xlsx", str(out))
    assert result.returncode == 0, result.stderr
    assert [r["name"] for r in listing(fresh)] == ["保安费用", "接访费用"]
    shown = json.loads(run("--db", str(fresh), "show", "1", "--json").stdout)
    assert shown["funds"][0]["initial"] == "80000.00"
    assert len(shown["indicators"]) == 6


def test_export_without_the_audit_sheet(tmp_path, sample_project):
    db = _seed_db(tmp_path, sample_project)
    out = tmp_path / "unit.xlsx"
    args = ["--unit", "攀枝花市西区信访局", "--year", "2023", "--out", str(out), "--no-audit"]
    result = run("--db", str(db), "export-xlsx", *args)
    assert result.returncode == 0, result.stderr
    assert load_workbook(out).sheetnames == ["汇总", "保安费用", "接访费用"]


def test_export_one_project(tmp_path, sample_project):
    db = _seed_db(tmp_path, sample_project)
    out = tmp_path / "one.xlsx"
    result = run("--db", str(db), "export-xlsx", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert load_workbook(out).sheetnames == ["保安费用"]


def test_duplicates_refused_unless_replace(tmp_path, sample_project):
    db = _seed_db(tmp_path, sample_project)
    out = tmp_path / "unit.xlsx"
    assert run("--db", str(db), "export-xlsx", "1", "--out", str(out)).returncode == 0
    result = run("--db", str(db), "import-xlsx", str(out))
    assert result.returncode == 2
    assert "已有项目" in result.stderr and "Traceback" not in result.stderr
    assert len(listing(db)) == 2
    result = run("--db", str(db), "import-xlsx", str(out), "--replace")
    assert result.returncode == 0, result.stderr
    assert len(listing(db)) == 2


def test_bad_cell_exit_2_and_nothing_written(tmp_path, sample_project):
    db = _seed_db(tmp_path, sample_project)
    out = tmp_path / "unit.xlsx"
    assert (
        run(
            "--db",
            str(db),
            "export-xlsx",
            "--unit",
            "攀枝花市西区信访局",
            "--year",
            "2023",
            "--out",
            str(out),
        ).returncode
        == 0
    )
    before = listing(db)
    wb = load_workbook(out)
    wb["接访费用"]["E6"] = "约八万"  # the third sheet; the second one is fine
    wb["保安费用"]["B3"] = "保安费用（新）"
    wb.save(out)
    result = run("--db", str(db), "import-xlsx", str(out))
    assert result.returncode == 2
    assert "第 3 张表“接访费用”E6：‘约八万’不是金额" in result.stderr
    assert "Traceback" not in result.stderr
    assert listing(db) == before


def test_bad_files_exit_2(tmp_path):
    db = tmp_path / "cli.db"
    txt = tmp_path / "renamed.xlsx"
    txt.write_text("not a workbook", encoding="utf-8")
    for path, fragment in ((txt, "不是 Excel 工作簿"), (tmp_path / "missing.xlsx", "找不到文件")):
        result = run("--db", str(db), "import-xlsx", str(path))
        assert result.returncode == 2
        assert fragment in result.stderr and "Traceback" not in result.stderr
