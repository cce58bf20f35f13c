"""Qt's own texts in Chinese: the file and print dialogs, standard buttons, context menus.

Qt ships its translations (qtbase_zh_CN.qm) beside its libraries; without a translator the
file dialog says "Save As", a message box's button "OK" and an edit field's menu "Copy".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

CATALOGUE = "qtbase_zh_CN"
_INSTALLED = "jixiaoQtChinese"


def install_qt_chinese(app: QCoreApplication) -> bool:
    """Install Qt's Simplified Chinese translation once per application; False when Qt's
    translation file is missing (Qt's texts then stay English)."""
    if app.property(_INSTALLED):
        return True
    translator = QTranslator(app)  # owned by the application, lives as long as it
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(CATALOGUE, folder):
        return False
    app.installTranslator(translator)
    app.setProperty(_INSTALLED, True)
    return True
