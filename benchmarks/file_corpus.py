"""A bilingual corpus written as Markdown files, the way people keep their notes.

Each note has YAML front matter (title, date, group, tags), an attendance line
(``- 참석: 태윤님, 동훈님``), two talks with the paper's authors written under the heading,
Korean and English notes, and a few to-dos. The same seed always gives the same files.
The fixed queries of ``search_from_files.py`` are grouped by what they are: names on
attendance lines, tags, authors, Korean words and English words.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path


def _words(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


NAMES = _words(
    "태윤님 동훈님 서연님 민준님 하윤님 지호님 예은님 수아님 현우님 "
    "채원님 Alice Bob Carol Mallory Olivia "
    "Peggy Judy Heidi"
)
# Names only attendance lines hold (never a presenter or an assignee).
ATTENDANCE_ONLY = _words("소율님 Quentin Rupert")
# Words only front matter tags hold (a body never writes them), and some also in prose.
TAG_ONLY = _words("멘토링 추천시스템 robotics multimodal")
TAGS = [*TAG_ONLY, "강화학습", "distillation", "vision", "논문리뷰"]
AUTHORS = _words(
    "Geoffrey Hinton|Ashish Vaswani|Yoshua Bengio|Kaiming He|Oriol "
    "Vinyals|Jeff Dean|김민수|이지은|박서준|Fei-Fei Li|Percy Liang|Chelsea Finn",
    "|",
)
KOREAN = _words(
    "그리고 하지만 그래서 이번 주에는 우리는 같이 정리했다 설명했다 "
    "비교했다 제안한다 방법이 결과가 문제를 부분에서 생각보다 "
    "이유는 때문에 중요하다 좋았다 다음 시간에 실험을 논문에서 저자들은 "
    "핵심은 아이디어가 흥미로웠다 질문이 나왔다 확인했다 "
    "정확도가 올라갔다 떨어졌다 구조를 설계가 간단하다 복잡하다 재현이 "
    "어렵다 코드를 공개했다 표에서 그림을 보면 분석이 교사가 "
    "교사-학생 학생모델을 지식증류를 증류된 모델이 데이터셋을 성능이 "
    "어텐션이 트랜스포머는 트랜스포머를 임베딩을 강화학습은"
)
RARE_KOREAN = ("낙타는", "휘발성메모리", "양자화를", "해파리가")
ENGLISH = _words(
    "the a of is we and results method paper loss gradient works better "
    "than transformer transformers attention distillation teacher student "
    "embedding baseline benchmark dataset encoder decoder contrastive "
    "retrieval latency LoRA fine-tuning adapter backbone diffusion "
    "Transformer를 attention은"
)
RARE_ENGLISH = ("camel", "volatile", "quantization", "jellyfish")
GROUPS = ("KD 스터디", "MUG", "Vision 읽기모임", "NLP Journal Club", "LLM 모임")
VENUES = ("ICLR 2025", "NeurIPS 2024", "CVPR 2024", "ECCV 2024", "ACL 2024", "WACV 2025")
TITLE_WORDS = _words("Efficient Robust Sparse Unified Masked Adaptive Contrastive Retrieval")

QUERIES: dict[str, tuple[str, ...]] = {
    "attendance name": ("태윤", "동훈님", "Mallory", "소율", "Quentin", "Rupert"),
    "tag": ("멘토링", "추천시스템", "robotics", "multimodal", "강화학습"),
    "author": ("Hinton", "Vaswani", "김민수", "Chelsea Finn", "Percy"),
    "korean word": ("교사", "증류", "트랜스포머", "낙타", "휘발성", "양자화", "해파리"),
    "english word": ("transformer", "distillation", "retrieval", "camel", "volatile", "quantiz"),
}


def _sentences(rng: random.Random, words: list[str], rare: tuple[str, ...], size: int) -> str:
    out: list[str] = []
    length = 0
    while length < size:
        count = rng.randint(6, 14)
        chosen = rng.choices(words, k=count)
        if rng.random() < 0.03:
            chosen[rng.randrange(count)] = rng.choice(rare)
        sentence = " ".join(chosen) + "."
        out.append(("- " if rng.random() < 0.25 else "") + sentence)
        length += len(sentence.encode()) + 1
    return "\n".join(out)


def note(rng: random.Random, number: int, day: dt.date) -> tuple[str, str]:
    """(file name, text) of one meeting note of about 4 KB."""
    group = rng.choice(GROUPS)
    title = f"{group} {day.isoformat()} 모임 {number}"
    tags = rng.sample(TAGS, rng.randint(1, 3))
    attendees = rng.sample(NAMES, rng.randint(3, 7))
    listed = [*attendees, *rng.sample(ATTENDANCE_ONLY, rng.randint(0, 1))]
    lines = [
        "---",
        f"title: {title}",
        f"date: {day.isoformat()}",
        f"group: {group}",
        f"tags: [{', '.join(tags)}]",
        "---",
        "",
        f"- 참석: {', '.join(listed)}",
        "",
        _sentences(rng, KOREAN, RARE_KOREAN, 700),
        "",
    ]
    for _ in range(2):
        presenter = rng.choice(attendees).removesuffix("님")
        paper = f"{rng.choice(TITLE_WORDS)} {rng.choice(TITLE_WORDS)} Learning"
        lines += [
            f"## {presenter}: {paper} ({rng.choice(VENUES)})",
            "",
            f"Authors: {', '.join(rng.sample(AUTHORS, rng.randint(1, 3)))}",
            "",
            _sentences(rng, ENGLISH, RARE_ENGLISH, 700),
            _sentences(rng, KOREAN, RARE_KOREAN, 500),
            "",
        ]
    lines += ["## 할 일", ""]
    for _ in range(3):
        box = "x" if rng.random() < 0.5 else " "
        lines.append(f"- [{box}] {rng.choice(attendees)}: {' '.join(rng.choices(KOREAN, k=4))}")
    return f"{day.isoformat()}-meeting-{number:06d}.md", "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, seed: int) -> int:
    """Write ``count`` notes into ``folder``; the bytes written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    first = dt.date(2015, 1, 1)
    written = 0
    for number in range(count):
        day = first + dt.timedelta(days=rng.randrange(365 * 10))
        name, text = note(rng, number, day)
        data = text.encode()
        (folder / name).write_bytes(data)
        written += len(data)
    return written
