"""A report file of any supported kind (.txt, .docx, .pdf) into projects, chosen by its suffix."""

from __future__ import annotations

from pathlib import Path

from desktop.exchange.text.importer import ImportResult, import_text_from, read_text_file
from desktop.model.errors import InputError


def import_file(path: Path, unit: str | None = None, year: int | None = None) -> ImportResult:
    """Import a .txt, .docx or text-layer .pdf report file."""
    path = Path(path)
    where = f"文件 {path.name}"
    if path.suffix.lower() == ".docx":
        from desktop.exchange.text.docx_reader import read_docx

        text, grids = read_docx(path)
        return import_text_from(text, unit, year, where, grids)
    if path.suffix.lower() == ".pdf":
        from desktop.exchange.text.pdf_reader import read_pdf

        text, grids = read_pdf(path)
        return import_text_from(text, unit, year, where, grids)
    if path.suffix.lower() == ".doc":
        raise InputError(
            f"文件 {path.name} 是旧版 Word（.doc）格式；请在 Word 中另存为 .docx 后导入"
        )
    return import_text_from(read_text_file(path), unit, year, where)
