"""Search measured like with like, from Markdown files, against ripgrep on the same files.

    python benchmarks/search_from_files.py --notes 10000
    python benchmarks/search_from_files.py --notes 50000 --runs 5 --json out.json

Writes the corpus of ``file_corpus.py`` as files, imports them with ``studyapp import`` in
a child process (its time and its own peak memory), then for every fixed query: top-20,
every match and the exact count in this process; the same as ``studyapp search`` processes
(``search``, ``--all``, ``--count``); and ``rg -l -F -i`` on the files, all in one run.
Recall per kind of query compares the sessions ``search --all`` lists, mapped back to their
files, with the files that contain the query (NFC, ignoring case) by a plain scan here.
Progress goes to stderr, the figures (JSON) to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import file_corpus

SOURCE = Path(__file__).resolve().parents[1] / "src"
MODES = ("top20", "all", "count")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def figures(seconds: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds]
    return {"p50_ms": round(percentile(ms, 50), 2), "p95_ms": round(percentile(ms, 95), 2)}


def machine() -> dict[str, Any]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = Path("/proc/meminfo").read_text().split()[1]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gb": round(int(memory) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_average": os.getloadavg(),
    }


def child_env(work: Path) -> dict[str, str]:
    env = {**os.environ, "STUDYAPP_DATA_DIR": str(work / "data")}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SOURCE), env.get("PYTHONPATH")) if p)
    return env


def run_child(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall seconds, the child's own peak RSS in MB, its stdout)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own resource use
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        text = out.read().decode()
    if child.returncode != 0:
        raise SystemExit(f"failed ({child.returncode}): {' '.join(command)}")
    return seconds, usage.ru_maxrss / 1024, text


def studyapp(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "studyapp", "--database", str(db), *args]


def scan(notes: Path, queries: Sequence[str]) -> dict[str, set[str]]:
    """Every file that contains each query, NFC and ignoring case: the truth for recall."""
    wanted = {q: unicodedata.normalize("NFC", q).casefold() for q in queries}
    found: dict[str, set[str]] = {q: set() for q in queries}
    for path in sorted(notes.iterdir()):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).casefold()
        for query, needle in wanted.items():
            if needle in text:
                found[query].add(str(path.resolve()))
    return found


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm: the first call reads pages the others find in memory
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return seconds


def in_process(db: Path, queries: Sequence[str], runs: int) -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(SOURCE))
    from studyapp.core.db import open_database
    from studyapp.core.services.search import SearchService

    database = open_database(f"sqlite:///{db}")
    service = SearchService(database)
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    try:
        for query in queries:
            times["top20"] += timed(lambda q=query: service.search(q, limit=20), runs)
            times["all"] += timed(lambda q=query: list(service.search_all(q)), runs)
            times["count"] += timed(lambda q=query: service.count(q), runs)
    finally:
        database.dispose()
    return {mode: figures(seconds) for mode, seconds in times.items()}


def processes(
    db: Path, queries: Sequence[str], runs: int, env: dict[str, str]
) -> tuple[dict[str, dict[str, float]], dict[str, str]]:
    """Figures of separate ``studyapp search`` processes, and each query's ``--all`` output."""
    flags = {"top20": [], "all": ["--all"], "count": ["--count"]}
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    listed: dict[str, str] = {}
    for query in queries:
        for mode in MODES:
            for _ in range(runs):
                seconds, _, out = run_child(studyapp(db, "search", query, *flags[mode]), env)
                times[mode].append(seconds)
                if mode == "all":
                    listed[query] = out
    return {mode: figures(seconds) for mode, seconds in times.items()}, listed


def ripgrep(notes: Path, queries: Sequence[str], runs: int) -> dict[str, float] | None:
    rg = shutil.which("rg")
    if rg is None:
        log("ripgrep (rg) is not installed: no ripgrep figures (apt-get install -y ripgrep)")
        return None
    seconds: list[float] = []
    for query in queries:
        command = [rg, "-l", "-F", "-i", query, str(notes)]
        subprocess.run(command, stdout=subprocess.DEVNULL, check=False)  # warm
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
            seconds.append(time.perf_counter() - started)
    return figures(seconds)


def recall(
    db: Path, truth: dict[str, set[str]], listed: dict[str, str]
) -> dict[str, dict[str, Any]]:
    connection = sqlite3.connect(db)
    files = dict(connection.execute("SELECT id, source_path FROM sessions").fetchall())
    connection.close()
    kinds: dict[str, dict[str, Any]] = {}
    for kind, queries in file_corpus.QUERIES.items():
        wanted = found = extra = 0
        per_query = {}
        for query in queries:
            ids = [int(line.split()[0][1:]) for line in listed[query].splitlines() if line]
            sources = {str(Path(files[i]).resolve()) for i in ids if files.get(i)}
            hit = len(sources & truth[query])
            wanted, found, extra = (
                wanted + len(truth[query]),
                found + hit,
                extra + len(sources - truth[query]),
            )
            per_query[query] = f"{hit}/{len(truth[query])}"
        kinds[kind] = {
            "recall": round(found / wanted, 4) if wanted else None,
            "found_not_in_scan": extra,
            "queries": per_query,
        }
    return kinds


def compile_bytecode() -> None:
    """Write the sources' bytecode, as ``pip install`` does: a checkout run with
    ``PYTHONDONTWRITEBYTECODE`` would otherwise time compiling them in every process."""
    import compileall

    compileall.compile_dir(str(SOURCE / "studyapp"), quiet=1)


def measure(notes_count: int, work: Path, seed: int, runs: int) -> dict[str, Any]:
    env = child_env(work)
    compile_bytecode()
    notes, db = work / "notes", work / "studyapp.sqlite3"
    result: dict[str, Any] = {"notes": notes_count, "machine": machine()}
    if not notes.is_dir():
        log(f"writing {notes_count} notes into {notes}")
        file_corpus.write_corpus(notes, notes_count, seed)
    text_bytes = sum(path.stat().st_size for path in notes.iterdir())
    if not db.exists():
        log("importing with `studyapp import` (a child process)")
        seconds, peak, _ = run_child(studyapp(db, "import", str(notes)), env)
        result["import"] = {"seconds": round(seconds, 1), "peak_rss_mb": round(peak, 1)}
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    result["text_mb"] = round(text_bytes / 1e6, 1)
    result["database_mb"] = round(db.stat().st_size / 1e6, 1)
    result["database_to_text"] = round(db.stat().st_size / text_bytes, 2)
    queries = [q for kind in file_corpus.QUERIES.values() for q in kind]
    log("scanning the files for the truth")
    truth = scan(notes, queries)
    log("in-process figures")
    result["in_process"] = in_process(db, queries, runs)
    log("ripgrep")
    result["ripgrep_l"] = ripgrep(notes, queries, runs)
    log("process figures")
    result["process"], listed = processes(db, queries, max(1, runs // 2), env)
    seconds, _, _ = run_child([sys.executable, "-m", "studyapp", "--version"], env)
    version = [run_child([sys.executable, "-m", "studyapp", "--version"], env)[0] for _ in range(9)]
    result["version_process"] = figures([seconds, *version])
    result["recall"] = recall(db, truth, listed)
    rg = result["ripgrep_l"]
    if rg is not None:
        result["ripgrep_over_every_match"] = {
            "in_process": round(rg["p95_ms"] / result["in_process"]["all"]["p95_ms"], 2),
            "process": round(rg["p95_ms"] / result["process"]["all"]["p95_ms"], 2),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--work", type=Path, help="corpus and database (kept for reuse)")
    parser.add_argument("--seed", type=int, default=20250321)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each query")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.gettempdir()) / f"studyapp-search-files-{args.notes}"
    work.mkdir(parents=True, exist_ok=True)
    result = measure(args.notes, work, args.seed, args.runs)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
