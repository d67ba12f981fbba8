"""Make the benchmark corpus: a bilingual studyapp database, the same sessions as Markdown
files, and the ground truth of every benchmark query.

    python benchmarks/generate.py --sessions 10000 --out benchmarks/.data/10000

At full size (10,000 sessions) it writes 40,000 presentations, 20,000 papers, 100,000 to-dos
and about 100 MB of notes; everything scales with ``--sessions``. The same seed always gives
the same corpus. Rows go in with SQLAlchemy core inserts in large transactions (one service
call per row would take an hour), so the search index is rebuilt at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

from queries import ALL_QUERIES, matching_queries
from sqlalchemy import insert

from studyapp.core import models
from studyapp.core.db import Database, open_database
from studyapp.core.services.exports import ExportService
from studyapp.core.tasks import TaskFields, format_task_line

NOTE_BYTES_PER_SESSION = 10_000  # a body: notes + 4 x (talk notes + discussion) + to-dos
BATCH = 500


def _words(text: str) -> list[str]:
    return text.split()


FILLERS = _words(
    "그리고 하지만 그래서 이번 주에는 우리는 같이 정리했다 설명했다 비교했다 제안한다 방법이 "
    "결과가 문제를 부분에서 생각보다 이유는 때문에 중요하다 좋았다 다음 시간에 실험을 논문에서 "
    "저자들은 핵심은 아이디어가 흥미로웠다 질문이 나왔다 확인했다 정확도가 올라갔다 떨어졌다 "
    "구조를 설계가 간단하다 복잡하다 재현이 어렵다 코드를 공개했다 표에서 그림을 보면 분석이 "
    "부족하다 추가로 필요하다 토론에서 의견이 갈렸다 지난번 내용과 연결된다 예제를 들었다"
)
# Query words written inside longer words, the way Korean notes really use them.
COMMON_TOPICS = _words(
    "교사가 교사를 교사-학생 교사는 학생이 학생모델을 지식증류를 증류된 모델이 모델을 모델링 "
    "데이터셋을 데이터를 성능이 성능향상을"
)
MEDIUM_TOPICS = _words(
    "지식증류는 증류법을 손실함수가 손실을 어텐션이 셀프어텐션은 배치정규화를 정규화가 일반화가 "
    "일반화를 임베딩을 임베딩이 트랜스포머는 트랜스포머를 발표자가 발표자는 도메인적응을 도메인이 "
    "편향을 편향이 사전학습된 사전학습을"
)
TOPICS = COMMON_TOPICS + MEDIUM_TOPICS
ENGLISH = _words(
    "transformer transformers Transformer transformer를 attention self-attention Attention은 "
    "distillation distilled teacher teacher-student student embedding embeddings을 baseline "
    "benchmark benchmarks dataset encoder decoder contrastive retrieval latency LoRA LoRA를 "
    "fine-tuning은 adapter가 CLIP으로 backbone을 ViT에서 diffusion은 the a of is we and "
    "results method paper loss gradient works better than"
)
# (word, weight): rare words give queries that match a few sessions only.
RARE = (
    ("낙타는", 0.002),
    ("낙타가", 0.002),
    ("휘발성이", 0.003),
    ("휘발성메모리", 0.002),
    ("양자화를", 0.01),
    ("양자화된", 0.006),
    ("고양이가", 0.0005),
    ("해파리는", 0.00005),
    ("camel", 0.001),
    ("volatile", 0.002),
    ("quantization", 0.005),
    ("quantized", 0.003),
)
ENGLISH_ONLY = [w for w in ENGLISH if w.isascii()] + ["camel", "volatile", "quantization"]

GROUPS = (
    "KD 스터디", "MUG", "Vision 읽기모임", "NLP Journal Club", "강화학습 세미나",
    "Graph Reading", "Audio 랩미팅", "Robotics Club", "추천시스템 스터디", "Theory Seminar",
    "Medical AI", "LLM 모임",
)  # fmt: skip
PEOPLE = _words(
    "동훈님 지수 민준 서연 하윤 도윤 예은 시우 지호 수아 현우 유나 재민 채원 태윤 소율 "
    "Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy Mallory Niaj Olivia Peggy"
)
KINDS = list(models.SessionKind)
VENUES = ("ICLR", "NeurIPS", "ICML", "CVPR", "ECCV", "ACL", "EMNLP", "WACV", "AAAI", "KDD")
TITLE_A = _words("Efficient Robust Scalable Contrastive Sparse Unified Simple Adaptive Masked")
TITLE_B = _words(
    "Transformers Distillation Adapters Retrieval Embeddings Attention Diffusion Quantization "
    "Pretraining Tokenizers"
)
TITLE_C = (
    "Domain Generalization", "Image Retrieval", "Language Modeling", "Speech Recognition",
    "Graph Learning", "Object Detection", "Recommendation", "Code Generation",
)  # fmt: skip


class Vocabulary:
    """Weighted word choice plus the expected UTF-8 size of a word, to hit a byte budget."""

    def __init__(self, weighted: list[tuple[str, float]]) -> None:
        self.words = [word for word, _ in weighted]
        total, cumulative = 0.0, []
        for _, weight in weighted:
            total += weight
            cumulative.append(total)
        self.cumulative = cumulative
        self.bytes_per_word = (
            sum(weight * (len(word.encode()) + 1) for word, weight in weighted) / total
        )

    def text(self, rng: random.Random, size: int, *, bullets: bool = True) -> str:
        """About ``size`` bytes of sentences in paragraphs and bullet lists."""
        count = int(size / self.bytes_per_word)
        words = rng.choices(self.words, cum_weights=self.cumulative, k=count)
        lines: list[str] = []
        index = 0
        while index < len(words):
            length = rng.randint(6, 14)
            sentence = " ".join(words[index : index + length]) + "."
            index += length
            roll = rng.random()
            if bullets and roll < 0.25:
                lines.append("- " + sentence)
            elif roll < 0.4 and lines:
                lines.append("")
                lines.append(sentence)
            elif lines and lines[-1] and not lines[-1].startswith("- "):
                lines[-1] += " " + sentence
            else:
                lines.append(sentence)
        return "\n".join(lines).strip()


def vocabularies() -> tuple[Vocabulary, Vocabulary]:
    mixed = (
        [(word, 1.0) for word in FILLERS]
        + [(word, 0.15) for word in COMMON_TOPICS]
        + [(word, 0.006) for word in MEDIUM_TOPICS]
        + [(word, 0.4) for word in ENGLISH]
        + list(RARE)
    )
    english = [(word, 1.0) for word in ENGLISH_ONLY if word not in ("camel", "volatile")] + [
        ("camel", 0.002),
        ("volatile", 0.004),
    ]
    return Vocabulary(mixed), Vocabulary(english)


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.UTC)


def _insert(database: Database, table: object, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    with database.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA synchronous=OFF")  # a throwaway corpus
        connection.execute(insert(table), rows)  # type: ignore[arg-type]


def _papers(database: Database, rng: random.Random, count: int, english: Vocabulary) -> list[str]:
    """Insert the papers; return each one's searchable text (title + abstract) by id - 1."""
    texts: list[str] = []
    rows: list[dict[str, object]] = []
    for index in range(count):
        title = f"{rng.choice(TITLE_A)} {rng.choice(TITLE_B)} for {rng.choice(TITLE_C)} {index + 1}"
        abstract = english.text(rng, 420, bullets=False)
        year = 2015 + index % 11
        stamp = _stamp(dt.date(year, 1, 1))
        rows.append(
            {
                "id": index + 1, "title": title, "title_key": title.casefold(),
                "authors": rng.sample(PEOPLE, 3), "venue": f"{rng.choice(VENUES)} {year}",
                "year": year, "url": f"https://arxiv.org/abs/{1501 + index // 99999}."
                f"{index % 99999 + 1:05d}", "arxiv_id": f"{1501 + index // 99999}."
                f"{index % 99999 + 1:05d}", "doi": None, "bibtex_key": f"paper{index + 1}",
                "abstract": abstract, "deleted_at": None, "created_at": stamp, "updated_at": stamp,
            }
        )  # fmt: skip
        texts.append(f"{title}\n{abstract}")
        if len(rows) >= 5000:
            _insert(database, models.Paper.__table__, rows)
            rows = []
    _insert(database, models.Paper.__table__, rows)
    return texts


def _talk_heading(presenter: str, paper: str | None, heading: str | None) -> str:
    """The heading line a talk has in its session's body (the form studyapp writes)."""
    return f"## {presenter}: {paper or heading}"


def _batch(
    first: int, last: int, rng: random.Random, mixed: Vocabulary, papers: list[str]
) -> tuple[dict[str, list[dict[str, object]]], dict[int, str]]:
    """Rows for sessions ``first..last`` and each session's searchable text.

    A session's body is its one document: general notes, then each talk as a heading with
    its notes and a block-quoted discussion, then a to-do list of Tasks lines. The talk and
    to-do rows are the ones studyapp derives from that body (same heading and task lines).
    """
    rows: dict[str, list[dict[str, object]]] = {"sessions": [], "presentations": [], "todos": []}
    texts: dict[int, str] = {}
    start = dt.date(1999, 1, 1)
    for session_id in range(first, last + 1):
        day = start + dt.timedelta(days=session_id)
        stamp = _stamp(day)
        group_id = session_id % len(GROUPS) + 1
        if rng.random() < 0.5:
            title = f"{session_id}회차 {rng.choice(TOPICS)} {rng.choice(TOPICS)} 리뷰"
        else:
            title = f"Week {session_id}: {rng.choice(ENGLISH_ONLY)} and {rng.choice(TOPICS)}"
        body = [mixed.text(rng, NOTE_BYTES_PER_SESSION // 2)]
        parts = [title]
        for position in range(4):
            paper_id = rng.randrange(len(papers)) + 1 if rng.random() < 0.8 else None
            heading = None if paper_id else rng.choice(("our project update", "프로젝트 진행 상황"))
            presenter_id = rng.randrange(len(PEOPLE)) + 1
            paper_title = papers[paper_id - 1].split("\n", 1)[0] if paper_id else None
            heading_line = _talk_heading(PEOPLE[presenter_id - 1], paper_title, heading)
            slot_notes = mixed.text(rng, NOTE_BYTES_PER_SESSION // 10)
            discussion = mixed.text(rng, NOTE_BYTES_PER_SESSION // 40, bullets=False)
            quoted = "\n".join(f"> {line}" if line else ">" for line in discussion.split("\n"))
            body += [heading_line, slot_notes, quoted]
            if paper_id:
                parts.append(papers[paper_id - 1])  # the paper's title and abstract
            rows["presentations"].append(
                {
                    "session_id": session_id, "position": position,
                    "presenter_id": presenter_id, "paper_id": paper_id,
                    "heading_raw": heading_line,
                    "duration_seconds": None, "timebox_minutes": None,
                    "created_at": stamp, "updated_at": stamp,
                }
            )  # fmt: skip
        task_lines = []
        for position in range(10):
            text = " ".join(rng.choices(mixed.words, cum_weights=mixed.cumulative, k=5)) + " 하기"
            done = rng.random() < 0.6
            assignee_id = rng.randrange(len(PEOPLE)) + 1
            due = day + dt.timedelta(days=7)
            line = format_task_line(
                TaskFields(
                    text=text, done=done, due_date=due, done_date=day if done else None,
                    assignee=PEOPLE[assignee_id - 1],
                )
            )  # fmt: skip
            task_lines.append(line)
            rows["todos"].append(
                {
                    "session_id": session_id, "group_id": group_id, "position": position,
                    "text": text, "done": done, "done_date": day if done else None,
                    "due_date": due, "scheduled_date": None,
                    "start_date": None, "created_date": None, "cancelled_date": None,
                    "priority": None, "recurrence": None,
                    "assignee_id": assignee_id, "source_line": line,
                    "created_at": stamp, "updated_at": stamp,
                }
            )  # fmt: skip
        body += ["## 할 일", "\n".join(task_lines)]
        document = "\n\n".join(body)
        parts.append(document)
        rows["sessions"].append(
            {
                "id": session_id, "group_id": group_id, "title": title, "date": day,
                "start_time": dt.time(19, 0), "timezone": "Asia/Seoul",
                "kind": rng.choice(KINDS), "status": models.SessionStatus.HELD, "body": document,
                "attendees_raw": None, "front_matter": {},
                "source_path": None, "source_hash": None, "deleted_at": None, "version": 1,
                "created_at": stamp, "updated_at": stamp,
            }
        )  # fmt: skip
        texts[session_id] = "\n".join(parts)
    return rows, texts


def reindex(database: Database) -> str | None:
    """Rebuild the search index (core inserts bypass the ORM events that keep it in step).

    None when this studyapp's search has no index to build.
    """
    from studyapp.core.services.search import SearchService

    service = SearchService(database)
    rebuild = getattr(service, "reindex", None)
    if rebuild is None:
        return None
    started = time.perf_counter()

    def progress(*args: object) -> None:
        if args and time.perf_counter() - progress.last > 5:  # type: ignore[attr-defined]
            progress.last = time.perf_counter()  # type: ignore[attr-defined]
            print(f"  reindex {args}", file=sys.stderr, flush=True)

    progress.last = started  # type: ignore[attr-defined]
    if inspect.signature(rebuild).parameters:
        rebuild(progress)
    else:
        rebuild()
    return f"search index rebuilt in {time.perf_counter() - started:.1f} s"


def generate(sessions: int, out: Path, seed: int = 20250310) -> dict[str, object]:
    """Write ``out/studyapp.sqlite3``, ``out/markdown/``, ``out/ground_truth.json``."""
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / "studyapp.sqlite3"
    for stale in (db_path, out / "meta.json", out / "studyapp.sqlite3-wal"):
        stale.unlink(missing_ok=True)
    began = time.perf_counter()
    rng = random.Random(seed)
    mixed, english = vocabularies()
    database = open_database(f"sqlite:///{db_path}")
    try:
        stamp = _stamp(dt.date(1999, 1, 1))
        _insert(database, models.Group.__table__, [
            {"id": i + 1, "name": name, "description": "", "schedule_rrule": None,
             "timezone": "Asia/Seoul", "schedule_skipped": [], "created_at": stamp,
             "updated_at": stamp} for i, name in enumerate(GROUPS)
        ])  # fmt: skip
        _insert(database, models.Person.__table__, [
            {"id": i + 1, "name": name, "created_at": stamp, "updated_at": stamp}
            for i, name in enumerate(PEOPLE)
        ])  # fmt: skip
        papers = _papers(database, rng, max(2, sessions * 2), english)
        print(f"papers: {len(papers)}", file=sys.stderr, flush=True)
        truth: dict[str, list[int]] = {query: [] for query in ALL_QUERIES}
        note_bytes = 0
        for first in range(1, sessions + 1, BATCH):
            rows, texts = _batch(first, min(sessions, first + BATCH - 1), rng, mixed, papers)
            _insert(database, models.Session.__table__, rows["sessions"])
            _insert(database, models.Presentation.__table__, rows["presentations"])
            _insert(database, models.ChecklistItem.__table__, rows["todos"])
            note_bytes += sum(len(str(r["body"]).encode()) for r in rows["sessions"])
            for session_id, text in texts.items():
                for query in matching_queries(text):
                    truth[query].append(session_id)
            print(f"sessions: {first + len(texts) - 1}/{sessions}", file=sys.stderr, flush=True)
        note = reindex(database) or "SearchService has no reindex(); no index built"
        indexed = not note.startswith("SearchService has no")
        print(note, file=sys.stderr, flush=True)

        def exported(done: int, total: int | None) -> None:
            if done % 2000 == 0 or done == total:
                print(f"markdown: {done}/{total}", file=sys.stderr, flush=True)

        ExportService(database).export(out / "markdown", progress=exported)
    finally:
        database.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (out / "ground_truth.json").write_text(
        json.dumps({"seed": seed, "sessions": sessions, "queries": truth}, ensure_ascii=False),
        encoding="utf-8",
    )
    meta: dict[str, object] = {
        "sessions": sessions, "seed": seed, "note_mb": round(note_bytes / 1e6, 1),
        "indexed": indexed, "index": note, "seconds": round(time.perf_counter() - began, 1),
    }  # fmt: skip
    # Written last: its presence tells run.py the corpus is complete.
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=None, help="default benchmarks/.data/N")
    parser.add_argument("--seed", type=int, default=20250310)
    args = parser.parse_args(argv)
    if args.sessions < 1:
        parser.error("--sessions must be at least 1")
    out = args.out or Path(__file__).resolve().parent / ".data" / str(args.sessions)
    meta = generate(args.sessions, out, args.seed)
    print(json.dumps(meta, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
