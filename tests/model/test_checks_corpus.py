"""审核 on the real-report corpus (tests/fixtures/real), imported with the program's text import.

Reports whose facts file names no slip ("figures add up") stay at 0 错误 and at most 2 警告; the
slips the facts files do name are found.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.model.checks import ERROR, WARNING
from tests.corpus_audit import REAL, Audited, audit, facts_of, figures_add_up, reports

ALL = list(reports([REAL]))
CONSISTENT = [p for p in ALL if figures_add_up(facts_of(p))]


def _imported(path: Path) -> Audited:
    item = audit(path)
    if item.refused:
        pytest.skip(f"导入未成功（文本导入的问题，不是审核的）：{item.refused}")
    return item


def test_the_corpus_is_there_and_some_reports_add_up():
    assert len(ALL) >= 20
    assert CONSISTENT and len(CONSISTENT) < len(ALL)


@pytest.mark.parametrize("path", CONSISTENT, ids=lambda p: p.name)
def test_report_whose_figures_add_up_has_no_error_and_few_warnings(path: Path):
    item = _imported(path)
    errors = item.false_errors()
    assert errors == [], [f.message for f in errors]
    for project, found in item.projects:
        warnings = [f.message for f in found if f.severity == WARNING]
        assert len(warnings) <= 2, (project.name, warnings)


def _codes(path_name: str) -> set[str]:
    item = _imported(REAL / path_name)
    return {f.code for _, found in item.projects for f in found}


def test_count_against_its_list_in_a_department_report():
    # 106: "直属事业单位10个,即…" names nine (COUNT MISMATCH in its facts).
    # A department report has its own check of them (W-DEPT-COUNT); the general one stays quiet.
    item = _imported(REAL / "106_hunan_nanxian_finance_bureau_2020.txt")
    counts = ("W-PROSE-COUNT", "W-DEPT-COUNT")
    (f,) = [f for _, found in item.projects for f in found if f.code in counts]
    assert "直属事业单位10个" in f.message and "9个" in f.message


def test_fifteen_projects_against_eight_plus_eight():
    # 001: "实施项目共15个 … 年初…8个项目 … 年中增加8个项目".
    assert "W-PROSE-SUM" in _codes("001_honghe_data_center_units_2024.txt")


def test_no_check_fails_on_any_corpus_report():
    for path in ALL:
        item = audit(path)
        for _, found in item.projects:
            assert not [f for f in found if f.code == "I-CHECK-FAILED"], path.name
            assert all(f.severity in (ERROR, WARNING, "提示") for f in found)
