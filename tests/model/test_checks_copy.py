"""Copy-paste slips between sibling projects."""

import time

from desktop.model.checks import HINT, WARNING, run_checks
from desktop.model.checks.copy import split_sentences

from .checks_helpers import clean_project, run

GUARD = "1.保障本年度内两名保安人员的经费，确保信访安保\n工作质量，完成本年度内信访安保工作。"


def _group():
    guard = clean_project("保安费用")
    guard.sections["basic_info"] = (
        GUARD + "\n2.党政机关办公场所保安人员要履职尽责，做好上访人员甄别。"
    )
    mediation = clean_project("矛盾化解和疑难信访问题费用")
    mediation.sections["basic_info"] = (
        GUARD + "\n2.按照国家信访局相关部署，开展重点领域信访矛盾化解攻坚战。"
    )
    reception = clean_project("接访费用", budget="20000.00")
    reception.sections["basic_info"] = "1.保障本年度内不发生重大群体信访事项，全区无重大信访问题。"
    for i, p in enumerate((guard, mediation, reception)):
        p.id = i + 1
    return guard, mediation, reception


def test_sentence_about_the_other_project_is_a_warning():
    guard, mediation, reception = _group()
    (f,) = run("W-COPY-SIBLING", mediation, [guard, reception])
    assert (f.severity, f.code) == (WARNING, "W-COPY-SIBLING")
    assert "两名保安人员" in f.message and "“保安费用”" in f.message
    text = mediation.sections["basic_info"]
    assert text[f.location["start"] : f.location["end"]].startswith("1.保障本年度内两名保安")
    # In the project it belongs to, the same sentence is not a slip.
    assert run("W-COPY-SIBLING", guard, [mediation, reception]) == []


def test_near_identical_sentence_is_found():
    guard, mediation, reception = _group()
    mediation.sections["basic_info"] = (
        "保障本年度内两名保安人员的经费，确保信访安保工作的质量，完成本年度内信访安保工作。"
    )
    (f,) = run("W-COPY-SIBLING", mediation, [guard, reception])
    assert "保安费用" in f.message


def test_sentence_shared_by_every_sibling_is_boilerplate():
    guard, mediation, reception = _group()
    common = "该项目实施财务管理制度健全，严格执行财务管理制度，账务处理及时，会计核算规范。"
    for p in (guard, mediation, reception):
        p.sections["conclusion"] = common
    assert run("W-COPY-SIBLING", reception, [guard, mediation]) == []


def test_shared_sentence_about_nobody_is_a_hint():
    guard, mediation, reception = _group()
    shared = "按照市信访联席会议办公室文件要求，营造安全稳定和谐社会环境。"
    guard.sections["goals"] = shared
    mediation.sections["goals"] = shared
    (f,) = run("W-COPY-SIBLING", guard, [mediation, reception])
    assert f.severity == HINT and f.code == "I-COPY-SIBLING"


def test_template_sentences_and_same_wording_other_figures_are_ignored():
    guard, mediation, reception = _group()
    for p, wan in ((guard, 8), (mediation, 8), (reception, 2)):
        p.sections["funds_usage"] = (
            f"该项目资金年初预算{wan}万元，区财政已及时拨付到位，全年完成数{wan}万元。"
        )
    found = run("W-COPY-SIBLING", mediation, [guard, reception])
    assert [f.location["section"] for f in found] == ["basic_info"]


def test_no_siblings_no_findings():
    guard, _, _ = _group()
    assert run("W-COPY-SIBLING", guard, []) == []
    # A stale copy of the project itself (same id) is not a sibling.
    stale = clean_project(guard.name)
    stale.sections = dict(guard.sections)
    stale.id = guard.id
    assert run("W-COPY-SIBLING", guard, [stale]) == []


def test_sentences_keep_spans():
    text = "1.甲乙丙丁戊己庚辛壬癸子丑。\n2.寅卯辰巳午未申酉戌亥天地。"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_hundred_siblings_is_fast():
    guard, mediation, _ = _group()
    siblings = []
    for i in range(100):
        p = clean_project(f"项目{i}号专项经费")
        p.id = 100 + i
        for k in range(20):
            p.sections[f"s{k}"] = (
                f"第{i}个项目第{k}部分的内容各不相同，编号{i * 100 + k}，用于测试查重速度。"
                f"本部分说明项目{i}的第{k}项具体工作安排和完成情况，数量为{k}个。"
            )
        siblings.append(p)
    siblings.append(guard)
    run_checks(mediation, siblings)  # warm the caches as the GUI does
    start = time.perf_counter()
    findings = run_checks(mediation, siblings)
    elapsed = time.perf_counter() - start
    assert elapsed < 0.5, elapsed
    assert any(f.code == "W-COPY-SIBLING" for f in findings)


def test_two_project_unit_copy_in_basic_info_is_a_warning():
    """With one sibling, a shared sentence is not boilerplate just because "all" share it."""
    guard, mediation, _ = _group()
    found = run("W-COPY-SIBLING", mediation, [guard])
    (f,) = [f for f in found if f.severity == WARNING]
    assert f.code == "W-COPY-SIBLING" and f.location["section"] == "basic_info"
    assert "两名保安人员" in f.message and "“保安费用”" in f.message
    # The project the sentence is about is not blamed for it (the shared neutral sentences of
    # the test projects' other sections are hints, not warnings).
    assert [f for f in run("W-COPY-SIBLING", guard, [mediation]) if f.severity == WARNING] == []


def test_two_project_unit_shared_neutral_sentence_is_only_a_hint():
    guard, mediation, _ = _group()
    shared = "按照市信访联席会议办公室文件要求，营造安全稳定和谐社会环境。"
    guard.sections["conclusion"] = shared
    mediation.sections["conclusion"] = shared
    found = [f for f in run("W-COPY-SIBLING", guard, [mediation]) if "营造" in f.message]
    assert [(f.severity, f.code) for f in found] == [(HINT, "I-COPY-SIBLING")]


def test_basic_info_copy_counts_even_when_every_sibling_has_it():
    """项目基本情况: a sentence about another project counts even if all siblings share it."""
    guard, mediation, reception = _group()
    reception.sections["basic_info"] = (
        GUARD + "\n2.保障本年度内接访工作顺利开展，全年无重大信访问题。"
    )
    found = run("W-COPY-SIBLING", reception, [guard, mediation])
    assert [f.code for f in found] == ["W-COPY-SIBLING"]
    assert "两名保安人员" in found[0].message
    # A neutral unit sentence shared by all three in 项目基本情况 stays silent.
    unit_line = "\n3.我局是区人民政府工作部门，负责全区信访工作的统筹协调和督促检查。"
    for p in (guard, mediation, reception):
        p.sections["basic_info"] += unit_line
    found = run("W-COPY-SIBLING", reception, [guard, mediation])
    assert all("工作部门" not in f.message for f in found)
