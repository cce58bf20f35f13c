"""Workbooks that describe billions of cells in a few bytes are refused before openpyxl loads them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop.exchange.xlsx.export import write_workbook
from desktop.exchange.xlsx.importer import read_workbook
from desktop.exchange.xlsx.package import MAX_COLS, MAX_ROWS, check_package, parse_ref
from desktop.model.errors import InputError
from tests import hostile_files as H


def _add_to_first_sheet(source: Path, target: Path, rows: str = "", merges: str = "") -> Path:
    """A copy of an exported workbook with extra XML in its first worksheet."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8").replace("</sheetData>", rows + "</sheetData>")
                if merges:
                    text = text.replace("</mergeCells>", merges + "</mergeCells>")
                data = text.encode("utf-8")
            zout.writestr(info, data)
    return target


def test_cell_references():
    assert parse_ref("A1") == (1, 1)
    assert parse_ref("$XFD$1048576") == (1048576, 16384)
    assert parse_ref("A") is None and parse_ref("1") is None


def test_an_exported_workbook_passes_and_imports(tmp_path, sample_project):
    out = tmp_path / "ok.xlsx"
    write_workbook([sample_project], out, {})
    check_package(out.read_bytes(), out.name)
    assert [p.name for p in read_workbook(out)] == ["保安费用"]


def test_a_far_cell_with_a_value_is_refused_naming_sheet_and_cell(tmp_path):
    with pytest.raises(InputError, match=r"第 1 张表“自评表”的单元格 XFD1048576 超出自评表的范围"):
        read_workbook(H.xlsx_far_cell(tmp_path))


def test_a_far_merged_range_is_refused(tmp_path):
    with pytest.raises(InputError, match=r"合并单元格 A5:XFD1048576 超出"):
        read_workbook(H.xlsx_far_merge(tmp_path))


def test_a_huge_shared_string_is_refused_by_its_unpacked_size(tmp_path):
    path = H.xlsx_huge_string(tmp_path, 40)
    assert path.stat().st_size < 1024 * 1024  # 40 MB of text packed into well under 1 MB
    with pytest.raises(InputError, match=r"文字内容过大（解压后 40 MB，最多 32 MB）"):
        read_workbook(path)


def test_a_formatted_empty_cell_far_away_does_not_stop_a_real_table(tmp_path, sample_project):
    """Excel writes formatted but empty cells; only the cells held are read, not the rectangle."""
    out = tmp_path / "ok.xlsx"
    write_workbook([sample_project], out, {})
    styled = _add_to_first_sheet(
        out, tmp_path / "styled.xlsx", rows='<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    )
    assert [p.name for p in read_workbook(styled)] == ["保安费用"]


def test_a_value_just_inside_the_limits_is_accepted(tmp_path):
    ref = f"{'GR'}{MAX_ROWS}"  # column 200 = GR
    assert parse_ref(ref) == (MAX_ROWS, MAX_COLS)
    body = H._label_rows() + f'<row r="{MAX_ROWS}">{H._inline(ref, "x")}</row>'
    check_package(H.write_xlsx(tmp_path / "edge.xlsx", body).read_bytes(), "edge.xlsx")


def test_too_many_merged_cells_are_refused(tmp_path):
    merges = "".join(f'<mergeCell ref="A{r}:GR{r}"/>' for r in range(10, 5010))  # 1 000 000
    merges += '<mergeCell ref="A5010:GR5010"/>'
    path = H.write_xlsx(tmp_path / "merges.xlsx", H._label_rows(), merges)
    with pytest.raises(InputError, match="合并单元格覆盖的范围过大"):
        check_package(path.read_bytes(), path.name)


def test_a_damaged_sheet_is_a_clear_message(tmp_path):
    path = H.write_xlsx(tmp_path / "bad.xlsx", "<row r='1'><c r='A1'>")
    with pytest.raises(InputError, match=r"bad\.xlsx：第 1 张表“自评表”已损坏"):
        read_workbook(path)
