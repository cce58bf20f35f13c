"""PDF timings: one report (cold and warm), a 100-report 合订本, and LibreOffice on an equal .docx.

Run: python bench/bench_pdf.py [--no-libreoffice]
Targets: one report < 0.5 s, 100-report 合订本 < 10 s.
"""

from __future__ import annotations

import copy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIXTURE = ROOT / "tests" / "fixtures" / "seed003_baoan.json"


def _project():
    from desktop.exchange.jsonio import read_projects

    return read_projects(FIXTURE)[0]


def _docx(project, form, path: Path) -> None:
    """The same report as a plain .docx (title, headings, text, indicator table)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.add_heading(form.title, 0)
    doc.add_paragraph(f"（{project.name}）")
    for entry in form.outline:
        doc.add_heading(entry.title, min(entry.level, 3))
        if entry.key:
            for para in project.section(entry.key).split("\n"):
                p = doc.add_paragraph(para)
                p.paragraph_format.first_line_indent = Pt(32)
        if entry.indicator_table:
            table = doc.add_table(rows=1, cols=7)
            for cell, text in zip(
                table.rows[0].cells,
                ("一级", "二级", "三级", "指标值", "实际", "分值", "得分"),
                strict=True,
            ):
                cell.text = text
            for ind in project.indicators:
                row = table.add_row().cells
                values = (
                    ind.level1,
                    ind.level2,
                    ind.level3,
                    ind.target,
                    ind.actual,
                    str(ind.weight),
                    str(ind.score),
                )
                for cell, text in zip(row, values, strict=True):
                    cell.text = text
    doc.add_paragraph(project.unit.name)
    doc.save(str(path))


def main() -> int:
    """Print the timings."""
    t0 = time.perf_counter()
    from desktop.exchange.pdf.batch import write_batch_pdf
    from desktop.exchange.pdf.document import render_report_pdf
    from desktop.model.forms import load_form

    project = _project()
    form = load_form(project.form)
    t1 = time.perf_counter()
    render_report_pdf(project, form)
    cold = time.perf_counter() - t1
    warm_runs = []
    cpu_runs = []
    for _ in range(10):
        t = time.perf_counter()
        c = time.process_time()
        data = render_report_pdf(project, form)
        warm_runs.append(time.perf_counter() - t)
        cpu_runs.append(time.process_time() - c)
    warm = statistics.median(warm_runs)
    print(f"import: {t1 - t0:.2f} s")
    print(f"one report, first in process (loads fonts): {cold:.3f} s")
    print(
        f"one report, warm (median of 10): {warm:.3f} s wall, "
        f"{statistics.median(cpu_runs):.3f} s CPU  [{len(data) // 1024} KiB]"
    )

    projects = []
    for i in range(100):
        p = copy.deepcopy(project)
        p.name = f"{project.name}{i + 1:03d}"
        projects.append(p)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "book.pdf"
        t = time.perf_counter()
        c = time.process_time()
        write_batch_pdf(projects, out, "合订本基准")
        batch = time.perf_counter() - t
        cpu = time.process_time() - c
        size = out.stat().st_size // 1024
        print(f"100-report 合订本: {batch:.2f} s wall, {cpu:.2f} s CPU  [{size} KiB]")

        if "--no-libreoffice" in sys.argv or not shutil.which("libreoffice"):
            return 0
        docx = Path(tmp) / "report.docx"
        _docx(project, form, docx)
        t = time.perf_counter()
        subprocess.run(
            ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        lo = time.perf_counter() - t
        print(f"libreoffice --convert-to pdf, same report as .docx: {lo:.2f} s")
        print(f"ratio libreoffice / jixiao (warm): {lo / warm:.0f}x; vs cold: {lo / cold:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
