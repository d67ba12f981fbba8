"""What importing again reports: the session as it is called now, and files with nothing
in them, which are skipped rather than imported as blank sessions."""

from __future__ import annotations

from studyapp.core.services.imports import ImportService
from studyapp.core.services.sessions import SessionService


def _import(database, *paths):
    return ImportService(database).import_paths(list(paths)).outcomes


def test_a_session_renamed_since_is_reported_by_its_name_now(database, tmp_path):
    note = tmp_path / "2025-03-10.md"
    note.write_text("# 3월 세미나\n\n발표 두 개\n", encoding="utf-8")
    (first,) = _import(database, note)
    assert (first.status, first.title) == ("created", "3월 세미나")
    SessionService(database).rename(first.session_id, "3월 세미나 (KD 스터디)")

    (again,) = _import(database, note)
    assert again.status == "unchanged"
    assert again.title == "3월 세미나 (KD 스터디)"  # not the file's old name
    assert again.message == "renamed since; the file calls it '3월 세미나'"

    # The file is changed, its title too: the session takes the file's content and title,
    # and the report says what it is called now.
    note.write_text("# 3월 세미나 후기\n\n발표 두 개, 토론\n", encoding="utf-8")
    (updated,) = _import(database, note)
    assert (updated.status, updated.title) == ("updated", "3월 세미나 후기")
    assert SessionService(database).get(first.session_id).title == updated.title
    (quiet,) = _import(database, note)
    assert (quiet.status, quiet.title, quiet.message) == ("unchanged", "3월 세미나 후기", None)


def test_empty_and_blank_files_are_skipped_and_make_no_session(database, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"\xef\xbb\xbf \r\n\t\n")  # a BOM and white space
    outcomes = _import(database, empty, blank)
    assert [(o.path.name, o.status) for o in outcomes] == [
        ("empty.md", "skipped"),
        ("blank.txt", "skipped"),
    ]
    assert {o.message for o in outcomes} == {"the file is empty: nothing to import"}
    assert all(o.session_id is None for o in outcomes)
    assert SessionService(database).list_sessions() == []
