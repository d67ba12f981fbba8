"""An export reads sessions with plain queries: the same details the ORM path gives."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import update

from studyapp.core import models
from studyapp.core.services import export_details
from studyapp.core.services.attachments import AttachmentService
from studyapp.core.services.imports import ImportService
from studyapp.core.services.sessions import SessionService

SAMPLES = Path(__file__).parents[2] / "fixtures" / "samples"


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


def test_details_equal_the_orm_path(database, filled):
    sessions = SessionService(database)
    ids = sorted(set(filled))
    with database.transaction() as orm:
        loaded = export_details.load(orm, ids)
    assert loaded == [sessions.get(session_id) for session_id in ids]
    assert any(d.tags and d.attendees and d.presentations and d.checklist for d in loaded)
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
    monkeypatch.setattr(export_details, "BATCH", 2)  # several pages
    found = list(export_details.details(database, **filters))
    # The reference: the same sessions read one by one through the ORM, oldest first.
    service = SessionService(database)
    summaries = sorted(service.list_sessions(**filters), key=lambda s: (s.date, s.id))
    expected = [service.get(summary.id) for summary in summaries]
    assert found == expected
    assert "trashed" not in {detail.title for detail in found}
