"""GUI benchmark: start-up to a usable window, switching project with 1000 projects, peak RSS.

Run: python bench/bench_gui.py   (offscreen; targets: start < 1 s, switch < 50 ms)
"""

from __future__ import annotations

import copy
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

UNITS, YEARS, PER_YEAR = 10, 5, 20  # 1000 projects


def startup_ms(db: Path, runs: int = 5) -> tuple[list[float], list[float]]:
    """Wall times from spawning `python -m desktop --db DB` to the window painted, and to
    everything loaded (feature modules installed, event loop idle)."""
    env = dict(os.environ, JIXIAO_QUIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen")
    # An installed program has its bytecode cached: allow it, and warm up once.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    shown: list[float] = []
    ready: list[float] = []
    for run in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--db", str(db)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            elapsed = (time.perf_counter() - start) * 1000
            if line.strip() == "JIXIAO_SHOWN" and run > 0:
                shown.append(elapsed)
            if line.strip() == "JIXIAO_READY":
                if run > 0:
                    ready.append(elapsed)
                break
        proc.wait()
    return shown, ready


def fill(db: Path) -> None:
    """1000 realistic projects (sections, funds, 6 indicators each) in one transaction."""
    from make_screenshot import sample_projects

    from desktop.store import repo
    from desktop.store.db import open_store

    base = sample_projects()[0]
    store = open_store(db)
    with store.transaction():
        for u in range(UNITS):
            for y in range(YEARS):
                for n in range(PER_YEAR):
                    project = copy.deepcopy(base)
                    project.unit.name = f"第{u + 1}单位"
                    project.unit.id = None
                    project.year = 2019 + y
                    project.name = f"项目{n + 1:02d}"
                    repo.insert_project(store, project)
    store.close()


def switching(db: Path, switches: int = 60) -> tuple[float, float, float, float]:
    """(first, median, max) ms of a project switch, and the findings refresh median."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import desktop.ui  # noqa: F401
    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window

    app = QApplication.instance() or QApplication(["bench"])
    store = open_store(db)
    settings = QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = open_main_window(store, settings=settings)
    window.show()
    app.processEvents()
    ids = window.navigator.project_ids()
    nav = window.navigator
    times: list[float] = []
    checks: list[float] = []
    for i in range(switches):
        target = ids[(i * 37 + 500) % len(ids)]
        start = time.perf_counter()
        nav.setCurrentItem(nav.item_for(target))
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        assert window.current_project().id == target
        start = time.perf_counter()
        window.refresh_findings()
        checks.append((time.perf_counter() - start) * 1000)
    window.close()
    store.close()
    return times[0], statistics.median(times), max(times), statistics.median(checks)


def main() -> int:
    """Print the numbers."""
    tmp = Path(tempfile.mkdtemp())
    empty = tmp / "empty.db"
    big = tmp / "big.db"
    start = time.perf_counter()
    fill(big)
    print(f"filled 1000 projects in {time.perf_counter() - start:.1f} s")
    for label, db in (("empty db", empty), ("1000 projects", big)):
        shown, ready = startup_ms(db, runs=5)
        print(
            f"start-up, {label:13s}: window painted median {statistics.median(shown):5.0f} ms, "
            f"all features loaded median {statistics.median(ready):5.0f} ms "
            f"(runs {', '.join(f'{s:.0f}' for s in shown)})"
        )
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    first, median, worst, check = switching(big)
    print(
        f"switch project (1000 in db): first {first:.1f} ms, median {median:.1f} ms, max {worst:.1f} ms"
    )
    print(f"审核 refresh (20 siblings): median {check:.1f} ms (deferred, after the switch)")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: start-up process {child_rss:.0f} MB, switching process {self_rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
