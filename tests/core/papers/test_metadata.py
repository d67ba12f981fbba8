"""Fetching metadata from a local server that serves recorded arXiv and Crossref replies."""

import time

import pytest

from studyapp.core.errors import StudyappError
from studyapp.core.papers.metadata import (
    MetadataError,
    MetadataFetcher,
    MetadataUnavailable,
    parse_arxiv_feed,
    parse_crossref_work,
)

from .conftest import FIXTURES, load_server_module

server_ids = load_server_module()


@pytest.fixture
def fetcher(metadata_server):
    return MetadataFetcher(timeout=0.5)


def test_arxiv_paper_with_korean_and_accented_authors(fetcher, metadata_server):
    fields = fetcher.arxiv("2401.01234")
    assert fields.title == "Tiny Teachers: Distilling Vision-Language Models into Small Students"
    assert fields.authors == ("김민지", "Dong-hoon Lee", "Jürgen Müller")
    assert fields.year == 2024
    assert fields.venue == "CVPR 2024"  # the journal reference
    assert fields.arxiv_id == "2401.01234"
    assert fields.doi == "10.1109/cvpr52733.2024.01234"
    assert fields.url == "https://arxiv.org/abs/2401.01234"
    assert fields.abstract.startswith("We distill CLIP-scale teachers")
    assert "\n" not in fields.abstract
    assert metadata_server.requests == ["/arxiv/query?id_list=2401.01234&max_results=1"]


def test_old_style_arxiv_id(fetcher):
    fields = fetcher.arxiv("hep-th/9901001")
    assert fields.title == "Notes on D-Branes and Gauge Theory"
    assert fields.authors == ("Edward Witten",)
    assert fields.year == 1999
    assert fields.venue == "arXiv"
    assert fields.doi is None


def test_unknown_arxiv_id(fetcher):
    with pytest.raises(MetadataError, match=r"^arXiv has no paper 9999\.99999$"):
        fetcher.arxiv(server_ids.UNKNOWN_ARXIV)


def test_arxiv_error_entry_is_not_taken_for_a_paper(fetcher):
    with pytest.raises(MetadataError, match=r"^arXiv has no paper 2413\.00001$"):
        fetcher.arxiv("2413.00001")


def test_arxiv_timeout(metadata_server):
    fetcher = MetadataFetcher(timeout=0.3)
    started = time.monotonic()
    with pytest.raises(MetadataError) as caught:
        fetcher.arxiv(server_ids.SLOW_ARXIV)
    assert time.monotonic() - started < 5
    assert str(caught.value) == (
        "Could not reach arXiv (timed out after 0.3 s); fill in the details by hand"
    )


def test_arxiv_malformed_reply(fetcher):
    with pytest.raises(MetadataError, match="arXiv sent a reply that could not be read"):
        fetcher.arxiv(server_ids.BROKEN_ARXIV)


def test_arxiv_server_error(fetcher):
    with pytest.raises(MetadataError, match=r"arXiv answered with an error \(HTTP 503\)"):
        fetcher.arxiv(server_ids.FAILING_ARXIV)


def test_crossref_proceedings_with_korean_author(fetcher, metadata_server):
    fields = fetcher.crossref("10.1145/3580305.3599390")
    assert fields.title == "Graph Transformers for Bilingual Note Search: 스터디 노트 검색"
    # Family name first and no space for Hangul; an organization keeps its name.
    assert fields.authors == ("김민지", "Alice O'Neil", "KD Study Consortium")
    assert fields.venue == "KDD '23"
    assert fields.year == 2023
    assert fields.doi == "10.1145/3580305.3599390"
    assert fields.abstract == "We search bilingual study notes."
    assert metadata_server.requests == ["/crossref/works/10.1145%2F3580305.3599390"]


def test_crossref_journal_article(fetcher):
    fields = fetcher.crossref("10.1016/j.patcog.2024.110123")
    assert fields.title == "Universal Cross-Domain Retrieval with Adapters"
    assert fields.authors == ("Ji-woo Park", "田中武")
    assert fields.venue == "Pattern Recognition"
    assert fields.year == 2024


def test_unknown_doi(fetcher):
    with pytest.raises(MetadataError, match=r"^Crossref has no record of DOI 10\.9999/unknown$"):
        fetcher.crossref(server_ids.UNKNOWN_DOI)


def test_crossref_timeout_message(metadata_server):
    fetcher = MetadataFetcher(timeout=0.3)
    with pytest.raises(MetadataError) as caught:
        fetcher.crossref(server_ids.SLOW_DOI)
    assert str(caught.value) == (
        "Could not reach Crossref (timed out after 0.3 s); fill in the details by hand"
    )


def test_default_timeout_reads_as_in_the_message():
    assert MetadataFetcher().timeout == 8


def test_crossref_malformed_and_failing_replies(fetcher):
    with pytest.raises(MetadataError, match="Crossref sent a reply that could not be read"):
        fetcher.crossref(server_ids.BROKEN_DOI)
    with pytest.raises(MetadataError, match=r"HTTP 500"):
        fetcher.crossref(server_ids.FAILING_DOI)


def test_nothing_listening(monkeypatch):
    # A port that was just free: the connection is refused at once.
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("STUDYAPP_CROSSREF_API", f"http://127.0.0.1:{port}/works")
    with pytest.raises(MetadataError, match=r"^Could not reach Crossref \(.+\); fill in"):
        MetadataFetcher(timeout=0.5).crossref("10.1000/xyz")


def test_metadata_error_is_a_studyapp_error():
    assert issubclass(MetadataError, StudyappError)


def test_parsers_work_on_the_recorded_bodies_directly():
    feed = (FIXTURES / "arxiv-2401.01234.xml").read_bytes()
    assert parse_arxiv_feed(feed, "2401.01234").year == 2024
    work = (FIXTURES / "crossref-10.1016-j.patcog.2024.110123.json").read_bytes()
    assert parse_crossref_work(work, "10.1016/j.patcog.2024.110123").year == 2024
    with pytest.raises(MetadataError):
        parse_crossref_work(b'{"status": "ok", "message": []}', "10.1/x")
    with pytest.raises(MetadataError):
        parse_arxiv_feed(b"<rss/>", "2401.01234")


def test_worth_asking_again_is_told_apart_from_no_such_paper(fetcher):
    # Offline, slow, failing or answering with a page that is no reply: ask again later.
    unanswered = []
    for ask in (
        lambda: MetadataFetcher(timeout=0.3).arxiv(server_ids.SLOW_ARXIV),
        lambda: fetcher.arxiv(server_ids.BROKEN_ARXIV),
        lambda: fetcher.arxiv(server_ids.FAILING_ARXIV),
        lambda: fetcher.crossref(server_ids.BROKEN_DOI),
    ):
        with pytest.raises(MetadataUnavailable) as caught:
            ask()
        unanswered.append(caught.value)
    assert all("by hand" in str(error) and "by hand" not in error.brief for error in unanswered)
    assert unanswered[0].brief == "Could not reach arXiv (timed out after 0.3 s)"
    # A clear "no": not worth asking again.
    for ask in (
        lambda: fetcher.arxiv(server_ids.UNKNOWN_ARXIV),
        lambda: fetcher.crossref(server_ids.UNKNOWN_DOI),
    ):
        with pytest.raises(MetadataError) as caught:
            ask()
        assert not isinstance(caught.value, MetadataUnavailable)


def test_a_refused_connection_is_worth_asking_again(offline):
    with pytest.raises(MetadataUnavailable, match=r"^Could not reach arXiv \(.+\); fill in"):
        MetadataFetcher(timeout=0.5).arxiv("2401.01234")
