"""Helpers for tests that read rendered PDFs back."""

from __future__ import annotations

import io
from decimal import Decimal

import pdfplumber
from pypdf import PdfReader

from desktop.model.project import Indicator


def page_texts(data: bytes) -> list[str]:
    """Extracted text of every page (pypdf)."""
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def page_lines(data: bytes) -> list[list[tuple[float, float, str, list[dict]]]]:
    """Per page, the text lines (top, x0, text, chars) from pdfplumber, top to bottom."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            rows: dict[float, list[dict]] = {}
            for ch in page.chars:
                if ch["size"] > 60:  # the watermark
                    continue
                key = round(ch["bottom"], 0)
                rows.setdefault(key, []).append(ch)
            lines = []
            for key in sorted(rows):
                chars = sorted(rows[key], key=lambda c: c["x0"])
                lines.append((key, chars[0]["x0"], "".join(c["text"] for c in chars), chars))
            out.append(lines)
    return out


def font_objects(data: bytes) -> list[dict]:
    """Every font dictionary referenced by any page (resolved)."""
    fonts = []
    for page in PdfReader(io.BytesIO(data)).pages:
        res = page["/Resources"].get_object()
        found = res.get("/Font")
        for font in (found.get_object() if found is not None else {}).values():
            fonts.append(font.get_object())
    return fonts


def many_indicators(n: int) -> list[Indicator]:
    """n plausible indicator rows."""
    rows = []
    for i in range(n):
        rows.append(
            Indicator(
                "产出指标",
                "数量指标",
                f"第{i + 1}项工作完成数量",
                f"≥{i + 1}次",
                f"{i + 1}次",
                Decimal("0.8"),
                Decimal("0.8"),
                "按计划完成" if i % 3 else "",
            )
        )
    return rows
