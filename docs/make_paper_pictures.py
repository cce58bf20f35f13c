"""Regenerate the README's pictures of the paper: report pages and the xlsx sheet.

Usage: python docs/make_paper_pictures.py
Needs pdftoppm (poppler-utils) and LibreOffice (for the xlsx). Writes docs/report-1.png,
docs/report-2.png, docs/report-table.png (the page with the 自评表) and docs/xlsx-sheet.png,
all at 60 dpi, from the sample project tests/fixtures/seed003_baoan.json.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
FIXTURE = ROOT / "tests" / "fixtures" / "seed003_baoan.json"
DPI = "60"


def _page_png(pdf: Path, page: int, out: Path) -> None:
    """One page of a PDF as a PNG."""
    stem = out.with_suffix("")
    args = ["pdftoppm", "-r", DPI, "-png", "-singlefile", "-f", str(page), "-l", str(page)]
    subprocess.run([*args, str(pdf), str(stem)], check=True)


def main() -> int:
    """Render the report and the workbook, then the pictures."""
    from pypdf import PdfReader

    from desktop.exchange.jsonio import read_projects
    from desktop.exchange.pdf.document import write_report_pdf
    from desktop.exchange.xlsx.export import write_workbook
    from desktop.model.forms import load_form
    from desktop.model.vocabulary import vocabulary

    project = read_projects(FIXTURE)[0]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        write_report_pdf(project, load_form(project.form), pdf)
        caption = vocabulary().table_caption(project.year)
        texts = [(p.extract_text() or "").replace(" ", "") for p in PdfReader(pdf).pages]
        table_page = next(i for i, t in enumerate(texts, start=1) if caption in t)
        _page_png(pdf, 1, DOCS / "report-1.png")
        _page_png(pdf, 2, DOCS / "report-2.png")
        _page_png(pdf, table_page, DOCS / "report-table.png")
        book = Path(tmp) / "sheet.xlsx"
        write_workbook([project], book)
        office = shutil.which("libreoffice") or shutil.which("soffice")
        if office is None:
            print("LibreOffice not found: docs/xlsx-sheet.png left as it is")
            return 0
        subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(book)],
            check=True,
            capture_output=True,
            timeout=300,
        )
        _page_png(Path(tmp) / "sheet.pdf", 1, DOCS / "xlsx-sheet.png")
    for name in ("report-1", "report-2", "report-table", "xlsx-sheet"):
        print(DOCS / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
