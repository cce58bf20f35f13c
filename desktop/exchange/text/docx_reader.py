"""Word (.docx) reports through python-docx: paragraphs become lines, tables indicator rows."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from desktop.exchange.text.importer import MAX_BYTES, Grids
from desktop.model.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound document: .doc, .xls, .wps


def _cells(row: Any) -> list[str]:
    """Texts of a row's cells; a horizontally merged cell counts once."""
    texts: list[str] = []
    seen: set[int] = set()
    for cell in row.cells:
        key = id(cell._tc)
        if key in seen:
            continue
        seen.add(key)
        texts.append(" ".join(p.text for p in cell.paragraphs).strip())
    return texts


def read_docx(path: Path) -> tuple[str, Grids]:
    """The document as text (tables as tab-separated rows) and where each table's rows are."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    where = f"文件 {path.name}"
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{where} 过大；Word 报告一般不超过 {MAX_BYTES // 1024 // 1024} MB")
        with path.open("rb") as fh:
            head = fh.read(len(OLE_MAGIC))
        if head == OLE_MAGIC:  # a Word 97-2003 .doc (or .wps) renamed to .docx
            raise InputError(
                f"{where} 实际上是旧版 Word（.doc，Word 97-2003）格式，只是扩展名为 .docx；"
                "请在 Word 或 WPS 中打开，另存为 .docx 后再导入"
            )
        if not head.startswith(b"PK"):
            raise InputError(f"{where} 不是 Word（.docx）文件（内容不是 .docx 格式）")
        document = docx.Document(str(path))
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"无法读取{where}：{exc.strerror or exc}") from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{where} 不是有效的 Word（.docx）文件或已损坏（{exc}）") from None
    except Exception as exc:  # lxml and python-docx raise many kinds on corrupt parts
        raise InputError(f"{where} 无法读取，文件可能已损坏（{type(exc).__name__}）") from None
    lines: list[str] = []
    grids: Grids = {}
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(Paragraph(child, document).text.split("\n"))
        elif tag == "tbl":
            grid = [_cells(row) for row in Table(child, document).rows]
            start = len(lines)
            lines.extend("\t".join(row) for row in grid)
            grids[start] = (len(lines), grid)
    return "\n".join(lines), grids
