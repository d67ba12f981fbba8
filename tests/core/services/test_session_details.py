"""Sessions are read with plain queries: the same details the ORM relationships give."""

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from studyapp.core import models
from studyapp.core.document.outline import derive
from studyapp.core.dto import PresentationInfo, SessionDetail
from studyapp.core.errors import NotFoundError
from studyapp.core.services import convert, session_details
from studyapp.core.services.attachments import AttachmentService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.sessions import SessionService

SAMPLES = Path(__file__).parents[2] / "fixtures" / "samples"


def orm_detail(orm, session_id: int) -> SessionDetail:
    """The reference: one session read through the ORM relationships and their orders."""
    row = orm.scalar(
        select(models.Session)
        .where(models.Session.id == session_id)
        .options(selectinload(models.Session.presentations), selectinload(models.Session.checklist))
    )
    blocks = row.front_matter.get("blocks", []) if row.front_matter else []
    return SessionDetail(
        id=row.id,
        title=row.title,
        date=row.date,
        start_time=row.start_time,
        timezone=row.timezone,
        group=row.group.name,
        kind=row.kind.value,
        status=row.status.value,
        tags=tuple(tag.name for tag in row.tags),
        attendees=tuple(a.person.name for a in row.attendance if a.present),
        absentees=tuple(a.person.name for a in row.attendance if not a.present),
        attendees_raw=row.attendees_raw,
        body=row.body,
        presentations=_talks_with_texts(orm, row),
        checklist=tuple(convert.checklist_item_info(i, row.group.name) for i in row.checklist),
        front_matter_blocks=tuple((str(key), str(raw)) for key, raw in blocks),
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
        source_path=row.source_path,
        attachments=tuple(
            orm.scalars(
                select(models.Attachment.name)
                .where(models.Attachment.session_id == session_id)
                .order_by(models.Attachment.id)
            )
        ),
    )


def _talks_with_texts(orm, row: models.Session) -> tuple[PresentationInfo, ...]:
    """Each talk with the lines under its heading, as the whole body's outline reads them."""
    people = list(orm.scalars(select(models.Person.name)))
    known = [slot.heading_raw for slot in row.presentations if slot.heading_raw]
    outline = derive(row.body, people, known, with_texts=True)
    talks = {talk.heading.strip(): talk for talk in outline.talks}
    found = []
    for slot in row.presentations:
        talk = talks[(slot.heading_raw or "").strip()]
        info = convert.presentation_info(slot)
        found.append(replace(info, notes=talk.notes, discussion=talk.discussion))
    return tuple(found)


@pytest.fixture
def filled(database, tmp_path):
    folder = shutil.copytree(SAMPLES, tmp_path / "notes")
    (folder / "2025-04-01.md").write_text(
        "---\ntitle: 장비 점검\ntags: [zeta, alpha]\nattendees: [Bob, 민수]\n---\n\n"
        "## Bob: [Attention](https://arxiv.org/abs/1706.03762) (NeurIPS 2017)\n\n노트\n\n"
        "## 민수님 발표\n\n> 질문\n\n## 할 일\n\n- [ ] 🔼 Chen: 반복 🔁 every week ⏳ 2025-04-03\n"
        "- [x] 끝 ✅ 2025-04-02\n- [ ] \n",
        encoding="utf-8",
    )
    ImportService(database).import_paths([folder], group="KD")
    sessions = SessionService(database)
    extra = sessions.create(group="Other", title="빈 회의", date=dt.date(2025, 4, 1))
    gone = sessions.create(group="Other", title="trashed", date=dt.date(2025, 4, 2))
    sessions.trash(gone.id)
    ids = [summary.id for summary in sessions.list_sessions()]
    AttachmentService(database).add(ids[0], b"\x89PNG", "image/png")
    AttachmentService(database).add(ids[0], b"\x89PNG2", "image/png", stem="board")
    with database.transaction() as orm:
        paper = orm.query(models.Paper).first()
        paper.tags = [models.Tag(name="nlp"), models.Tag(name="attention")]
        paper.authors = ["Vaswani", "Shazeer"]
        # Equal positions: the order falls back to ids, as the database scanned them.
        orm.execute(update(models.ChecklistItem).values(position=0))
    return [*ids, extra.id]


def test_details_equal_the_orm_relationships(database, filled):
    sessions = SessionService(database)
    ids = sorted(set(filled))
    with database.transaction() as orm:
        loaded = session_details.load(orm, ids)
        expected = [orm_detail(orm, session_id) for session_id in ids]
    assert loaded == expected
    assert [sessions.get(session_id) for session_id in ids] == expected
    assert any(d.tags and d.attendees and d.presentations and d.checklist for d in loaded)
    assert any(p.notes for d in loaded for p in d.presentations)
    assert any(p.discussion for d in loaded for p in d.presentations)
    assert any(d.attachments for d in loaded)


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"group": "KD"},
        {"group": " Other "},
        {"since": dt.date(2025, 1, 1)},
        {"until": dt.date(2024, 12, 31)},
        {"since": dt.date(2024, 1, 1), "until": dt.date(2025, 3, 10), "group": "KD"},
    ],
)
def test_details_pick_and_order_the_sessions_as_before(database, filled, monkeypatch, filters):
    monkeypatch.setattr(session_details, "BATCH", 2)  # several pages
    found = list(session_details.in_date_order(database, **filters))
    # The reference: the same sessions read one by one through the ORM, oldest first.
    summaries = SessionService(database).list_sessions(**filters)
    with database.transaction() as orm:
        ordered = sorted(summaries, key=lambda s: (s.date, s.id))
        expected = [orm_detail(orm, summary.id) for summary in ordered]
    assert found == expected
    assert "trashed" not in {detail.title for detail in found}


def test_missing_and_trashed_sessions_are_left_out(database, filled):
    sessions = SessionService(database)
    with database.transaction() as orm:
        trashed = orm.scalar(select(models.Session.id).where(models.Session.title == "trashed"))
        assert session_details.load(orm, [filled[0], trashed, 999_999, filled[1]]) == [
            orm_detail(orm, filled[0]),
            orm_detail(orm, filled[1]),
        ]
    with pytest.raises(NotFoundError):
        sessions.get(trashed)
