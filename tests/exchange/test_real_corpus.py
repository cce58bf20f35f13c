"""The real-report corpus: every fixture imports (or is refused with one clear line), and the
stated facts recovered never fall below what was recovered when the baseline was recorded.

The per-report table: ``python -m tests.exchange.real_corpus`` (``-v`` lists each miss).
Record a new baseline after an improvement: ``python -m tests.exchange.real_corpus --baseline``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.exchange.real_corpus import BASELINE, compare, fixtures, table

REPORTS = fixtures()


@pytest.mark.parametrize("report", REPORTS, ids=[p.name for p in REPORTS])
def test_report_recovers_its_facts(report: Path) -> None:
    outcome = compare(report)
    if not outcome.accepted:
        assert outcome.error and "\n" not in outcome.error, outcome.error
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.is_file() else {}
    floor = baseline.get(report.name)
    if floor is not None:
        assert outcome.recovered >= floor, (
            f"{report.name}: {outcome.recovered} facts recovered, baseline {floor}; "
            f"missed: {'; '.join(outcome.misses)}"
        )


def test_corpus_table_prints(capsys: pytest.CaptureFixture[str]) -> None:
    if not REPORTS:
        pytest.skip("no real reports in tests/fixtures/real yet")
    outcomes = [compare(p) for p in REPORTS]
    text = table(outcomes)
    print(text)
    assert text.count("\n| ") == len(outcomes) + 1
    assert "stated facts recovered" in text
