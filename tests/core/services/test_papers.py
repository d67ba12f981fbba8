"""PaperService: adding by id, DOI or BibTeX, duplicates, the library table and exports."""

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import bibtexparser
import pytest

from studyapp.core import models
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.papers.metadata import MetadataError, MetadataFetcher
from studyapp.core.services.papers import DuplicatePaperError, PaperFields, PaperService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService

SERVER = Path(__file__).parents[2] / "fixtures" / "metadata" / "server.py"


def _server_module():
    name = "studyapp_test_metadata_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SERVER)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture
def server(monkeypatch):
    with _server_module().recorded_server() as running:
        monkeypatch.setenv("STUDYAPP_ARXIV_API", running.arxiv_api)
        monkeypatch.setenv("STUDYAPP_CROSSREF_API", running.crossref_api)
        yield running


@pytest.fixture
def service(database, server):
    return PaperService(database, fetcher=MetadataFetcher(timeout=0.3))


def _count(service):
    return len(service.rows())


def test_add_arxiv_id_fetches_and_catches_the_duplicate(service, server):
    result = service.add_from_text("https://arxiv.org/abs/2401.01234v2")
    (paper,) = result.created
    assert paper.title.startswith("Tiny Teachers")
    assert paper.authors[0] == "김민지"
    assert paper.arxiv_id == "2401.01234"
    assert paper.doi == "10.1109/cvpr52733.2024.01234"
    assert len(server.requests) == 1
    again = service.add_from_text("arXiv:2401.01234v1")
    assert again.created == ()
    assert [p.id for p in again.duplicates] == [paper.id]
    assert len(server.requests) == 1  # known id: no network request


def test_add_doi_and_duplicate_by_doi_or_title(service):
    (paper,) = service.add_from_text("https://doi.org/10.1016/j.patcog.2024.110123").created
    assert paper.venue == "Pattern Recognition"
    with pytest.raises(DuplicatePaperError) as caught:
        service.add(PaperFields(title="Whatever", doi="doi:10.1016/J.PATCOG.2024.110123"))
    assert caught.value.existing.id == paper.id
    assert str(caught.value) == f"Already in the library: #{paper.id} {paper.title}"
    # Same title written differently.
    dup = service.find_duplicate(
        PaperFields(title="universal cross-domain retrieval WITH adapters!")
    )
    assert dup is not None and dup.id == paper.id


def test_an_unknown_id_creates_nothing(service):
    ids = _server_module()
    with pytest.raises(MetadataError, match=r"arXiv has no paper 9999\.99999"):
        service.add_from_text(ids.UNKNOWN_ARXIV)
    with pytest.raises(MetadataError, match="Crossref has no record"):
        service.add_from_text(ids.UNKNOWN_DOI)
    assert _count(service) == 0


def test_without_fetch_the_id_alone_is_stored(service, server):
    result = service.add_from_text("hep-th/9901001v2", fetch=False)
    assert result.created[0].title == "arXiv:hep-th/9901001"
    assert server.requests == []


def test_lookup_does_not_write(service):
    fields = service.lookup("10.1145/3580305.3599390")
    assert fields.authors[0] == "김민지"
    assert _count(service) == 0
    with pytest.raises(ValidationError, match="Not an arXiv id, DOI or BibTeX entry: hello"):
        service.lookup("hello")


BIB = r"""
@inproceedings{park2024,
  title = {Universal Cross-Domain Retrieval with Adapters},
  author = {Park, Ji-woo},
  booktitle = {Pattern Recognition},
  year = {2024},
}
@article{choi2023,
  title = {Small Models, Big Notes},
  author = {최유진 and Smith, Anna},
  journal = {TPAMI},
  year = {2023},
  keywords = {notes, 요약},
}
"""


def test_bibtex_entries_are_created_or_reported(service):
    service.add(PaperFields(title="Universal cross-domain retrieval with adapters", year=2024))
    result = service.add_from_text(BIB)
    assert [p.title for p in result.created] == ["Small Models, Big Notes"]
    assert result.created[0].tags == ("notes", "요약")
    assert len(result.duplicates) == 1
    assert "same title" in result.warnings[0]


def test_malformed_bibtex_creates_nothing(service, tmp_path):
    broken = BIB + "\n@article{bad, title = {Never closed,\n"
    with pytest.raises(ValidationError, match="Malformed BibTeX, nothing was added: line"):
        service.add_from_text(broken)
    path = tmp_path / "refs.bib"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ValidationError, match=r"^refs\.bib: Malformed BibTeX"):
        service.add_from_file(path)
    assert _count(service) == 0
    path.write_text(BIB, encoding="utf-8")
    assert len(service.add_from_file(path).created) == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (PaperFields(title="  "), "A paper needs a title."),
        (PaperFields(title="X", year=3024), "between 1900 and 2100"),
        (PaperFields(title="X", doi="not-a-doi"), "Not a DOI: not-a-doi"),
        (PaperFields(title="X", arxiv_id="2413.1"), "Not an arXiv id: 2413.1"),
        (PaperFields(title="X", url="javascript:alert(1)"), "must start with http"),
    ],
)
def test_add_validates(service, fields, message):
    with pytest.raises(ValidationError, match=message):
        service.add(fields)


def test_add_normalizes_and_update_checks_duplicates(service):
    first = service.add(
        PaperFields(title=" Tiny   Teachers ", arxiv_id="arXiv:2401.01234v2", tags=("#kd", "kd"))
    )
    assert (first.title, first.arxiv_id, first.tags) == ("Tiny Teachers", "2401.01234", ("kd",))
    second = service.add(PaperFields(title="Other", doi="10.1000/ABC"))
    assert second.doi == "10.1000/abc"
    updated = service.update(second.id, PaperFields(title="Other (v2)", venue="ICLR 2025"))
    assert (updated.title, updated.venue, updated.doi) == ("Other (v2)", "ICLR 2025", None)
    assert service.get(second.id) == updated
    with pytest.raises(DuplicatePaperError):
        service.update(second.id, PaperFields(title="tiny teachers"))
    with pytest.raises(NotFoundError, match=r"There is no paper #999\."):
        service.get(999)


def test_rows_count_presentations_and_filter(database, service):
    tiny = service.add(PaperFields(title="Tiny Teachers", authors=("김민지",), year=2024))
    other = service.add(PaperFields(title="Big Students", year=2023, tags=("비전",)))
    sessions = SessionService(database)
    slots = PresentationService(database)
    today = dt.date.today()
    for group, date in (("KD 스터디", dt.date(2025, 1, 6)), ("MUG", dt.date(2025, 2, 3))):
        session = sessions.create(group=group, title="meeting", date=date)
        slots.add(session.id, presenter="민수", paper=PaperRef(title="Tiny Teachers"))
    trashed = sessions.create(group="MUG", title="trashed", date=dt.date(2025, 2, 10))
    slots.add(trashed.id, presenter="Alice", paper=PaperRef(title="Tiny Teachers"))
    sessions.trash(trashed.id)
    ahead = sessions.create(group="MUG", title="planned", date=today + dt.timedelta(days=7))
    slots.add(ahead.id, presenter="Alice", paper=PaperRef(title="Big Students"))

    rows = {row.paper.id: row for row in service.rows()}
    assert (rows[tiny.id].times_presented, rows[tiny.id].last_presented) == (
        2,
        dt.date(2025, 2, 3),
    )
    assert (rows[other.id].times_presented, rows[other.id].last_presented) == (0, None)
    assert [r.paper.id for r in service.rows("김민")] == [tiny.id]
    assert [r.paper.id for r in service.rows("비전")] == [other.id]
    assert [r.paper.id for r in service.rows(group="KD 스터디")] == [tiny.id]
    with pytest.raises(NotFoundError):
        service.rows(group="nobody")


def test_export_bibtex_round_trip(service, tmp_path):
    service.add_from_text("2401.01234")
    service.add_from_text(BIB)
    path = tmp_path / "out.bib"
    assert service.export_bibtex(path) == 3
    library = bibtexparser.parse_file(str(path))
    assert not library.failed_blocks
    back = {fields.title: fields for fields in service.parse_bibtex(path.read_text("utf-8"))}
    by_title = {row.paper.title: row.paper for row in service.rows()}
    assert back.keys() == by_title.keys()
    for title, fields in back.items():
        assert fields.authors == by_title[title].authors
        assert fields.year == by_title[title].year
        assert fields.doi == by_title[title].doi
    assert service.bibtex() == path.read_text("utf-8")


def test_reading_list_by_year_then_by_assignment_status(database, service):
    tiny = service.add(PaperFields(title="Tiny [Teachers]", year=2024, url="https://x.org/t"))
    service.add(PaperFields(title="Old One", year=2019, venue="NeurIPS 2019"))
    page = service.reading_list_markdown()
    assert page.startswith("# Reading list\n")
    assert page.index("## 2024") < page.index("## 2019")
    assert r"- [Tiny \[Teachers\]](<https://x.org/t>) (2024)" in page
    assert "- Old One (NeurIPS 2019)" in page
    with database.transaction() as orm:
        person = models.Person(name="민수")
        orm.add(person)
        orm.flush()
        orm.add(
            models.ReadingAssignment(
                paper_id=tiny.id,
                person_id=person.id,
                due_date=dt.date(2025, 3, 10),
                status=models.AssignmentStatus.READING,
            )
        )
    page = service.reading_list_markdown()
    assert "## Reading" in page and "## Not assigned" in page
    assert "— 민수 (due 2025-03-10)" in page
