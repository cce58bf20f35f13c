"""PDF reports with a text layer (pdfplumber): text lines and tables in page order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.exchange.text.importer import MAX_BYTES, Grids
from desktop.model.errors import InputError

WATERMARK_SIZE = 40.0  # points: body text is 16 pt, titles 22 pt


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    mid_x = (obj["x0"] + obj["x1"]) / 2
    mid_y = (obj["top"] + obj["bottom"]) / 2
    return x0 <= mid_x <= x1 and top <= mid_y <= bottom


def _not_watermark(obj: dict[str, Any]) -> bool:
    """Characters of the text: a rotated or huge character is a watermark ("草稿")."""
    if obj.get("object_type") != "char":
        return True
    return bool(obj.get("upright", True)) and float(obj.get("size", 0)) < WATERMARK_SIZE


def _page_items(page: Any) -> list[tuple[float, str, list[list[str]] | None]]:
    """(top, text line, None) and (top, '', table grid) items of a page, top to bottom."""
    page = page.filter(_not_watermark)
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    body = page.filter(lambda obj: not any(_inside(obj, b) for b in boxes)) if boxes else page
    items: list[tuple[float, str, list[list[str]] | None]] = [
        (float(line["top"]), str(line["text"]), None) for line in body.extract_text_lines()
    ]
    for table in tables:
        grid = [[(cell or "").replace("\n", "") for cell in row] for row in table.extract()]
        items.append((float(table.bbox[1]), "", grid))
    items.sort(key=lambda item: item[0])
    return items


def _continues(before: list[list[str]], grid: list[list[str]]) -> bool:
    """A table that goes on from the previous page (same columns, no header of its own)."""
    return bool(before and grid) and len(before[-1]) == len(grid[0])


def _joined(before: list[list[str]], grid: list[list[str]]) -> list[list[str]]:
    """The two parts of a table split by a page break. A row cut by the break ("家长满" /
    "意度": a few text cells, no figures) is joined back: each piece goes onto the cell above it
    (the nearest non-empty one, for a merged cell)."""
    first = grid[0]
    filled = [cell for cell in first if cell]
    if not filled or len(filled) > 3 or any(ch.isdigit() for cell in filled for ch in cell):
        return [*before, *grid]
    rows = [list(row) for row in before]
    for i, cell in enumerate(first):
        if not cell:
            continue
        above = next((r for r in reversed(rows) if i < len(r) and r[i]), None)
        if above is None:
            return [*before, *grid]
        above[i] += cell
    return [*rows, *grid[1:]]


def read_pdf(path: Path) -> tuple[str, Grids]:
    """The document as text lines (tables as tab-separated rows) and where each table is."""
    import pdfplumber

    where = f"文件 {path.name}"
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{where} 过大；PDF 报告一般不超过 {MAX_BYTES // 1024 // 1024} MB")
        pdf = pdfplumber.open(str(path))
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"无法读取{where}：{exc.strerror or exc}") from None
    except Exception as exc:  # pdfminer raises many kinds on damaged or encrypted files
        raise InputError(
            f"{where} 不是有效的 PDF 文件或已损坏/加密（{type(exc).__name__}）"
        ) from None
    lines: list[str] = []
    grids: Grids = {}
    chars = 0
    try:
        with pdf:
            last: int | None = None  # the grid that ended the previous page
            for page in pdf.pages:
                chars += len(page.chars)
                items = _page_items(page)
                for n, (_top, text, grid) in enumerate(items):
                    if grid is None:
                        lines.append(text)
                        continue
                    if n == 0 and last is not None and _continues(grids[last][1], grid):
                        grid = _joined(grids[last][1], grid)
                        del lines[last:]
                    start = len(lines)
                    lines.extend("\t".join(row) for row in grid)
                    grids[start] = (len(lines), grid)
                last = max(grids) if items and items[-1][2] is not None else None
    except Exception as exc:
        raise InputError(f"{where} 无法读取，文件可能已损坏（{type(exc).__name__}）") from None
    if chars == 0:
        raise InputError(
            f"{where} 没有文字层（扫描件或图片），无法读出文字；"
            "请导入带文字的 PDF、Word 文件，或先用 OCR 软件识别文字"
        )
    return "\n".join(lines), grids
