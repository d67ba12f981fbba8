"""People's names on papers: Korean, Chinese and Japanese names are family name first.

``김, 철수`` in a .bib and ``{"family": "김", "given": "철수"}`` from Crossref are both 김철수,
written together as Korean writes it; Western names are given name first (Geoffrey Hinton).
A citation key needs the family name in Latin letters: the common Korean family names have
their usual spelling here (김 Kim, 이 Lee, 박 Park).
"""

from __future__ import annotations

import re

_HANGUL_OR_CJK = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u4e00-\u9fff\u3040-\u30ff]")
_HANGUL_SYLLABLES = re.compile(r"[\uac00-\ud7a3]+")

# The spellings Koreans most often use in their papers, covering nearly everyone.
KOREAN_FAMILY_NAMES = {
    "남궁": "namgung",
    "황보": "hwangbo",
    "제갈": "jegal",
    "선우": "sunwoo",
    "독고": "dokgo",
    "사공": "sagong",
    "김": "kim",
    "이": "lee",
    "박": "park",
    "최": "choi",
    "정": "jung",
    "강": "kang",
    "조": "cho",
    "윤": "yoon",
    "장": "jang",
    "임": "lim",
    "한": "han",
    "오": "oh",
    "서": "seo",
    "신": "shin",
    "권": "kwon",
    "황": "hwang",
    "안": "ahn",
    "송": "song",
    "전": "jeon",
    "홍": "hong",
    "유": "yoo",
    "류": "ryu",
    "고": "ko",
    "문": "moon",
    "양": "yang",
    "손": "son",
    "배": "bae",
    "백": "baek",
    "허": "heo",
    "남": "nam",
    "심": "shim",
    "노": "noh",
    "하": "ha",
    "곽": "kwak",
    "성": "sung",
    "차": "cha",
    "주": "joo",
    "우": "woo",
    "구": "koo",
    "민": "min",
    "나": "na",
    "진": "jin",
    "지": "ji",
    "엄": "eom",
    "채": "chae",
    "원": "won",
    "천": "chun",
    "방": "bang",
    "공": "kong",
    "현": "hyun",
    "함": "ham",
    "변": "byun",
    "염": "yeom",
    "여": "yeo",
    "추": "choo",
    "도": "do",
    "소": "so",
    "석": "seok",
    "선": "sun",
    "설": "seol",
    "마": "ma",
    "길": "gil",
    "연": "yeon",
    "위": "wi",
    "표": "pyo",
    "명": "myung",
    "기": "ki",
    "반": "ban",
    "왕": "wang",
    "금": "keum",
    "옥": "ok",
    "육": "yook",
    "인": "in",
    "맹": "maeng",
    "제": "je",
    "모": "mo",
    "탁": "tak",
    "국": "kook",
    "봉": "bong",
    "경": "kyung",
    "태": "tae",
    "피": "pi",
    "빈": "bin",
    "동": "dong",
}


def is_east_asian(text: str) -> bool:
    """Whether ``text`` holds Hangul, CJK ideographs or kana."""
    return bool(_HANGUL_OR_CJK.search(text))


def full_name(given: str, family: str) -> str:
    """The name as its owner writes it: 김철수 for Korean (and CJK), Geoffrey Hinton else."""
    given, family = " ".join(given.split()), " ".join(family.split())
    if is_east_asian(family + given):
        return f"{family}{given}"
    return " ".join(part for part in (given, family) if part)


def romanized_family_name(name: str) -> str | None:
    """``kim`` for 김철수 (or 김 alone); None when the name does not start with a known one."""
    syllables = _HANGUL_SYLLABLES.match(name.strip())
    if syllables is None:
        return None
    text = syllables.group(0)
    # A two-syllable family name (남궁민) only when a given name follows it.
    if len(text) > 2 and text[:2] in KOREAN_FAMILY_NAMES:
        return KOREAN_FAMILY_NAMES[text[:2]]
    return KOREAN_FAMILY_NAMES.get(text[:1])
