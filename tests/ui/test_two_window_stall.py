"""Two windows on one file, one of them stalled (SIGSTOP) past the stale time: nothing typed is
lost, the woken window writes nothing over the other's work and says so in its banner.

Each window is a real program process (tests/ui/window_driver.py) typing into the real section
editor. The stale time is shortened by environment variable so a round takes seconds.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.store import lock, repo
from desktop.store.db import open_store
from tests import hostile_files as H

DRIVER = Path(__file__).with_name("window_driver.py")
STALE_S = 2.0
BEAT_S = 0.25
SECTION = "problems"


class Window:
    """A window process and its command/answer files."""

    def __init__(self, db: Path, folder: Path, name: str) -> None:
        self.folder, self.name = folder, name
        self.cmd = folder / f"{name}.cmd"
        self.out = folder / f"{name}.out"
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            **{lock.STALE_ENV: str(STALE_S), lock.HEARTBEAT_ENV: str(BEAT_S)},
        )
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER), str(db), str(folder), name],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.seen = 0
        self.ready = self.next_answer(timeout=60)

    def next_answer(self, timeout: float = 20) -> dict[str, Any]:
        end = time.time() + timeout
        while time.time() < end:
            if self.out.exists():
                lines = self.out.read_text(encoding="utf-8").splitlines()
                if len(lines) > self.seen:
                    self.seen += 1
                    return dict(json.loads(lines[self.seen - 1]))
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise AssertionError(f"window {self.name} exited: {err}")
            time.sleep(0.02)
        raise AssertionError(f"window {self.name} did not answer")

    def send(self, **cmd: Any) -> dict[str, Any]:
        with self.cmd.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(cmd, ensure_ascii=False) + "\n")
        return self.next_answer()

    def wait_for(self, predicate: Any, timeout: float = 30) -> dict[str, Any]:
        end = time.time() + timeout
        state: dict[str, Any] = {}
        while time.time() < end:
            state = self.send(op="state")
            if predicate(state):
                return state
            time.sleep(0.1)
        raise AssertionError(f"window {self.name}: condition not reached; last state {state}")

    def stopped(self) -> bool:
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return fields[0] == "T"

    def end(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGCONT)
            self.proc.kill()
        self.proc.wait()


def _section(db: Path, project_id: int) -> str:
    store = open_store(db, create=False)
    try:
        return repo.load_project(store, project_id).section(SECTION)
    finally:
        store.close()


def _projects(db: Path) -> dict[str, str]:
    store = open_store(db, create=False)
    try:
        rows = repo.list_projects(store)
        return {r.name: repo.load_project(store, r.id).section(SECTION) for r in rows}
    finally:
        store.close()


def _stop_with_pending_typing(a: Window, text: str) -> None:
    answer = a.send(op="type_then_stop", key=SECTION, text=text)
    assert answer["pending"], "the typing should still wait for its autosave when stopped"
    end = time.time() + 10
    while not a.stopped():
        assert time.time() < end, "the window did not stop"
        time.sleep(0.01)


@pytest.fixture
def shared_db(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "shared.db"
    store = open_store(db)
    project = H._project(name="接访费用")
    from desktop.exchange.jsonio import project_from_dict

    pid = repo.insert_project(store, project_from_dict(project, "seed"))
    store.close()
    return db, pid


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc and SIGSTOP")
def test_two_windows_one_stalled_past_the_stale_time_lose_nothing(shared_db, tmp_path):
    db, pid = shared_db
    a = Window(db, tmp_path, "a")
    b: Window | None = None
    try:
        assert not a.ready["read_only"]
        b = Window(db, tmp_path, "b")
        assert b.ready["read_only"] and "自动转为可编辑" in b.ready["banner"]

        a.send(op="select", id=pid)
        a.send(op="type", key=SECTION, text="甲已保存。")
        assert a.send(op="flush")["flushed"]
        assert _section(db, pid) == "甲已保存。"
        assert b.send(op="state")["read_only"]  # A is alive and beating: B waits
        _stop_with_pending_typing(a, "甲停住前输入的文字")

        # B takes the lock over once A's heartbeat is older than the stale time: no restart.
        b.wait_for(lambda s: not s["read_only"], timeout=STALE_S * 10)
        b.send(op="select", id=pid)
        assert b.send(op="state")["text"] == "甲已保存。"
        b.send(op="type", key=SECTION, text="乙接管后输入。")
        assert b.send(op="flush")["flushed"]
        assert _section(db, pid) == "甲已保存。乙接管后输入。"

        a.proc.send_signal(signal.SIGCONT)  # the laptop wakes up: A's autosave fires now
        woke = a.wait_for(lambda s: s["lost"], timeout=STALE_S * 5)
        assert woke["read_only"] and woke["banner_kind"] == "error"
        assert "失去对数据库的写入权" in woke["banner"] and woke["link"] == "save-copy"
        assert woke["text"] == "甲已保存。甲停住前输入的文字"  # kept in A's window
        time.sleep(BEAT_S * 4)  # A's retries and heartbeats: still nothing written by A
        assert _section(db, pid) == "甲已保存。乙接管后输入。"

        copy = tmp_path / "甲的副本.json"
        assert a.send(op="save_copy", path=str(copy))["saved"]
        saved = json.loads(copy.read_text(encoding="utf-8"))
        assert saved["sections"][SECTION] == "甲已保存。甲停住前输入的文字"

        b.send(op="close")  # B gives the lock back: A takes it and keeps its typing as a copy
        b.proc.wait(timeout=20)
        back = a.wait_for(lambda s: not s["read_only"], timeout=STALE_S * 5)
        assert back["banner_kind"] == "notice" and "已另存为新项目" in back["banner"]
        assert back["text"] == "甲已保存。乙接管后输入。"  # A now shows what B wrote
        found = _projects(db)
        assert found.pop("接访费用") == "甲已保存。乙接管后输入。"
        ((copy_name, copy_text),) = found.items()
        assert (
            copy_name.startswith("接访费用（未保存的修改")
            and copy_text == saved["sections"][SECTION]
        )
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    finally:
        a.end()
        if b is not None:
            b.end()


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc and SIGSTOP")
def test_a_cli_import_while_a_window_is_stalled_is_never_overwritten(shared_db, tmp_path):
    db, pid = shared_db
    a = Window(db, tmp_path, "a")
    try:
        a.send(op="select", id=pid)
        _stop_with_pending_typing(a, "停住前输入")
        case = tmp_path / "new.json"
        case.write_text(json.dumps(H._project(name="命令行导入"), ensure_ascii=False), "utf-8")
        env = {**os.environ, lock.STALE_ENV: str(STALE_S)}
        cmd = [sys.executable, "-m", "desktop", "--db", str(db), "import-json", str(case)]
        refused = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
        assert refused.returncode == 2 and "正在被" in refused.stderr  # A is not stale yet
        time.sleep(STALE_S * 1.5)
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr  # took the stale lock for its transaction
        a.proc.send_signal(signal.SIGCONT)
        # A finds it lost the lock to the import, then takes the free lock back and keeps its
        # typing as a copy (its first answers may come before its timers ran: wait for that).
        back = a.wait_for(lambda s: "已另存为新项目" in s["banner"], timeout=STALE_S * 5)
        assert not back["read_only"] and not back["lost"]
        found = _projects(db)
        assert found.pop("接访费用") == ""
        assert found.pop("命令行导入") == ""
        ((copy_name, copy_text),) = found.items()
        assert copy_name.startswith("接访费用（未保存的修改") and copy_text == "停住前输入"
    finally:
        a.end()
