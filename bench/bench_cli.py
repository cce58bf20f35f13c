"""CLI start-up and scoring benchmark: prints medians of `jixiao --db X list` and `score`.

Run: python bench/bench_cli.py
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASE = {
    "format": "jixiao.project/1",
    "unit": {"name": "某区信访局"},
    "year": 2023,
    "name": "基准项目",
    "funds": [{"source": "total", "full_year": "349000.00", "executed": "210400.00"}],
}


def timed(args: list[str], runs: int = 7) -> float:
    """Median wall time of a CLI call in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True, check=True
        )
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    """Print the timings."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "b.db")
        case = Path(tmp) / "case.json"
        case.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
        subprocess.run(
            [sys.executable, "-m", "desktop", "--db", db, "import-json", str(case)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        bare = timed(["--version"])
        listing = timed(["--db", db, "list"])
        score = timed(["--db", db, "score", "1", "--json"])
    print(f"CLI --version      {bare:7.1f} ms")
    print(f"CLI list           {listing:7.1f} ms   (target < 500 ms)")
    print(f"CLI score --json   {score:7.1f} ms")


if __name__ == "__main__":
    main()
