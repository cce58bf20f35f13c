"""Amounts in the narrative against the funds table."""

from decimal import Decimal

from .checks_helpers import clean_project, run


def test_amount_that_matches_no_funds_figure():
    p = clean_project()
    p.sections["funds_usage"] = "该项目资金年初预算8万元，全年实际支出二十万元。"
    (f,) = run("W-AMOUNT-FUNDS", p)
    assert "二十万元" in f.message and "8.00万元" in f.message
    assert p.sections["funds_usage"][f.location["start"] : f.location["end"]] == "二十万元"


def test_amounts_in_either_unit_and_other_years_pass():
    p = clean_project()
    p.sections["funds_usage"] = (
        "该项目资金年初预算80000元，全年完成数8万元，实际执行8.00万元；"
        "2022年预算安排5万元，实际执行5万元。信访维稳专项经费6.5万元。"
        "其中支出保安工资7.2万元，支出服装费0.8万元。上年预算安排6万元。"
        "全年支出约7.9万元，执行8万元左右。"
    )
    assert run("W-AMOUNT-FUNDS", p) == []


def test_addition_not_in_full_year_budget():
    p = clean_project(budget="50000.00")
    p.sections["funds_usage"] = "该项目资金年初预算5万元，追加10万，全年完成数5万元。"
    (f,) = run("W-ADDITION-MISSING", p)
    assert "追加10万" in f.message and "与年初预算数相同" in f.message
    p.funds.rows["total"].full_year = Decimal("150000.00")
    p.funds.rows["total"].executed = Decimal("150000.00")
    assert run("W-ADDITION-MISSING", p) == []


def test_cap_below_what_was_spent():
    p = clean_project(budget="50000.00")
    p.funds.rows["total"].full_year = Decimal("150000.00")
    p.funds.rows["total"].executed = Decimal("150000.00")
    p.indicators[3].target = "150000"
    p.sections["conclusion"] = "建议予以支持，预算控制在5万元以内。"
    (f,) = run("W-AMOUNT-CAP", p)
    assert "预算控制在5万元以内" in f.message and "15.00万元" in f.message
    assert "“150000”" in f.message
    p.sections["conclusion"] = "建议予以支持，预算控制在15万元以内。"
    assert run("W-AMOUNT-CAP", p) == []


def test_overspent_exists():
    p = clean_project()
    p.funds.rows["total"].executed = Decimal("90000.00")
    (f,) = run("E-FUNDS-OVERSPENT", p)
    assert f.location == {"funds": "total", "column": "executed"}
    assert run("E-FUNDS-OVERSPENT", clean_project()) == []


def test_adjustment_to_a_new_total():
    p = clean_project(budget="50000.00")
    p.funds.rows["total"].full_year = Decimal("120000.00")
    p.funds.rows["total"].executed = Decimal("120000.00")
    p.sections["funds_usage"] = "年初预算5万元，年中调整为12万元，全年完成数12万元。"
    assert run("W-ADDITION-MISSING", p) == []
    p.sections["funds_usage"] = "年初预算5万元，年中调整为15万元，全年完成数12万元。"
    (f,) = run("W-ADDITION-MISSING", p)
    assert "调整为15万元" in f.message and "相差7.00万元" in f.message


def test_total_that_disagrees_with_its_sources():
    p = clean_project()
    p.funds.rows["total"].executed = Decimal("0.00")  # real forms print 0/0/0 totals
    findings = run("W-FUNDS-TOTAL", p)
    assert [f.location for f in findings] == [{"funds": "total", "column": "executed"}]
    assert "0.00万元" in findings[0].message and "8.00万元" in findings[0].message
    assert run("W-FUNDS-TOTAL", clean_project()) == []


def test_funds_typed_in_wan():
    p = clean_project(budget="8.00")
    p.sections["funds_usage"] = "该项目资金年初预算8万元，全年完成数8万元。"
    found = run("W-FUNDS-UNIT", p)
    assert {f.location["funds"] for f in found} == {"total", "fiscal"}
    assert "8.00元疑为按万元填写" in found[0].message and "8万元" in found[0].message
    assert run("W-FUNDS-UNIT", clean_project()) == []
