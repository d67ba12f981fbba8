"""A study group on one PostgreSQL server: several members saving at once.

    python benchmarks/group_run.py --url postgresql+psycopg://...   (or STUDYAPP_TEST_POSTGRES_URL)

Each writer is a process of its own saving about every 300 ms through the services, in turn
into its own session and into one session all share (with the version and text it last
saw, as the window saves, so the shared saves go through the three-way merge). Each writer
also listens (core/live.py, a thread) and notes when it hears the others' saves. Every
save appends a marker; at the end every marker must be in the stored text. The figures
(JSON) go to stdout.

A save counts as heard or not heard by another writer only while that writer listened
(from its listener's connection to its stop): a writer that started late (a busy machine)
cannot hear what was sent before it listened, which PostgreSQL's NOTIFY never keeps for
later; the window reads everything again when its listener (re)connects for that reason.
Such saves are reported apart, as ``before_listening``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from typing import Any

from studyapp.core import live
from studyapp.core.actor import Actor
from studyapp.core.db import open_database
from studyapp.core.errors import StudyappError
from studyapp.core.services.body_writes import CONFLICT, MERGED
from studyapp.core.services.sessions import SessionService


def _shared_note(writers: int) -> str:
    # Each member types in a part of their own, blank lines apart: changes that do not
    # touch the same lines, which the merge must keep every one of.
    return "# 모임\n\n" + "".join(f"## 멤버 {i}\n\n" for i in range(writers))


def _append_in_part(text: str, part: int, line: str) -> str:
    heading = f"## 멤버 {part}\n"
    start = text.index(heading) + len(heading)
    return text[:start] + line + "\n" + text[start:]


def writer(url: str, index: int, own: int, shared: int, start_at: float, args: Any) -> None:
    database = open_database(url)
    sessions = SessionService(database, Actor(f"멤버 {index}"))
    heard: list[tuple[int, int, float]] = []
    listener = live.LiveListener(live.listen_url(database.engine))

    def on_change(change: live.Change) -> None:
        if change.kind == live.BODY and not change.mine and change.version is not None:
            heard.append((change.session_id or 0, change.version, time.time()))

    listening = threading.Event()
    listened: list[float] = []  # from, until

    def on_state(reason: str | None) -> None:
        if reason is None and not listening.is_set():
            listened.append(time.time())
            listening.set()

    thread = threading.Thread(target=listener.run, args=(on_change, on_state), daemon=True)
    thread.start()
    listening.wait(30)  # the others' saves count for this writer from then on
    bases: dict[int, tuple[int, str]] = {}
    for session_id in (own, shared):
        loaded = sessions.get(session_id)
        bases[session_id] = (loaded.version, loaded.body)
    saves: list[tuple[int, int, float, float]] = []  # session, version, done at, seconds
    markers: list[tuple[int, str]] = []
    outcomes = {"merged": 0, "conflict": 0, "retried": 0}
    time.sleep(max(0.0, start_at - time.time()))
    end = start_at + args.seconds
    n = 0
    while time.time() < end:
        session_id = own if n % 2 == 0 else shared
        marker = f"w{index}-{n:05d}"
        version, base = bases[session_id]
        if session_id == own:
            text = base.rstrip("\n") + f"\n{marker}\n"
        else:
            text = _append_in_part(base, index, marker)
        started = time.perf_counter()
        while True:
            try:
                saved = sessions.save_body(
                    session_id, text, expected_version=version, base_text=base
                )
                break
            except StudyappError:
                outcomes["retried"] += 1
                time.sleep(0.05)
        took = time.perf_counter() - started
        saves.append((session_id, saved.version, time.time(), took))
        markers.append((session_id, marker))
        if saved.outcome == MERGED:
            outcomes["merged"] += 1
        elif saved.outcome == CONFLICT:
            outcomes["conflict"] += 1
        bases[session_id] = (saved.version, saved.text)
        n += 1
        time.sleep(max(0.0, args.interval - took))
    time.sleep(2.0)  # the others' last saves still to be heard
    listened.append(time.time())
    listener.stop()
    thread.join(timeout=5)
    database.dispose()
    json.dump(
        {
            "saves": saves,
            "heard": heard,
            "markers": markers,
            "outcomes": outcomes,
            "listened": listened if len(listened) == 2 else [float("inf"), 0.0],
        },
        sys.stdout,
    )


def _p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("STUDYAPP_TEST_POSTGRES_URL"))
    parser.add_argument("--writers", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--interval", type=float, default=0.3)
    parser.add_argument("--writer", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.url:
        parser.error("give --url or run under scripts/postgres.sh run")
    if args.writer:
        index, own, shared, start_at = args.writer
        writer(args.url, int(index), int(own), int(shared), float(start_at), args)
        return

    database = open_database(args.url)
    sessions = SessionService(database)
    day = dt.date(2025, 3, 3)
    shared = sessions.create(
        group="벤치", title="함께", date=day, body=_shared_note(args.writers)
    ).id
    own = [
        sessions.create(group="벤치", title=f"멤버 {i}", date=day, body="# 혼자\n").id
        for i in range(args.writers)
    ]
    start_at = time.time() + 3.0  # every writer imported and listening by then
    common = [f"--seconds={args.seconds}", f"--interval={args.interval}", f"--url={args.url}"]
    processes = [
        subprocess.Popen(
            [sys.executable, __file__, *common, "--writer"]
            + [str(value) for value in (i, own[i], shared, start_at)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(args.writers)
    ]
    results = []
    for process in processes:
        out, _err = process.communicate(timeout=args.seconds + 120)
        if process.returncode != 0:
            raise SystemExit(f"a writer failed ({process.returncode})")
        results.append(json.loads(out))

    stored = {sid: sessions.get(sid).body for sid in [shared, *own]}
    database.dispose()
    lost_markers = [
        marker
        for result in results
        for session_id, marker in result["markers"]
        if f"{marker}\n" not in stored[session_id]
    ]
    latencies = [save[3] for result in results for save in result["saves"]]
    seen: list[float] = []
    unseen = before_listening = 0
    for i, result in enumerate(results):
        for session_id, version, done_at, _took in result["saves"]:
            if session_id != shared:
                continue  # only the shared session's saves are news to the others
            for j, other in enumerate(results):
                if j == i:
                    continue
                since, until = other["listened"]
                if not since <= done_at <= until:
                    before_listening += 1  # sent while that writer was not listening
                    continue
                times = [t for s, v, t in other["heard"] if s == session_id and v == version]
                if times:
                    seen.append(max(0.0, times[0] - done_at))
                else:
                    unseen += 1
    total = len(latencies)
    figures = {
        "writers": args.writers,
        "seconds": args.seconds,
        "saves": total,
        "saves_per_second": round(total / args.seconds, 1),
        "save_latency_ms": {
            "p50": round(statistics.median(latencies) * 1000, 1),
            "p95": round(_p(latencies, 0.95) * 1000, 1),
        },
        "seen_by_others_ms": {
            "p50": round(_p(seen, 0.5) * 1000, 1),
            "p95": round(_p(seen, 0.95) * 1000, 1),
            "not_heard": unseen,
            "before_listening": before_listening,
        },
        "merged": sum(r["outcomes"]["merged"] for r in results),
        "conflicts": sum(r["outcomes"]["conflict"] for r in results),
        "retries": sum(r["outcomes"]["retried"] for r in results),
        "markers": sum(len(r["markers"]) for r in results),
        "markers_lost": len(lost_markers),
        "characters_lost": sum(len(m) + 1 for m in lost_markers),
        "shared_text_characters": len(stored[shared]),
    }
    json.dump(figures, sys.stdout, indent=2, ensure_ascii=False)
    print()
    if lost_markers:
        print(f"lost: {lost_markers[:20]}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
