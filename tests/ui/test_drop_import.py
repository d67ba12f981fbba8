"""Dropping note files and folders: which drops count, and a real drop event importing them."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from studyapp.core.services.sessions import SessionService
from studyapp.ui.drop_import import (
    accept_note_drag,
    accepts_drop,
    import_dropped,
    note_paths_from_mime,
)


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "vault"
    folder.mkdir()
    made = {
        "md": folder / "2025-03-10-reading-group.md",
        "markdown": folder / "0310 리딩 그룹.markdown",
        "txt": folder / "메모.TXT",
        "png": folder / "slide.png",
        "folder": tmp_path / "2024 노트",
    }
    made["md"].write_text("# Reading group\n\n## Alice: Tiny Teachers (CVPR 2024)\n", "utf-8")
    made["markdown"].write_text("# 0310 리딩 그룹\n\n## 민수님 발표\n내용\n", "utf-8")
    made["txt"].write_text("2025-03-11 메모\n본문\n", "utf-8")
    made["png"].write_bytes(b"\x89PNG\r\n\x1a\n")
    made["folder"].mkdir()
    (made["folder"] / "241126.md").write_text("# 241126 모임\n내용\n", "utf-8")
    return made


def mime_with(*urls):
    mime = QMimeData()
    mime.setUrls([url if isinstance(url, QUrl) else QUrl.fromLocalFile(str(url)) for url in urls])
    return mime


def test_note_files_and_folders_are_taken_from_the_urls(files, tmp_path):
    mime = mime_with(
        files["md"],
        files["png"],
        files["markdown"],
        QUrl("https://example.org/notes.md"),
        files["txt"],
        files["folder"],
        tmp_path / "gone.md",
        files["md"],
    )
    assert note_paths_from_mime(mime) == [
        files["md"],
        files["markdown"],
        files["txt"],
        files["folder"],
    ]
    assert accepts_drop(mime)


def test_drops_without_notes_are_refused(files):
    assert not accepts_drop(mime_with(files["png"], QUrl("https://example.org/a.md")))
    text_only = QMimeData()
    text_only.setText("just some text")
    assert note_paths_from_mime(text_only) == []
    assert not accepts_drop(text_only)


class DropTarget(QWidget):
    """Stands in for the main window: the same two event handlers it will have."""

    def __init__(self, database):
        super().__init__()
        self.setAcceptDrops(True)
        self.database = database
        self.dialogs = []

    def dragEnterEvent(self, event):
        accept_note_drag(event)

    def dropEvent(self, event):
        paths = note_paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.dialogs.append(import_dropped(self, self.database, paths))


def send_drop(target, mime):
    position = QPointF(target.width() / 2, target.height() / 2)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(position.toPoint(), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(position, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


@pytest.fixture
def target(qtbot, database):
    widget = DropTarget(database)
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    widget.show()
    yield widget
    for dialog in widget.dialogs:
        dialog.close()


def test_a_real_drop_opens_the_dialog_and_imports(qtbot, database, target, files):
    mime = mime_with(files["md"], files["png"], files["folder"])
    assert send_drop(target, mime)
    (dialog,) = target.dialogs
    emitted = []
    dialog.imported.connect(emitted.append)
    # The result comes back through the event loop, which has not run since the drop.
    with qtbot.waitSignal(dialog.finished_import, timeout=10000):
        assert dialog.is_running()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.objectName() == "importDialog"
    assert dialog.paths() == [files["md"], files["folder"]]
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)
    titles = sorted(s.title for s in SessionService(database).list_sessions())
    assert titles == ["241126 모임", "Reading group"]
    assert len(emitted) == 1 and len(emitted[0]) == 2


def test_a_drop_of_nothing_importable_is_refused(qtbot, target, files):
    assert not send_drop(target, mime_with(files["png"]))
    assert target.dialogs == []


def test_a_second_drop_reuses_the_idle_dialog(qtbot, database, target, files):
    first = import_dropped(target, database, [files["md"]])
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.report() is not None and not first.is_running(), timeout=5000)
    second = import_dropped(target, database, [files["txt"]])
    assert second is first
    assert first.paths() == [files["txt"]]
    qtbot.waitUntil(lambda: first.report() is not None and not first.is_running(), timeout=5000)
    assert SessionService(database).count() == 2
