"""Screenshots of the 自评表 format choice and of a department report's 收支情况 editor.

Usage (a 1366×768 screen; QT_SCALE_FACTOR=1.5 for 150 %):
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python docs/make_profile_screenshots.py OUT_DIR [--suffix -150]

Writes OUT_DIR/profile-combo{suffix}.png (a 四川 project, the format list open) and
OUT_DIR/dept-editor{suffix}.png (衡山县贯塘乡 2023, imported from the real-report corpus).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))
import desktop.ui  # noqa: E402, F401  (binding workarounds first)
import docs.laptop_screen  # noqa: E402, F401  (a 1366×768 screen before Qt loads)

REAL = ROOT / "tests" / "fixtures" / "real" / "107_hunan_hengshan_guantang_2023.txt"


def _settle(app: object, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()  # type: ignore[attr-defined]


def _shoot(app: object, window: object, out: Path) -> None:
    """The whole screen (popups included) when there is one, else the window."""
    _settle(app)
    screen = app.primaryScreen()  # type: ignore[attr-defined]
    if os.environ.get("QT_QPA_PLATFORM") == "xcb":
        screen.grabWindow(0).save(str(out))
    else:
        window.grab().save(str(out))  # type: ignore[attr-defined]
    print(out)


def main(argv: list[str]) -> int:
    """Build the window over a temp database with both projects and grab the two views."""
    from make_screenshot import sample_projects
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.exchange.text.importer import import_text, read_text_file
    from desktop.store import repo
    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window

    out_dir = Path(argv[0]) if argv and not argv[0].startswith("--") else ROOT / "docs"
    suffix = argv[argv.index("--suffix") + 1] if "--suffix" in argv else ""
    app = QApplication.instance() or QApplication(["jixiao"])
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "jixiao.db")
    project = sample_projects()[0]
    project.profile = "sichuan-2023"
    project.extra["execution_reason"] = "年末部分保安服务费按合同于次年1月结算，执行率98.25%。"
    sichuan = repo.insert_project(store, project)
    (dept,) = import_text(read_text_file(REAL), "衡山县贯塘乡人民政府", 2023).projects
    department = repo.insert_project(store, dept)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = open_main_window(store, settings=settings)
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    window.select_project(sichuan)
    window.tabs.setCurrentWidget(window.overview)
    window.refresh_findings()
    box = window.overview.profile_box
    _settle(app)
    window.overview.verticalScrollBar().setValue(window.overview.funds_box.y())
    _settle(app)
    box.combo.showPopup()
    _shoot(app, window, out_dir / f"profile-combo{suffix}.png")
    box.combo.hidePopup()
    window.select_project(department)
    window.tabs.setCurrentWidget(window.overview)
    window.refresh_findings()
    _settle(app)
    window.overview.verticalScrollBar().setValue(window.overview.funds_box.y())
    _shoot(app, window, out_dir / f"dept-editor{suffix}.png")
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
