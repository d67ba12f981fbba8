"""Adding papers as a person would: paste, look up (local server), check, save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from studyapp.core.papers.fields import PaperFields, split_authors
from studyapp.core.papers.metadata import MetadataFetcher
from studyapp.core.services.papers import PaperService
from studyapp.ui.papers.add_paper_dialog import AddPaperDialog

TWO_ENTRIES = """
@inproceedings{kim2025ucdr,
  title = {{UCDR}-Adapter: Exploring Adaptation of Pre-Trained Vision-Language Models},
  author = {Jiang, Haoyu and Kim, Minsu},
  booktitle = {WACV},
  year = {2025},
}
@article{lee2024distill,
  title = {지식 증류를 통한 경량 모델 학습},
  author = {이동훈 and 박서연},
  journal = {한국정보과학회 논문지},
  year = {2024},
}
"""


def commit_text(widget, text):
    """Type Hangul the way an input method delivers it."""
    widget.setFocus()
    for char in text:
        event = QInputMethodEvent("", [])
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


@pytest.fixture
def dialog(qtbot, database):
    def make(service=None):
        widget = AddPaperDialog(database, service=service)
        qtbot.addWidget(widget)
        widget.show()
        return widget

    return make


def test_arxiv_lookup_fills_the_form_and_saves(qtbot, dialog, database, http_server, monkeypatch):
    server = http_server()
    monkeypatch.setenv("STUDYAPP_ARXIV_API", server.url + "/api/query")
    window = dialog()
    qtbot.keyClicks(window.paste, "arXiv:1706.03762")
    qtbot.mouseClick(window.lookup_button, Qt.MouseButton.LeftButton)
    assert window.status.text() == "Looking up…"
    assert window.cancel_lookup.isVisible()
    qtbot.waitUntil(lambda: window.title_edit.text() == "Attention Is All You Need")
    qtbot.waitUntil(lambda: not window.is_looking_up())
    assert "id_list=1706.03762" in server.requests[0]
    assert window.authors_edit.toPlainText().splitlines()[0] == "Ashish Vaswani"
    assert window.year_edit.text() == "2017"
    qtbot.keyClicks(window.tags_edit, "transformer, nlp")
    with qtbot.waitSignal(window.paperAdded) as added:
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    paper = PaperService(database).get(added.args[0])
    assert paper.arxiv_id == "1706.03762"
    assert set(paper.tags) == {"transformer", "nlp"}
    assert len(paper.authors) == 3
    assert not window.isVisible()


def test_timeout_keeps_the_dialog_usable_and_saves_by_hand(
    qtbot, dialog, database, http_server, monkeypatch
):
    server = http_server(delay=10)
    monkeypatch.setenv("STUDYAPP_ARXIV_API", server.url + "/api/query")
    service = PaperService(database, fetcher=MetadataFetcher(timeout=0.5))
    window = dialog(service)
    qtbot.keyClicks(window.paste, "2501.01234")
    qtbot.mouseClick(window.lookup_button, Qt.MouseButton.LeftButton)
    assert window.is_looking_up()
    # The form answers while the request hangs.
    qtbot.keyClicks(window.title_edit, "Hand-typed title")
    commit_text(window.venue_edit, "정보과학회 2025")
    assert window.title_edit.text() == "Hand-typed title"
    qtbot.waitUntil(lambda: window.error.isVisible(), timeout=5000)
    assert "timed out" in window.error.text()
    assert window.lookup_button.isEnabled()
    assert window.title_edit.text() == "Hand-typed title"
    assert window.arxiv_edit.text() == "2501.01234"  # the empty box got the id looked up
    with qtbot.waitSignal(window.paperAdded):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    [row] = PaperService(database).rows()
    assert row.paper.title == "Hand-typed title"
    assert row.paper.venue == "정보과학회 2025"


def test_cancel_stops_waiting(qtbot, dialog, database, http_server, monkeypatch):
    server = http_server(delay=10)
    monkeypatch.setenv("STUDYAPP_ARXIV_API", server.url + "/api/query")
    window = dialog(PaperService(database, fetcher=MetadataFetcher(timeout=1)))
    qtbot.keyClicks(window.paste, "1706.03762")
    qtbot.mouseClick(window.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.cancel_lookup, Qt.MouseButton.LeftButton)
    assert not window.is_looking_up()
    assert window.lookup_button.isEnabled()
    assert "cancelled" in window.status.text()
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert window.error.text() == "A paper needs a title."
    window.reject()  # waits for the abandoned request to give up


def test_bibtex_is_read_locally_and_all_entries_added(qtbot, dialog, database):
    window = dialog()
    window.paste.setPlainText(TWO_ENTRIES)
    qtbot.mouseClick(window.lookup_button, Qt.MouseButton.LeftButton)
    assert not window.is_looking_up()  # no network for BibTeX
    assert window.title_edit.text().startswith("UCDR-Adapter")
    assert window.add_all.isVisible()
    assert window.add_all.text() == "Add all 2 entries"
    with qtbot.waitSignals([window.paperAdded, window.paperAdded]):
        qtbot.mouseClick(window.add_all, Qt.MouseButton.LeftButton)
    titles = sorted(row.paper.title for row in PaperService(database).rows())
    assert titles[1] == "지식 증류를 통한 경량 모델 학습"
    assert len(titles) == 2


def test_malformed_bibtex_shows_an_inline_error(qtbot, dialog, database):
    window = dialog()
    window.paste.setPlainText("@article{broken, title = {Unclosed")
    qtbot.mouseClick(window.lookup_button, Qt.MouseButton.LeftButton)
    assert window.error.isVisible()
    assert window.error.text()
    assert PaperService(database).rows() == []


def test_duplicate_names_the_existing_paper_and_opens_it(qtbot, dialog, database):
    existing = PaperService(database).add(
        PaperFields(title="Deep Residual Learning", doi="10.1109/CVPR.2016.90", year=2016)
    )
    window = dialog()
    commit_text(window.title_edit, "잔차 학습")
    qtbot.keyClicks(window.doi_edit, "10.1109/cvpr.2016.90")
    qtbot.keyClick(window.doi_edit, Qt.Key.Key_Return)  # Save is the default button
    assert "Deep Residual Learning" in window.error.text()
    assert window.open_existing.isVisible()
    with qtbot.waitSignal(window.openPaperRequested) as opened:
        qtbot.mouseClick(window.open_existing, Qt.MouseButton.LeftButton)
    assert opened.args == [existing.id]
    assert len(PaperService(database).rows()) == 1


def test_authors_split_on_lines_and_semicolons():
    assert split_authors("Kim, Minsu; 이동훈\nAlice Smith\n") == (
        "Kim, Minsu",
        "이동훈",
        "Alice Smith",
    )
