"""The window's Chinese UI font: a sans-serif CJK face, never the 楷体 some Linux systems default to.

fontconfig on Debian-based systems (UOS, 麒麟 and plain Debian with the Arphic fonts) can resolve
"sans-serif" for Chinese to AR PL KaitiM — a calligraphic face that is tiring to read in menus and
tables. Windows and macOS pick a proper UI face (微软雅黑 / 苹方) themselves and are left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from desktop.model.forms import data_dir

# Sans-serif CJK faces in order of preference (as fontconfig names them).
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)
BUNDLED = "wqy-microhei.ttc"
_APPLIED = "jixiaoUiFont"


def _bundled_family() -> str | None:
    """Load the bundled WenQuanYi Micro Hei; its family name, or None when it cannot be loaded."""
    path: Path = data_dir("resources") / "fonts" / BUNDLED
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def cjk_ui_family() -> str | None:
    """The sans-serif CJK family the window should use; None to keep the platform's choice."""
    if sys.platform in ("win32", "darwin"):
        return None
    installed = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in installed:
            return family
    return _bundled_family()


def apply_ui_font(app: QGuiApplication) -> None:
    """Put the CJK sans family after the platform's Latin UI family (once per application)."""
    if app.property(_APPLIED):
        return
    app.setProperty(_APPLIED, True)
    family = cjk_ui_family()
    if family is None:
        return
    font = app.font()
    font.setFamilies([font.family(), family])
    app.setFont(font)
