"""Hostile input files, as an attacker or a hurried user would hand them to the program.

Shared by the tests (tests/cli/test_hostile_inputs.py) and the measurement script
(bench/bench_hostile.py). Each maker writes one file into a folder and returns its path.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

SEED_REPORT = (
    "某区信访局{year}年度项目支出绩效自评报告（{name}）\n"
    "一、项目概况\n（一）项目基本情况。{year}年预算安排2万元，实际执行2万元。\n"
    "二、项目绩效目标\n保障接访工作。\n"
    "三、评价结论\n完成目标。\n"
)


def _project(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "format": "jixiao.project/1",
        "unit": {"name": "某区信访局", "department": "某区人民政府"},
        "year": 2023,
        "name": "接访费用",
        "form": "self_evaluation",
        "funds": [{"source": "total", "initial": "20000.00", "executed": "20000.00"}],
    }
    data.update(changes)
    return data


def _write_json_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def json_deep(folder: Path) -> Path:
    """A project whose unknown field is nested 100 000 lists deep."""
    body = json.dumps(_project())[:-1]
    return _write_json_text(
        folder / "deep.json", body + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    )


def json_lone_surrogate(folder: Path) -> Path:
    """A project name holding a lone surrogate ("\\ud800"), valid JSON but not Unicode text."""
    text = json.dumps(_project(name="接访费用"), ensure_ascii=False).replace("接访费用", "\\ud800")
    return _write_json_text(folder / "surrogate.json", text)


def _money_json(folder: Path, name: str, literal: str) -> Path:
    text = json.dumps(_project(funds=[{"source": "total", "executed": "@"}]))
    return _write_json_text(folder / name, text.replace('"@"', literal))


def json_money_1e30(folder: Path) -> Path:
    """全年执行数 1e30 元 (a JSON number)."""
    return _money_json(folder, "money-1e30.json", "1e30")


def json_money_1e309(folder: Path) -> Path:
    """全年执行数 1e309 元 (beyond any float)."""
    return _money_json(folder, "money-1e309.json", "1e309")


def json_money_30_digits(folder: Path) -> Path:
    """全年执行数 as a 30-digit JSON number."""
    return _money_json(folder, "money-30.json", "1" * 30)


def json_money_30_digit_text(folder: Path) -> Path:
    """全年执行数 as a 30-digit decimal string."""
    return _money_json(folder, "money-30-text.json", '"' + "9" * 30 + '.00"')


def json_money_trillion(folder: Path) -> Path:
    """全年执行数 10¹² 元 exactly (one over the limit)."""
    return _money_json(folder, "money-1e12.json", '"1000000000000.00"')


def json_year_5000_digits(folder: Path) -> Path:
    """A year of 5000 digits (a JSON number)."""
    text = json.dumps(_project(year=0)).replace('"year": 0', '"year": ' + "9" * 5000)
    return _write_json_text(folder / "year.json", text)


def json_year_text_5000_digits(folder: Path) -> Path:
    """A year of 5000 digits written as a string."""
    return _write_json_text(folder / "year-text.json", json.dumps(_project(year="2" * 5000)))


def json_long_name(folder: Path) -> Path:
    """A project name of 1 000 000 characters."""
    return _write_json_text(folder / "name.json", json.dumps(_project(name="长" * 1_000_000)))


def json_many_indicators(folder: Path) -> Path:
    """100 000 indicators in one project."""
    row = {"level1": "产出指标", "level2": "数量指标", "level3": "人次", "target": "≥1"}
    return _write_json_text(
        folder / "indicators.json", json.dumps(_project(indicators=[row] * 100_000))
    )


def json_big_section(folder: Path) -> Path:
    """A 50 MB section text."""
    return _write_json_text(
        folder / "section.json",
        json.dumps(
            _project(sections={"basic_info": "文" * (50 * 1024 * 1024 // 3)}), ensure_ascii=False
        ),
    )


def json_same_project_twice(folder: Path) -> Path:
    """A bundle holding the same project twice."""
    bundle = {"format": "jixiao.bundle/1", "projects": [_project(), _project()]}
    return _write_json_text(folder / "twice.json", json.dumps(bundle, ensure_ascii=False))


# ----- xlsx written by hand (openpyxl itself cannot write these without the same blow-up) -------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "{shared}</Types>"
)
_SHARED_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="自评表" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "{shared}</Relationships>"
)
_SHARED_REL = (
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/>'
)
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _label_rows() -> str:
    """The two labels that make a sheet a 自评表 (项目名称, 三级指标) with a name beside."""
    return (
        f'<row r="1">{_inline("A1", "项目名称")}{_inline("B1", "接访费用")}</row>'
        f'<row r="2">{_inline("A2", "实施单位")}{_inline("B2", "某区信访局")}</row>'
        f'<row r="3">{_inline("A3", "三级指标")}</row>'
    )


def write_xlsx(
    path: Path,
    sheet_body: str,
    merges: str = "",
    shared: Callable[[zipfile.ZipFile], None] | None = None,
    dimension: str = "A1",
) -> Path:
    """A minimal workbook: one sheet with ``sheet_body`` rows, optional merges and shared strings."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml", _CONTENT_TYPES.format(shared=_SHARED_TYPE if shared else "")
        )
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            _WORKBOOK_RELS.format(shared=_SHARED_REL if shared else ""),
        )
        merge_xml = f"<mergeCells>{merges}</mergeCells>" if merges else ""
        zf.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{SHEET_NS}">'
            f'<dimension ref="{dimension}"/><sheetData>{sheet_body}</sheetData>{merge_xml}</worksheet>',
        )
        if shared is not None:
            shared(zf)
    return path


def xlsx_far_cell(folder: Path) -> Path:
    """A 自评表-looking sheet with one more cell at XFD1048576 (the file is a few KB)."""
    body = _label_rows() + f'<row r="1048576">{_inline("XFD1048576", "x")}</row>'
    return write_xlsx(folder / "far-cell.xlsx", body)


def xlsx_far_merge(folder: Path) -> Path:
    """A merged range from A5 to XFD1048576."""
    return write_xlsx(folder / "far-merge.xlsx", _label_rows(), '<mergeCell ref="A5:XFD1048576"/>')


def xlsx_huge_string(folder: Path, megabytes: int = 300) -> Path:
    """A shared string of ``megabytes`` MB (it compresses to a few hundred KB)."""

    def shared(zf: zipfile.ZipFile) -> None:
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{SHEET_NS}" '
                'count="1" uniqueCount="1"><si><t>'.encode()
            )
            chunk = b"A" * (1024 * 1024)
            for _ in range(megabytes):
                fh.write(chunk)
            fh.write(b"</t></si></sst>")

    body = _label_rows() + '<row r="4"><c r="B4" t="s"><v>0</v></c></row>'
    return write_xlsx(folder / f"string-{megabytes}mb.xlsx", body, shared=shared)


# ----- report text ---------------------------------------------------------------------------------


def text_many_reports(folder: Path, count: int = 16_000) -> Path:
    """``count`` short reports one after another in one file."""
    parts = [SEED_REPORT.format(year=2023, name=f"接访费用{i}") for i in range(count)]
    path = folder / f"reports-{count}.txt"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def text_19mb(folder: Path) -> Path:
    """One report whose body runs to 19 MB of prose lines."""
    line = "本项目严格按照预算执行，资金使用规范，全年保障接访工作顺利开展，群众满意度较高。\n"
    head = SEED_REPORT.format(year=2023, name="接访费用")
    path = folder / "19mb.txt"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(head)
        size = len(head.encode())
        encoded = len(line.encode())
        while size < 19 * 1024 * 1024:
            fh.write(line)
            size += encoded
    return path


def text_utf16(folder: Path) -> Path:
    """A short report saved as UTF-16 with a byte-order mark (Windows Notepad's 'Unicode')."""
    path = folder / "utf16.txt"
    path.write_bytes(SEED_REPORT.format(year=2023, name="接访费用").encode("utf-16"))
    return path


def doc_renamed_docx(folder: Path) -> Path:
    """An old Word 97-2003 file (OLE compound document) renamed to .docx."""
    path = folder / "旧报告.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    return path


# ----- databases -----------------------------------------------------------------------------------


def seeded_database(path: Path, projects: int = 3) -> Path:
    """A database (through the program's own store) with a few projects whose sections span pages."""
    from desktop.exchange.jsonio import project_from_dict
    from desktop.store import repo
    from desktop.store.db import open_store

    store = open_store(path)
    for i in range(projects):
        data = _project(name=f"项目{i}", sections={"basic_info": f"第{i}段。" * 3000})
        repo.insert_project(store, project_from_dict(data, "seed"))
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def corrupt_one_page(path: Path, from_end: int = 2) -> int:
    """Overwrite one page near the end of the file (a section's overflow page) with garbage.

    The file still opens and new rows can still be written into it; only an integrity check
    (or reading that project) notices. Returns the page number overwritten (1-based).
    """
    import sqlite3

    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    page = pages - from_end
    data = bytearray(path.read_bytes())
    data[(page - 1) * page_size : page * page_size] = bytes(range(256)) * (page_size // 256)
    path.write_bytes(bytes(data))
    return page
