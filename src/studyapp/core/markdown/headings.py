"""Headings that announce a presentation, and the paper a heading names.

``## 민수님 논문 - Tiny Teachers (CVPR 2024)`` and ``## Alice: Title (arXiv 2501.01234)``
start a presentation; ``## Summary: ...`` or ``## 최신 논문 소개`` do not. A heading only
counts when what stands before the separator is plausibly a person: a Korean name with
님/씨, 2-4 Hangul syllables followed by 논문/발표, a capitalised Latin name of 1-3 words,
or someone already known.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection

from studyapp.core.markdown.document import PaperRef

# The headings our own export writes for slots: "Presentation 2: Title", "Presentation by 지호님".
_CANONICAL = re.compile(
    r"^Presentation(?:\s+(?P<number>\d+))?(?:\s+by\s+(?P<name>[^:：]+?))?"
    r"(?:\s*[:：]\s*(?P<rest>.+))?$"
)
_WIKILINK_ANYWHERE = re.compile(r"\[\[(?P<target>[^\[\]|]+)(?:\|[^\[\]]*)?\]\]")


def _split(words: str) -> list[str]:
    return words.split()


# A presentation heading is a name and a paper title; anything longer is prose.
_MAX_HEADING = 400
_SEP = r"\s*(?:[-–—:|：]|->)\s*"
_KO_KEYWORD = r"(?:논문\s*(?:발표|리뷰|소개|정리)?|발표|리뷰)"
_KO_HONORIFIC = re.compile(
    rf"^(?P<name>[가-힣]{{1,6}}(?:님|씨))(?:\s*의)?(?:\s*(?P<kw>{_KO_KEYWORD}))?"
    rf"(?:{_SEP}(?P<rest>.+)|\s+(?P<rest2>.+))?$"
)
_KO_PLAIN = re.compile(
    rf"^(?P<name>[가-힣]{{2,4}})(?:\s*의)?\s*(?P<kw>{_KO_KEYWORD})(?:{_SEP}(?P<rest>.+))?$"
)
_LATIN_WORD = r"[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)?"
_LATIN_NAME = rf"{_LATIN_WORD}(?:\s+(?:{_LATIN_WORD}|[A-Z]\.)){{0,2}}"
# "Alice 논문 - Title (ICML 2018)", "Bob 발표": a Latin name with a Korean talk keyword.
_LATIN_KEYWORD = re.compile(
    rf"^(?P<name>{_LATIN_NAME})(?:\s*(?:님|씨))?(?:\s*의)?\s*(?P<kw>{_KO_KEYWORD})"
    rf"(?:{_SEP}(?P<rest>.+))?$"
)
_LATIN_COLON = re.compile(rf"^(?P<name>{_LATIN_NAME})\s*[:：]\s*(?P<rest>.+)$")
_LATIN_DASH = re.compile(rf"^(?P<name>{_LATIN_NAME})\s+(?:[-–—|]|->)\s+(?P<rest>.+)$")
_BRACKETED = re.compile(r"^\[(?P<name>[^\[\]]{1,40})\](?!\()\s*(?:[-–—:|：]\s*)?(?P<rest>.*)$")
_KEY_VALUE = re.compile(
    r"^(?:발표자|presenter|speaker)\s*[:：]\s*(?P<name>[^,;/|]+?)\s*"
    r"(?:[,;/|]\s*(?:논문|paper|title|제목)\s*[:：]\s*(?P<rest>.+))?$",
    re.IGNORECASE,
)
# Words that head ordinary sections ("Summary: ...", "Week 3: ...") rather than name people.
_LATIN_STOP = frozenset(
    _split("""
note notes nb q a qa summary todo week day part chapter section session topic topics agenda
update updates paper papers review reviews lecture mentoring discussion intro introduction
background method methods result results conclusion conclusions appendix step phase lesson
module unit lab homework project idea ideas question questions answer answers problem
problems issue issues bug bugs fix tip tips warning important news misc other others next
previous related keynote tutorial workshop poster posters oral demo goal goals plan plans
status key main takeaway takeaways recap retro retrospective follow overview abstract
motivation experiment experiments dataset datasets model models training evaluation ablation
ablations limitation limitations future work reference references link links resource
resources definition example examples theorem lemma proof remark remarks task tasks action
actions decision decisions feedback comment comments attendees date time location place
venue title author authors presenter speaker host source code data setup install
installation usage config configuration tldr keywords tags schedule timeline deadline
reminder announcement announcements minutes log journal daily weekly monthly today tomorrow
yesterday morning afternoon evening round track reading readings assignment assignments
exercise exercises quiz exam midterm final panel invited talk talks spotlight best new old
open closed done wip draft aside edit edited see also caveat caution danger info hint
success failure error reading learning meeting pretraining finetuning fine-tuning setting
settings testing thinking scaling writing planning ranking pooling sampling encoding
decoding embedding prompting tuning clustering matching tracking parsing processing
labeling onboarding coding debugging logging reasoning inference architecture
implementation analysis observation observations insight insights point points pros cons
why what how when where who which chat slides slide video recording paper's our my your
their this that these those the an and or for with about part day session study group
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december spring summer fall autumn winter
semester term team club class seminar sync standup kickoff holiday
""")
)
_LATIN_STOP_SUFFIXES = (
    "tion",
    "tions",
    "ment",
    "ments",
    "ness",
    "ity",
    "ities",
    "ics",
    "ogy",
    "ism",
    "isms",
)
_KO_STOP = frozenset(
    _split("""
최신 오늘 이번 다음 지난 관련 추천 주요 기타 참고 읽을 후속 핵심 개인 전체 기존 신규 우리 팀 조별
개별 이전 금주 차주 다른 중간 최종 기말 논문 발표 세미나 스터디 리딩 나의 오전 오후 첫 공지 정리
필독 요약 질문 메모 회고 과제 숙제 중요 예정 완료 진행 보류 번역 리뷰 강의 멘토링 특강 토론 실습
복습 예습 소개 팀별 조별 개인별 주간 월간 일일 이번주 다음주 지난주 오늘의 학회 초청 외부 내부
선정 후보 대상 관심 인상 깊은 좋은 재밌는 읽은 읽을거리 모든 각자 각 조 반 전원 주제 기술 연구
""")
)
_KO_TITLE_WORDS = ("교수님", "멘토님", "선생님", "조교님", "강사님", "튜터님", "운영진님", "여러분")
_VENUES = frozenset(
    _split("""
cvpr iccv eccv neurips nips icml iclr aaai ijcai acl emnlp naacl coling eacl wacv bmvc kdd www
sigir chi tpami tmlr jmlr nature science interspeech icassp miccai corl rss icra iros siggraph
tog tip tnnls ijcv uai aistats colt colm cikm wsdm recsys mlsys osdi sosp nsdi isca
""")
)
_MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_WIKILINK = re.compile(r"\[\[(?P<target>[^\]|]+)(?:\|(?P<alias>[^\]]+))?\]\]")
_URL = re.compile(r"<?(?P<url>https?://[^\s<>]+?)>?(?=[\s)\]]|$)")
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(?P<id>\d{4}\.\d{4,5})(?:v\d+)?", re.I)
_ARXIV_TEXT = re.compile(r"\barxiv\s*[:.]?\s*(?P<id>\d{4}\.\d{4,5})(?:v\d+)?", re.I)
_ARXIV_BARE = re.compile(r"(?<![\d.])(?P<id>\d{2}(?:0[1-9]|1[0-2])\.\d{5})(?:v\d+)?(?![\d.])")
_DOI = re.compile(
    r"(?:\bdoi\s*:\s*|https?://(?:dx\.)?doi\.org/)?(?P<doi>\b10\.\d{4,9}/[^\s\"'<>]+)", re.I
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"), ("「", "」"), ("『", "』"), ("«", "»"))


def parse_presentation_heading(
    text: str, known_people: Collection[str] = ()
) -> tuple[str | None, PaperRef | None] | None:
    """``(presenter, paper)`` when the heading announces a presentation, else None."""
    if len(text) > _MAX_HEADING:
        return None
    clean = _clean_heading(text)
    if not clean:
        return None
    canonical = _CANONICAL.match(clean)
    if canonical and (canonical["number"] or canonical["name"]):
        rest = canonical["rest"]
        return canonical["name"], parse_paper(rest) if rest else None
    known = _known_map(tuple(known_people))
    found = _match_presenter(clean, known)
    if found is None:
        return None
    name, rest = found
    return name, parse_paper(rest) if rest else None


def may_name(text: str, names: Collection[str]) -> bool:
    """Whether knowing ``names`` too could change what :func:`parse_presentation_heading`
    makes of ``text``: it asks only whether a known name, folded, is in the clean heading."""
    if len(text) > _MAX_HEADING:
        return False
    clean = _clean_heading(text)
    if not clean:
        return False
    canonical = _CANONICAL.match(clean)
    if canonical and (canonical["number"] or canonical["name"]):
        return False
    folded = clean.casefold()
    return any(_fold_name(name) in folded for name in names if name and name.strip())


@functools.lru_cache(maxsize=8)
def _known_map(names: tuple[str, ...]) -> dict[str, str]:
    """Folded name -> name as known, longest first; cached, a note asks once per heading."""
    known = {_fold_name(name): name.strip() for name in names if name and name.strip()}
    return dict(sorted(known.items(), key=lambda item: -len(item[0])))


def _clean_heading(text: str) -> str:
    text = re.sub(r"\s+#+\s*$", "", text.strip())  # ATX closing sequence
    text = text.replace("**", "").replace("__", "")
    # Obsidian notes link people and papers: "[[민수님]]: Title" reads as "민수님: Title".
    text = _WIKILINK_ANYWHERE.sub(lambda m: m["target"].strip(), text)
    # Leading emoji or bullets ("📄 민수님 발표") carry no meaning here.
    text = re.sub(r"^[^\w\[\"“'‘「『]+", "", text)
    return " ".join(text.split())


def _fold_name(name: str) -> str:
    name = " ".join(name.split()).casefold()
    return name.removesuffix("님").removesuffix("씨").strip()


def _match_presenter(text: str, known: dict[str, str]) -> tuple[str, str | None] | None:
    match = _KEY_VALUE.match(text)
    if match and _plausible(match["name"], known, loose=True):
        return match["name"].strip(), match["rest"]
    match = _BRACKETED.match(text)
    if match and _plausible(match["name"], known, loose=False):
        return match["name"].strip(), match["rest"] or None
    match = _KO_HONORIFIC.match(text)
    if match:
        name, keyword = match["name"], match["kw"]
        # "멘토님 피드백" (no keyword, no separator) is a topic, not a talk; "민수님 프로젝트
        # 업데이트" is one when 민수 is someone known (a member, or named at this meeting).
        is_known = _fold_name(name) in known
        if (keyword or match["rest2"] is None or is_known) and (
            keyword or name not in _KO_TITLE_WORDS or is_known
        ):
            rest2 = match["rest2"]
            if rest2 is not None and not keyword and not _looks_like_paper(rest2):
                return name, None  # what the talk is about stays in its heading
            return name, match["rest"] or rest2
    match = _KO_PLAIN.match(text)
    if match and (match["name"] not in _KO_STOP or _fold_name(match["name"]) in known):
        return match["name"], match["rest"]
    match = _LATIN_KEYWORD.match(text)
    if match and _plausible_latin(match["name"], known):
        return match["name"], match["rest"]
    match = _LATIN_COLON.match(text)
    if match and _plausible_latin(match["name"], known):
        return match["name"], match["rest"]
    match = _LATIN_DASH.match(text)
    if (
        match
        and _plausible_latin(match["name"], known)
        and (_fold_name(match["name"]) in known or _looks_like_paper(match["rest"]))
    ):
        return match["name"], match["rest"]
    return _match_known(text, known)


def _match_known(text: str, known: dict[str, str]) -> tuple[str, str | None] | None:
    """Headings that name someone already known: ``민수: X``, ``X (Alice)``, ``X by Alice``."""
    if not known:
        return None
    folded_text = text.casefold()
    for folded, name in known.items():
        if folded not in folded_text:
            continue  # cheap check first: most headings name none of many known people
        pattern = re.escape(folded)
        lead = re.match(
            rf"^(?P<name>{pattern})(?:\s*(?:님|씨))?(?:\s*의)?"
            rf"(?:\s*{_KO_KEYWORD})?(?:{_SEP}(?P<rest>.+))?$",
            text,
            re.I,
        )
        if lead and (lead["rest"] or len(lead[0]) > len(lead["name"]) or text.casefold() == folded):
            return name, lead["rest"]
        tail = re.match(
            rf"^(?P<rest>.+?)\s*(?:\(\s*(?:{pattern})(?:\s*(?:님|씨))?\s*\)|"
            rf"\s+by\s+(?:{pattern})|{_SEP}(?:{pattern})(?:\s*(?:님|씨))?)$",
            text,
            re.I,
        )
        if tail:
            return name, tail["rest"]
    return None


def _plausible(name: str, known: dict[str, str], *, loose: bool) -> bool:
    name = name.strip()
    if _fold_name(name) in known:
        return True
    if re.fullmatch(r"[가-힣]{1,6}(?:님|씨)", name):
        return name not in _KO_TITLE_WORDS or loose
    if loose and re.fullmatch(r"[가-힣]{2,4}", name):
        return name not in _KO_STOP
    return bool(re.fullmatch(_LATIN_NAME, name)) and _plausible_latin(name, known)


def _plausible_latin(name: str, known: dict[str, str]) -> bool:
    if _fold_name(name) in known:
        return True
    words = name.split()
    first = words[0].casefold()
    if first in _LATIN_STOP or words[-1].casefold() in _LATIN_STOP:
        return False
    if first in _VENUES:
        return False
    return not (len(words) == 1 and (first.endswith(_LATIN_STOP_SUFFIXES) or first.endswith("ers")))


def _looks_like_paper(rest: str) -> bool:
    stripped = rest.strip()
    if stripped[:1] in {q for q, _ in _QUOTES} or _MD_LINK.search(stripped):
        return True
    if _ARXIV_TEXT.search(stripped) or _ARXIV_URL.search(stripped) or _DOI.search(stripped):
        return True
    tail = re.search(r"[(\[]([^()\[\]]*)[)\]]\s*$", stripped)
    return bool(tail and _venue_like(tail[1]))


def _venue_like(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    return bool(_YEAR.search(text)) or any(word.casefold() in _VENUES for word in words[:2])


def parse_paper(text: str) -> PaperRef | None:
    """The paper a heading names after its presenter: title, venue, year, arXiv id, DOI, URL."""
    rest = text.strip()
    url: str | None = None
    title: str | None = None
    link = _MD_LINK.search(rest)
    if link:
        title, url = link["text"].strip(), link["url"]
        rest = rest[: link.start()] + " " + rest[link.end() :]
    wiki = _WIKILINK.search(rest)
    if wiki and title is None:
        title = (wiki["alias"] or wiki["target"]).strip()
        rest = rest[: wiki.start()] + " " + rest[wiki.end() :]
    arxiv_id: str | None = None
    doi: str | None = None
    bare_url = _URL.search(rest)
    if bare_url:
        url = url or bare_url["url"]
        rest = rest[: bare_url.start()] + " " + rest[bare_url.end() :]
    if url:
        found = _ARXIV_URL.search(url)
        arxiv_id = found["id"] if found else None
        doi_found = _DOI.search(url)
        doi = _clean_doi(doi_found["doi"]) if doi_found else None
    for pattern in (_ARXIV_TEXT, _ARXIV_BARE):
        found = pattern.search(rest)
        if found:
            arxiv_id = arxiv_id or found["id"]
            rest = rest[: found.start()] + " " + rest[found.end() :]
            break
    doi_found = _DOI.search(rest)
    if doi_found:
        doi = doi or _clean_doi(doi_found["doi"])
        rest = rest[: doi_found.start()] + " " + rest[doi_found.end() :]
    rest, venue = _take_venue(rest)
    if title is None:
        title = _clean_title(rest)
    year = int(_YEAR.search(venue)[1]) if venue and _YEAR.search(venue) else None  # type: ignore[index]
    if year is None and arxiv_id:
        year = 2000 + int(arxiv_id[:2])
    if not title:
        title = f"arXiv:{arxiv_id}" if arxiv_id else (doi or url or "")
    if not title:
        return None
    return PaperRef(title=title, venue=venue, year=year, arxiv_id=arxiv_id, doi=doi, url=url)


def _clean_doi(doi: str) -> str:
    return doi.rstrip(".,;:)]")


def _take_venue(text: str) -> tuple[str, str | None]:
    """Split ``Title (CVPR 2024)`` into the title part and the venue."""
    rest = re.sub(r"[(\[]\s*[,;]?\s*[)\]]", " ", text).strip()  # parentheses emptied of ids
    venue: str | None = None
    tail = re.search(r"[(\[]([^()\[\]]*)[)\]]\s*$", rest)
    if tail and _venue_like(tail[1]):
        venue = " ".join(tail[1].strip(" ,;").split()) or None
        rest = rest[: tail.start()].strip()
    else:
        trailing = re.search(r"(?:,|\s[-–—|])\s*(?P<venue>([A-Za-z]+)\s*'?\d{2,4}\b.*)$", rest)
        if trailing and trailing[2].casefold() in _VENUES:
            venue = trailing["venue"].strip()
            rest = rest[: trailing.start()].strip()
    return rest, venue


def _clean_title(text: str) -> str:
    title = " ".join(text.split()).strip(" -–—:|,;")
    for emphasis in ("*", "_", "`"):
        if len(title) > 2 and title.startswith(emphasis) and title.endswith(emphasis):
            title = title.strip(emphasis).strip()
    for left, right in _QUOTES:
        if len(title) >= 2 and title.startswith(left) and title.endswith(right):
            title = title[len(left) : -len(right)].strip()
            break
    return title
