"""E-FORM-INSTRUCTION: the official form's instruction text left in the report."""

from desktop.model.checks import ERROR
from desktop.model.checks.instructions import find_instructions, instruction_pattern

from .checks_helpers import clean_project, run


def test_form_prompt_left_in_a_section():
    p = clean_project()
    prompt = "结合自评情况,分析存在的问题及原因。(200字以内)"  # half-width, as web pages print it
    p.sections["problems"] = prompt
    (f,) = run("E-FORM-INSTRUCTION", p)
    assert f.severity == ERROR and "是自评表的填表说明" in f.message
    assert "结合自评情况,分析存在的问题及原因" in f.message
    assert f.location == {"section": "problems", "start": 0, "end": len(prompt)}
    assert run("E-FORM-INSTRUCTION", clean_project()) == []


def test_form_note_in_the_goal_and_in_an_indicator_cell():
    p = clean_project()
    p.goals.actual = "对照年度目标，说明相关任务目标的完成情况（100字以内）"
    p.indicators[0].deviation = (
        "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
        "2.年中发生预算调整的(追加或调减),应单独说明理由"
    )
    found = run("E-FORM-INSTRUCTION", p)
    assert [f.location for f in found] == [
        {"project": "goal_actual"},
        {"indicator": 0, "column": "deviation"},
        {"indicator": 0, "column": "deviation"},
    ]


def test_bare_word_limit_is_instruction_text():
    p = clean_project()
    p.sections["conclusion"] = "经自评，该项目综合得分100分，评价等级为“优”。（200字以内）"
    (f,) = run("E-FORM-INSTRUCTION", p)
    assert "“（200字以内）”" in f.message


def test_own_words_near_the_prompt_are_not_instruction_text():
    assert find_instructions("结合自评情况，分析存在的问题及原因如下：一是宣传不够。") == []
    assert find_instructions("全年开展培训200余人次，编印资料3000字。") == []


def test_every_text_of_the_file_is_used():
    pattern = instruction_pattern()
    assert pattern is not None
    assert pattern.search("年中发生预算调整的（追加或调减），应单独说明理由")


def test_instructions_file_is_not_offered_as_a_report_form():
    from desktop.model.forms import available_forms

    assert "instructions" not in available_forms()
    assert available_forms()[0] == "self_evaluation"


def test_printed_note_without_a_prompt_is_a_warning():
    p = clean_project()
    p.sections["funds_usage"] += "3.其他资金包括:社会投入资金、银行贷款."
    (f,) = run("E-FORM-INSTRUCTION", p)
    assert (f.severity, f.code) == ("警告", "W-FORM-INSTRUCTION")
    assert "社会投入资金、银行贷款" in f.message


def test_full_width_digits_match_too():
    assert find_instructions("预算执行率未达到９０％的需说明原因（１００字以内）")
