"""TrashService: trashed sessions come back whole; emptying deletes for good."""

import datetime as dt

import pytest
from sqlalchemy import func, select, update

from studyapp.core import models
from studyapp.core.errors import NotFoundError, ValidationError
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services.assignments import AssignmentService
from studyapp.core.services.attachments import AttachmentService
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService
from studyapp.core.services.trash import TrashService

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def trash(database):
    return TrashService(database)


def add_paper(database, title: str) -> int:
    with database.transaction() as orm:
        paper = models.Paper(title=title, title_key=title.casefold(), venue="WACV", year=2025)
        orm.add(paper)
        orm.flush()
        return paper.id


@pytest.fixture
def full_session(database):
    """A session with a presentation, a to-do, an assignment and an attachment."""
    sessions = SessionService(database)
    session = sessions.create(
        group="KD 스터디", title="0310 리딩 그룹", date=dt.date(2025, 3, 10), body="메모"
    )
    PresentationService(database).add(
        session.id, presenter="동훈님", paper=PaperRef(title="UCDR-Adapter")
    )
    ChecklistService(database).add(session.id, "슬라이드 공유")
    paper_id = add_paper(database, "Distillation")
    AssignmentService(database).assign(paper_id, "Alice", session_id=session.id)
    AttachmentService(database).add(session.id, PNG, "image/png")
    return session.id


def age_trash(database, days: int) -> None:
    """Pretend everything in the trash was trashed ``days`` ago."""
    when = models.utcnow() - dt.timedelta(days=days)
    with database.transaction() as orm:
        for model in (models.Session, models.Paper):
            orm.execute(update(model).where(model.deleted_at.is_not(None)).values(deleted_at=when))


def test_a_trashed_session_comes_back_with_everything(database, trash, full_session):
    sessions = SessionService(database)
    sessions.trash(full_session)
    assert sessions.list_sessions() == []
    [item] = trash.items()
    assert (item.kind, item.id, item.title) == ("session", full_session, "0310 리딩 그룹")
    assert item.detail == "KD 스터디 · 2025-03-10"
    assert item.deleted_at.tzinfo is not None
    assert dt.datetime.now(dt.UTC) - item.deleted_at < dt.timedelta(minutes=1)

    trash.restore("session", full_session)

    detail = sessions.get(full_session)
    assert detail.body.startswith("메모\n")
    assert "## 동훈님: UCDR-Adapter" in detail.body
    assert "- [ ] 슬라이드 공유" in detail.body
    assert [p.presenter for p in detail.presentations] == ["동훈님"]
    assert [c.task.text for c in ChecklistService(database).items(session_id=full_session)] == [
        "슬라이드 공유"
    ]
    assert len(AssignmentService(database).list(session_id=full_session)) == 1
    assert len(AttachmentService(database).names(full_session)) == 1
    assert trash.items() == []


def test_papers_go_to_the_trash_and_back(database, trash):
    paper_id = add_paper(database, "UCDR-Adapter")
    trash.trash_paper(paper_id)
    [item] = trash.items()
    assert (item.kind, item.id, item.detail) == ("paper", paper_id, "WACV 2025")
    with pytest.raises(NotFoundError):
        trash.trash_paper(paper_id)  # already there
    trash.restore_paper(paper_id)
    assert trash.items() == []
    with pytest.raises(NotFoundError):
        trash.restore_paper(paper_id)  # no longer in the trash


def test_empty_deletes_only_what_is_older_than_thirty_days(database, trash, full_session):
    SessionService(database).trash(full_session)
    assert trash.empty() == 0  # trashed just now
    age_trash(database, 31)
    fresh = add_paper(database, "Fresh")
    trash.trash_paper(fresh)

    assert trash.empty() == 1

    assert [(item.kind, item.id) for item in trash.items()] == [("paper", fresh)]
    with database.transaction() as orm:
        assert orm.get(models.Session, full_session) is None
        for model in (models.Presentation, models.ChecklistItem, models.Attachment):
            assert orm.scalar(select(func.count()).select_from(model)) == 0
        # The assignment stays with its paper; it just no longer points at the session.
        assignment = orm.scalars(select(models.ReadingAssignment)).one()
        assert assignment.session_id is None


def test_empty_everything(database, trash, full_session):
    SessionService(database).trash(full_session)
    trash.trash_paper(add_paper(database, "B"))
    assert trash.empty(older_than_days=None) == 2
    assert trash.items() == []
    assert trash.empty(older_than_days=None) == 0


def test_a_trashed_paper_deleted_for_good_leaves_the_presentation(database, trash, full_session):
    with database.transaction() as orm:
        paper_id = orm.scalars(select(models.Presentation.paper_id)).one()
    trash.trash_paper(paper_id)
    trash.delete("paper", paper_id)
    [slot] = SessionService(database).get(full_session).presentations
    assert slot.presenter == "동훈님"


def test_readable_errors(trash, database):
    with pytest.raises(ValidationError, match="session or paper"):
        trash.restore("group", 1)
    with pytest.raises(NotFoundError, match="no session 99"):
        trash.restore("sessions", 99)
    with pytest.raises(NotFoundError):
        trash.delete("paper", 5)
    with pytest.raises(ValidationError):
        trash.empty(older_than_days=-1)
