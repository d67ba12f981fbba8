"""The fixed benchmark queries and how their ground truth is computed.

Korean queries are two or more Hangul syllables that the generator mostly writes *inside*
longer words ("교사" in "교사가", "교사-학생"; "증류" in "지식증류를"), which is exactly what a
word-token index misses. English queries are whole words or word prefixes and are matched
case-insensitively. The ground truth of a query is the set of sessions whose searchable text
(title, body with its talk headings, notes, discussion and to-dos, paper titles and
abstracts) contains it, found by a plain substring scan while the corpus is generated.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Frequent, medium and rare words, so some queries match most sessions and some a handful.
KOREAN_QUERIES: tuple[str, ...] = (
    "교사",
    "학생",
    "증류",
    "지식증류",
    "낙타",
    "휘발성",
    "모델",
    "데이터",
    "손실",
    "어텐션",
    "셀프어텐션",
    "정규화",
    "일반화",
    "임베딩",
    "트랜스포머",
    "발표자",
    "성능",
    "도메인",
    "편향",
    "양자화",
    "사전학습",
    "고양이",
    "해파리",
)

ENGLISH_QUERIES: tuple[str, ...] = (
    "transformer",
    "distill",
    "Attention",
    "teacher",
    "embedding",
    "camel",
    "volatile",
    "quantiz",
    "retrieval",
    "contrastive",
    "LoRA",
    "benchmark",
)

ALL_QUERIES: tuple[str, ...] = KOREAN_QUERIES + ENGLISH_QUERIES


def is_korean(query: str) -> bool:
    return any("\uac00" <= char <= "\ud7a3" for char in query)


def matcher(query: str) -> str:
    """The form compared against casefolded, NFC text."""
    return unicodedata.normalize("NFC", query).casefold()


def matching_queries(text: str, queries: Iterable[str] = ALL_QUERIES) -> list[str]:
    """The queries whose text occurs in ``text`` (case-insensitive, NFC)."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return [query for query in queries if matcher(query) in folded]
