"""Text import benchmark: a 20-page report text (seed 003 repeated) parsed and written.

Run: python bench/bench_import.py
A page is 22 lines × 28 characters (GB/T 9704), so 20 pages ≈ 12 320 characters.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.exchange.text.importer import import_text  # noqa: E402
from desktop.store import repo  # noqa: E402
from desktop.store.db import open_store  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "003_0bef1ca0c8c97894.txt"
PAGE_CHARS = 22 * 28


def report_text(pages: int) -> str:
    """Seed 003 repeated (project names numbered so they stay distinct) up to ``pages`` pages."""
    seed = SEED.read_text(encoding="utf-8")
    parts: list[str] = []
    n = 0
    while sum(len(p) for p in parts) < pages * PAGE_CHARS:
        n += 1
        parts.append(seed.replace("费用）", f"费用{n}）").replace("经费）", f"经费{n}）"))
    return "\n".join(parts)


def median_ms(fn: object, runs: int = 7) -> float:
    """Median wall time of ``fn()`` in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    """Print the timings."""
    if not SEED.is_file():
        print("seed 003 not found; nothing to measure")
        return
    for pages in (20, 200):
        text = report_text(pages)
        result = import_text(text)
        parse = median_ms(lambda t=text: import_text(t), runs=7 if pages == 20 else 3)
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "bench.db")
            start = time.perf_counter()
            with store.transaction():
                for project in result.projects:
                    repo.insert_project(store, project)
            insert = (time.perf_counter() - start) * 1000
            store.close()
        print(
            f"import-text {pages:>3} pages ({len(text):,} chars, {len(result.projects)} projects): "
            f"parse {parse:.0f} ms, write {insert:.0f} ms (target < 1000 ms for 20 pages)"
        )


if __name__ == "__main__":
    main()
