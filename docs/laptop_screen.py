"""The screen the README pictures are taken on: a 1366×768 laptop (the commonest in bureaus).

Qt's offscreen platform is given that screen through a configuration file, so the pictures show
the window as it fits a real laptop, with no X server needed. An explicit QT_QPA_PLATFORM (for
example ``xcb`` under ``xvfb-run``) is left alone. Importing this module sets it up.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

LAPTOP = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}]}


def use_laptop_screen() -> None:
    """Point Qt's offscreen platform at a 1366×768 screen unless a platform was chosen."""
    if "QT_QPA_PLATFORM" in os.environ:
        return
    config = Path(tempfile.mkdtemp()) / "laptop-screen.json"
    config.write_text(json.dumps(LAPTOP), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


use_laptop_screen()
