"""Typing spooled while the server was down is saved later, merged with what others saved."""

import datetime as dt

from studyapp.core import spool
from studyapp.core.services.sessions import SessionService


def test_spooled_typing_is_saved_later_through_the_merge(database, tmp_path):
    file = tmp_path / "spool.jsonl"
    sessions = SessionService(database)
    created = sessions.create(group="G", title="모임", date=dt.date(2025, 3, 10), body="a\nb\nc\n")
    loaded = sessions.get(created.id)
    for typed in ("a 하나\nb\nc\n", "a 하나 둘\nb\nc\n"):
        spool.keep(spool.Spooled("u", created.id, loaded.version, loaded.body, typed), file)
    sessions.set_body(created.id, "a\nb\nc 그들\n")  # another member, meanwhile

    def save(entry: spool.Spooled) -> None:
        sessions.save_body(
            entry.session_id, entry.text, expected_version=entry.version, base_text=entry.base
        )

    assert spool.replay("other database", save, file) == 0
    assert spool.replay("u", save, file) == 1
    assert sessions.get(created.id).body == "a 하나 둘\nb\nc 그들\n"
    assert not file.exists()


def test_a_save_that_succeeds_takes_its_lines_away_and_a_torn_line_is_skipped(tmp_path):
    file = tmp_path / "spool.jsonl"
    spool.keep(spool.Spooled("u", 1, 1, "", "x"), file)
    spool.keep(spool.Spooled("u", 2, 1, "", "y"), file)
    with file.open("a", encoding="utf-8") as out:
        out.write('{"url": "u", "sess')
    spool.saved("u", 1, file)
    assert [e.session_id for e in spool.waiting("u", file)] == [2]
