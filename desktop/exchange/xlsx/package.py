"""Check an .xlsx package before openpyxl loads it: sizes, cell positions, merged ranges.

openpyxl materialises what a few bytes of XML describe: a merged range A1:XFD1048576 becomes
17 billion cell objects, and a sheet holding A1 and XFD1048576 is read as a grid of that size.
This module streams the XML parts (constant memory) and refuses such files in well under a
second, naming the sheet and the cell.
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.parsers.expat
import zipfile
from dataclasses import dataclass, field

from desktop.model.errors import InputError

MAX_ROWS = 10_000  # a 自评表 has ~40 rows, a 汇总 sheet one per project
MAX_COLS = 200  # a 自评表 has ~10 columns (GY)
MAX_CELLS = 1_000_000  # cell elements in the whole workbook (values or only formats)
MAX_MERGED_CELLS = 1_000_000  # cells covered by merged ranges in the whole workbook
MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024  # xl/sharedStrings.xml, unpacked
MAX_PART_BYTES = 64 * 1024 * 1024  # any other part, unpacked
MAX_TOTAL_BYTES = 160 * 1024 * 1024  # the whole package, unpacked
MAX_PARTS = 10_000

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REF_RE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_MB = 1024 * 1024


def column_number(letters: str) -> int:
    """'A' → 1, 'XFD' → 16384."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def parse_ref(ref: str) -> tuple[int, int] | None:
    """'B12' → (12, 2); None when it is not a cell reference."""
    m = _REF_RE.match(ref.strip())
    if m is None:
        return None
    return int(m.group(2)), column_number(m.group(1))


@dataclass
class _SheetScan:
    """State while streaming one worksheet part."""

    where: str
    row: int = 0
    col: int = 0
    cell: str = ""
    cells: int = 0
    merged: int = 0
    in_cell: bool = False
    valued: set[str] = field(default_factory=set)


class _Limits:
    """Counts across the workbook, with the message for the first limit crossed."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.cells = 0
        self.merged = 0

    def far(self, where: str, ref: str, what: str) -> InputError:
        return InputError(
            f"{self.name}：{where}的{what} {ref} 超出自评表的范围（最多 {MAX_COLS} 列、"
            f"{MAX_ROWS:,} 行）；请删除表格以外的内容后另存再导入"
        )


def _open_zip(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{name}：文件已损坏，无法作为 .xlsx 工作簿打开（{exc}）") from None


def _check_sizes(zf: zipfile.ZipFile, name: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_PARTS:
        raise InputError(f"{name}：工作簿的组成部分过多（{len(infos):,} 个），文件可能已损坏")
    total = 0
    for info in infos:
        total += info.file_size
        limit = (
            MAX_SHARED_STRINGS_BYTES
            if info.filename.lower().endswith("sharedstrings.xml")
            else MAX_PART_BYTES
        )
        if info.file_size > limit:
            what = "文字内容" if limit == MAX_SHARED_STRINGS_BYTES else f"部分 {info.filename}"
            raise InputError(
                f"{name}：工作簿中的{what}过大（解压后 {info.file_size / _MB:,.0f} MB，最多 "
                f"{limit // _MB} MB）；自评表不会有这么多内容，文件可能已损坏或被篡改"
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(
            f"{name}：工作簿过大（解压后 {total / _MB:,.0f} MB，最多 {MAX_TOTAL_BYTES // _MB} MB）"
        )


def _sheet_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Part path → '第 N 张表“名称”' for the worksheets the workbook lists (best effort)."""
    names: dict[str, str] = {}
    try:
        targets: dict[str, str] = {}
        rels = zf.read("xl/_rels/workbook.xml.rels")
        p = xml.parsers.expat.ParserCreate()
        p.StartElementHandler = lambda tag, attrs: (
            targets.__setitem__(attrs.get("Id", ""), attrs.get("Target", ""))
            if tag.endswith("Relationship")
            else None
        )
        p.Parse(rels, True)
        sheets: list[tuple[str, str]] = []
        p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
        p.StartElementHandler = lambda tag, attrs: (
            sheets.append((attrs.get("name", ""), attrs.get(f"{REL_NS} id", "")))
            if tag == f"{MAIN_NS} sheet"
            else None
        )
        p.Parse(zf.read("xl/workbook.xml"), True)
    except (KeyError, xml.parsers.expat.ExpatError, zipfile.BadZipFile, OSError):
        return names
    for index, (title, rid) in enumerate(sheets, start=1):
        target = targets.get(rid, "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        names[posixpath.normpath(path)] = f"第 {index} 张表“{title}”"
    return names


def _scan_part(zf: zipfile.ZipFile, member: str, where: str, limits: _Limits) -> None:
    """Stream one XML part: every cell position with content, every merged range."""
    scan = _SheetScan(where)
    cell_tag, row_tag = f"{MAIN_NS} c", f"{MAIN_NS} row"
    value_tags = {f"{MAIN_NS} v", f"{MAIN_NS} is", f"{MAIN_NS} f"}

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == row_tag:
            scan.row = int(attrs["r"]) if attrs.get("r", "").isdigit() else scan.row + 1
            scan.col = 0
        elif tag == cell_tag:
            limits.cells += 1
            if limits.cells > MAX_CELLS:
                raise InputError(
                    f"{limits.name}：单元格过多（超过 {MAX_CELLS:,} 个）；自评表不会有这么多单元格"
                )
            ref = attrs.get("r")
            pos = parse_ref(ref) if ref else None
            if pos is None:
                pos = (max(scan.row, 1), scan.col + 1)
            scan.row, scan.col = pos
            scan.cell = ref or f"R{pos[0]}C{pos[1]}"
            scan.in_cell = True
        elif tag in value_tags and scan.in_cell:
            if scan.row > MAX_ROWS or scan.col > MAX_COLS:
                raise limits.far(where, scan.cell, "单元格")
        elif tag == f"{MAIN_NS} mergeCell":
            _merged(attrs.get("ref", ""), where, limits)

    def end(tag: str) -> None:
        if tag == cell_tag:
            scan.in_cell = False

    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        with zf.open(member) as fh:
            parser.ParseFile(fh)
    except (xml.parsers.expat.ExpatError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise InputError(f"{limits.name}：{where}已损坏，无法读取（{exc}）") from None


def _merged(ref: str, where: str, limits: _Limits) -> None:
    first, _, last = ref.partition(":")
    a, b = parse_ref(first), parse_ref(last or first)
    if a is None or b is None:
        raise InputError(f"{limits.name}：{where}的合并单元格“{ref[:40]}”无效，文件可能已损坏")
    rows = abs(b[0] - a[0]) + 1
    cols = abs(b[1] - a[1]) + 1
    if max(a[0], b[0]) > MAX_ROWS or max(a[1], b[1]) > MAX_COLS:
        raise limits.far(where, ref, "合并单元格")
    limits.merged += rows * cols
    if limits.merged > MAX_MERGED_CELLS:
        raise InputError(
            f"{limits.name}：合并单元格覆盖的范围过大（超过 {MAX_MERGED_CELLS:,} 个单元格）"
        )


def check_package(data: bytes, name: str) -> None:
    """Refuse a workbook whose parts are too big or whose cells lie far outside a 自评表."""
    with _open_zip(data, name) as zf:
        _check_sizes(zf, name)
        sheets = _sheet_names(zf)
        limits = _Limits(name)
        for info in zf.infolist():
            member = info.filename
            lower = member.lower()
            if not lower.endswith(".xml") or lower.endswith("sharedstrings.xml"):
                continue
            where = sheets.get(posixpath.normpath(member), f"部分 {member}")
            _scan_part(zf, member, where, limits)
