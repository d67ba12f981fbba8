"""Core error messages reach the window in its language: every template the core raises is
listed for translation, translated into Korean, and shown through ``describe``."""

import datetime as dt
import importlib.util
import string
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.errors import DatabaseError, Message, NotFoundError, ValidationError
from studyapp.core.papers.metadata import MetadataFetcher, MetadataUnavailable
from studyapp.core.services.sessions import SessionService
from studyapp.ui.errors_shown import describe
from studyapp.ui.i18n import install_translator

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "studyapp_ko.ts"


def _script():
    spec = importlib.util.spec_from_file_location(
        "core_messages", ROOT / "scripts" / "core_messages.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("core_messages", module)
    spec.loader.exec_module(module)
    return module


def _placeholders(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


def _korean() -> dict[str, tuple[str, str]]:
    """source -> (translation, type) of the CoreMessages context."""
    found = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") != "CoreMessages":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[message.findtext("source", "")] = (
                translation.text or "",
                translation.get("type", ""),
            )
    return found


@pytest.fixture
def korean(qapp):
    install_translator(qapp, "ko")
    yield qapp
    install_translator(qapp, "en")


def test_every_template_raised_in_core_is_a_literal_listed_for_translation():
    script = _script()
    templates, problems = script.scan()
    assert [str(problem) for problem in problems] == []
    assert "Unknown note field {field!r}." in templates
    assert "There is no session {session_id}." in templates
    listed = script.OUTPUT.read_text(encoding="utf-8")
    assert listed == script.render(templates), "run scripts/core_messages.py"


def test_every_core_template_is_translated_into_korean_with_the_same_placeholders():
    templates, _ = _script().scan()
    korean = _korean()
    untranslated = [t for t in templates if t not in korean or korean[t][1] or not korean[t][0]]
    assert untranslated == []
    for template in templates:
        if "{" in template and "{key, ...}" not in template:
            assert _placeholders(korean[template][0]) == _placeholders(template), template


def test_str_stays_english_for_the_command_line():
    error = ValidationError("Unknown note field {field!r}.", field="notes")
    assert str(error) == "Unknown note field 'notes'."
    assert (error.template, error.params) == ("Unknown note field {field!r}.", {"field": "notes"})
    # A template given no values is the text itself, braces and all.
    assert (
        str(ValidationError("starts like @article{key, ...}")) == "starts like @article{key, ...}"
    )


def test_describe_translates_the_template_and_the_messages_inside_it(korean):
    error = NotFoundError("There is no session {session_id}.", session_id=7)
    assert describe(error) == "7번 세션이 없습니다."
    wrapped = ValidationError("{name}: {error}", name="refs.bib", error=error)
    assert describe(wrapped) == "refs.bib: 7번 세션이 없습니다."
    assert describe(Message("fill in the details by hand")) == "정보를 직접 입력하세요"
    assert describe(OSError("plain")) == "plain"


def test_a_paper_looked_up_offline_fails_in_korean(korean, offline):
    with pytest.raises(MetadataUnavailable) as raised:
        MetadataFetcher(timeout=2).arxiv("2501.01234")
    assert str(raised.value).startswith("Could not reach arXiv (")
    shown = describe(raised.value)
    assert shown.startswith("arXiv에 연결하지 못했습니다 (")
    assert shown.endswith(". 정보를 직접 입력하세요")


def test_describe_is_english_without_a_translator(qapp):
    install_translator(qapp, "en")
    error = DatabaseError("The disk is full; free some space and try again.")
    assert describe(error) == str(error)


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    database = open_database(url)
    try:
        SessionService(database).create(
            group="KD 스터디", title="첫 모임", date=dt.date(2025, 3, 3), body="처음 메모"
        )
    finally:
        database.dispose()
    return url


def test_a_search_with_a_mistyped_date_says_why_in_korean(qtbot, korean, url):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    box = window.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "after:2025-13-45")
    qtbot.keyClick(box, Qt.Key.Key_Return)

    assert window.statusBar().currentMessage() == (
        "after:에는 YYYY-MM-DD 형식의 날짜가 필요합니다 (예: after:2025-03-10). "
        "'2025-13-45'은(는) 안 됩니다."
    )
    window.close()


def test_planning_that_fails_says_why_in_korean(qtbot, korean, database, monkeypatch):
    from zoneinfo import ZoneInfo

    from studyapp.core.services import schedules
    from studyapp.core.services.rotation import RotationService
    from studyapp.ui.papers.schedule_dialog import ScheduleDialog

    def disk_full(*_args, **_kwargs):
        raise DatabaseError("The disk is full; free some space and try again.")

    RotationService(database).set_members("KD 스터디", ["동훈님", "Alice"])
    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Asia/Seoul"))
    dialog = ScheduleDialog(database, "KD 스터디", now=now)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(schedules, "sync_rows", disk_full)
    qtbot.mouseClick(dialog.plan_button, Qt.MouseButton.LeftButton)

    assert dialog.error.text() == "디스크가 가득 찼습니다. 공간을 확보하고 다시 시도하세요."
    dialog.close()
