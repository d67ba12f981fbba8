"""Papers kept by their id alone, as a person sees them: marked in the library, looked up
in the background when the network answers, without the window ever waiting."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from studyapp.core.papers.metadata import MetadataFetcher
from studyapp.core.services.papers import PaperService
from studyapp.ui.models.paper_model import PaperColumn, PaperRole
from studyapp.ui.papers.add_paper_dialog import AddPaperDialog
from studyapp.ui.papers.papers_view import PapersView
from studyapp.ui.papers.pending_lookups import PendingLookups

ARXIV_ID = "1706.03762"  # what the local server in conftest.py answers with


@pytest.fixture
def kept(database):
    """A paper added offline: its id and nothing else."""
    service = PaperService(database)
    service.add_from_text("10.1234/known", fetch=False)  # a DOI, also pending
    (paper,) = service.add_from_text(ARXIV_ID, fetch=False).created
    return paper


@pytest.fixture
def view(qtbot, database, kept):
    widget = PapersView(database)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    return widget


def _row_of(view, paper_id):
    row = view.model.row_of(paper_id)
    return view.proxy.mapFromSource(view.model.index(row, 0)).row()


def _cell(view, paper_id, column, role=Qt.ItemDataRole.DisplayRole):
    return view.proxy.index(_row_of(view, paper_id), column).data(role)


def test_a_pending_paper_is_marked_in_the_library(qtbot, view, kept):
    assert _cell(view, kept.id, PaperColumn.TITLE) == f"arXiv:{ARXIV_ID}"
    assert _cell(view, kept.id, PaperColumn.AUTHORS) == "details pending…"
    assert _cell(view, kept.id, PaperColumn.TITLE, Qt.ItemDataRole.FontRole).italic()
    assert _cell(view, kept.id, PaperColumn.TITLE, PaperRole.PENDING) is True
    view.select_paper(kept.id)
    assert view.pending_label.isVisible()
    assert "Details pending: only its arXiv id is known" in view.pending_label.text()
    assert view.look_up_button.isVisible()
    # A paper with its details shows no marker.
    other = PaperService(view._database).add_from_text("@misc{a, title={Known}, year=2020}")
    view.reload()
    (known,) = other.created
    view.select_paper(known.id)
    assert not view.pending_label.isVisible()
    assert not _cell(view, known.id, PaperColumn.TITLE, PaperRole.PENDING)


def test_look_up_now_fills_it_in_when_the_network_answers(
    qtbot, view, kept, http_server, monkeypatch
):
    server = http_server()
    monkeypatch.setenv("STUDYAPP_ARXIV_API", server.url + "/api/query")
    view.select_paper(kept.id)
    with qtbot.waitSignal(view.changed, timeout=10000):
        qtbot.mouseClick(view.look_up_button, Qt.MouseButton.LeftButton)
    assert _cell(view, kept.id, PaperColumn.TITLE) == "Attention Is All You Need"
    assert _cell(view, kept.id, PaperColumn.AUTHORS).startswith("Ashish Vaswani")
    assert not _cell(view, kept.id, PaperColumn.TITLE, PaperRole.PENDING)
    assert view.title_label.text() == "Attention Is All You Need"  # still selected
    assert not view.pending_label.isVisible()
    assert view.lookup_status.text() == "Details filled in: 1 papers"
    assert [path for path in server.requests if f"id_list={ARXIV_ID}" in path]


def test_offline_the_window_never_waits_and_says_what_still_waits(
    qtbot, database, kept, http_server, monkeypatch
):
    slow = http_server(delay=10)  # answers long after the timeout
    monkeypatch.setenv("STUDYAPP_ARXIV_API", slow.url + "/api/query")
    view = PapersView(database)
    qtbot.addWidget(view)
    view.lookups = PendingLookups(database, view, fetcher=MetadataFetcher(timeout=1))
    view.lookups.roundFinished.connect(view._on_lookups_done)
    view.show()
    started = time.monotonic()
    assert view.lookups.check_now()
    assert time.monotonic() - started < 0.5  # the lookup runs on a worker thread
    assert view.lookups.is_running()
    assert not view.lookups.check_now()  # one round at a time
    typed = []
    view.filter_edit.textChanged.connect(typed.append)
    qtbot.keyClicks(view.filter_edit, "arx")  # the window answers meanwhile
    assert typed[-1] == "arx"
    with qtbot.waitSignal(view.lookups.roundFinished, timeout=10000) as finished:
        pass
    assert finished.args == [0, 2]  # arXiv timed out; Crossref (refused) did not answer
    assert view.lookup_status.text() == "Waiting for details: 2 papers (no answer yet)"
    assert PaperService(database).get(kept.id).details_pending


def test_the_application_looks_up_at_start_and_again_later(
    qtbot, view, kept, http_server, monkeypatch
):
    server = http_server()
    monkeypatch.setenv("STUDYAPP_ARXIV_API", server.url + "/api/query")
    with qtbot.waitSignal(view.lookups.filled, timeout=10000) as filled:
        view.lookups.start(first_delay_ms=50)
    assert filled.args[0] == kept.id
    assert filled.args[1][:2] == ("title", "authors")
    assert view.lookups._timer.isActive()  # and every few minutes after
    view.lookups.stop()
    assert not view.lookups._timer.isActive()


def test_an_answer_after_the_window_closed_is_dropped(qtbot, view, kept, http_server, monkeypatch):
    server = http_server(delay=0.5)
    monkeypatch.setenv("STUDYAPP_ARXIV_API", server.url + "/api/query")
    assert view.lookups.check_now()
    view.close()
    qtbot.waitUntil(lambda: not view.lookups.is_running(), timeout=10000)
    assert PaperService(view._database).get(kept.id).details_pending


def test_offline_the_dialog_keeps_the_id_to_look_up_later(qtbot, database, offline):
    dialog = AddPaperDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.paste, f"https://arxiv.org/abs/{ARXIV_ID}v7")
    qtbot.mouseClick(dialog.lookup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_looking_up(), timeout=10000)
    assert dialog.status.text().startswith("No answer: save to keep the id;")
    assert dialog.error.text().startswith("Could not reach arXiv (")
    assert (dialog.title_edit.text(), dialog.arxiv_edit.text()) == (f"arXiv:{ARXIV_ID}", ARXIV_ID)
    with qtbot.waitSignal(dialog.paperAdded) as added:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert PaperService(database).get(added.args[0]).details_pending


def test_the_dialog_fills_in_a_paper_already_kept_by_its_id(qtbot, database, kept):
    dialog = AddPaperDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title_edit, "Attention Is All You Need")
    qtbot.keyClicks(dialog.arxiv_edit, ARXIV_ID)
    qtbot.keyClicks(dialog.year_edit, "2017")
    with qtbot.waitSignal(dialog.paperAdded):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Its empty fields were filled in from this form" in dialog.error.text()
    paper = PaperService(database).get(kept.id)
    assert (paper.title, paper.year) == ("Attention Is All You Need", 2017)


def test_the_window_started_by_studyapp_fills_in_a_paper_kept_offline(
    tmp_path, database, database_url, kept, http_server
):
    server = http_server()
    script = textwrap.dedent(
        f"""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from studyapp import app

        def watch():
            shown = QApplication.topLevelWidgets()
            window = next(w for w in shown if w.objectName() == "mainWindow")
            window.papers_view.lookups.roundFinished.connect(lambda *_: window.close())

        qt = app._application()
        QTimer.singleShot(0, watch)
        QTimer.singleShot(30000, qt.quit)  # never hang the test run
        raise SystemExit(app.run_gui({database_url!r}))
        """
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).parents[3] / "src"),
        "STUDYAPP_ARXIV_API": server.url + "/api/query",
        "STUDYAPP_DATA_DIR": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=90
    )
    assert done.returncode == 0, done.stderr
    paper = PaperService(database).get(kept.id)
    assert (paper.title, paper.details_pending) == ("Attention Is All You Need", False)
