"""Arithmetic in prose: wholes and parts, counts and lists, stated rates, line names."""

from desktop.model.checks import WARNING
from desktop.model.project import Funds

from .checks_helpers import clean_project, codes, run


def _with(text: str, key: str = "basic_info"):
    p = clean_project()
    p.sections[key] = text
    return p


def test_total_investment_and_its_parts():
    text = "本项目总投资80万元，其中设备购置50万元、运维服务20万元。"
    (f,) = run("W-PROSE-SUM", _with(text))
    assert f.severity == WARNING
    assert "总投资80万元”与其后列出的金额“设备购置50万元”、“运维服务20万元”不符" in f.message
    assert "各项合计70.00万元" in f.message
    assert (
        text[f.location["start"] : f.location["end"]]
        == "本项目总投资80万元，其中设备购置50万元、运维服务20万元"
    )
    ok = "本项目总投资80万元，其中设备购置50万元、运维服务30万元。"
    assert run("W-PROSE-SUM", _with(ok)) == []


def test_parts_list_that_ends_before_an_unrelated_figure():
    text = "总投资80万元，其中设备50万元、运维30万元，已支付60万元。"
    assert run("W-PROSE-SUM", _with(text)) == []


def test_counts_across_sentences_and_year_on_year_changes():
    ok = "现有编制人员205人。其中,局机关在职113人、离休2人、退休75人、财政事务中心10人,国库集中支付中心5人。"
    assert run("W-PROSE-SUM", _with(ok)) == []
    bad = "纳入部门决算编报的单位共10个。其中:行政单位3个,事业单位8个。"
    (f,) = run("W-PROSE-SUM", _with(bad))
    assert (
        "单位共10个”与其后列出的数量“行政单位3个”、“事业单位8个”" in f.message
        and "各项合计11个" in f.message
    )
    change = "收入792.22万元,同比增加189.25万元。其中:财政拨款收入792.22万元,同比增加209.28万元。"
    assert run("W-PROSE-SUM", _with(change)) == []


def test_fifteen_projects_against_eight_plus_eight():
    text = (
        "2024年实施项目共15个(含转列项目5个),年初批复预算8个项目985万元,"
        "调整预算后项目预算861.46万元,年中增加8个项目(含转列项目5个)。"
    )
    (f,) = run("W-PROSE-SUM", _with(text))
    assert "共15个" in f.message and "各项合计16个" in f.message
    fixed = text.replace("年中增加8个项目", "年中增加7个项目")
    assert run("W-PROSE-SUM", _with(fixed)) == []


def test_project_lines_against_stated_project_spending():
    text = (
        "项目支出286.83万元，主要用于：委员活动经费236.3万元、扫黑除恶工作经费1万元、"
        "信息网络运行经费55万元。"
    )
    (f,) = run("W-PROSE-SUM", _with(text))
    assert "“项目支出286.83万元”" in f.message and "292.30万元" in f.message
    # "主要用于" need not name every line: fewer than the whole is fine.
    fewer = "项目支出286.83万元，主要用于：委员活动经费36.3万元、扫黑除恶工作经费1万元。"
    assert run("W-PROSE-SUM", _with(fewer)) == []


def test_count_against_the_list_that_follows():
    text = "直属事业单位4个,即县国库集中支付中心、县财政信息中心、县会计服务中心。"
    (f,) = run("W-PROSE-COUNT", _with(text))
    assert f.severity == WARNING
    assert "文中称“直属事业单位4个”，其后却列出3个：县国库集中支付中心" in f.message
    ok = "部门预算单位有3个,分别为南县财政局机关本级、南县财政事务中心和南县国库集中支付中心。"
    assert run("W-PROSE-COUNT", _with(ok)) == []
    partial = "下设股室16个，包括办公室、预算股、国库股等。"
    assert run("W-PROSE-COUNT", _with(partial)) == []
    names_with_and = "直属单位2个，即县住房和城乡建设局、县人力资源和社会保障局。"
    assert run("W-PROSE-COUNT", _with(names_with_and)) == []


def _no_table(text: str):
    p = _with(text, "funds_usage")
    p.funds = Funds()
    return p


def test_stated_arrival_rate_against_its_own_figures():
    text = "调整预算后项目预算861.46万元，实际到位资金334.67万元，资金到位率100%。"
    (f,) = run("W-PROSE-RATE", _no_table(text))
    assert f.severity == WARNING and "“到位率100%”与文中的数字不符" in f.message
    assert "=38.85%" in f.message
    ok = "调整预算后项目预算861.46万元，实际到位资金334.67万元，资金到位率38.85%。"
    assert run("W-PROSE-RATE", _no_table(ok)) == []
    cut = "全年预算32.4万元，实际支出31.69万元，预算执行率97.80%。"  # 97.81 cut, not rounded
    assert run("W-PROSE-RATE", _no_table(cut)) == []


def test_execution_rate_against_the_initial_budget():
    text = "年初预算50万元，调整后预算100万元，实际支出60万元，预算执行率120%。"
    (f,) = run("W-PROSE-RATE", _no_table(text))
    assert "是按年初预算计算的" in f.message and "=60.00%" in f.message


def test_execution_rate_with_a_funds_table_is_left_to_the_table_check():
    p = _with("年初预算50万元，实际支出60万元，预算执行率100%。", "funds_usage")
    assert run("W-PROSE-RATE", p) == []


def test_line_renamed_between_summary_and_detail():
    text = (
        "项目支出主要用于：委员活动经费36.3万元、信息网络运行经费5万元、派出纪检监察组专项经费5万元。\n"
        "委员履职活动经费36.3万元，用于组织委员视察调研。"
    )
    (f,) = run("W-LINE-NAME", _with(text))
    assert f.severity == WARNING
    assert "“委员履职活动经费”（36.30万元）与前文称“委员活动经费”（36.30万元）" in f.message
    start = _with(text).sections["basic_info"].index("委员履职")
    assert (f.location["start"], f.location["section"]) == (start, "basic_info")
    # 经费 → 费 is the same name; two lines of the same amount with different names are two lines.
    assert run("W-LINE-NAME", _with(text.replace("委员履职活动经费", "委员活动费"))) == []
    assert run("W-LINE-NAME", _with("信息网络运行经费5万元、派出纪检监察组专项经费5万元。")) == []


def test_summary_line_named_otherwise_than_the_sibling_project():
    summary = clean_project("单位项目支出汇总", budget="300000.00")
    summary.sections["basic_info"] = (
        "全年项目支出30万元，其中保安服务经费8万元、矛盾纠纷化解和疑难信访经费8万元。"
    )
    guard = clean_project("保安费用")
    mediation = clean_project("矛盾化解和疑难信访问题费用")
    (f,) = run("W-LINE-NAME", summary, [guard, mediation])
    assert "“矛盾纠纷化解和疑难信访经费”（8.00万元）与项目“矛盾化解和疑难信访问题费用”" in f.message
    summary.sections["basic_info"] = "全年项目支出30万元，其中矛盾化解和疑难信访经费8万元。"
    assert run("W-LINE-NAME", summary, [guard, mediation]) == []


def test_own_name_inside_a_longer_phrase_is_the_same_name():
    p = clean_project("国家基本公共卫生服务项目", budget="37280000.00")
    p.sections["basic_info"] = (
        "2023年国家基本公共卫生服务资金3728万元，我校收到国家基本公共卫生服务项目资金3728万元，"
        "2023年度12类基本公共卫生服务资金3728万元全部执行到位。"
    )
    assert run("W-LINE-NAME", p) == []


def test_whole_figures_are_exact_and_a_coarser_total_may_round_its_parts():
    assert codes(
        run("W-PROSE-SUM", _with("总投资8万元，其中保安服务费5万元、装备购置2万元。"))
    ) == ["W-PROSE-SUM"]
    rounded = "总投资8万元，其中保安服务费5.3万元、装备购置2.56万元。"  # 7.86 written as 8
    assert run("W-PROSE-SUM", _with(rounded)) == []
    precise = (
        "总投资21.04万元，其中设备11.02万元、运维10.01万元。"  # 21.03: one 分 of rounding each
    )
    assert run("W-PROSE-SUM", _with(precise)) == []


def test_quoted_figures_drop_list_markers_only():
    text = "2.本项目总投资1.5万元，其中设备1万元、运维0.3万元。"
    (f,) = run("W-PROSE-SUM", _with(text))
    assert "“本项目总投资1.5万元”" in f.message and "“设备1万元”、“运维0.3万元”" in f.message
