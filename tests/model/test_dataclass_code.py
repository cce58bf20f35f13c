"""The compiled methods of the program's dataclasses, kept between runs: the same classes as
without the cache, nothing compiled a second time, a damaged cache ignored and rewritten.

Each run is its own process (the cache changes how the dataclasses module compiles).
"""

from __future__ import annotations

import json
import marshal
import os
from pathlib import Path

from tests.cli_runner import run_python

PROBE = """
import inspect, json, sys
from desktop.model import dataclass_code
if sys.argv[1] == "cached":
    dataclass_code.install()
from desktop.model.project import Indicator, Project, Unit
compiled, used = dataclass_code.stats()
dataclass_code.save()
unit = Unit("攀枝花市西区信访局", department="攀枝花市西区人民政府")
print(json.dumps({
    "compiled": compiled,
    "used": used,
    "repr": repr(unit),
    "equal": unit == Unit("攀枝花市西区信访局", department="攀枝花市西区人民政府"),
    "differ": unit != Unit("攀枝花市西区信访局"),
    "annotations": {k: repr(v) for k, v in Unit.__init__.__annotations__.items()},
    "signatures": [str(inspect.signature(c.__init__)) for c in (Unit, Indicator, Project)],
    "default_list_fresh": Project(unit, 2024, "甲").indicators is not Project(unit, 2024, "乙").indicators,
}, ensure_ascii=False))
"""


def _run(cache: Path, mode: str) -> dict:
    env = dict(os.environ, JIXIAO_CACHE_DIR=str(cache))
    done = run_python("-c", PROBE, mode, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _same_classes(seen: dict) -> dict:
    return {k: v for k, v in seen.items() if k not in ("compiled", "used")}


def test_the_second_run_compiles_nothing_and_gets_the_same_classes(tmp_path):
    cache = tmp_path / "cache"
    plain = _run(cache, "plain")
    assert plain["compiled"] == 0 and plain["used"] == 0  # not installed: nothing cached
    assert not (cache / "code").exists()

    first = _run(cache, "cached")
    assert first["compiled"] > 20 and first["compiled"] == first["used"]
    assert (cache / "code" / "dataclasses.marshal").is_file()
    second = _run(cache, "cached")
    assert second["compiled"] == 0 and second["used"] == first["used"]

    assert _same_classes(first) == _same_classes(plain)
    assert _same_classes(second) == _same_classes(plain)
    assert plain["equal"] and plain["differ"] and plain["default_list_fresh"]


def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path):
    cache = tmp_path / "cache"
    plain = _run(cache, "plain")
    stored = cache / "code" / "dataclasses.marshal"
    stored.parent.mkdir(parents=True)
    stored.write_bytes(b"\x00not marshal at all")
    first = _run(cache, "cached")
    assert first["compiled"] == first["used"] > 20
    assert _same_classes(first) == _same_classes(plain)

    key, codes = marshal.loads(stored.read_bytes())  # rewritten whole
    assert len(codes) == first["used"]
    codes = {source: b"\x00broken" for source in codes}  # every entry's code damaged
    stored.write_bytes(marshal.dumps((key, codes)))
    again = _run(cache, "cached")
    assert again["compiled"] == again["used"] == first["used"]
    assert _same_classes(again) == _same_classes(plain)
    assert _run(cache, "cached")["compiled"] == 0  # repaired
