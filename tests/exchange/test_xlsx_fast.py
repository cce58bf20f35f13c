"""The fast (prepared XML) export reads back exactly like the openpyxl cell-by-cell export."""

from __future__ import annotations

import copy
import io
from decimal import Decimal

from openpyxl import load_workbook

from desktop.exchange.xlsx.export import build_workbook, workbook_bytes
from desktop.model.checks import ERROR, WARNING, Finding
from desktop.model.project import Indicator, Project

TRICKY = (
    "=SUM(A1:A2)",
    "+1",
    "-2",
    "@x",
    "\t制表",
    "\r回车",
    " 前后空格 ",
    "a<b & c>d",
    "坏\x01字",
)


def _variant(base: Project, i: int) -> Project:
    """A project differing from ``base`` in layout-relevant ways, chosen by ``i``."""
    p = copy.deepcopy(base)
    p.id = i + 1
    p.name = f"{base.name}{i % 7}" if i % 5 else TRICKY[i % len(TRICKY)]
    p.year = 2020 + i % 5
    if i % 3 == 0:  # detailed columns
        p.indicators[0].operator = "≥"
        p.indicators[1].unit = "人"
    if i % 4 == 1:
        p.goals.target = TRICKY[i % len(TRICKY)] + "保障经费。" * (i % 9)
        p.goals.actual = "第一行\n第二行" * (i % 3)
        p.indicators[2].deviation = TRICKY[(i + 3) % len(TRICKY)]
        p.indicators[3].score = None
    if i % 6 == 2:
        p.indicators = [
            *p.indicators[:2],
            Indicator("效益指标", "", f"长指标{'很长' * (i % 11)}", "", "", None, None),
        ]
    if i % 8 == 3:
        p.funds.rows.pop("fiscal", None)
        p.funds.rows["total"].executed = Decimal("12345.67") + i
    if i % 10 == 7:
        p.indicators = []
    return p


def _sheet_facts(ws) -> dict:
    facts: dict = {
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "dims": ws.dimensions,
        "widths": {k: v.width for k, v in ws.column_dimensions.items()},
        "heights": {k: v.height for k, v in ws.row_dimensions.items()},
        "print_area": ws.print_area,
        "print_titles": ws.print_title_rows,
        "page": (
            ws.page_setup.paperSize,
            ws.page_setup.orientation,
            ws.page_setup.fitToWidth,
            ws.page_setup.fitToHeight,
            ws.sheet_properties.pageSetUpPr.fitToPage,
            ws.print_options.horizontalCentered,
        ),
        "margins": dict(ws.page_margins),
        "footer": ws.oddFooter.center.text,
        "grid": ws.sheet_view.showGridLines,
        "freeze": ws.freeze_panes,
        "filter": ws.auto_filter.ref,
    }
    cells = []
    for row in ws.iter_rows():
        for c in row:
            cells.append(
                (
                    c.coordinate,
                    type(c).__name__,
                    c.value,
                    c.data_type,
                    c.number_format,
                    repr(c.font),  # style proxies compare by identity: compare their content
                    repr(c.border),
                    repr(c.alignment),
                    repr(c.fill),
                )
            )
    facts["cells"] = cells
    return facts


def test_fast_export_matches_openpyxl_export(sample_project):
    projects = [_variant(sample_project, i) for i in range(200)]
    findings = {
        p.id: [Finding(ERROR, "x", "错"), Finding(WARNING, "y", "警")][: (p.id or 0) % 3]
        for p in projects
    }
    reference = io.BytesIO()
    build_workbook(projects, findings).save(reference)
    slow = load_workbook(io.BytesIO(reference.getvalue()))
    fast = load_workbook(io.BytesIO(workbook_bytes(projects, findings)))
    assert fast.sheetnames == slow.sheetnames
    assert len(fast.sheetnames) == 202  # 汇总, 200 projects, 审核
    assert [(p.name, p.value) for p in fast.custom_doc_props] == [
        (p.name, p.value) for p in slow.custom_doc_props
    ]
    assert any(
        ws["B3"].value == "=SUM(A1:A2)" and ws["B3"].data_type == "s" for ws in fast.worksheets
    )
    for name in fast.sheetnames:
        assert _sheet_facts(fast[name]) == _sheet_facts(slow[name]), name


def test_fast_single_project_matches(sample_project):
    reference = io.BytesIO()
    build_workbook([sample_project]).save(reference)
    slow = load_workbook(io.BytesIO(reference.getvalue()))
    fast = load_workbook(io.BytesIO(workbook_bytes([sample_project])))
    assert fast.sheetnames == slow.sheetnames == ["保安费用"]
    assert _sheet_facts(fast.active) == _sheet_facts(slow.active)
