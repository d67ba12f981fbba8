"""Import a folder of odd files and print the importing process's peak memory as JSON.

    python benchmarks/odd_files.py                  # about 100 MB of files
    python benchmarks/odd_files.py --megabytes 10   # a quick run

The folder is what arrives from outside: a few very large notes (one of them a single line,
one a run of Hangul with no space in it), photos and archives named .md, text with NUL bytes
in it, CP949 and UTF-16 files, notes nested 10,000 deep, names in CP949 bytes, and a
thousand ordinary notes. It is generated (seeded) into a temporary folder and imported into
a fresh database by a child process, whose own peak RSS is the figure. Progress goes to
stderr, the figures to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KEYS = ("megabytes", "files", "import_s", "peak_rss_mb", "baseline_rss_mb", "outcomes")
HANGUL = "회의 교사 학생 모델 증류 실험 결과 논문 발표 질문 데이터 학습 정리 다음 주"
ENGLISH = "meeting teacher student model distillation results paper talk question data"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _prose(rng: random.Random, size: int) -> str:
    """About ``size`` characters of mixed Korean and English lines."""
    words = HANGUL.split() + ENGLISH.split()
    lines: list[str] = []
    total = 0
    while total < size:
        line = " ".join(rng.choices(words, k=rng.randint(6, 16)))
        if rng.random() < 0.2:
            line = "- " + line
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines) + "\n"


def generate(folder: Path, megabytes: float, seed: int) -> int:
    """Write the odd files into ``folder``; returns how many there are."""
    rng = random.Random(seed)
    budget = int(megabytes * 1_000_000)

    def write(name: str | bytes, data: bytes) -> None:
        path = os.path.join(os.fsencode(folder), os.fsencode(name))
        with open(path, "wb") as handle:
            handle.write(data)

    big = budget * 60 // 100  # large notes of prose, several MB each
    for number in range(3):
        write(f"2024-0{number + 1}-01 big log.md", _prose(rng, big // 3 // 3).encode())
    line = " ".join(rng.choices(ENGLISH.split(), k=budget * 10 // 100 // 8))
    write("one line.md", line.encode())  # ~10 %: one line, no line break
    hangul = "".join(rng.choices("가나다라마바사아자차카타파하교사학생모델", k=budget * 10 // 300))
    write("한 줄 한글.md", hangul.encode())  # ~10 %: one Hangul run, no space
    photo = rng.randbytes(budget * 10 // 100)
    write("photo.md", photo)  # ~10 %: a photo with a note's name
    write("archive.txt", b"PK\x03\x04" + rng.randbytes(budget * 5 // 100))
    nul = _prose(rng, budget * 5 // 100).encode()
    write("with nul.md", nul[: len(nul) // 2] + b"\x00" + nul[len(nul) // 2 :])
    write("cp949 note.txt", _prose(rng, budget * 5 // 100 // 2).encode("cp949"))
    write("utf16 note.md", _prose(rng, budget * 5 // 100 // 2).encode("utf-16"))
    write("quotes.md", (">" * 10_000 + " 깊은 인용\n").encode())
    write("stars.md", ("*" * 10_000 + "\n" + "- " * 10_000 + "x\n").encode())
    write(b"\xc8\xb8\xc0\xc7.md", "# 회의\n이름이 CP949 바이트인 파일\n".encode())
    small = budget * 10 // 100 // 1000
    for number in range(1000):
        day = f"2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
        write(f"{day} note {number}.md", f"# 모임 {number}\n\n{_prose(rng, small)}".encode())
    return len(os.listdir(folder))


def peak_rss_kb() -> int:
    """This process's peak resident memory, in kB.

    VmHWM starts afresh at exec; ru_maxrss of a child starts from its parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # kilobytes on Linux


def child(folder: str, url: str) -> None:
    """Import ``folder`` into ``url``; prints one JSON line with the figures."""
    from studyapp.core.db import open_database
    from studyapp.core.services.imports import ImportService

    database = open_database(url)
    baseline = peak_rss_kb()
    try:
        started = time.perf_counter()
        report = ImportService(database).import_paths([Path(folder)])
        elapsed = time.perf_counter() - started
    finally:
        database.dispose()
    peak = peak_rss_kb()
    for outcome in report.outcomes:
        if outcome.status not in ("created", "updated", "unchanged"):
            log(f"  {outcome.status}: {os.fsdecode(outcome.path.name)!r}: {outcome.message}")
    figures = {
        "import_s": round(elapsed, 2),
        "peak_rss_mb": round(peak / 1024, 1),
        "baseline_rss_mb": round(baseline / 1024, 1),
        "outcomes": report.counts,
    }
    print(json.dumps(figures, ensure_ascii=False))


def measure(megabytes: float, seed: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="studyapp-odd-") as temporary:
        work = Path(temporary)
        folder = work / "odd notes"
        folder.mkdir()
        log(f"writing about {megabytes:g} MB of odd files…")
        files = generate(folder, megabytes, seed)
        size = sum(p.stat().st_size for p in folder.iterdir())
        log(f"importing {files} files, {size / 1e6:.1f} MB, in a child process…")
        env = dict(os.environ, STUDYAPP_DATA_DIR=str(work / "data"))
        env.pop("STUDYAPP_DATABASE_URL", None)
        url = f"sqlite:///{work / 'odd.sqlite3'}"
        command = [sys.executable, str(Path(__file__).resolve()), "--child", str(folder), url]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=3600)
        for line in done.stderr.splitlines():
            log(line)
        if done.returncode != 0:
            raise RuntimeError(f"the import child failed (exit {done.returncode})")
        figures = json.loads(done.stdout.strip().splitlines()[-1])
    return {"megabytes": round(size / 1e6, 1), "files": files, **figures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=100.0)
    parser.add_argument("--seed", type=int, default=20251206)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    figures = measure(args.megabytes, args.seed)
    text = json.dumps({key: figures[key] for key in KEYS}, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
