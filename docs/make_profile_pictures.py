"""Regenerate the README's pictures of the provincial and department 自评表 (PDF and xlsx).

Usage: python docs/make_profile_pictures.py
Needs pdftoppm (poppler-utils) and LibreOffice (for the xlsx). Writes, at 60 dpi:
docs/sichuan-pdf.png and docs/sichuan-xlsx.png (the sample project of
tests/fixtures/seed003_baoan.json in the 四川 2023 format, with a 原因 and signature names) and
docs/dept-pdf.png and docs/dept-xlsx.png (衡山县贯塘乡 2023, imported from the real-report corpus
tests/fixtures/real/107_hunan_hengshan_guantang_2023.txt without help).
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
REAL = ROOT / "tests" / "fixtures" / "real" / "107_hunan_hengshan_guantang_2023.txt"
DPI = "60"


def _page_png(pdf: Path, page: int, out: Path) -> None:
    """One page of a PDF as a PNG."""
    args = ["pdftoppm", "-r", DPI, "-png", "-singlefile", "-f", str(page), "-l", str(page)]
    subprocess.run([*args, str(pdf), str(out.with_suffix(""))], check=True)
    print(out)


def _pictures(project: object, name: str, marker: str, tmp: Path) -> None:
    """The PDF page holding ``marker`` and the workbook's first page."""
    from pypdf import PdfReader

    from desktop.exchange.pdf.document import write_report_pdf
    from desktop.exchange.xlsx.export import write_workbook
    from desktop.model.forms import load_form

    pdf = tmp / f"{name}.pdf"
    write_report_pdf(project, load_form(project.form), pdf)  # type: ignore[attr-defined]
    texts = [(p.extract_text() or "").replace(" ", "") for p in PdfReader(pdf).pages]
    page = next(i for i, t in enumerate(texts, start=1) if marker in t)
    _page_png(pdf, page, DOCS / f"{name}-pdf.png")
    book = tmp / f"{name}-sheet.xlsx"
    write_workbook([project], book)  # type: ignore[list-item]
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        print(f"LibreOffice not found: docs/{name}-xlsx.png left as it is")
        return
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(book)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    _page_png(tmp / f"{name}-sheet.pdf", 1, DOCS / f"{name}-xlsx.png")


def main() -> int:
    """Render both projects and their pictures."""
    from desktop.exchange.jsonio import read_projects
    from desktop.exchange.text.importer import import_text, read_text_file

    sichuan = read_projects(FIXTURE)[0]
    sichuan.profile = "sichuan-2023"
    sichuan.extra["execution_reason"] = "年末部分保安服务费按合同于次年1月结算。"
    sichuan.extra["signatures"] = {"项目负责人": "王××", "财务负责人": "李××"}
    (department,) = import_text(read_text_file(REAL)).projects
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        _pictures(sichuan, "sichuan", "部门预算项目支出绩效自评表", tmp)
        _pictures(department, "dept", "按收入性质分", tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
