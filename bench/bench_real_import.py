"""Import speed on real report shapes (tests/fixtures/real).

Run: python bench/bench_real_import.py

- a 20-page report: a real narrative self-evaluation (fixture 010) with its prose repeated up to
  20 pages (22 lines × 28 characters a page, GB/T 9704) and a real 自评表 (fixture 029, tabs)
  at its end — target < 0.2 s;
- many short reports in one file: fixture 029's 自评表 cut short (title, name, units, funds, two
  indicator rows, 总分) repeated with numbered project names, 1 000 … 8 000 times — target 8 000
  in < 20 s, time growing linearly (the import's own cap of reports per text is lifted here);
- the real corpus, each fixture (.txt, .docx, .pdf) imported once: the slowest ones.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.exchange.text.importer import import_text  # noqa: E402
from tests.exchange.real_corpus import compare, document_text, fixtures  # noqa: E402

REAL = ROOT / "tests" / "fixtures" / "real"
PAGE_CHARS = 22 * 28


def twenty_pages() -> str:
    """Fixture 010's text, its body paragraphs repeated to 20 pages, then fixture 029's table."""
    narrative = document_text(next(REAL.glob("010_*.txt")))
    table = document_text(next(REAL.glob("029_*.txt")))
    lines = narrative.split("\n")
    body = [x for x in lines if len(x) > 40]
    out = list(lines)
    n = 0
    while sum(len(x) for x in out) < 20 * PAGE_CHARS:
        out.append(body[n % len(body)])
        n += 1
    return "\n".join([*out, "", *table.split("\n")[1:]])


def short_report() -> str:
    """Fixture 029 shortened to a short 自评表: title, name, units, funds, header, two rows."""
    lines = [x for x in document_text(next(REAL.glob("029_*.txt"))).split("\n") if x.strip()]
    dropped = ("总体", "确保", "其中", "上年结转", "其他资金")
    keep = [x for x in lines if not any(w in x for w in dropped)]
    header = next(i for i, x in enumerate(keep) if x.startswith("一级指标"))
    return "\n".join([*keep[: header + 3], keep[-1]])


def many_reports(count: int) -> str:
    """A short real 自评表 (fixture 029's) ``count`` times, each project named apart."""
    one = short_report()
    return "\n".join(
        one.replace("义务教育营养改善计划专项资金", f"义务教育营养改善计划专项资金{i}")
        for i in range(count)
    )


def median_s(fn: object, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    """Print the timings."""
    text = twenty_pages()
    result = import_text(text)
    seconds = median_s(lambda: import_text(text), 7)
    pages = len(text) / PAGE_CHARS
    print(
        f"20-page real report ({len(text):,} chars ≈ {pages:.0f} pages, "
        f"{len(result.projects)} project, {len(result.projects[0].indicators)} indicators): "
        f"{seconds * 1000:.0f} ms (target < 200 ms)"
    )
    previous = None
    for count in (1000, 2000, 4000, 8000):
        text = many_reports(count)
        start = time.perf_counter()
        projects = import_text(text).projects
        took = time.perf_counter() - start
        grow = f", ×{took / previous:.2f} for ×2" if previous else ""
        print(
            f"{count:>5} short reports in one text ({len(text) / 1e6:.1f} M chars, "
            f"{len(projects)} projects): {took:.2f} s ({took / count * 1000:.2f} ms each{grow})"
            + (" (target < 20 s)" if count == 8000 else "")
        )
        previous = took
    outcomes = sorted((compare(p) for p in fixtures()), key=lambda o: -o.seconds)
    total = sum(o.seconds for o in outcomes)
    slow = ", ".join(f"{o.name} {o.seconds * 1000:.0f} ms" for o in outcomes[:3])
    print(f"real corpus: {len(outcomes)} reports in {total:.2f} s; slowest: {slow}")


if __name__ == "__main__":
    main()
