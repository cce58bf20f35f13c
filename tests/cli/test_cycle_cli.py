"""`jixiao baseline`, and the year's cycle through import-json / check / next-year / export."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from desktop.exchange.jsonio import write_projects
from tests.cli_runner import run_cli
from tests.cycle_helpers import year_project


def _db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


def _import(tmp_path: Path, project=None) -> int:
    project = project or year_project()
    path = tmp_path / "in.json"
    write_projects([project], path)
    done = run_cli("--db", _db(tmp_path), "import-json", str(path))
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split("\t")[0])


def test_baseline_records_then_refuses_to_overwrite(tmp_path):
    project = year_project()
    project.baseline = []
    pid = _import(tmp_path, project)
    db = _db(tmp_path)
    done = run_cli("--db", db, "baseline", str(pid))
    assert done.returncode == 0 and "已记录" in done.stdout and "6 项" in done.stdout
    again = run_cli("--db", db, "baseline", str(pid))
    assert again.returncode == 2 and "--replace" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    shown = run_cli("--db", db, "baseline", str(pid), "--json")
    assert [b["level3"] for b in json.loads(shown.stdout)][:2] == ["保安人员数量", "安保工作质量"]
    assert run_cli("--db", db, "baseline", str(pid), "--replace").returncode == 0
    assert run_cli("--db", db, "baseline", str(pid), "--clear").returncode == 0
    assert json.loads(run_cli("--db", db, "baseline", str(pid), "--json").stdout) == []


def test_changed_target_is_an_error_of_check(tmp_path):
    project = year_project()
    project.indicators[0].target = "≥1人"  # approved: ≥2人
    pid = _import(tmp_path, project)
    done = run_cli("--db", _db(tmp_path), "check", str(pid), "--json")
    assert done.returncode == 1
    (finding,) = [f for f in json.loads(done.stdout) if f["code"] == "E-BASELINE-CHANGED"]
    assert "≥1人" in finding["message"] and "≥2人" in finding["message"]
    shown = run_cli("--db", _db(tmp_path), "baseline", str(pid), "--show")
    assert "不一致 1 处" in shown.stdout


def test_baseline_of_a_missing_project_is_one_line_exit_2(tmp_path):
    done = run_cli("--db", _db(tmp_path), "baseline", "99")
    assert done.returncode == 2 and "99" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_next_year_carries_open_items_and_no_baseline(tmp_path):
    pid = _import(tmp_path)
    db = _db(tmp_path)
    done = run_cli("--db", db, "next-year", str(pid))
    assert done.returncode == 0, done.stderr
    new_id = done.stdout.split("\t")[0]
    shown = json.loads(run_cli("--db", db, "show", new_id, "--json").stdout)
    assert "baseline" not in shown and "monitoring" not in shown
    assert [(r["problem"], r["year"], r["status"]) for r in shown["rectifications"]] == [
        ("巡逻记录未按日归档", 2023, "open")
    ]
    out = tmp_path / "next.xlsx"
    assert run_cli("--db", db, "export-xlsx", new_id, "--out", str(out)).returncode == 0
    assert "整改" in load_workbook(out).sheetnames


def test_json_round_trip_through_the_cli(tmp_path):
    pid = _import(tmp_path)
    out = tmp_path / "out.json"
    assert (
        run_cli("--db", _db(tmp_path), "export-json", str(pid), "--out", str(out)).returncode == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    original = json.loads((tmp_path / "in.json").read_text(encoding="utf-8"))
    for key in ("baseline", "monitoring", "rectifications"):
        assert data[key] == original[key], key


def test_import_of_a_target_form_creates_the_project_with_its_baseline(tmp_path):
    from tests.exchange.test_xlsx_cycle import _target_form_workbook

    form = tmp_path / "申报表.xlsx"
    _target_form_workbook(form)
    db = _db(tmp_path)
    done = run_cli("--db", db, "import-xlsx", str(form))
    assert done.returncode == 0, done.stderr
    pid = done.stdout.split("\t")[0]
    approved = json.loads(run_cli("--db", db, "baseline", pid, "--json").stdout)
    assert len(approved) == 7 and approved[-1]["target"] == "≥90%"
    assert run_cli("--db", db, "check", pid, "--json").stdout.count("E-BASELINE") == 0
