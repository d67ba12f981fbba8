"""Search on PostgreSQL next to SQLite: the same notes, the same queries, in one run.

    scripts/postgres.sh run python benchmarks/search_engines.py --notes 10000 --work DIR

Writes the corpus of ``file_corpus.py`` as Markdown files (or reuses ``DIR/notes``), imports
it with ``studyapp import`` into a SQLite file and into the PostgreSQL database named by
``STUDYAPP_TEST_POSTGRES_URL`` (``scripts/postgres.sh`` starts a scratch server and sets it),
then times top-20, every match and the exact count of each fixed query on both engines in
this process. Progress goes to stderr, the figures (JSON) to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import file_corpus
import search_from_files as bench


def import_into(url: str, notes: Path, env: dict[str, str]) -> dict[str, float]:
    seconds, peak, _ = bench.run_child(
        [sys.executable, "-m", "studyapp", "--database", url, "--no-backup", "import", str(notes)],
        env,
    )
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak, 1)}


def timings(url: str, queries: list[str], runs: int) -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(bench.SOURCE))
    from studyapp.core.db import open_database
    from studyapp.core.services.search import SearchService

    database = open_database(url)
    service = SearchService(database)
    times: dict[str, list[float]] = {mode: [] for mode in bench.MODES}
    try:
        for query in queries:
            times["top20"] += bench.timed(lambda q=query: service.search(q, limit=20), runs)
            times["all"] += bench.timed(lambda q=query: list(service.search_all(q)), runs)
            times["count"] += bench.timed(lambda q=query: service.count(q), runs)
    finally:
        database.dispose()
    return {mode: bench.figures(seconds) for mode, seconds in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--work", type=Path, required=True, help="corpus and SQLite file")
    parser.add_argument("--seed", type=int, default=20250321)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each query")
    args = parser.parse_args(argv)
    server = os.environ.get("STUDYAPP_TEST_POSTGRES_URL")
    if not server:
        raise SystemExit("no server: run it under scripts/postgres.sh run …")
    notes, sqlite_file = args.work / "notes", args.work / "studyapp.sqlite3"
    env = bench.child_env(args.work)
    if not notes.is_dir():
        bench.log(f"writing {args.notes} notes into {notes}")
        file_corpus.write_corpus(notes, args.notes, args.seed)
    result: dict[str, Any] = {"notes": len(list(notes.iterdir())), "machine": bench.machine()}
    sqlite_url = f"sqlite:///{sqlite_file}"
    if not sqlite_file.exists():
        bench.log("importing into SQLite")
        result["sqlite_import"] = import_into(sqlite_url, notes, env)
    bench.log("importing into PostgreSQL")
    result["postgresql_import"] = import_into(server, notes, env)
    queries = [q for kind in file_corpus.QUERIES.values() for q in kind]
    started = time.perf_counter()
    for engine, url in (("sqlite", sqlite_url), ("postgresql", server)):
        bench.log(f"{engine}: in-process figures")
        result[engine] = timings(url, queries, args.runs)
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
