"""Font resolution, per-character fallback and coverage of GB2312 / GBK in the rendered PDF."""

from __future__ import annotations

import contextlib
import re

from desktop.exchange.fonts import ROLE_SPECS, bundled_dir, describe, load_fontset, resolve
from desktop.exchange.pdf.document import render_report
from desktop.model.forms import load_form
from tests.exchange.pdfread import page_texts


def gb2312_hanzi() -> list[str]:
    """All 6763 GB2312 hanzi (rows 0xB0–0xF7)."""
    out = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.append(bytes([hi, lo]).decode("gb2312"))
    return out


def gbk_only_sample(step: int = 7) -> list[str]:
    """Every ``step``-th GBK hanzi that is not in GB2312."""
    gb = set(gb2312_hanzi())
    out = []
    for hi in range(0x81, 0xFF):
        for lo in range(0x40, 0xFF):
            try:
                ch = bytes([hi, lo]).decode("gbk")
            except UnicodeDecodeError:
                continue
            if "\u4e00" <= ch <= "\u9fff" and ch not in gb:
                out.append(ch)
    return out[::step]


def test_describe_names_every_role_and_file():
    lines = describe()
    for spec in ROLE_SPECS:
        assert any(line.startswith(spec.label) for line in lines), spec.label
    assert any(line.startswith("缺字补全") for line in lines)
    assert all(re.search(r"\.(ttf|ttc)", line, re.I) for line in lines)


def test_official_fonts_win_over_bundled(tmp_path):
    (tmp_path / "SIMKAI.TTF").symlink_to(bundled_dir() / "gkai00mp.ttf")
    res = resolve(search_dirs=[tmp_path])
    assert res.roles["heading2"][0].official
    fonts = load_fontset(res)
    assert fonts.roles["heading2"].file.official
    assert fonts.roles["heading2"].file.path.name == "SIMKAI.TTF"
    assert not fonts.roles["heading1"].file.official  # no simhei.ttf there: bundled


def test_bundled_fonts_are_truetype_with_licences():
    folder = bundled_dir()
    for name in ("gbsn00lp.ttf", "gkai00mp.ttf", "wqy-microhei.ttc"):
        head = (folder / name).read_bytes()[:4]
        assert head in (b"\x00\x01\x00\x00", b"ttcf"), name
    assert len(list(folder.glob("LICENSE-*"))) == 3


def test_fallback_draws_what_the_role_font_lacks():
    fonts = load_fontset()
    gbk = gbk_only_sample(50)
    runs = fonts.runs("正文" + "".join(gbk), "body")
    used = {name for name, _run in runs}
    assert len(used) >= 1
    for ch in gbk:
        assert fonts.font_for(ch, "body") is not None, ch
    assert fonts.missing_chars() == []


def test_all_gb2312_and_a_gbk_sample_survive_rendering(sample_project):
    hanzi = gb2312_hanzi()
    gbk = gbk_only_sample()
    assert len(hanzi) == 6763
    text = "".join(hanzi) + "".join(gbk)
    sample_project.sections = {
        "basic_info": "\n".join(text[i : i + 400] for i in range(0, len(text), 400))
    }
    sample_project.indicators = []
    result = render_report(sample_project, load_form("self_evaluation"))
    assert result.missing_chars == []
    extracted = set("".join(page_texts(result.data)))
    lost = [ch for ch in text if ch not in extracted]
    assert lost == []


def test_markup_escapes_what_the_paragraph_parser_would_read_as_tags():
    fs = load_fontset()
    assert fs.markup("收入&支出 <合计> 100", "body") == "收入&amp;支出 &lt;合计&gt; 100"


def test_the_pdf_path_loads_no_network_or_checks_code():
    """A report PDF needs reportlab and the fonts, not urllib.request (xml.sax) or 审核.

    Older reportlab (4.0.x) loads urllib.request itself; what is measured is what the program's
    own PDF path adds to what reportlab's own modules load."""
    import ast
    import subprocess
    import sys
    from pathlib import Path

    watched = "('urllib.request', 'http.client', 'sqlite_utils', 'desktop.model.checks', 'PySide6')"
    report = f"print(sorted(m for m in {watched} if m in sys.modules))\n"
    ours = (
        "import sys\n"
        "from desktop.exchange.pdf.document import render_report_pdf\n"
        "from desktop.exchange.fonts import load_fontset\n"
        "load_fontset()\n" + report
    )
    bare = (
        "import sys\n"
        "import reportlab.platypus, reportlab.pdfbase.ttfonts, reportlab.pdfgen.canvas\n" + report
    )
    repo = Path(__file__).resolve().parents[2]

    def loaded(code: str) -> set[str]:
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return set(ast.literal_eval(done.stdout.strip()))

    assert "desktop.model.checks" not in loaded(bare)
    assert loaded(ours) - loaded(bare) == set()
