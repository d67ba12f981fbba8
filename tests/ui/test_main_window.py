"""The main window as a person uses it: type, switch, close; nothing typed is ever lost."""

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QTextBrowser, QWidget

from studyapp import app
from studyapp.core import models
from studyapp.core.db import open_database
from studyapp.core.errors import DatabaseError
from studyapp.core.services.demo import load_demo
from studyapp.core.services.sessions import SessionService
from studyapp.core.services.trash import TrashService
from studyapp.ui import main_window as main_window_module
from studyapp.ui.editor import MarkdownEditor

OBJECT_NAMES = (
    "sessionList",
    "sessionTitle",
    "bodyEditor",
    "outlinePanel",
    "outlineTree",
    "sideColumn",
    "checklistPanel",
    "searchBox",
    "preview",
)


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'window.sqlite3'}"
    database = open_database(url)
    try:
        sessions = SessionService(database)
        sessions.create(
            group="KD 스터디", title="첫 모임", date=dt.date(2025, 3, 3), body="처음 메모"
        )
        sessions.create(group="KD 스터디", title="둘째 모임", date=dt.date(2025, 3, 10))
    finally:
        database.dispose()
    return url


def _read(url):
    database = open_database(url)
    try:
        sessions = SessionService(database)
        return {s.title: sessions.get(s.id) for s in sessions.list_sessions()}
    finally:
        database.dispose()


@pytest.fixture
def window(qtbot, url):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.isVisible():
        window.close()


def _type_korean(editor: MarkdownEditor, committed: str, preedit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    event.setCommitString(committed)
    QApplication.sendEvent(editor, event)


def _select(window, title):
    view = window.findChild(QListView, "sessionList")
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row).data().endswith(title):
            view.setCurrentIndex(model.index(row))
            return
    raise AssertionError(f"{title} not in the list")


def test_automation_hooks_are_there(window):
    for name in OBJECT_NAMES:
        assert window.findChild(QWidget, name) is not None, name


def test_newest_session_opens_first(window):
    assert window.findChild(QLineEdit, "sessionTitle").text() == "둘째 모임"


def test_type_then_switch_within_100_ms_is_saved(qtbot, window, url):
    editor = window.findChild(MarkdownEditor, "bodyEditor")
    editor.setFocus()
    qtbot.keyClicks(editor, "fast notes")
    qtbot.wait(50)
    _select(window, "첫 모임")
    assert _read(url)["둘째 모임"].body == "fast notes"
    assert editor.toPlainText() == "처음 메모"


def test_korean_preedit_is_saved_when_the_window_closes(qtbot, window, url):
    editor = window.findChild(MarkdownEditor, "bodyEditor")
    editor.setFocus()
    _type_korean(editor, "안녕하세")
    _type_korean(editor, "", preedit="요")  # the IME is still composing this syllable
    window.close()
    assert _read(url)["둘째 모임"].body == "안녕하세요"


def test_close_right_after_typing_saves_without_asking(qtbot, window, url, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a))
    editor = window.findChild(MarkdownEditor, "bodyEditor")
    editor.setFocus()
    qtbot.keyClicks(editor, "last line")
    window.close()
    assert _read(url)["둘째 모임"].body == "last line"
    assert asked == []


def test_status_bar_says_saved(qtbot, window):
    editor = window.findChild(MarkdownEditor, "bodyEditor")
    editor.setFocus()
    qtbot.keyClicks(editor, "x")
    assert window.save_label.text() == "Saving…"
    qtbot.waitUntil(lambda: window.save_label.text().startswith("Saved "), timeout=3000)


def test_failed_save_shows_a_banner_keeps_the_text_and_retries(qtbot, window, url, monkeypatch):
    original = SessionService.save_body
    failures = {"left": 1}

    def flaky(self, session_id, body, **kwargs):
        if failures["left"]:
            failures["left"] -= 1
            raise DatabaseError("The disk is full; free some space and try again.")
        return original(self, session_id, body, **kwargs)

    monkeypatch.setattr(SessionService, "save_body", flaky)
    window.save_queue._retry.setInterval(100)
    editor = window.findChild(MarkdownEditor, "bodyEditor")
    editor.setFocus()
    qtbot.keyClicks(editor, "keep me")
    window.flush()
    assert window.banner.isVisible()
    assert "disk is full" in window.banner.text()
    assert editor.toPlainText() == "keep me"
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)
    assert _read(url)["둘째 모임"].body == "keep me"


def test_title_edit_reaches_the_list_and_the_database(qtbot, window, url):
    title = window.findChild(QLineEdit, "sessionTitle")
    title.selectAll()
    qtbot.keyClicks(title, "Week 2 review")
    window.flush()
    assert "Week 2 review" in _read(url)
    view = window.findChild(QListView, "sessionList")
    assert any(
        view.model().index(r).data().endswith("Week 2 review")
        for r in range(view.model().rowCount())
    )


def test_ctrl_n_creates_a_session_and_focuses_its_title(qtbot, window, url):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(_read(url)) == 3)
    title = window.findChild(QLineEdit, "sessionTitle")
    assert title.hasFocus() and title.text().startswith("Session ")


def test_search_box_finds_and_opens_a_session(qtbot, window):
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    box = window.findChild(QLineEdit, "searchBox")
    assert box.hasFocus()
    qtbot.keyClicks(box, "Ch")  # nothing: Latin text absent
    box.setText("처음")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    results = window.actions_.search.results
    assert results.count() == 1
    results.itemClicked.emit(results.item(0))
    assert window.findChild(QLineEdit, "sessionTitle").text() == "첫 모임"
    # The match is selected in the editor it was found in.
    editor = window.findChild(MarkdownEditor, "bodyEditor")
    assert editor.textCursor().selectedText() == "처음"
    assert editor.hasFocus()


def test_preview_shows_the_rendered_minutes(qtbot, window):
    _select(window, "첫 모임")
    window.tabs.setCurrentIndex(1)
    preview = window.findChild(QTextBrowser, "preview")
    qtbot.waitUntil(lambda: "처음 메모" in preview.toPlainText(), timeout=3000)


def test_dropping_markdown_files_imports_them(qtbot, window, url, tmp_path, monkeypatch):
    note = tmp_path / "2025-03-17.md"
    note.write_text("# 셋째 모임\n\n- [ ] 민수님: 발표 준비\n", encoding="utf-8")
    opened = []
    monkeypatch.setattr(
        window.actions_.sessions, "import_paths", lambda paths: opened.append(paths)
    )
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(note))])
    event = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert [p.name for p in opened[0]] == ["2025-03-17.md"]


def test_last_session_is_restored_on_the_next_start(qtbot, url):
    first = app.create_main_window(url)
    qtbot.addWidget(first)
    _select(first, "첫 모임")
    first.close()
    second = app.create_main_window(url)
    qtbot.addWidget(second)
    assert second.findChild(QLineEdit, "sessionTitle").text() == "첫 모임"
    second.close()


def test_empty_database_offers_the_demo(qtbot, tmp_path):
    window = app.create_main_window(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    qtbot.addWidget(window)
    window.show()
    button = window.sidebar.demo_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.findChild(QListView, "sessionList").model().rowCount() >= 6
    assert not button.isVisible()
    window.close()


def test_demo_loader_is_the_core_one(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'd.sqlite3'}")
    try:
        assert load_demo(database).created
    finally:
        database.dispose()


def test_pasted_screenshot_is_kept_linked_and_previewed(qtbot, window, url):
    from PySide6.QtGui import QColor, QImage

    from studyapp.core.services.attachments import AttachmentService

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    QApplication.clipboard().setImage(image)
    editor = window.findChild(MarkdownEditor, "bodyEditor")
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    text = editor.toPlainText()
    assert text.startswith("![](slide-") and text.endswith(".png)")
    window.flush()
    detail = _read(url)["둘째 모임"]
    assert detail.body == text
    database = open_database(url)
    try:
        names = AttachmentService(database).names(detail.id)
    finally:
        database.dispose()
    assert text == f"![]({names[0]})"
    window.tabs.setCurrentIndex(1)
    window.refresh_preview()
    preview = window.findChild(QTextBrowser, "preview")
    loaded = preview.loadResource(2, names[0])  # 2: an image resource
    assert isinstance(loaded, QImage) and loaded.width() == 40


def test_papers_and_assignments_are_a_shortcut_away(qtbot, window):
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.currentWidget() is window.findChild(QWidget, "papersView")
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.tabs.currentWidget() is window.findChild(QWidget, "assignmentsView")


def test_schedule_dialog_opens_for_the_current_group(qtbot, window, monkeypatch):
    from studyapp.ui.papers import schedule_dialog

    opened = []
    monkeypatch.setattr(
        schedule_dialog.ScheduleDialog, "exec", lambda self: opened.append(self.windowTitle()) or 0
    )
    window.actions_.schedule_action.trigger()
    assert opened


def test_sessions_trashed_long_ago_go_once_the_window_is_up(qtbot, url, monkeypatch):
    database = open_database(url)
    try:
        sessions = SessionService(database)
        old = sessions.create(group="g", title="오래된 모임", date=dt.date(2024, 1, 1)).id
        recent = sessions.create(group="g", title="어제 지운 모임", date=dt.date(2024, 1, 2)).id
        sessions.trash(old)
        sessions.trash(recent)
        with database.transaction() as orm:
            orm.get(models.Session, old).deleted_at = models.utcnow() - dt.timedelta(days=45)
    finally:
        database.dispose()
    monkeypatch.setattr(main_window_module, "TRASH_DELAY_MS", 50)
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    trash = TrashService(window.database)

    def trashed() -> set[int]:
        return {item.id for item in trash.items() if item.kind == "session"}

    assert trashed() == {old, recent}  # not before the window shows
    window.show()
    qtbot.waitUntil(lambda: trashed() == {recent})
    window.close()


def test_preview_of_a_blog_pasted_note_keeps_its_lines_and_names_a_missing_image(qtbot, window):
    _select(window, "첫 모임")
    editor = window.findChild(MarkdownEditor, "bodyEditor")
    editor.selectAll()
    editor.setFocus()
    # Pasted from a blog, as people do: bullets on lines of their own.
    QApplication.clipboard().setText(
        "## 참고\n  • 붙여넣은 줄\n  • 줄바꿈이 그대로\n![[IMG_8158.heic]]"
    )
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    window.tabs.setCurrentIndex(1)
    window.refresh_preview()
    preview = window.findChild(QTextBrowser, "preview")
    qtbot.waitUntil(lambda: "붙여넣은 줄" in preview.toPlainText(), timeout=3000)
    shown = [line.strip() for line in preview.toPlainText().splitlines()]
    assert "• 붙여넣은 줄" in shown and "• 줄바꿈이 그대로" in shown  # not one paragraph
    assert "[image not found: IMG_8158.heic]" in shown
    assert "![[" not in preview.toPlainText()


def test_preview_shows_an_embedded_image_of_the_session(qtbot, window, url):
    from PySide6.QtGui import QImage

    from studyapp.core.services.attachments import AttachmentService

    _select(window, "첫 모임")
    detail = _read(url)["첫 모임"]
    database = open_database(url)
    try:
        image = QImage(24, 12, QImage.Format.Format_RGB32)
        image.fill(0x2D4A6B)
        from PySide6.QtCore import QBuffer

        buffer = QBuffer()
        buffer.open(QBuffer.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        name = AttachmentService(database).add(detail.id, bytes(buffer.data()), "image/png")
    finally:
        database.dispose()
    editor = window.findChild(MarkdownEditor, "bodyEditor")
    editor.selectAll()
    editor.setFocus()
    QApplication.clipboard().setText(f"슬라이드\n![[{name}|120]]")
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    window.tabs.setCurrentIndex(1)
    window.refresh_preview()
    preview = window.findChild(QTextBrowser, "preview")
    qtbot.waitUntil(lambda: "슬라이드" in preview.toPlainText(), timeout=3000)
    html = preview.toHtml()
    assert f'<img src="{name}"' in html and 'width="120"' in html  # its own name, not a blog's
    assert isinstance(preview.loadResource(2, name), QImage)


def test_the_window_saves_typing_to_a_postgresql_database(qtbot, postgres_server):
    url = postgres_server.new_database(migrated=False)
    try:
        database = open_database(url)
        SessionService(database).create(
            group="KD 스터디", title="서버 모임", date=dt.date(2025, 3, 3)
        )
        database.dispose()
        window = app.create_main_window(url)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.findChild(QLineEdit, "sessionTitle").text() == "서버 모임"
        editor = window.findChild(MarkdownEditor, "bodyEditor")
        editor.setFocus()
        qtbot.keyClicks(editor, "notes on the server ")
        _type_korean(editor, "낙타")
        window.close()
        assert _read(url)["서버 모임"].body == "notes on the server 낙타"
    finally:
        postgres_server.drop(url)
