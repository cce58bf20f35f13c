"""PyInstaller runtime hook: a windowed program (Windows jixiao-gui.exe) has no console, so
sys.stdout and sys.stderr are None; give them a sink so printing and error reports never fail."""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
