"""Speed against the floor: every goal measured beside what it is compared with, in one run.

Run: python bench/bench_all.py [--pairs N] [--no-libreoffice] [--only window,pdf,cli,switch,typing,memory,batch]

Prints a Markdown table (the README's bench table): for each goal this program's figure, the
figure it is compared with (a bare PySide6 window, LibreOffice on the same report, Python's own
start, or the goal's limit), their ratio, the target and whether it is met.

Paired measurements alternate the two sides (A B, B A, …) so that a busy machine slows both
alike; figures are medians. Start-up figures are whole processes with bytecode cached, as an
installed program runs; each side runs once before the measured pairs.
"""

from __future__ import annotations

import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURE = ROOT / "tests" / "fixtures" / "seed003_baoan.json"
SHOWN = "JIXIAO_SHOWN"

# The floor of the window goal: a bare PySide6 window with a tab widget and a table, the same
# size as the program's first window, reporting its first paint exactly as the program does.
BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QTableWidget

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False

def done():
    print("PAINTED", flush=True)
    if "--stay" not in sys.argv:
        app.quit()

app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
tabs.addTab(QTableWidget(20, 8), "表格")
window.setCentralWidget(tabs)
window.resize(1280, 760)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


@dataclass
class Row:
    """One line of the table."""

    goal: str
    ours: str
    other: str
    ratio: str
    target: str
    met: str


@dataclass(frozen=True)
class Sample:
    """One measured run: wall-clock and CPU milliseconds (CPU of every thread and child)."""

    wall: float
    cpu: float


def fmt_ms(ms: float) -> str:
    """Milliseconds as the table shows them."""
    return f"{ms:.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def both(sample: Sample) -> str:
    """ "480 ms（CPU 210 ms）"."""
    return f"{fmt_ms(sample.wall)}（CPU {fmt_ms(sample.cpu)}）"


def verdict(wall_ok: bool, cpu_ok: bool | None = None) -> str:
    """The table's last column: met by the wall clock, and by CPU time where that differs."""
    if cpu_ok is None or cpu_ok == wall_ok:
        return "是" if wall_ok else "否"
    return "墙钟否，CPU 是" if cpu_ok else "墙钟是，CPU 否"


# ----- processes ---------------------------------------------------------------------------------
def clean_env(home: Path) -> dict[str, str]:
    """The environment of a measured process: bytecode cached, settings and caches in ``home``."""
    skip = ("PYTHONDONTWRITEBYTECODE", "JIXIAO_CACHE_DIR", "JIXIAO_DB")
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        JIXIAO_LOG_DIR=str(home / "logs"),
    )
    return env


def cpu_so_far(pid: int) -> float:
    """CPU milliseconds a running process has used so far, threads that already ended included.

    Linux's CPU-time clock of another process (clock_getcpuclockid: ``(~pid << 3) | 2``) counts
    every thread the process ever had; summing /proc/PID/task/*/schedstat would miss a thread
    that finished before the measurement (the window's file check, for one).
    """
    try:
        return time.clock_gettime(((~pid) << 3) | 2) * 1000
    except OSError:  # not Linux: the live threads only
        total = 0
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                total += int((task / "schedstat").read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue
        return total / 1e6


def until_line(cmd: list[str], env: dict[str, str], marker: str) -> Sample:
    """From starting ``cmd`` until it prints ``marker`` (then it may finish on its own)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    found = None
    for line in proc.stdout:
        if line.strip() == marker and found is None:
            found = Sample((time.perf_counter() - start) * 1000, cpu_so_far(proc.pid))
    proc.wait(timeout=120)
    if found is None:
        raise RuntimeError(f"{cmd[:3]} never printed {marker}")
    return found


def whole_run(cmd: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> Sample:
    """A whole process (its children included in the CPU time) that must end with ``ok``."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise RuntimeError(
            f"{cmd[:4]} → {proc.returncode}: {err.decode('utf-8', 'replace')[-300:]}"
        )
    return Sample(wall, (usage.ru_utime + usage.ru_stime) * 1000)


def median_sample(samples: list[Sample]) -> Sample:
    """Median wall and median CPU (each on its own)."""
    return Sample(
        statistics.median(s.wall for s in samples), statistics.median(s.cpu for s in samples)
    )


def paired(a: Callable[[], Sample], b: Callable[[], Sample], pairs: int) -> tuple[Sample, Sample]:
    """Medians of ``a`` and ``b`` run in alternating order (A B, B A, …) after one warm-up each."""
    a()
    b()
    xs: list[Sample] = []
    ys: list[Sample] = []
    for k in range(pairs):
        if k % 2 == 0:
            xs.append(a())
            ys.append(b())
        else:
            ys.append(b())
            xs.append(a())
    return median_sample(xs), median_sample(ys)


# ----- data ------------------------------------------------------------------------------------------
def sample_project():
    """The 保安费用 report of 攀枝花市西区信访局 (tests/fixtures), a real self-evaluation."""
    from desktop.exchange.jsonio import read_projects

    return read_projects(FIXTURE)[0]


def make_db(path: Path, count: int, big_indicators: int = 0) -> list[int]:
    """A database of ``count`` copies of the sample (first one with ``big_indicators`` rows)."""
    from desktop.store import repo
    from desktop.store.db import open_store

    base = sample_project()
    store = open_store(path)
    ids = []
    with store.transaction():
        for i in range(count):
            project = copy.deepcopy(base)
            project.unit.name = f"第{i % 50 + 1:02d}单位"
            project.year = 2019 + (i // 50) % 5
            project.name = f"{base.name}{i:05d}"
            if i == 0 and big_indicators:
                row = project.indicators[0]
                project.indicators = [copy.deepcopy(row) for _ in range(big_indicators)]
                for k, ind in enumerate(project.indicators):
                    ind.level3 = f"{row.level3}{k}"
                    ind.weight = Decimal("0.18")
            ids.append(repo.insert_project(store, project))
    store.close()
    return ids


# ----- the goals ---------------------------------------------------------------------------------
def window_rows(small: Path, big: Path, home: Path, pairs: int) -> list[Row]:
    """Start → first paint of the window vs the bare PySide6 window."""
    env = dict(clean_env(home), JIXIAO_QUIT_AFTER_SHOW="1")
    bare = [sys.executable, "-c", BARE_WINDOW]
    rows = []
    for db, label in ((small, "1 个项目"), (big, "10 000 个项目")):
        ours = [sys.executable, "-m", "desktop", "--db", str(db)]
        mine, floor = paired(
            lambda c=ours: until_line(c, env, SHOWN),
            lambda: until_line(bare, env, "PAINTED"),
            pairs,
        )
        wall, cpu = mine.wall / floor.wall, mine.cpu / floor.cpu
        rows.append(
            Row(
                f"窗口可用：启动到首次绘制（{label}）",
                both(mine),
                f"空白 PySide6 窗口（标签页 + 表格）{both(floor)}",
                f"墙钟 {wall:.2f}×；CPU {cpu:.2f}×",
                "≤ 1.5×",
                verdict(wall <= 1.5, cpu <= 1.5),
            )
        )
    return rows


def report_docx(project, path: Path) -> None:
    """The same report as a .docx: title, headings, paragraphs, the indicator table, 落款."""
    from docx import Document
    from docx.shared import Pt

    from desktop.model.forms import load_form

    form = load_form(project.form)
    doc = Document()
    doc.add_heading(form.title, 0)
    doc.add_paragraph(f"（{project.name}）")
    for entry in form.outline:
        doc.add_heading(entry.title, min(entry.level, 3))
        if entry.key:
            for para in project.section(entry.key).split("\n"):
                doc.add_paragraph(para).paragraph_format.first_line_indent = Pt(32)
        if entry.indicator_table:
            table = doc.add_table(rows=1, cols=7)
            heads = ("一级", "二级", "三级", "指标值", "实际", "分值", "得分")
            for cell, text in zip(table.rows[0].cells, heads, strict=True):
                cell.text = text
            for ind in project.indicators:
                values = (ind.level1, ind.level2, ind.level3, ind.target, ind.actual)
                values += (str(ind.weight), str(ind.score))
                for cell, text in zip(table.add_row().cells, values, strict=True):
                    cell.text = text
    doc.add_paragraph(project.unit.name)
    doc.save(str(path))


def libreoffice(home: Path) -> list[str]:
    """The LibreOffice command with its own profile folder (made during the warm-up run)."""
    return ["libreoffice", f"-env:UserInstallation=file://{home / 'lo-profile'}", "--headless"]


def pdf_rows(small: Path, home: Path, pairs: int) -> list[Row]:
    """One report to PDF as a whole process vs LibreOffice converting the same report (.docx)."""
    env = clean_env(home)
    out = home / "pdf"
    out.mkdir()
    docx = out / "report.docx"
    report_docx(sample_project(), docx)
    counter = iter(range(10**6))

    def ours() -> Sample:
        target = out / f"ours-{next(counter)}.pdf"
        return whole_run([sys.executable, "-m", "desktop", "--db", str(small), "export-pdf", "1",
                          "--out", str(target)], env)  # fmt: skip

    lo_cmd = [*libreoffice(home), "--convert-to", "pdf", "--outdir", str(out / "lo"), str(docx)]
    mine, theirs = paired(ours, lambda: whole_run(lo_cmd, env), pairs)
    wall, cpu = theirs.wall / mine.wall, theirs.cpu / mine.cpu
    rows = [
        Row(
            "一份报告 PDF（整个进程，字体缓存已建立）",
            both(mine),
            f"LibreOffice 转换同一报告的 .docx {both(theirs)}",
            f"快：墙钟 {wall:.1f}×；CPU {cpu:.1f}×",
            "≥ 4×",
            verdict(wall >= 4, cpu >= 4),
        )
    ]
    cold = median_sample(
        [_cold_pdf(ours, home / "cache") for _ in range(max(3, pairs // 2))]
    )  # the first PDF after installing or after a font file changed
    rows.append(
        Row(
            "一份报告 PDF（无字体缓存：首次运行或字体文件变化后）",
            both(cold),
            f"LibreOffice {both(theirs)}",
            f"快：墙钟 {theirs.wall / cold.wall:.1f}×；CPU {theirs.cpu / cold.cpu:.1f}×",
            "—",
            "—",
        )
    )
    return rows


def _cold_pdf(run: Callable[[], Sample], cache: Path) -> Sample:
    """One PDF run with the program's font cache removed first."""
    import shutil

    shutil.rmtree(cache / "jixiao", ignore_errors=True)
    return run()


def cli_rows(small: Path, mid: Path, home: Path, pairs: int) -> list[Row]:
    """Commands that print no document, each a whole process, vs Python starting and stopping."""
    env = clean_env(home)
    python = [sys.executable, "-c", "pass"]
    rows = []
    commands = (
        ("list", small, ["list"]),
        ("list（1000 个项目）", mid, ["list"]),
        ("show --json", small, ["show", "1", "--json"]),
        ("score --json", small, ["score", "1", "--json"]),
        ("check（审核）", small, ["check", "1"]),
        ("profiles", small, ["profiles"]),
    )
    for label, db, args in commands:
        cmd = [sys.executable, "-m", "desktop", "--db", str(db), *args]
        mine, floor = paired(
            lambda c=cmd: whole_run(c, env, ok=(0, 1)), lambda: whole_run(python, env), pairs
        )
        rows.append(
            Row(
                f"命令行 {label}",
                both(mine),
                f"Python 自身启动 {both(floor)}",
                f"墙钟 {mine.wall / floor.wall:.1f}×",
                "< 100 ms",
                verdict(mine.wall < 100, mine.cpu < 100),
            )
        )
    return rows


# ----- inside one window (a child process, so that its Qt and memory are its own) ---------------
def in_window(kind: str, db: Path, home: Path, *extra: str) -> list[str]:
    """Run bench/window_probe.py KIND DB and return its output lines."""
    probe = ROOT / "bench" / "window_probe.py"
    done = subprocess.run(
        [sys.executable, str(probe), kind, str(db), *extra],
        cwd=ROOT,
        env=clean_env(home),
        capture_output=True,
        text=True,
        timeout=900,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-500:])
    return done.stdout.split()


def switch_row(mid: Path, home: Path) -> Row:
    """Median and worst time to switch between projects of a 1000-project file."""
    median, worst = (float(x) for x in in_window("switch", mid, home))
    return Row(
        "切换项目（1000 个项目，中位数；最慢一次）",
        f"{fmt_ms(median)}（最慢 {fmt_ms(worst)}）",
        "目标上限 50 ms",
        f"{median / 50:.2f}×",
        "< 50 ms",
        verdict(median < 50),
    )


def typing_row(mid: Path, home: Path, runs: int = 3) -> list[Row]:
    """Longest event-loop stall while typing 10 s in a section with autosave, vs a bare editor
    (the longest stall of each 10 s, median of ``runs`` alternating runs per side)."""
    mine: list[list[float]] = []
    floor: list[list[float]] = []
    for _ in range(runs):
        mine.append([float(x) for x in in_window("typing", mid, home)])
        floor.append([float(x) for x in in_window("typing-bare", mid, home)])
    ours = [statistics.median(run[k] for run in mine) for k in range(4)]
    ours[3] = max(run[3] for run in mine)  # the longest write of all runs
    bare = [statistics.median(run[k] for run in floor) for k in range(2)]
    cpu_ok = ours[1] <= 16
    return [
        Row(
            f"输入时事件循环最长停顿（连续输入 10 秒，含自动保存与审核；{runs} 次的中位数）",
            f"{fmt_ms(ours[1])}（墙钟 {fmt_ms(ours[0])}）",
            f"空白 QPlainTextEdit {fmt_ms(bare[1])}（墙钟 {fmt_ms(bare[0])}）",
            f"{ours[1] / max(bare[1], 0.1):.1f}×",
            "≤ 16 ms",
            verdict(cpu_ok),
        ),
        Row(
            "　其中：自动保存写入次数；写入最长",
            f"{ours[2]:.0f} 次；{fmt_ms(ours[3])}",
            "—",
            "—",
            "—",
            "—",
        ),
    ]


def memory_row(big: Path, big_id: int, home: Path) -> Row:
    """Peak memory of the window with the 10 000-project file and a 500-row grid shown."""
    mine = float(in_window("memory", big, home, str(big_id))[0])
    bare = float(in_window("memory-bare", big, home)[0])
    return Row(
        "内存峰值（10 000 个项目，显示 500 行指标表）",
        f"{mine:.0f} MB",
        f"空白 PySide6 窗口 {bare:.0f} MB",
        f"{mine / bare:.2f}×",
        "< 150 MB",
        verdict(mine < 150),
    )


# ----- reference rows (no goal of their own) ----------------------------------------------------
def batch_row(home: Path, lo: bool) -> Row:
    """A 100-report 合订本 in one process vs LibreOffice converting 100 .docx in one call."""
    from desktop.exchange.pdf.batch import write_batch_pdf

    base = sample_project()
    projects = []
    for i in range(100):
        p = copy.deepcopy(base)
        p.name = f"{base.name}{i + 1:03d}"
        projects.append(p)
    start = time.perf_counter()
    write_batch_pdf(projects, home / "batch.pdf", "合订本")
    mine = (time.perf_counter() - start) * 1000
    if not lo:
        return Row("100 份报告合订本 PDF", f"{mine / 1000:.1f} s", "—", "—", "—", "—")
    folder = home / "docx100"
    folder.mkdir()
    for i, p in enumerate(projects):
        report_docx(p, folder / f"r{i:03d}.docx")
    docs = sorted(str(p) for p in folder.glob("*.docx"))
    cmd = [*libreoffice(home), "--convert-to", "pdf", "--outdir", str(home / "lo100"), *docs]
    theirs = whole_run(cmd, clean_env(home)).wall
    return Row(
        "100 份报告合订本 PDF（参考）",
        f"{mine / 1000:.1f} s",
        f"LibreOffice 转换 100 个 .docx {theirs / 1000:.1f} s",
        f"快 {theirs / mine:.1f}×",
        "—",
        "—",
    )


def guarded(name: str, fn: Callable[[], list[Row]]) -> list[Row]:
    """One measurement; a failure becomes a line in the table, not a crash."""
    try:
        return fn()
    except Exception as exc:  # a benchmark must report, not stop
        return [Row(name, f"未测（{type(exc).__name__}: {exc}）", "", "", "", "")]


def main() -> int:
    """Build the files, measure every goal, print the table."""
    pairs = int(sys.argv[sys.argv.index("--pairs") + 1]) if "--pairs" in sys.argv else 7
    lo = "--no-libreoffice" not in sys.argv
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None

    def wanted(name: str) -> bool:
        return only is None or name in only

    with tempfile.TemporaryDirectory() as tmpdir:
        home = Path(tmpdir)
        small, mid, big = home / "one.db", home / "mid.db", home / "big.db"
        start = time.perf_counter()
        make_db(small, 1)
        if wanted("cli") or wanted("switch") or wanted("typing"):
            make_db(mid, 1000)
        big_ids = [1]
        if wanted("window") or wanted("memory"):
            big_ids = make_db(big, 10_000, big_indicators=500)
        built = time.perf_counter() - start
        rows: list[Row] = []
        if wanted("window"):
            rows += guarded("窗口可用", lambda: window_rows(small, big, home, pairs))
        if lo and wanted("pdf"):
            rows += guarded("PDF", lambda: pdf_rows(small, home, pairs))
        if wanted("cli"):
            rows += guarded("命令行", lambda: cli_rows(small, mid, home, pairs))
        if wanted("switch"):
            rows += guarded("切换项目", lambda: [switch_row(mid, home)])
        if wanted("typing"):
            rows += guarded("输入", lambda: typing_row(mid, home))
        if wanted("memory"):
            rows += guarded("内存", lambda: [memory_row(big, big_ids[0], home)])
        if wanted("batch"):
            rows += guarded("合订本", lambda: [batch_row(home, lo)])
    load = os.getloadavg()[0]
    print(
        f"（Python {sys.version.split()[0]}，{os.cpu_count()} 核，测量结束时负载 {load:.1f}；"
        f"每项 {pairs} 对交替测量取中位数；建库用时 {built:.0f} s）\n"
    )
    print("| 目标 | 本程序 | 对照 | 比值 | 目标值 | 达到 |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r.goal} | {r.ours} | {r.other} | {r.ratio} | {r.target} | {r.met} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
