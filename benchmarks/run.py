"""Measure studyapp on the generated corpus and print the figures as JSON.

    python benchmarks/run.py                     # 10,000 sessions (generated on first use)
    python benchmarks/run.py --sessions 1000 --json figures.json

The corpus is cached under ``benchmarks/.data/N/``; every run works on copies of it. The
window is measured in child processes (offscreen Qt) so start-up and peak memory are those of
a process that did nothing else. Progress and extra detail go to stderr, the figures to stdout.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
KEYS = (
    "cold_start_s", "switch_p95_ms", "keystroke_p95_ms", "search_p50_ms", "search_p95_ms",
    "scan_p95_ms", "search_vs_scan_ratio", "korean_recall", "import_1000_s", "export_all_s",
    "peak_rss_mb", "db_size_mb", "sessions", "body_save_p95_ms",
)  # fmt: skip
SWITCHES = 200  # a round
SWITCH_ROUNDS = 3
KEYSTROKES = 200
SAVES = 30
NOTE_BYTES = 200_000
SEARCH_REPEATS = 5
SCAN_REPEATS = 5
COLD_RUNS = 3
IMPORT_FILES = 1000
IMPORT_RUNS = 3


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value with p % of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


# -- child processes: the window ------------------------------------------------------------


def child_cold(url: str) -> None:
    """Build the window, show it, print PAINTED once its first paint has finished."""
    # studyapp.app first, as `studyapp` itself starts: the app module loads in its own order.
    from studyapp.app import create_main_window

    from PySide6.QtCore import QEvent, QObject, QTimer  # isort: skip
    from PySide6.QtWidgets import QApplication, QWidget  # isort: skip

    window = create_main_window(url)

    def painted() -> None:
        print("PAINTED", flush=True)
        os._exit(0)  # closing would save window state; the figure is taken already

    class PaintWatcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window() is window
            ):
                QTimer.singleShot(0, painted)  # after this paint pass completes
            return False

    app = QApplication.instance()
    assert app is not None
    watcher = PaintWatcher()
    app.installEventFilter(watcher)
    window.show()
    app.exec()


def _meeting_log(words: Any, rng: random.Random, size: int) -> str:
    """Minutes of many meetings in one document, about ``size`` bytes: a heading per talk
    with a paragraph of notes, a quoted question and a to-do under it."""
    people = ("민준", "서연", "Alice", "Bob", "지호")
    parts: list[str] = []
    total = 0
    number = 0
    while total < size:
        number += 1
        who = people[number % len(people)]
        block = (
            f"## {who}: Paper {number} (ICML 2024)\n\n{words.text(rng, 900)}\n\n"
            f"> {words.text(rng, 120)}\n\n- [ ] {who}: follow up {number} 📅 2025-03-10\n\n"
        )
        parts.append(block)
        total += len(block.encode())
    return "".join(parts)


def child_gui(url: str) -> None:
    """Session switches and keystrokes in one window; prints one JSON line."""
    import resource

    from generate import vocabularies
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from studyapp.app import create_main_window
    from studyapp.core.services.sessions import SessionService

    rng = random.Random(7)
    window = create_main_window(url)
    window.show()
    QApplication.processEvents()
    model, view = window.sidebar.model, window.sidebar.view
    while model.canFetchMore():  # as if the user had scrolled to the oldest session
        model.fetchMore()
    count = model.rowCount()
    # Rounds of switches, each to its own random rows; the median round is reported. A
    # shared or virtual machine has bursts of slowness that can fill a whole round.
    rounds: list[tuple[float, float]] = []
    for _ in range(SWITCH_ROUNDS):
        switches: list[float] = []
        for row in [rng.randrange(count) for _ in range(SWITCHES)]:
            index = model.index(row)
            started = time.perf_counter()
            view.setCurrentIndex(index)
            QApplication.processEvents()
            switches.append(time.perf_counter() - started)
            assert window.session_id == model.data(index, Qt.ItemDataRole.UserRole + 1)
        rounds.append((ms(percentile(switches, 50)), ms(percentile(switches, 95))))

    # A 200 KB meeting log (talk headings, notes, to-dos), typed into in the middle.
    target = next(
        int(model.data(model.index(row), Qt.ItemDataRole.UserRole + 1))
        for row in range(count)
        if model.data(model.index(row), Qt.ItemDataRole.UserRole + 1) != window.session_id
    )
    mixed, _ = vocabularies()
    text = _meeting_log(mixed, random.Random(11), NOTE_BYTES)
    SessionService(window.database).set_body(target, text)
    window.select_session(target)
    QApplication.processEvents()
    editor = window.body_editor
    assert len(editor.toPlainText().encode()) >= NOTE_BYTES * 0.9, "the big note did not load"
    cursor = editor.textCursor()
    cursor.setPosition(len(editor.toPlainText()) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    QApplication.processEvents()
    keys = [Qt.Key.Key_A, Qt.Key.Key_E, Qt.Key.Key_N, Qt.Key.Key_S, Qt.Key.Key_Space]
    strokes: list[float] = []
    for _ in range(KEYSTROKES):
        key = rng.choice(keys)
        started = time.perf_counter()
        QTest.keyClick(editor, key)
        editor.viewport().repaint()
        QApplication.processEvents()
        strokes.append(time.perf_counter() - started)
    # Saves of the whole document after one more keystroke each: what the pause after
    # typing costs (the text, its structure derived again, rows kept in step, the index).
    saves: list[float] = []
    for _ in range(SAVES):
        QTest.keyClick(editor, rng.choice(keys))
        started = time.perf_counter()
        window.flush()
        QApplication.processEvents()
        saves.append(time.perf_counter() - started)
    typed = len(editor.toPlainText()) - len(text)
    window.close()
    QApplication.processEvents()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(
        json.dumps(
            {
                "switch_p50_ms": statistics.median(p50 for p50, _ in rounds),
                "switch_p95_ms": statistics.median(p95 for _, p95 in rounds),
                "switch_rounds_p95_ms": [p95 for _, p95 in rounds],
                "keystroke_p50_ms": ms(percentile(strokes, 50)),
                "keystroke_p95_ms": ms(percentile(strokes, 95)),
                "body_save_p50_ms": ms(percentile(saves, 50)),
                "body_save_p95_ms": ms(percentile(saves, 95)),
                "typed": typed,
                "peak_rss_mb": round(peak_kb / 1024, 1),
            }
        ),
        flush=True,
    )


# -- the parent -----------------------------------------------------------------------------


def child_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["STUDYAPP_DATA_DIR"] = str(work / "data")  # settings and backups stay in the tmp dir
    env.pop("STUDYAPP_DATABASE_URL", None)
    return env


def spawn(mode: str, url: str, env: dict[str, str]) -> subprocess.Popen[str]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, url]
    # The offscreen platform warns on every window resize; keep the log readable.
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def child_errors(text: str) -> None:
    for line in text.splitlines():
        if "propagateSizeHints" not in line:
            log(f"  child: {line}")


def speed_check() -> float:
    """Seconds for a fixed pure-Python loop, best of three.

    Shared and virtual machines change speed over a day; two runs' figures only compare
    when this does.
    """
    best = math.inf
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(3_000_000):
            total += number
        best = min(best, time.perf_counter() - started)
    return best


def compile_bytecode() -> None:
    """Write studyapp's bytecode, as an installed package has it.

    ``pip install`` compiles every module; a source checkout under
    ``PYTHONDONTWRITEBYTECODE`` never does, and every start would then compile studyapp
    from source first, which no user's start does.
    """
    import compileall

    import studyapp

    compileall.compile_dir(str(Path(studyapp.__file__).parent), quiet=1)


def cold_start(url: str, env: dict[str, str]) -> float:
    """Seconds from spawning a process to its first painted window; median of a few runs,
    after one untimed start that brings the libraries into the OS's file cache."""
    compile_bytecode()
    runs: list[float] = []
    for _ in range(1 + COLD_RUNS):
        started = time.perf_counter()
        child = spawn("cold", url, env)
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - started
        _, errors = child.communicate(timeout=60)
        child_errors(errors)
        if line.strip() != "PAINTED":
            raise RuntimeError(f"the cold-start child failed (exit {child.returncode})")
        runs.append(elapsed)
    warm_up, runs = runs[0], runs[1:]
    timed_runs = ", ".join(f"{run:.3f}" for run in runs)
    log(f"cold start runs: {timed_runs} s (untimed first start: {warm_up:.3f} s)")
    return statistics.median(runs)


def gui_figures(url: str, env: dict[str, str]) -> dict[str, Any]:
    child = spawn("gui", url, env)
    output, errors = child.communicate(timeout=900)
    child_errors(errors)
    if child.returncode != 0:
        raise RuntimeError(f"the window child failed (exit {child.returncode})")
    figures: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    log(f"window: {figures}")
    return figures


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def search_figures(url: str, truth: dict[str, list[int]]) -> dict[str, float]:
    from queries import ALL_QUERIES, KOREAN_QUERIES

    from studyapp.core.db import open_database
    from studyapp.core.services.search import SearchService

    database = open_database(url)
    service = SearchService(database)
    hits_of = getattr(service, "search_hits", None)

    def top20(query: str) -> object:
        if hasattr(service, "search"):
            return service.search(query, limit=20)
        return hits_of(query, limit=20, offset=0)  # type: ignore[misc]

    def every_session(query: str) -> set[int]:
        if hits_of is not None:
            hits = hits_of(query, limit=100_000, offset=0).hits
        else:
            hits = service.search(query, limit=100_000)
        return {hit.session_id for hit in hits if hit.session_id is not None}

    top20(ALL_QUERIES[0])  # the first query pays for connecting; not a user-visible cost
    repeats = SEARCH_REPEATS
    times: list[float] = []
    per_query: dict[str, float] = {}
    for query in ALL_QUERIES:
        runs = [timed(lambda query=query: top20(query)) for _ in range(repeats)]
        if runs[0] > 2 and repeats > 1:
            repeats = 1  # a scanning search would take many minutes at 10k sessions
            log("search is slow; timing each further query once")
        times += runs
        per_query[query] = ms(statistics.median(runs))
    log(f"search median per query (ms): {json.dumps(per_query, ensure_ascii=False)}")
    found = expected = 0
    for query in KOREAN_QUERIES:
        wanted = set(truth[query])
        got = every_session(query)
        expected += len(wanted)
        found += len(wanted & got)
        if wanted - got:
            log(f"recall: {query!r} missed {len(wanted - got)} of {len(wanted)} sessions")
    database.dispose()
    return {
        "search_p50_ms": ms(percentile(times, 50)),
        "search_p95_ms": ms(percentile(times, 95)),
        "korean_recall": round(found / expected, 4) if expected else 1.0,
    }


def scan_p95(folder: Path) -> float:
    from queries import ALL_QUERIES

    rg = shutil.which("rg")
    tool = [rg, "-c", "-F"] if rg else ["grep", "-rlF"]
    log(f"scan baseline: {'ripgrep' if rg else 'grep'} over {folder}")
    times = [
        timed(lambda q=query: subprocess.run([*tool, "--", q, str(folder)], capture_output=True))  # type: ignore[misc]
        for query in ALL_QUERIES
        for _ in range(SCAN_REPEATS)
    ]
    return ms(percentile(times, 95))


def export_seconds(url: str, target: Path) -> float:
    from studyapp.core.db import open_database
    from studyapp.core.services.exports import ExportService

    database = open_database(url)
    try:
        return timed(lambda: ExportService(database).export(target))
    finally:
        database.dispose()


def import_seconds(markdown: Path, work: Path) -> float:
    """Seconds to import the first files into a fresh database; median of a few runs."""
    from studyapp.core.db import open_database
    from studyapp.core.services.imports import ImportService

    files = sorted(markdown.glob("*.md"))[:IMPORT_FILES]
    if len(files) < IMPORT_FILES:
        log(f"import: only {len(files)} files in a corpus of this size")
    runs: list[float] = []
    for run in range(IMPORT_RUNS):
        database = open_database(f"sqlite:///{work / f'import-{run}.sqlite3'}")
        try:
            started = time.perf_counter()
            report = ImportService(database).import_paths(files)
            runs.append(time.perf_counter() - started)
            if report.failed:
                log(f"import: {len(report.failed)} files failed, e.g. {report.failed[0].message}")
        finally:
            database.dispose()
    log(f"import runs: {', '.join(f'{run:.2f}' for run in runs)} s")
    return statistics.median(runs)


def ensure_corpus(sessions: int, data_dir: Path, seed: int) -> Path:
    corpus = data_dir / str(sessions)
    if not (corpus / "meta.json").is_file():
        log(f"generating {sessions} sessions into {corpus} (once; later runs reuse it)")
        command = [sys.executable, str(HERE / "generate.py"), "--sessions", str(sessions)]
        subprocess.run([*command, "--out", str(corpus), "--seed", str(seed)], check=True)
    bring_up_to_date(corpus)
    return corpus


def bring_up_to_date(corpus: Path) -> None:
    """Migrate a cached corpus made by an older studyapp and build its index if now possible,
    so neither lands in a timed figure."""
    from generate import reindex

    from studyapp.core.db import open_database

    meta_file = corpus / "meta.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    database = open_database(f"sqlite:///{corpus / 'studyapp.sqlite3'}")
    try:
        if not meta.get("indexed"):
            note = reindex(database)
            if note is not None:
                log(f"cached corpus: {note}")
                meta |= {"indexed": True, "index": note}
                meta_file.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    finally:
        database.dispose()


# Which figures each step gives; ``--only`` runs just the steps its keys need.
STEPS = {
    "cold": ("cold_start_s",),
    "search": ("search_p50_ms", "search_p95_ms", "korean_recall", "search_vs_scan_ratio"),
    "scan": ("scan_p95_ms", "search_vs_scan_ratio"),
    "export": ("export_all_s",),
    "import": ("import_1000_s",),
    "window": ("switch_p95_ms", "keystroke_p95_ms", "body_save_p95_ms", "peak_rss_mb"),
}


def measure(
    sessions: int, data_dir: Path, seed: int, only: Sequence[str] = KEYS
) -> dict[str, Any]:
    wanted = {step for step, keys in STEPS.items() if set(keys) & set(only)}
    if "search_vs_scan_ratio" in only:
        wanted |= {"search", "scan"}
    with tempfile.TemporaryDirectory(prefix="studyapp-bench-") as temporary:
        work = Path(temporary)
        os.environ["STUDYAPP_DATA_DIR"] = str(work / "data")  # no backups in the user's folder
        corpus = ensure_corpus(sessions, data_dir, seed)
        database_file = corpus / "studyapp.sqlite3"
        with sqlite3.connect(database_file) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = sum(p.stat().st_size for p in corpus.glob("studyapp.sqlite3*") if p.is_file())
        truth = json.loads((corpus / "ground_truth.json").read_text(encoding="utf-8"))["queries"]
        figures: dict[str, Any] = {"sessions": sessions, "db_size_mb": round(size / 1e6, 1)}
        env = child_env(work)
        shutil.copy2(database_file, work / "bench.sqlite3")
        url = f"sqlite:///{work / 'bench.sqlite3'}"
        log(f"machine speed: a fixed Python loop takes {speed_check():.3f} s (compare runs by it)")
        if "cold" in wanted:
            log("cold start…")
            figures["cold_start_s"] = round(cold_start(url, env), 3)
        if "search" in wanted:
            log("search and recall…")
            figures |= search_figures(url, truth)
        if "scan" in wanted:
            log("scan baseline…")
            figures["scan_p95_ms"] = scan_p95(corpus / "markdown")
        if "search" in wanted and "scan" in wanted:
            figures["search_vs_scan_ratio"] = round(
                figures["scan_p95_ms"] / max(figures["search_p95_ms"], 0.001), 1
            )
        if "export" in wanted:
            log("export…")
            figures["export_all_s"] = round(export_seconds(url, work / "export"), 2)
        if "import" in wanted:
            log("import…")
            figures["import_1000_s"] = round(import_seconds(corpus / "markdown", work), 2)
        log(f"machine speed, again: {speed_check():.3f} s")
        if "window" in wanted:
            log("session switches and keystrokes…")
            window = gui_figures(url, env)
            shown = ("switch_p95_ms", "keystroke_p95_ms", "body_save_p95_ms", "peak_rss_mb")
            figures |= {k: window[k] for k in shown}
    return {key: figures[key] for key in KEYS if key in only}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--data-dir", type=Path, default=HERE / ".data", help="corpus cache")
    parser.add_argument("--seed", type=int, default=20250310)
    parser.add_argument(
        "--only",
        type=lambda text: [key.strip() for key in text.split(",") if key.strip()],
        default=list(KEYS),
        metavar="KEY[,KEY]",
        help="measure only these figures (e.g. cold_start_s,switch_p95_ms)",
    )
    parser.add_argument("--child", nargs=2, metavar=("MODE", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, url = args.child
        (child_cold if mode == "cold" else child_gui)(url)
        return 0
    if args.sessions < 1:
        parser.error("--sessions must be at least 1")
    unknown = set(args.only) - set(KEYS)
    if unknown:
        parser.error(f"--only: no such figure {', '.join(sorted(unknown))}")
    figures = measure(args.sessions, args.data_dir, args.seed, args.only)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
