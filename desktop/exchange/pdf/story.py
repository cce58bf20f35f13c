"""The flowables of one report: title, numbered sections, the 自评表, the 落款."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.enums import TA_LEFT
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf.cycle_tables import monitoring_appendix, previous_rectifications
from desktop.exchange.pdf.profile_table import profile_table
from desktop.exchange.pdf.style import BODY_SIZE, FRAME_W, LEADING, Styles, para
from desktop.exchange.pdf.table import self_evaluation_table
from desktop.exchange.pdf.textblock import TextBlock, measurer
from desktop.model.cycle_words import cycle_words
from desktop.model.forms import Form, OutlineEntry
from desktop.model.profiles import DEPARTMENT_FORM, load_profile
from desktop.model.project import DEFAULT_PROFILE, Project
from desktop.model.stated import sections_after

# A heading needs this many body lines of what follows on its page, else it moves on.
LINES_AFTER_HEADING = 2
# A run of empty headings is kept together only up to this height (then it may break).
MAX_KEEP = LEADING * 8
SEAL_LINES = 2  # blank lines above a sealed 落款 (the seal reaches up to the text)
# The numbering of a heading the form does not know tells its level: 一、 / （一）.
_TOP_RE = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_SUB_RE = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]")


@dataclass(frozen=True)
class PageState:
    """How the pages of a report are decorated."""

    final: bool = False
    fingerprint: str | None = None
    numbered: bool = True
    watermark: bool = True


class StateMarker(Flowable):
    """A zero-size flowable that switches the page decoration when it is drawn."""

    def __init__(self, setter: Callable[[PageState], None], state: PageState) -> None:
        """Remember what to switch to."""
        super().__init__()
        self._setter = setter
        self._state = state
        self.width = self.height = 0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """Takes no room."""
        return (0, 0)

    def draw(self) -> None:
        """Switch the decoration of the current page."""
        self._setter(self._state)


def format_date(date: dt.date | None) -> str:
    """成文日期 in Arabic numerals without leading zeros: 2024年1月25日."""
    if date is None:
        return "　　年　月　日"
    return f"{date.year}年{date.month}月{date.day}日"


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def _heading_style(entry: OutlineEntry, st: Styles) -> object:
    if entry.level == 1:
        return st.heading1
    if entry.level == 2:
        return st.heading2
    return st.heading3


def _extra_blocks(
    project: Project, after: str, fonts: FontSet, st: Styles
) -> list[tuple[TextBlock, list[Flowable]]]:
    """Sections under headings the form does not know, printed where the document had them
    (right after the form's section ``after``; '' = before the first)."""
    out: list[tuple[TextBlock, list[Flowable]]] = []
    for extra in sections_after(project, after):
        title = extra["title"]
        style = (
            st.heading1
            if _TOP_RE.match(title)
            else st.heading2
            if _SUB_RE.match(title)
            else st.heading3
        )
        text = project.section(extra["key"])
        out.append(
            (para(fonts, title, style), [para(fonts, p, st.body) for p in _paragraphs(text)])
        )
    return out


def _is_heading(flowable: TextBlock) -> bool:
    return str(flowable.style.name).startswith("heading")


def _height(flowable: Flowable) -> float:
    _w, h = flowable.wrap(FRAME_W, 10_000)
    return float(h)


def signature_positions(name_w: float, date_w: float, sealed: bool) -> tuple[float, float]:
    """x of the unit name and of the date in the text block (GB/T 9704-2012 7.3.5).

    With a seal (7.3.5.1) the date stands four characters in from the right and the name is
    centred over it. Without (7.3.5.2) the name stands two characters in from the right and
    the date starts two characters right of the name's first character; a date longer than
    that allows stands two characters in, and the name moves to keep the two-character step.
    """
    em = BODY_SIZE
    if sealed:
        date_x = FRAME_W - 4 * em - date_w
        name_x = min(date_x + (date_w - name_w) / 2, FRAME_W - 2 * em - name_w)
        return name_x, date_x
    name_x = FRAME_W - 2 * em - name_w
    date_x = name_x + 2 * em
    if date_x + date_w > FRAME_W - 2 * em:
        date_x = FRAME_W - 2 * em - date_w
        name_x = date_x - 2 * em
    return name_x, date_x


def signature_block(
    project: Project, fonts: FontSet, st: Styles, story: list[Flowable], sealed: bool = True
) -> Flowable:
    """The 落款: unit name over the 成文日期, placed by GB/T 9704 with or without a seal.

    The last paragraph of the text moves with it, so the 落款 never stands alone on a page.
    """
    date = format_date(project.signed_date)
    name = project.unit.name
    measure = measurer(fonts, "body", BODY_SIZE)
    name_x, date_x = signature_positions(measure(name), measure(date), sealed)
    plain = st.signature.clone("signature_line", alignment=TA_LEFT, rightIndent=0)
    name_style = plain.clone("signature_name", leftIndent=max(0.0, name_x))
    date_style = plain.clone("signature_date", leftIndent=max(0.0, date_x))
    group: list[Flowable] = []
    if story and isinstance(story[-1], TextBlock):
        group.append(story.pop())
        # A heading right above that paragraph moves with it (never left ending a page).
        if story and isinstance(story[-1], TextBlock) and _is_heading(story[-1]):
            group.insert(0, story.pop())
    group += [
        Spacer(FRAME_W, LEADING * (SEAL_LINES if sealed else 1)),
        para(fonts, name, name_style),
        para(fonts, date, date_style),
    ]
    return KeepTogether(group)


def appendix_table(project: Project, form: Form, fonts: FontSet, st: Styles) -> list[Flowable]:
    """The 自评表: the national table for a mof-2020 project, else the profile's layout
    (as the Excel export chooses its sheet)."""
    if project.profile == DEFAULT_PROFILE and project.form != DEPARTMENT_FORM:
        return self_evaluation_table(project, form, fonts, st)
    layout = load_profile(project.profile or DEFAULT_PROFILE).layout(project.form)
    return profile_table(project, form, layout, fonts, st)


def report_story(
    project: Project,
    form: Form,
    fonts: FontSet,
    st: Styles,
    sealed: bool = True,
) -> list[Flowable]:
    """Title, numbered sections with their text and tables, and the 落款."""
    story: list[Flowable] = [
        para(fonts, form.title, st.title),
        para(fonts, form.subtitle_for(project.name, project.year), st.title),
        Spacer(FRAME_W, LEADING * 0.5),
    ]
    # Blocks: (heading flowables, content flowables) per outline entry.
    blocks: list[tuple[TextBlock, list[Flowable]]] = []
    table_placed = False
    # 上年整改情况 follows the text of 存在的问题 (or ends the report when the form has none).
    previous = previous_rectifications(project, fonts, st)
    problem_keys = cycle_words().strings("rectification", "problem_sections")
    blocks += _extra_blocks(project, "", fonts, st)
    for entry in form.outline:
        heading = para(fonts, entry.title, _heading_style(entry, st))
        content: list[Flowable] = []
        if entry.key:
            content += [para(fonts, p, st.body) for p in _paragraphs(project.section(entry.key))]
        if entry.key in problem_keys and previous:
            content += previous
            previous = []
        if entry.indicator_table and not table_placed:
            content += appendix_table(project, form, fonts, st)
            table_placed = True
        blocks.append((heading, content))
        if entry.key:
            blocks += _extra_blocks(project, entry.key, fonts, st)
    if not table_placed:
        blocks[-1][1].extend(appendix_table(project, form, fonts, st))
    blocks[-1][1].extend(previous)
    # A heading (with the headings right after it) needs room for two lines of what follows.
    for i, (heading, content) in enumerate(blocks):
        need = _height(heading)
        j = i
        while not blocks[j][1] and j + 1 < len(blocks):
            j += 1
            need += _height(blocks[j][0])
        first = blocks[j][1][0] if blocks[j][1] else None
        if isinstance(first, CondPageBreak):
            need += float(first.height)
        else:
            need += LEADING * LINES_AFTER_HEADING
        story.append(CondPageBreak(min(need, MAX_KEEP)))
        story.append(heading)
        story += content
    if form.signature:
        story.append(signature_block(project, fonts, st, story, sealed))
    story += monitoring_appendix(project, fonts, st)
    return story
