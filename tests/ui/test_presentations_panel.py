"""The presentations panel, driven by keys and clicks; results checked through the services."""

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from studyapp.core.markdown.document import PaperRef
from studyapp.core.services.library import LibraryService
from studyapp.core.services.presentations import PresentationService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.models.presentation_model import PresentationListModel, PresentationRole
from studyapp.ui.presentations_panel import PresentationsPanel
from studyapp.ui.save_queue import SaveQueue


@pytest.fixture
def session_id(database):
    return (
        SessionService(database)
        .create(group="KD 스터디", title="0310", date=dt.date(2025, 3, 10))
        .id
    )


@pytest.fixture
def service(database):
    return PresentationService(database)


@pytest.fixture
def queue(qtbot):
    save_queue = SaveQueue(debounce_ms=50, retry_ms=200)
    yield save_queue
    save_queue.stop()


@pytest.fixture
def panel(qtbot, database, queue, session_id):
    widget = PresentationsPanel(database, queue)
    qtbot.addWidget(widget)
    widget.resize(760, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.load_session(session_id)
    yield widget
    widget.stop_timer()


def slots(service, session_id):
    return service.list_for_session(session_id)


def commit_text(widget, text):
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_model_roles_and_display(service, session_id):
    first = service.add(
        session_id, presenter="민수님", paper=PaperRef("Tiny Teachers", "CVPR 2024")
    )
    service.add(session_id, title="our project update")
    model = PresentationListModel()
    model.set_rows(service.list_for_session(session_id))
    assert model.rowCount() == 2
    index = model.index(0)
    assert index.data() == "1. 민수님 — Tiny Teachers (CVPR 2024)"
    assert index.data(PresentationRole.ID) == first.id
    assert index.data(PresentationRole.PRESENTER) == "민수님"
    assert index.data(PresentationRole.PAPER_TITLE) == "Tiny Teachers"
    assert model.index(1).data() == "2. No presenter — our project update"
    assert model.roleNames()[PresentationRole.PAPER_TITLE] == b"paperTitle"


def test_model_move_rows_reports_the_new_position(qtbot, service, session_id):
    ids = [service.add(session_id, presenter=name).id for name in ("A", "B", "C")]
    model = PresentationListModel()
    model.set_rows(service.list_for_session(session_id))
    with qtbot.waitSignal(model.rowMoved) as moved:
        assert model.moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert moved.args == [ids[0], 2]
    assert [model.index(r).data(PresentationRole.ID) for r in range(3)] == [ids[1], ids[2], ids[0]]
    assert model.index(2).data().startswith("3. A")
    assert not model.moveRow(QModelIndex(), 1, QModelIndex(), 2)  # onto itself


def test_add_slot_and_type_a_new_presenter(qtbot, panel, service, session_id):
    panel.list_view.setFocus()
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(
            panel.list_view,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
        )
    [slot] = slots(service, session_id)
    assert slot.presenter is None
    assert panel.editor.presenter_edit.hasFocus()
    qtbot.keyClicks(panel.editor.presenter_edit, "Dana")
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.editor.presenter_edit, Qt.Key.Key_Return)
    assert slots(service, session_id)[0].presenter == "Dana"
    assert "Dana" in LibraryService(panel.editor._library.db).people()
    assert panel.model.index(0).data() == "1. Dana"


def test_korean_presenter_by_input_method(qtbot, panel, service, session_id):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    edit = panel.editor.presenter_edit
    edit.setFocus()
    commit_text(edit, "동훈님")
    assert edit.text() == "동훈님"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert slots(service, session_id)[0].presenter == "동훈님"


def test_pick_an_existing_paper_from_the_completer(qtbot, panel, service, session_id, database):
    other = service.add(session_id, paper=PaperRef("Tiny Teachers", venue="CVPR 2024", year=2024))
    service.remove(other.id)  # the paper stays in the library
    panel.load_session(session_id)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    edit = panel.editor.paper_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "tiny")
    popup = panel.editor.paper_completer.popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.model().rowCount() == 1, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    [slot] = slots(service, session_id)
    assert slot.paper is not None and slot.paper.venue == "CVPR 2024"
    assert len(LibraryService(database).papers()) == 1  # no second "tiny" paper
    assert edit.text() == "Tiny Teachers (CVPR 2024)"


def test_typed_paper_with_venue_and_arxiv_is_parsed(qtbot, panel, service, session_id):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    edit = panel.editor.paper_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Camels Learn Fast (arXiv 2501.01234)")
    edit.completer().popup().hide()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    paper = slots(service, session_id)[0].paper
    assert paper is not None
    assert paper.title == "Camels Learn Fast"
    assert paper.arxiv_id == "2501.01234"


def test_notes_and_discussion_are_saved_through_the_queue(qtbot, panel, service, session_id):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    notes = panel.editor.notes_pane.editor
    qtbot.keyClicks(notes, "first point")
    commit_text(notes, " 한국어")
    qtbot.waitUntil(
        lambda: slots(service, session_id)[0].notes == "first point 한국어", timeout=3000
    )
    qtbot.keyClicks(panel.editor.discussion_pane.editor, "why?")
    qtbot.waitUntil(lambda: slots(service, session_id)[0].discussion == "why?", timeout=3000)


def test_unsaved_notes_follow_their_slot_when_the_selection_moves(
    qtbot, database, session_id, service
):
    queue = SaveQueue(debounce_ms=60_000)  # nothing saves on its own during this test
    panel = PresentationsPanel(database, queue)
    qtbot.addWidget(panel)
    _first, second = (service.add(session_id, presenter=n) for n in ("A", "B"))
    panel.load_session(session_id)
    qtbot.keyClicks(panel.editor.notes_pane.editor, "for A")
    panel.select_presentation(second.id)
    assert panel.editor.notes_pane.editor.toPlainText() == ""
    assert queue.flush()
    queue.stop()
    assert [s.notes for s in slots(service, session_id)] == ["for A", ""]


def test_reorder_with_alt_down_and_alt_up(qtbot, panel, service, session_id):
    ids = [service.add(session_id, presenter=name).id for name in ("A", "B", "C")]
    panel.load_session(session_id)
    panel.list_view.setFocus()
    assert panel.current_presentation_id() == ids[0]
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [s.id for s in slots(service, session_id)] == [ids[1], ids[0], ids[2]]
    assert panel.current_presentation_id() == ids[0]  # the moved slot stays selected
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # at end
    assert [s.id for s in slots(service, session_id)] == [ids[1], ids[2], ids[0]]
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [s.id for s in slots(service, session_id)] == [ids[1], ids[0], ids[2]]
    assert panel.model.index(1).data() == "2. A"


def _answer_remove_dialog(button_name):
    """Answer the confirmation once it is open (it blocks in its own event loop)."""

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        answer.text = f"{dialog.text()} {dialog.informativeText()}"
        if button_name is None:
            dialog.button(QMessageBox.StandardButton.Cancel).click()
        else:
            dialog.findChild(QPushButton, button_name).click()

    answer.text = ""
    QTimer.singleShot(0, answer)
    return answer


def test_remove_asks_first_and_keeps_notes_as_a_revision(qtbot, panel, service, session_id):
    first = service.add(session_id, presenter="A")
    service.update(first.id, notes="what A said")
    second = service.add(session_id, presenter="B")
    panel.load_session(session_id)
    panel.list_view.setFocus()

    answer = _answer_remove_dialog(None)
    qtbot.keyClick(panel.list_view, Qt.Key.Key_Delete)
    assert "kept as a revision" in answer.text
    assert len(slots(service, session_id)) == 2

    panel.activateWindow()  # the dialog took activation with it
    panel.list_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.list_view)
    _answer_remove_dialog("confirmRemoveButton")
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.list_view, Qt.Key.Key_Delete)
    assert [s.id for s in slots(service, session_id)] == [second.id]
    assert panel.current_presentation_id() == second.id
    with panel.editor._service.db.transaction() as orm:
        from sqlalchemy import select

        from studyapp.core import models

        kept = orm.scalars(select(models.NoteRevision.content)).all()
    assert kept == ["what A said"]


def test_timer_start_pause_saves_the_duration(qtbot, panel, service, session_id):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    timer = panel.editor.timer
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    assert timer.is_running()
    assert timer.start_button.text() == "Pause"
    qtbot.waitUntil(lambda: timer.elapsed_ms() >= 1000, timeout=3000)
    qtbot.waitUntil(lambda: timer.elapsed_label.text().startswith("00:01"), timeout=2000)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    assert not timer.is_running()
    saved = slots(service, session_id)[0].duration_seconds
    assert saved is not None and saved >= 1
    assert timer.elapsed_label.text() == f"00:{saved:02d} / 20:00"


def test_switching_session_stops_a_running_timer_and_saves(qtbot, panel, service, session_id):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    timer = panel.editor.timer
    timer._base_ms = 61_000  # as if it had run for a minute already
    timer.start()
    panel.load_session(None)
    assert not timer.is_running()
    assert not panel.isEnabled()
    assert slots(service, session_id)[0].duration_seconds == 61


def test_time_box_spin_saves_and_colours_the_label(qtbot, panel, service, session_id):
    slot = service.add(session_id, presenter="A")
    service.update(slot.id, duration_seconds=9 * 60)
    panel.load_session(session_id)
    timer = panel.editor.timer
    assert timer.timebox_spin.value() == 20
    assert timer.elapsed_label.property("timeState") == "normal"
    timer.timebox_spin.setFocus()
    qtbot.keyClick(timer.timebox_spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(timer.timebox_spin, "10")
    qtbot.keyClick(timer.timebox_spin, Qt.Key.Key_Return)
    assert slots(service, session_id)[0].timebox_minutes == 10
    assert timer.elapsed_label.text() == "09:00 / 10:00"
    assert timer.elapsed_label.property("timeState") == "warning"
    qtbot.keyClick(timer.timebox_spin, Qt.Key.Key_Down)
    qtbot.keyClick(timer.timebox_spin, Qt.Key.Key_Down)
    assert slots(service, session_id)[0].timebox_minutes == 8
    assert timer.elapsed_label.property("timeState") == "over"


def test_no_session_means_a_disabled_empty_panel(qtbot, database, queue):
    panel = PresentationsPanel(database, queue)
    qtbot.addWidget(panel)
    panel.load_session(None)
    assert not panel.isEnabled()
    assert panel.model.rowCount() == 0
    assert panel.stack.currentWidget() is panel.empty_label


def test_an_error_is_shown_not_raised(qtbot, panel, service, session_id):
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    edit = panel.editor.presenter_edit
    edit.setFocus()
    edit.setText("x" * 300)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert panel.error_label.isVisibleTo(panel)
    assert "too long" in panel.error_label.text()
    assert slots(service, session_id)[0].presenter is None


def test_model_passes_the_model_tester(qtmodeltester, service, session_id):
    for name in ("민수님", "Alice", None):
        service.add(session_id, presenter=name)
    model = PresentationListModel()
    model.set_rows(service.list_for_session(session_id))
    qtmodeltester.check(model, force_py=True)
