"""Shared fixtures: a fresh database file, the seeds folder, a realistic project."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS = REPO_ROOT.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _caches_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The parsed-font cache of the test run lives in a temporary folder, not the user's."""
    os.environ["JIXIAO_CACHE_DIR"] = str(tmp_path_factory.mktemp("jixiao-cache"))


@pytest.fixture
def seeds_dir() -> Path:
    """The folder of the real published reports; skip when it is absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return SEEDS


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh database file."""
    return tmp_path / "jixiao.db"


@pytest.fixture
def fresh_store(db_path: Path):
    """An open, empty store on a real file."""
    from desktop.store.db import open_store

    store = open_store(db_path)
    yield store
    store.close()


@pytest.fixture
def sample_project():
    """A realistic 自评 project (保安费用-like) with funds, sections and indicators."""
    from desktop.model.project import (
        Execution,
        Funds,
        FundsRow,
        Goals,
        Indicator,
        Project,
        Unit,
    )

    d = Decimal
    funds = Funds()
    funds.rows["total"] = FundsRow("total", d("80000.00"), d("80000.00"), d("80000.00"))
    funds.rows["fiscal"] = FundsRow("fiscal", d("80000.00"), d("80000.00"), d("80000.00"))
    return Project(
        unit=Unit(name="攀枝花市西区信访局", department="攀枝花市西区人民政府"),
        year=2023,
        name="保安费用",
        form="self_evaluation",
        signed_date=dt.date(2024, 1, 25),
        funds=funds,
        execution=Execution(d(10), None),
        goals=Goals("保障本年度内两名保安人员的经费", "全年保障到位"),
        sections={
            "basic_info": "保障本年度内两名保安人员的经费，确保信访安保工作质量。",
            "conclusion": "该项目资金预期产出和效果能满足需求。",
            "problems": "无。",
        },
        indicators=[
            Indicator("产出指标", "数量指标", "保安人员数量", "≥2人", "2人", d(20), d(20)),
            Indicator(
                "产出指标", "质量指标", "安保工作质量", "达成年度指标", "达成年度指标", d(10), d(10)
            ),
            Indicator("产出指标", "时效指标", "保障时限", "全年", "全年", d(10), d(10)),
            Indicator("产出指标", "成本指标", "保安费用", "≤8万元", "8万元", d(10), d(10)),
            Indicator(
                "效益指标",
                "社会效益",
                "信访工作顺利开展",
                "达成年度指标",
                "达成年度指标",
                d(30),
                d(30),
            ),
            Indicator("满意度指标", "服务对象满意度", "群众满意度", "≥90%", "95%", d(10), d(10)),
        ],
    )
