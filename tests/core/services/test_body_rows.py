"""sync_rows: the talks, to-dos and attendance a body says, kept as rows on every save."""

import datetime as dt

import pytest
from sqlalchemy import select, update

from studyapp.core import models
from studyapp.core.markdown.document import PaperRef
from studyapp.core.services.body_rows import FRESH_PAPER, pair
from studyapp.core.services.checklist import ChecklistService
from studyapp.core.services.history import HistoryService
from studyapp.core.services.papers import PaperFields, PaperService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService

TALK = "## 동훈님 논문 - X (WACV 2025)"


@pytest.fixture
def sessions(database):
    return SessionService(database)


@pytest.fixture
def session_id(sessions):
    return sessions.create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10)).id


def _papers(database) -> list[tuple[int, str]]:
    with database.transaction() as orm:
        rows = orm.execute(select(models.Paper.id, models.Paper.title).order_by(models.Paper.id))
        return [tuple(row) for row in rows]


def _age_papers(database, by: dt.timedelta) -> None:
    with database.transaction() as orm:
        orm.execute(update(models.Paper).values(created_at=models.utcnow() - by))


# -- talks -----------------------------------------------------------------------------------


def test_a_typed_talk_heading_becomes_a_talk_with_presenter_and_paper(sessions, session_id):
    sessions.set_body(session_id, f"# 0310\n\n{TALK}\n메모 한 줄\n> 질문?")
    [talk] = sessions.get(session_id).presentations
    assert talk.presenter == "동훈님"
    assert talk.paper is not None
    assert (talk.paper.title, talk.paper.venue, talk.paper.year) == ("X", "WACV 2025", 2025)
    assert talk.heading_raw == TALK
    assert (talk.notes, talk.discussion) == ("메모 한 줄", "질문?")


def test_retyping_the_heading_keeps_the_presentation(sessions, session_id):
    sessions.set_body(session_id, f"{TALK}\n노트")
    [before] = sessions.get(session_id).presentations
    sessions.set_body(session_id, "## 동훈님 논문 - X2 (WACV 2025)\n노트")
    [after] = sessions.get(session_id).presentations
    assert after.id == before.id
    assert after.paper is not None and after.paper.title == "X2"
    # Other text around it changing does not touch it either.
    sessions.set_body(session_id, "# 새 제목\n\n## 동훈님 논문 - X2 (WACV 2025)\n노트 더")
    [again] = sessions.get(session_id).presentations
    assert (again.id, again.notes) == (before.id, "노트 더")


def test_a_talk_whose_heading_goes_is_removed_and_the_others_keep_their_ids(sessions, session_id):
    body = f"{TALK}\n\n## Alice: Tiny Teachers (CVPR 2024)\n\n## 서연님 발표"
    sessions.set_body(session_id, body)
    first, second, third = sessions.get(session_id).presentations
    sessions.set_body(session_id, body.replace("## Alice: Tiny Teachers (CVPR 2024)\n\n", ""))
    left = sessions.get(session_id).presentations
    assert [(t.id, t.position, t.presenter) for t in left] == [
        (first.id, 0, "동훈님"),
        (third.id, 1, "서연님"),
    ]
    assert second.id not in {t.id for t in left}


def test_the_timing_line_under_a_heading_is_the_talks_time(sessions, session_id):
    sessions.set_body(session_id, f"{TALK}\n⏱ 18:30 / 20:00\n노트")
    [talk] = sessions.get(session_id).presentations
    assert (talk.duration_seconds, talk.timebox_minutes, talk.notes) == (1110, 20, "노트")
    sessions.set_body(session_id, f"{TALK}\n노트")
    [untimed] = sessions.get(session_id).presentations
    assert (untimed.id, untimed.duration_seconds, untimed.timebox_minutes) == (talk.id, None, None)


def test_a_panel_rewriting_a_heading_keeps_its_talk_however_different(
    database, sessions, session_id
):
    slots = PresentationService(database)
    slot = slots.add(session_id, presenter="Al")
    changed = slots.update(
        slot.id, paper=PaperRef("Scaling Laws for Dense Retrieval Models", venue="ICML 2024")
    )
    assert changed.id == slot.id
    assert changed.heading_raw == "## Al: Scaling Laws for Dense Retrieval Models (ICML 2024)"
    renamed = slots.update(slot.id, presenter="Bob")
    assert (renamed.id, renamed.presenter) == (slot.id, "Bob")
    assert sessions.get(session_id).body.startswith("## Bob: Scaling Laws")


def test_moving_and_removing_a_talk_moves_and_removes_its_section(database, sessions, session_id):
    sessions.set_body(session_id, f"{TALK}\nA 노트\n\n## 서연님 발표\nB 노트\n\n## 할 일\n- [ ] x")
    slots = PresentationService(database)
    first, second = slots.list_for_session(session_id)
    slots.move(second.id, 0)
    body = sessions.get(session_id).body
    assert body.index("## 서연님 발표\nB 노트") < body.index(f"{TALK}\nA 노트")
    assert [t.id for t in slots.list_for_session(session_id)] == [second.id, first.id]
    slots.remove(first.id)
    body = sessions.get(session_id).body
    assert TALK not in body and "A 노트" not in body
    assert "- [ ] x" in body  # the to-do section after it stays
    revision = HistoryService(database).revisions(session_id)[0]  # the newest
    assert revision.reason == "removed"
    assert TALK in HistoryService(database).content(revision.id)


# -- to-dos ----------------------------------------------------------------------------------


def test_a_tasks_line_becomes_a_todo_with_assignee_and_due_date(database, sessions, session_id):
    sessions.set_body(session_id, "회의 메모\n- [ ] Bob: send slides 📅 2025-03-10")
    [item] = ChecklistService(database).items(session_id=session_id)
    assert item.task.text == "send slides"
    assert item.task.assignee == "Bob"
    assert item.task.due_date == dt.date(2025, 3, 10)
    assert not item.task.done
    assert item.source_line == "- [ ] Bob: send slides 📅 2025-03-10"


def test_ticking_changes_the_line_in_place_and_keeps_the_todo(database, sessions, session_id):
    body = "# 0310\n\n- [ ] a\n- [ ] Bob: send slides 📅 2025-03-10\n\n끝"
    sessions.set_body(session_id, body)
    todos = ChecklistService(database)
    first, second = todos.items(session_id=session_id)
    done = todos.set_done(second.id, True, today=dt.date(2025, 3, 9))
    assert (done.id, done.task.done, done.task.done_date) == (second.id, True, dt.date(2025, 3, 9))
    assert sessions.get(session_id).body == body.replace(
        "- [ ] Bob: send slides 📅 2025-03-10", "- [x] Bob: send slides 📅 2025-03-10 ✅ 2025-03-09"
    )
    # A short line ticked is not much like its old self as text; it is still the same to-do.
    ticked = todos.set_done(first.id, True, today=dt.date(2025, 3, 9))
    assert (ticked.id, ticked.task.done) == (first.id, True)
    assert "- [x] a ✅ 2025-03-09" in sessions.get(session_id).body
    cleared = todos.set_done(first.id, False)
    assert (cleared.id, cleared.task.done, cleared.task.done_date) == (first.id, False, None)
    assert [i.id for i in todos.items(session_id=session_id)] == [first.id, second.id]


def test_a_box_ticked_in_the_editor_keeps_the_todo(database, sessions, session_id):
    sessions.set_body(session_id, "- [ ] a\n- [ ] b")
    todos = ChecklistService(database)
    first, second = todos.items(session_id=session_id)
    sessions.set_body(session_id, "- [ ] a\n- [x] b ✅ 2025-03-10")
    items = todos.items(session_id=session_id)
    assert [(i.id, i.task.done) for i in items] == [(first.id, False), (second.id, True)]


def test_removing_a_line_removes_its_todo(database, sessions, session_id):
    sessions.set_body(session_id, "- [ ] keep\n- [ ] drop\n- [ ] also keep")
    todos = ChecklistService(database)
    keep, drop, also = todos.items(session_id=session_id)
    sessions.set_body(session_id, "- [ ] keep\n- [ ] also keep")
    left = todos.items(session_id=session_id)
    assert [(i.id, i.task.text) for i in left] == [(keep.id, "keep"), (also.id, "also keep")]
    with database.transaction() as orm:
        assert orm.get(models.ChecklistItem, drop.id) is None


def test_panel_changes_to_todos_are_changes_to_their_lines(database, sessions, session_id):
    sessions.set_body(session_id, "# 0310\n\n오늘은 증류 논문을 읽었다.")
    todos = ChecklistService(database)
    added = todos.add(session_id, "민수님: 슬라이드 공유 📅 2025-03-12")
    body = sessions.get(session_id).body
    # A body mostly in Korean gets a Korean to-do heading.
    assert body.endswith("## 할 일\n\n- [ ] 민수님: 슬라이드 공유 📅 2025-03-12")
    assert added.task.assignee == "민수님"
    second = todos.add(session_id, "코드 정리")
    assert sessions.get(session_id).body.endswith(
        "- [ ] 민수님: 슬라이드 공유 📅 2025-03-12\n- [ ] 코드 정리"
    )
    todos.move(second.id, 0)
    assert [i.id for i in todos.items(session_id=session_id)] == [second.id, added.id]
    todos.remove(added.id)
    assert "슬라이드 공유" not in sessions.get(session_id).body
    assert [i.id for i in todos.items(session_id=session_id)] == [second.id]


# -- attendance ------------------------------------------------------------------------------


def test_the_attendance_line_gives_attendance_rows(database, sessions, session_id):
    sessions.set_body(session_id, "# 0310\n\nAttendees: Alice, 민수님 (absent: Bob)\n\n메모")
    detail = sessions.get(session_id)
    assert (detail.attendees, detail.absentees) == (("Alice", "민수님"), ("Bob",))
    assert detail.attendees_raw == "Attendees: Alice, 민수님 (absent: Bob)"
    with database.transaction() as orm:
        rows = orm.execute(
            select(models.Person.name, models.Attendance.present, models.Attendance.position)
            .join(models.Person, models.Attendance.person_id == models.Person.id)
            .order_by(models.Attendance.position)
        ).all()
    assert [tuple(row) for row in rows] == [
        ("Alice", True, 0),
        ("민수님", True, 1),
        ("Bob", False, 2),
    ]
    sessions.set_body(session_id, "# 0310\n\n메모")  # the line is gone: so are its rows
    gone = sessions.get(session_id)
    assert (gone.attendees, gone.absentees, gone.attendees_raw) == ((), (), None)


# -- papers typed in a heading ---------------------------------------------------------------


def test_a_paper_typed_a_moment_ago_follows_its_heading(database, sessions, session_id):
    for typed in ("Atten", "Attention is", "Attention is all", "Attention is all you need"):
        sessions.set_body(session_id, f"## 동훈님 논문 - {typed}\n노트")
    [talk] = sessions.get(session_id).presentations
    assert talk.paper is not None and talk.paper.title == "Attention is all you need"
    # One library entry, renamed as it was typed: none for each pause.
    assert _papers(database) == [(talk.paper.id, "Attention is all you need")]


def test_an_older_library_paper_is_never_renamed(database, sessions, session_id):
    sessions.set_body(session_id, "## 동훈님 논문 - Attention\n노트")
    [talk] = sessions.get(session_id).presentations
    assert talk.paper is not None
    old_id = talk.paper.id
    _age_papers(database, FRESH_PAPER + dt.timedelta(minutes=1))
    sessions.set_body(session_id, "## 동훈님 논문 - Attention is all you need\n노트")
    [retyped] = sessions.get(session_id).presentations
    assert retyped.id == talk.id
    assert retyped.paper is not None and retyped.paper.id != old_id
    assert _papers(database) == [
        (old_id, "Attention"),
        (retyped.paper.id, "Attention is all you need"),
    ]


def test_a_library_paper_with_details_or_other_uses_is_never_renamed(
    database, sessions, session_id
):
    library = PaperService(database).add(PaperFields(title="Tiny Teachers", authors=("김민지",)))
    sessions.set_body(session_id, "## 동훈님 논문 - Tiny Teachers\n")
    [talk] = sessions.get(session_id).presentations
    assert talk.paper is not None and talk.paper.id == library.id
    sessions.set_body(session_id, "## 동훈님 논문 - Tiny Teachers v2\n")
    assert (library.id, "Tiny Teachers") in _papers(database)

    # A bare paper typed a moment ago in another session's talk as well.
    other = sessions.create(group="KD 스터디", title="0317", date=dt.date(2025, 3, 17)).id
    sessions.set_body(other, "## 서연님 발표 - Shared\n")
    sessions.set_body(session_id, "## 동훈님 논문 - Shared\n")
    shared = dict((title, paper_id) for paper_id, title in _papers(database))["Shared"]
    sessions.set_body(session_id, "## 동훈님 논문 - Shared paper\n")
    titles = {title for _paper_id, title in _papers(database)}
    assert {"Shared", "Shared paper"} <= titles
    [still] = sessions.get(other).presentations
    assert still.paper is not None and (still.paper.id, still.paper.title) == (shared, "Shared")


# -- pairing ---------------------------------------------------------------------------------


def test_pair_matches_equal_keys_first_then_the_most_similar():
    old = ["## Alice: Tiny", "## Bob: Scaling laws", "## Carol: gone"]
    new = ["## Bob: Scaling laws", "## Alice: Tiny Teachers", "## Dave: something else"]
    assert pair(old, new, str, str) == [1, 0, None]

    # Further exact stages come before the similarity pass: these lines are not alike,
    # but their last words pair them.
    def last_word(text: str) -> str:
        return text.split()[-1]

    old, new = ["alpha 1", "omega 2"], ["kiwi 2", "fig 1"]
    assert pair(old, new, str, str) == [None, None]
    assert pair(old, new, str, str, also=[(last_word, last_word)]) == [1, 0]
