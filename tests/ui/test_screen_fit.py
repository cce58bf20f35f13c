"""The real window on a 1366×768 laptop screen at 100 % and 150 % scaling: the main window, the
print preview and every dialog fit the available area with all their buttons inside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("screen_driver.py")
LAPTOP = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}]}


def _drive(tmp_path: Path, scale: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(LAPTOP), encoding="utf-8")
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["QT_SCALE_FACTOR"] = scale
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["JIXIAO_LOG_DIR"] = str(tmp_path / "log")
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path / "out")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("scale", "screen"), [("1", "0,0 1366×768"), ("1.5", "0,0 911×512")])
def test_everything_fits_a_1366x768_screen(tmp_path, scale, screen):
    result = _drive(tmp_path, scale)
    assert result["screen"] == screen  # the screen the driver saw, in logical pixels
    for name in ("window-tab0", "window-tab2", "window-department", "preview", "print"):
        assert name in result["checked"]
    assert len(result["checked"]) >= 20
    assert result["problems"] == []
    forms = ("self_evaluation", "evaluation", "department")
    # Every section tab is readable and a click away, with no scroll arrows hiding some of them
    # (at 150 % the tabs wrap into a second row) ...
    assert result["arrows"] == dict.fromkeys(forms, False)
    assert result["hidden_tabs"] == {form: [] for form in forms}
    # ... and the 概况 page never scrolls sideways (its fields fall into one column).
    assert result["overview_sideways"] == dict.fromkeys(forms, False)
