"""Parsing a search query: terms, phrases, exclusions, filters and their errors."""

import datetime as dt

import pytest

from studyapp.core.errors import ValidationError
from studyapp.core.search.query import Clause, parse_query


def test_terms_phrases_and_exclusions():
    query = parse_query('교사 "knowledge distillation" -draft')
    assert query.terms == [Clause("교사"), Clause("knowledge distillation", exact=True)]
    assert query.excluded == [Clause("draft")]
    assert not query.has_filters


def test_filters_with_quoted_values():
    query = parse_query(
        'group:"KD 스터디" kind:paper-review presenter:동훈 paper:distill '
        "after:2025-01-01 before:2025-07-01 is:open 증류"
    )
    assert query.group == "KD 스터디"
    assert query.kind == "paper review"
    assert query.presenter == "동훈"
    assert query.paper == "distill"
    assert query.after == dt.date(2025, 1, 1)
    assert query.before == dt.date(2025, 7, 1)
    assert query.open_todos
    assert query.terms == [Clause("증류")]


def test_kind_accepts_a_unique_prefix():
    assert parse_query("kind:lect").kind == "lecture"


def test_unknown_keys_are_plain_terms():
    assert parse_query("https://arxiv.org").terms == [Clause("https://arxiv.org")]


def test_empty_query():
    assert parse_query("   ").is_empty


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("before:2025-13-01", "before: needs a date written YYYY-MM-DD"),
        ("after:yesterday", "after: needs a date written YYYY-MM-DD"),
        ("kind:party", "kind:party is not a session kind"),
        ("is:closed", "is:closed is not a filter"),
        ("group:", "group: needs a value"),
    ],
)
def test_bad_filters_are_readable_errors(text, message):
    with pytest.raises(ValidationError) as raised:
        parse_query(text)
    assert message in str(raised.value)
