"""Qt's own dialogs and buttons in the window speak Chinese (the file dialog, message boxes)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox


def _answer_modal(seen: dict[str, object]) -> None:
    """Record the open modal's button texts, then close it."""
    widget = QApplication.activeModalWidget()
    if widget is None:
        QTimer.singleShot(20, lambda: _answer_modal(seen))
        return
    seen["type"] = type(widget).__name__
    seen["title"] = widget.windowTitle()
    buttons = widget.findChildren(QDialogButtonBox)
    seen["buttons"] = [b.text() for box in buttons for b in box.buttons()]
    if isinstance(widget, QMessageBox):
        seen["buttons"] = [b.text() for b in widget.buttons()]
    widget.close() if isinstance(widget, QMessageBox) else widget.reject()


def test_message_box_button_says_queding(make_window, ui_store):
    window = make_window(ui_store)
    seen: dict[str, object] = {}
    QTimer.singleShot(0, lambda: _answer_modal(seen))
    window.action.about.trigger()
    assert seen["type"] == "QMessageBox"
    assert seen["buttons"] == ["确定"]  # Qt's standard button, not "OK"


def test_file_dialog_is_chinese(make_window, ui_store):
    window = make_window(ui_store)
    seen: dict[str, object] = {}

    def ask() -> None:
        QTimer.singleShot(0, lambda: _answer_modal(seen))
        QFileDialog.getOpenFileName(
            window, "选择文件", "", "文本 (*.txt)", options=QFileDialog.Option.DontUseNativeDialog
        )

    ask()
    assert seen["type"] == "QFileDialog"
    texts = " ".join(str(t) for t in seen["buttons"])  # type: ignore[union-attr]
    assert "取消" in texts and "Cancel" not in texts
