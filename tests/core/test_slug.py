import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.slug import MAX_FILE_NAME_BYTES, session_file_name, slugify

UNSAFE = set('/\\:*?"<>|')


def _is_safe(slug: str) -> bool:
    return (
        bool(slug)
        and slug not in {".", ".."}
        and not slug.startswith(".")
        and not UNSAFE & set(slug)
        and all(ord(char) >= 32 for char in slug)
        and slug == slug.strip("-")
        and "--" not in slug
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Vision reading group 250310", "vision-reading-group-250310"),
        ("동훈님 논문 - UCDR-Adapter (WACV 2025)", "동훈님-논문-ucdr-adapter-wacv-2025"),
        ("KD 스터디: 교사 모델 정리", "kd-스터디-교사-모델-정리"),
        ("Boostcamp AI Tech (Day 052)", "boostcamp-ai-tech-day-052"),
        ("  Don't   panic!  ", "dont-panic"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-fg-h-i-j"),
        ("tab\tand\nnewline", "tab-and-newline"),
        ("zero\u200bwidth", "zerowidth"),
        ("Ünïcödé Café", "ünïcödé-café"),
    ],
)
def test_slugify_examples(title, expected):
    assert slugify(title) == expected


def test_hangul_is_kept_and_composed():
    decomposed = unicodedata.normalize("NFD", "교사 모델")
    assert slugify(decomposed) == "교사-모델"
    assert unicodedata.is_normalized("NFC", slugify(decomposed))


@pytest.mark.parametrize("title", ["../../etc/passwd", "..\\..\\windows\\system32"])
def test_path_traversal_cannot_escape(title):
    slug = slugify(title)
    assert _is_safe(slug)
    assert "/" not in slug and "\\" not in slug and ".." not in slug
    assert slug in {"etc-passwd", "windows-system32"}


@pytest.mark.parametrize("title", ["///...", "", "   ", "...", "..", ".", "?!?", "/", "***", "—"])
def test_titles_without_letters_are_untitled(title):
    assert slugify(title) == "untitled"


def test_leading_dots_are_dropped():
    assert slugify(".hidden file") == "hidden-file"


@pytest.mark.parametrize("title", ["CON", "nul", "Com1", "LPT9", "aux"])
def test_windows_reserved_names_are_avoided(title):
    slug = slugify(title)
    assert slug.lower() not in {"con", "nul", "com1", "lpt9", "aux"}
    assert _is_safe(slug)


def test_long_korean_title_is_capped_on_a_character_boundary():
    title = "교사 모델이 작아도 학생 성능이 유지되는 조건을 분석하고 " * 20
    slug = slugify(title)
    assert len(slug) <= 80
    assert slug.encode("utf-8").decode("utf-8") == slug
    assert _is_safe(slug)
    name = session_file_name(dt.date(2025, 3, 10), title, ".html")
    assert len(name.encode("utf-8")) < MAX_FILE_NAME_BYTES
    assert name.startswith("2025-03-10-교사-모델이")


def test_long_latin_title_respects_max_length():
    slug = slugify("word " * 100, max_length=20)
    assert len(slug) <= 20 and _is_safe(slug)


def test_four_byte_characters_stay_under_the_byte_cap():
    slug = slugify("𠀀" * 200, max_length=200)
    assert len(slug.encode("utf-8")) <= 170


def test_session_file_name():
    assert (
        session_file_name(dt.date(2025, 1, 20), "Weekly paper club")
        == "2025-01-20-weekly-paper-club.md"
    )
    assert session_file_name(dt.date(2024, 12, 3), "///...", ".html") == "2024-12-03-untitled.html"


@pytest.mark.parametrize("ext", ["md", "/x.md", ".m/d", ""])
def test_session_file_name_rejects_odd_extensions(ext):
    with pytest.raises(ValueError):
        session_file_name(dt.date(2025, 1, 1), "x", ext)


def test_slugify_is_deterministic_and_idempotent():
    title = "Mixed 한국어 English — ICLR 2025 spotlight"
    assert slugify(title) == slugify(title)
    assert slugify(slugify(title)) == slugify(title)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_title_gives_a_safe_name(title):
    slug = slugify(title)
    assert _is_safe(slug)
    assert slug.lower() not in {"con", "prn", "aux", "nul", "com1", "lpt1"}
    name = session_file_name(dt.date(2025, 1, 1), title, ".html")
    assert len(name.encode("utf-8")) < MAX_FILE_NAME_BYTES
    assert unicodedata.is_normalized("NFC", name)
