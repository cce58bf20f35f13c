"""Timings of the 自评表 in each rule profile's layout: one report's PDF and xlsx per profile.

Usage: python bench/bench_profiles.py
Prints the median of 5 runs per profile (a 6-indicator project; a department report with its
breakdown; and a crowded 四川 table of 24 indicators with long reasons).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RUNS = 5


def _median_ms(fn: object) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    """Render each case RUNS times and print the medians."""
    from desktop.exchange.fonts import load_fontset
    from desktop.exchange.pdf.document import render_report
    from desktop.exchange.xlsx.export import write_workbook
    from desktop.model.forms import load_form
    from tests.dept_helpers import department_project, detailed_project
    from tests.exchange.test_pdf_profiles import _crowded_sichuan

    fonts = load_fontset()
    cases = [
        ("mof-2020 项目", detailed_project("mof-2020")),
        ("sichuan-2023 项目", detailed_project("sichuan-2023")),
        ("yunnan-2022 项目", detailed_project("yunnan-2022")),
        ("sichuan-2023 24 行长原因", _crowded_sichuan()),
        ("mof-2020 部门整体", department_project("mof-2020")),
        ("hunan-dept-2023 部门整体", department_project("hunan-dept-2023")),
    ]
    out = Path(tempfile.mkdtemp()) / "b.xlsx"
    print(f"{'版式':<24} {'PDF (ms)':>10} {'xlsx (ms)':>10}")
    for name, project in cases:
        form = load_form(project.form)
        pdf = _median_ms(lambda p=project, f=form: render_report(p, f, fonts=fonts))
        xlsx = _median_ms(lambda p=project: write_workbook([p], out))
        print(f"{name:<24} {pdf:>10.1f} {xlsx:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
