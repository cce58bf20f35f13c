"""Text import time against the number of reports in one file (it must grow linearly).

Run: python bench/bench_text_scale.py
Prints CPU seconds per size; the per-report cost should stay flat. The limit of 1 000 reports per
file is lifted here to measure beyond it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.exchange.text import report  # noqa: E402
from desktop.exchange.text.files import import_file  # noqa: E402
from tests import hostile_files as H  # noqa: E402


def main() -> None:
    """Print the table."""
    report.MAX_REPORTS = 100_000
    with tempfile.TemporaryDirectory() as tmp:
        print("reports  cpu s   ms/report")
        for count in (500, 1000, 2000, 4000, 8000):
            path = H.text_many_reports(Path(tmp), count)
            start = time.process_time()
            result = import_file(path)
            seconds = time.process_time() - start
            assert len(result.projects) == count
            print(f"{count:7d}  {seconds:6.2f}  {seconds / count * 1000:8.3f}")


if __name__ == "__main__":
    main()
