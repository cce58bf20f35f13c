"""PDF import: a text-layer report (our own export, read back with pdfplumber) and a scan."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from desktop.exchange.pdf.document import write_report_pdf
from desktop.exchange.text.files import import_file
from desktop.model.errors import InputError
from desktop.model.forms import load_form
from desktop.model.project import Project
from tests.cli_runner import run_cli


def _report_pdf(project: Project, path: Path) -> None:
    write_report_pdf(project, load_form(project.form), path)


def test_text_layer_pdf_report_with_its_indicator_table(tmp_path: Path, sample_project) -> None:
    path = tmp_path / "报告.pdf"
    _report_pdf(sample_project, path)
    (project,) = import_file(path).projects
    assert project.unit.name == sample_project.unit.name
    assert project.year == sample_project.year
    got = [(i.level3, i.target, i.actual, i.weight, i.score) for i in project.indicators]
    want = [(i.level3, i.target, i.actual, i.weight, i.score) for i in sample_project.indicators]
    assert got == want
    total = project.funds.rows["total"]
    assert total.executed == sample_project.funds.rows["total"].executed


def test_scanned_pdf_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "扫描件.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.rect(100, 100, 300, 500, fill=1)  # a picture of a page: no text layer
    page.showPage()
    page.save()
    try:
        import_file(path)
    except InputError as exc:
        assert "没有文字层" in str(exc) and "\n" not in str(exc)
    else:
        raise AssertionError("a PDF without text was imported")


def test_cli_import_pdf(tmp_path: Path, sample_project) -> None:
    path = tmp_path / "报告.pdf"
    _report_pdf(sample_project, path)
    db = tmp_path / "j.db"
    done = run_cli("--db", str(db), "import-pdf", str(path))
    assert done.returncode == 0, done.stderr
    shown = run_cli("--db", str(db), "show", "1", "--json")
    data = json.loads(shown.stdout)
    assert len(data["indicators"]) == len(sample_project.indicators)
    assert data["title"]


def test_cli_import_pdf_bad_file_leaves_db_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "坏.pdf"
    path.write_bytes(b"%PDF-1.4 broken")
    db = tmp_path / "j.db"
    run_cli("--db", str(db), "list")
    before = sqlite3.connect(db).execute("SELECT count(*) FROM project").fetchone()
    done = run_cli("--db", str(db), "import-pdf", str(path))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert sqlite3.connect(db).execute("SELECT count(*) FROM project").fetchone() == before


REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def test_a_table_split_by_a_page_break_is_one_table_with_its_total_row() -> None:
    """028.pdf: the 自评表 runs onto page 2, cutting "家长满意度" in two; page 2 ends with
    "总分 100 96 优"."""
    (project,) = import_file(REAL / "028_yongde_school_nutrition_2022.pdf").projects
    assert [i.level3 for i in project.indicators][-2:] == ["学生满意度", "家长满意度"]
    assert len(project.indicators) == 9
    assert project.extra["stated_totals"] == {"weight": "100", "score": "96"}
    assert (project.extra["claimed_score"], project.extra["claimed_grade"]) == ("96", "优")
