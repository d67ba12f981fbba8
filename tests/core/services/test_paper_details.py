"""Papers that keep what they are given: an id kept offline and looked up later, a .bib
or a lookup filling a known paper's empty fields and never a field that has a value."""

import importlib.util
import sys
from pathlib import Path

import pytest

from studyapp.core.papers.metadata import MetadataFetcher, parse_arxiv_feed
from studyapp.core.services.paper_details import PendingPapers, service_of
from studyapp.core.services.papers import PaperFields, PaperService

FIXTURES = Path(__file__).parents[2] / "fixtures" / "metadata"


def _server_module():
    name = "studyapp_test_metadata_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, FIXTURES / "server.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def serve(monkeypatch):
    """Start answering with the recorded replies (the tests begin offline)."""
    started = []

    def start():
        context = _server_module().recorded_server()
        running = context.__enter__()
        started.append(context)
        monkeypatch.setenv("STUDYAPP_ARXIV_API", running.arxiv_api)
        monkeypatch.setenv("STUDYAPP_CROSSREF_API", running.crossref_api)
        return running

    yield start
    for context in started:
        context.__exit__(None, None, None)


@pytest.fixture
def papers(database):
    return PaperService(database, fetcher=MetadataFetcher(timeout=2))


@pytest.fixture
def pending(database):
    return PendingPapers(database, fetcher=MetadataFetcher(timeout=2))


RECORDED = parse_arxiv_feed((FIXTURES / "arxiv-2401.01234.xml").read_bytes(), "2401.01234")


def test_offline_the_id_is_kept_with_its_details_pending(papers, pending, offline):
    result = papers.add_from_text("https://arxiv.org/abs/2401.01234v2")
    (paper,) = result.created
    assert paper.details_pending
    assert (paper.title, paper.arxiv_id) == ("arXiv:2401.01234", "2401.01234")
    assert result.pending_because.startswith("Could not reach arXiv (")
    assert "by hand" not in result.pending_because
    assert [p.id for p in pending.waiting()] == [paper.id]
    # Offline still: adding it again keeps the one paper, still pending.
    again = papers.add_from_text("2401.01234")
    assert (again.created, [p.id for p in again.duplicates]) == ((), [paper.id])
    assert again.pending_because is not None


def test_refresh_fills_in_the_details_once_the_network_answers(papers, pending, offline, serve):
    kept = papers.add_from_text("2401.01234").created[0]
    report = pending.refresh()
    assert report.filled == ()
    assert [(p.id, service) for p, service in report.unanswered] == [
        (kept.id, report.unanswered[0][1])
    ]
    assert report.unanswered[0][1].startswith("Could not reach arXiv")
    server = serve()
    report = pending.refresh()
    (done,) = report.filled
    assert done.paper.id == kept.id
    assert not done.paper.details_pending
    assert (done.paper.title, done.paper.authors, done.paper.year) == (
        RECORDED.title,
        RECORDED.authors,
        RECORDED.year,
    )
    assert done.fields == ("title", "authors", "venue", "year", "link", "DOI", "abstract")
    assert (done.paper.venue, done.paper.doi) == (RECORDED.venue, RECORDED.doi)
    assert pending.waiting() == []
    asked = len(server.requests)
    assert pending.refresh().filled == ()
    assert len(server.requests) == asked  # nothing waits: nothing is asked


def test_a_silent_service_is_asked_once_a_round(papers, pending, serve):
    ids = _server_module()
    failing = papers.add_from_text(ids.FAILING_ARXIV, fetch=False).created[0]
    for other in ("2401.01234", "hep-th/9901001"):
        papers.add_from_text(other, fetch=False)
    doi = papers.add_from_text("10.1145/3580305.3599390", fetch=False).created[0]
    server = serve()
    report = pending.refresh()
    assert [p.arxiv_id for p, _ in report.unanswered] == [
        failing.arxiv_id,
        "2401.01234",
        "hep-th/9901001",
    ]
    assert {reason for _, reason in report.unanswered} == {
        "arXiv answered with an error (HTTP 503)"
    }
    arxiv_asked = [path for path in server.requests if path.startswith("/arxiv")]
    assert len(arxiv_asked) == 1
    # Crossref answered: the DOI was looked up all the same.
    assert [(done.paper.id, service_of(done.paper)) for done in report.filled] == [
        (doi.id, "Crossref")
    ]


def test_an_unknown_id_stays_and_is_reported(papers, pending, serve):
    ids = _server_module()
    kept = papers.add_from_text(ids.UNKNOWN_ARXIV, fetch=False).created[0]
    serve()
    report = pending.refresh()
    assert [(p.id, reason) for p, reason in report.unknown] == [
        (kept.id, f"arXiv has no paper {ids.UNKNOWN_ARXIV}")
    ]
    assert [p.id for p in pending.waiting()] == [kept.id]


BIB = """@inproceedings{kim2024tiny,
  title = {Tiny Teachers: Distilling Vision-Language Models into Small Students},
  author = {김, 민지 and Lee, Dong-hoon},
  booktitle = {CVPR},
  year = {2024},
  eprint = {2401.01234},
  archivePrefix = {arXiv},
  pages = {1--10},
}
"""


def test_a_bib_fills_in_a_paper_kept_by_its_id(papers, pending):
    kept = papers.add_from_text("2401.01234", fetch=False).created[0]
    result = papers.add_from_text(BIB)
    assert result.created == ()
    (paper,) = result.duplicates
    assert paper.id == kept.id
    assert result.filled_in(kept.id) == ("title", "authors", "venue", "year", "BibTeX entry")
    assert not paper.details_pending
    assert paper.authors == ("김민지", "Dong-hoon Lee")
    assert (paper.venue, paper.year, paper.bibtex_key) == ("CVPR", 2024, "kim2024tiny")
    assert pending.waiting() == []
    # The same .bib again: nothing is left to fill.
    again = papers.add_from_text(BIB)
    assert again.filled == ()


def test_what_someone_typed_is_never_overwritten(papers, serve):
    typed = papers.add(
        PaperFields(title="Tiny teachers (our notes)", arxiv_id="2401.01234", venue="ICLR 2025")
    )
    result = papers.add_from_text(BIB)
    (paper,) = result.duplicates
    assert (paper.title, paper.venue) == (typed.title, typed.venue)
    assert result.filled_in(typed.id) == ("authors", "year", "BibTeX entry")
    # A lookup by id fills only what is still empty: the abstract and the DOI.
    serve()
    looked_up = papers.add_from_text("2401.01234")
    assert looked_up.filled_in(typed.id) == ()  # authors and year known: no lookup at all
    assert papers.get(typed.id).abstract == ""


def test_a_lookup_by_id_fills_a_paper_missing_authors(papers, serve):
    bare = papers.add(PaperFields(title="Tiny notes", arxiv_id="2401.01234", year=2023))
    serve()
    result = papers.add_from_text("arXiv:2401.01234")
    assert result.filled_in(bare.id) == ("authors", "venue", "link", "DOI", "abstract")
    paper = papers.get(bare.id)
    assert (paper.title, paper.year) == ("Tiny notes", 2023)
    assert paper.authors == RECORDED.authors


def test_an_id_another_paper_holds_is_not_filled_in(papers):
    holder = papers.add(PaperFields(title="Holder", doi="10.1000/xyz"))
    other = papers.add(PaperFields(title="Tiny Teachers", arxiv_id="2401.01234"))
    bib = "@misc{k, title={Tiny Teachers}, eprint={2401.01234}, doi={10.1000/xyz}, year=2024}"
    result = papers.add_from_text(bib)
    assert result.filled_in(other.id) == ("year", "BibTeX entry")
    assert papers.get(other.id).doi is None
    assert papers.get(holder.id).doi == "10.1000/xyz"
