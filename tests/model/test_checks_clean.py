"""The clean project passes every check; run_checks keeps its contract."""

from desktop.model.checks import CHECKS, ERROR, HINT, WARNING, run_checks

from .checks_helpers import clean_project


def test_clean_project_has_no_findings():
    assert run_checks(clean_project(), []) == []


def test_every_check_has_a_stable_code_and_severity_prefix():
    for code in CHECKS:
        assert code[0] in "EWI" and code[1] == "-", code


def test_findings_sorted_errors_first_and_to_dict_shape():
    p = clean_project()
    p.sections["conclusion"] = "项目综合评价得分100分。为为"
    p.signed_date = None
    findings = run_checks(p, [])
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=[ERROR, WARNING, HINT].index)
    d = findings[0].to_dict(7)
    assert set(d) == {"severity", "code", "message", "project", "location"}
    assert d["project"] == 7
