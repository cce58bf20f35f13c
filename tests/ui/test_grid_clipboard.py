"""Copy/paste of rectangular ranges as TSV, the way Excel and WPS put them on the clipboard."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from desktop.model.forms import load_form
from desktop.ui.grid import IndicatorGrid
from desktop.ui.grid.clipboard import parse_tsv, to_tsv
from desktop.ui.grid.columns import Column, Role
from tests.ui.grid_helpers import snapshot, totals

# Rows of a 自评表 as Excel copies them: merged 一级/二级 cells come out empty below their
# first row, a cell with a line break is quoted, and the sheet has a tenth column (备注).
SHEET = (
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\t备注\r\n"
    "产出指标(50分)\t数量指标\t接待来访群众\t≥300人次\t320人次\t20\t20\t\t\r\n"
    "\t时效指标\t办结时限\t≤60天\t45天\t10\t10\t\t\r\n"
    "效益指标\t社会效益指标\t矛盾纠纷化解\t达成年度指标\t基本达成\t30\t24\t"
    '"部分积案化解周期长\n下年加强督办"\t内部\r\n'
)


@pytest.fixture
def grid(qtbot, sample_project):
    stack = QUndoStack()
    widget = IndicatorGrid(stack)
    widget.stack_ref = stack
    qtbot.addWidget(widget)
    widget.set_project(sample_project, load_form("self_evaluation"))
    return widget


def test_paste_rows_of_a_self_evaluation_sheet(grid, sample_project, qtbot):
    before = snapshot(sample_project)
    QApplication.clipboard().setText(SHEET)
    grid.view.go_to(5, Column.LEVEL1)  # the 5th indicator: 4 existing rows from here, so 1 new
    with qtbot.waitSignal(grid.message) as blocker:
        grid.paste_clipboard()
    inds = sample_project.indicators
    assert len(inds) == 7
    assert [(i.level1, i.level2, i.level3, i.target, i.actual) for i in inds[4:]] == [
        ("产出指标", "数量指标", "接待来访群众", "≥300人次", "320人次"),
        ("产出指标", "时效指标", "办结时限", "≤60天", "45天"),
        ("效益指标", "社会效益", "矛盾纠纷化解", "达成年度指标", "基本达成"),
    ]
    assert inds[6].weight == Decimal("30.00") and inds[6].score == Decimal("24.00")
    assert inds[6].deviation == "部分积案化解周期长\n下年加强督办"
    message = blocker.args[0]
    assert message == "已粘贴3行，其中新增1行，已按表头对应各列，表头无法对应的1列已忽略"
    assert grid.undo_stack.count() == 1
    assert grid.model().rowCount() == 9
    grid.undo_stack.undo()
    assert snapshot(sample_project) == before
    assert grid.model().rowCount() == 8
    grid.undo_stack.redo()
    assert [i.level3 for i in sample_project.indicators[4:]] == [
        "接待来访群众",
        "办结时限",
        "矛盾纠纷化解",
    ]


def test_paste_without_header_fills_columns_from_the_current_cell(grid, sample_project, qtbot):
    body = SHEET.split("\r\n", 1)[1]  # the rows alone, 9 columns each
    grid.view.go_to(1, Column.LEVEL1)
    with qtbot.waitSignal(grid.message) as blocker:
        grid.paste_text(body)
    assert blocker.args[0] == "已粘贴3行，超出表格的1列已忽略"
    assert [i.level3 for i in sample_project.indicators[:4]] == [
        "接待来访群众",
        "办结时限",
        "矛盾纠纷化解",
        "保安费用",
    ]
    assert sample_project.indicators[2].deviation == "部分积案化解周期长\n下年加强督办"


def test_paste_a_newer_form_with_its_own_column_order(grid, sample_project):
    sheet = (
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t权重(%)\t实际完成值\t得分\t未完成原因分析\n"
        "产出指标\t数量指标\t培训场次\t≥\t4\t场\t10%\t5\t10\t\n"
        "成本指标\t经济成本指标\t设备购置成本\t≤\t3\t万元\t10\t3.2\t9.38\t设备涨价\n"
    )
    grid.view.go_to(grid.model().total_row(), Column.LEVEL1)
    grid.paste_text(sheet)
    added = sample_project.indicators[-2:]
    assert [(i.level1, i.level2, i.level3, i.operator, i.target, i.unit) for i in added] == [
        ("产出指标", "数量指标", "培训场次", "≥", "4", "场"),
        ("成本指标", "经济成本指标", "设备购置成本", "≤", "3", "万元"),
    ]
    assert added[1].deviation == "设备涨价" and added[1].weight == Decimal("10.00")
    assert added[0].weight == Decimal("10.00")  # "10%" of a 权重(%) column
    model = grid.model()
    row = model.total_row() - 1
    assert model.index(row, Column.TARGET).data(Role.UNDERSTOOD) == "≤ 3 万元"
    assert model.index(row, Column.SUGGESTED).data() == "9.38"
    # The explicit columns are shown beside 年度指标值 once a project uses them.
    grid.set_project(sample_project, load_form("self_evaluation"))
    assert not grid.view.isColumnHidden(Column.OPERATOR)
    visible = grid.view.visible_columns()
    assert visible[3:6] == [Column.OPERATOR, Column.TARGET, Column.UNIT]


def test_paste_reads_every_header_the_excel_import_reads(grid, sample_project):
    """The grid and the Excel import share one vocabulary: 预期指标值, 自评得分, 备注 are known."""
    sheet = (
        "一级指标\t二级指标\t三级指标\t预期指标值\t完成值\t权重（分）\t自评得分\t备注\n"
        "产出指标\t数量指标\t培训场次\t≥4场\t5场\t10\t9\t天气原因推迟一场\n"
    )
    grid.view.go_to(grid.model().total_row(), Column.LEVEL1)
    grid.paste_text(sheet)
    added = sample_project.indicators[-1]
    assert (added.level3, added.target, added.actual) == ("培训场次", "≥4场", "5场")
    assert added.weight == Decimal("10.00") and added.score == Decimal("9.00")
    assert added.deviation == "天气原因推迟一场"


def test_operator_column_accepts_typed_forms(grid, sample_project):
    model = grid.model()
    grid.act_optional.setChecked(True)
    assert model.setData(model.index(1, Column.OPERATOR), ">=")
    assert sample_project.indicators[0].operator == "≥"
    assert model.setData(model.index(1, Column.OPERATOR), "定性")
    assert model.index(1, Column.TARGET).data(Role.UNDERSTOOD) == "定性：≥2人"
    assert model.setData(model.index(1, Column.OPERATOR), "")
    assert sample_project.indicators[0].operator is None


def test_paste_from_a_middle_column(grid, sample_project):
    grid.view.go_to(2, Column.ACTUAL)
    grid.paste_text("部分完成\t8\t7\t设备到货晚\n")
    ind = sample_project.indicators[1]
    assert (ind.actual, ind.weight, ind.score) == ("部分完成", Decimal("8.00"), Decimal("7.00"))
    assert ind.deviation == "设备到货晚"  # 建议得分 is skipped: it is computed
    assert sample_project.indicators[1].level3 == "安保工作质量"


def test_paste_below_the_last_row_appends(grid, sample_project):
    grid.view.go_to(grid.model().total_row(), Column.LEVEL1)
    grid.paste_text("满意度指标\t服务对象满意度\t来访群众满意度\t≥85%\t90%\t5\t5\n")
    assert sample_project.indicators[-1].level3 == "来访群众满意度"
    assert totals(grid.model())["weight"] == "105"


def test_paste_too_many_columns_from_a_late_column(grid, sample_project, qtbot):
    grid.view.go_to(1, Column.SCORE)
    with qtbot.waitSignal(grid.message) as blocker:
        grid.paste_text("18\t说明\t多余1\t多余2\n")
    assert "超出表格的2列已忽略" in blocker.args[0]
    assert sample_project.indicators[0].score == Decimal("18.00")
    assert sample_project.indicators[0].deviation == "说明"


def test_bad_points_are_skipped_with_a_message(grid, sample_project, qtbot):
    grid.view.go_to(1, Column.WEIGHT)
    with qtbot.waitSignal(grid.message) as blocker:
        grid.paste_text("二十\t15\n")
    assert "不是有效分数" in blocker.args[0]
    assert sample_project.indicators[0].weight == Decimal(20)
    assert sample_project.indicators[0].score == Decimal("15.00")


def test_one_value_fills_the_selection(grid, sample_project):
    view, model = grid.view, grid.model()
    view.go_to(1, Column.DEVIATION)
    selection = view.selectionModel()
    for row in (2, 3):
        selection.select(model.index(row, Column.DEVIATION), selection.SelectionFlag.Select)
    grid.paste_text("无偏差\r\n")
    assert [i.deviation for i in sample_project.indicators[:4]] == ["无偏差"] * 3 + [""]
    assert grid.undo_stack.count() == 1


def test_paste_on_the_execution_line(grid, sample_project):
    grid.view.go_to(0, Column.WEIGHT)
    grid.paste_text("10\t9.5\n")
    assert sample_project.execution.score == Decimal("9.50")
    assert len(sample_project.indicators) == 6


def test_copy_a_range_as_tsv(grid, sample_project):
    model, view = grid.model(), grid.view
    sample_project.indicators[1].deviation = "第一行\n第二行"
    grid.refresh()
    view.go_to(1, Column.LEVEL3)
    selection = view.selectionModel()
    for row in (1, 2):
        for column in range(Column.LEVEL3, Column.DEVIATION + 1):
            selection.select(model.index(row, column), selection.SelectionFlag.Select)
    grid.copy_selection()
    text = QApplication.clipboard().text()
    assert text == (
        "保安人员数量\t≥2人\t2人\t20\t20\t\r\n"
        '安保工作质量\t达成年度指标\t达成年度指标\t10\t10\t"第一行\n第二行"\r\n'
    )
    # What was copied pastes back into the same columns.
    view.go_to(model.total_row(), Column.LEVEL3)
    grid.paste_text(text)
    assert sample_project.indicators[-1].deviation == "第一行\n第二行"
    assert sample_project.indicators[-1].weight == Decimal("10.00")


def test_cut_copies_then_clears(grid, sample_project):
    grid.view.go_to(1, Column.ACTUAL)
    grid.cut_selection()
    assert QApplication.clipboard().text() == "2人\r\n"
    assert sample_project.indicators[0].actual == ""


def test_parse_tsv_excel_shapes():
    assert parse_tsv("a\tb\r\nc\td\r\n") == [["a", "b"], ["c", "d"]]
    assert parse_tsv('"x\ny"\t"say ""hi"""\n') == [["x\ny", 'say "hi"']]
    assert parse_tsv("a\t\tc") == [["a", "", "c"]]
    assert parse_tsv('5"\tx') == [['5"', "x"]]
    assert parse_tsv('"open\tcell') == [['"open', "cell"]]
    assert parse_tsv("") == []


cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


@given(st.lists(st.lists(cell_text, min_size=1, max_size=5), min_size=1, max_size=5))
def test_tsv_round_trip(rows):
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    assert parse_tsv(to_tsv(rows)) == rows
