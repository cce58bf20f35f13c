"""The character count beside a section: right, and typing never re-lays out the page."""

from __future__ import annotations

from desktop.model.forms import load_form
from desktop.ui.section_tabs import SectionEditor
from tests.ui.window_helpers import type_text


def test_the_count_follows_typing_in_a_label_of_fixed_size(qtbot):
    entry = load_form("self_evaluation").section("basic_info")
    assert entry is not None
    editor = SectionEditor(entry)
    qtbot.addWidget(editor)
    editor.show()
    size = editor.count_label.size()
    type_text(editor.edit, "保障两名保安人员")
    assert editor.count_label.text() == "8 字"
    editor.set_text("字" * 123456)
    assert editor.count_label.text() == "123456 字"
    qtbot.wait(20)  # let a layout request, if any, run
    assert editor.count_label.size() == size  # a longer number never resizes the header
    metrics = editor.count_label.fontMetrics()
    assert metrics.horizontalAdvance(editor.count_label.text()) <= size.width()  # not clipped
