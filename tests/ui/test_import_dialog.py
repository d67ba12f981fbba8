"""ImportDialog: importing real note files on a worker thread, as a person would."""

import datetime as dt
import os
import threading
import time

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTreeWidget,
)

from studyapp.core.services.imports import ImportService
from studyapp.core.services.sessions import SessionService
from studyapp.ui.dialogs import import_dialog
from studyapp.ui.dialogs.import_dialog import ImportDialog

ENGLISH = """\
---
title: "Reading group 250310"
tags: [review]
---

# Reading group

## Alice: Tiny Teachers (CVPR 2024)
Small teachers can still teach.

> Does it hold for medical images?

- [ ] Bob: read Mixture of Depths 📅 2025-03-17
"""

KOREAN = """\
# 0217 KD 스터디

## 동훈님 논문 - UCDR-Adapter (WACV 2025)
1. 도메인 일반화 검색에 어댑터를 붙임
2. 실험은 DomainNet

## 서연님 논문 - Prompted Retrieval (ICLR 2025 spotlight)
- 검색된 문서를 프롬프트에 같이 넣음

- [ ] 동훈님: 다음 주 발표 준비
- [x] 발표 순서 정하기 ✅ 2025-02-17
"""


@pytest.fixture
def notes(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2025-03-10-reading-group.md").write_text(ENGLISH, encoding="utf-8")
    (folder / "250217 KD 스터디.md").write_text(KOREAN, encoding="utf-8")
    (folder / "broken.md").write_bytes(bytes(range(256)) * 8)
    return folder


@pytest.fixture
def many_notes(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for day in range(1, 9):
        text = (
            f"# Week {day}\n\n## Alice: Paper {day} (ICLR 2025)\nnotes {day}\n\n- [ ] task {day}\n"
        )
        (folder / f"2025-01-{day:02d}-week-{day}.md").write_text(text, encoding="utf-8")
    return folder


def make_dialog(qtbot, database, paths=()):
    dialog = ImportDialog(database, paths)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def child(dialog, kind, name):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def click_import_and_wait(qtbot, dialog):
    with qtbot.waitSignal(dialog.finished_import, timeout=10000) as blocker:
        qtbot.mouseClick(child(dialog, QPushButton, "importButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)
    return blocker.args[0]


def result_rows(dialog):
    tree = child(dialog, QTreeWidget, "importResults")
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return {row.text(1): (row.data(0, Qt.ItemDataRole.UserRole), row.text(2)) for row in rows}


def slow_imports(monkeypatch, seconds):
    original = ImportService._import_one

    def slow(self, *args, **kwargs):
        time.sleep(seconds)  # stands in for a slow disk, on the worker thread
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ImportService, "_import_one", slow)


def test_importing_a_folder_creates_sessions_and_lists_failures(qtbot, database, notes):
    dialog = make_dialog(qtbot, database, [notes])
    assert dialog.objectName() == "importDialog"
    assert child(dialog, QListWidget, "importPaths").item(0).text() == str(notes)
    emitted = []
    dialog.imported.connect(emitted.append)

    report = click_import_and_wait(qtbot, dialog)

    rows = result_rows(dialog)
    assert rows["2025-03-10-reading-group.md"][0] == "created"
    assert rows["250217 KD 스터디.md"][0] == "created"
    assert rows["broken.md"] == ("failed", "not a text file")
    summary = child(dialog, QLabel, "importSummary").text()
    assert summary == "2 created, 1 failed"
    sessions = SessionService(database).list_sessions()
    assert sorted(s.title for s in sessions) == sorted(["Reading group 250310", "0217 KD 스터디"])
    assert {s.group for s in sessions} == {"notes"}  # blank group: the folder's name
    assert len(emitted) == 1 and sorted(emitted[0]) == sorted(s.id for s in sessions)
    assert report.counts == {"created": 2, "failed": 1}
    korean = next(s for s in sessions if "스터디" in s.title)
    detail = SessionService(database).get(korean.id)
    assert [p.presenter for p in detail.presentations] == ["동훈님", "서연님"]

    # The same files again change nothing.
    click_import_and_wait(qtbot, dialog)
    assert result_rows(dialog)["250217 KD 스터디.md"][0] == "unchanged"
    assert child(dialog, QLabel, "importSummary").text() == "2 unchanged, 1 failed"


def test_the_group_combo_lists_groups_and_a_typed_group_is_used(qtbot, database, notes):
    SessionService(database).create(group="KD 스터디", title="kickoff", date=dt.date(2025, 1, 6))
    dialog = make_dialog(qtbot, database, [notes / "2025-03-10-reading-group.md"])
    combo = child(dialog, QComboBox, "importGroup")
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "KD 스터디"]
    qtbot.keyClicks(combo.lineEdit(), "Paper Club")
    click_import_and_wait(qtbot, dialog)
    titles = SessionService(database).list_sessions(group="Paper Club")
    assert [s.title for s in titles] == ["Reading group 250310"]


def test_dry_run_creates_nothing(qtbot, database, notes):
    dialog = make_dialog(qtbot, database, [notes])
    check = child(dialog, QCheckBox, "dryRunCheck")
    assert check.text() == "Dry run (show what would be created)"
    # The box spans the row; a person clicks the box itself, at its left.
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert check.isChecked()
    with qtbot.assertNotEmitted(dialog.imported):
        click_import_and_wait(qtbot, dialog)
    rows = result_rows(dialog)
    assert rows["2025-03-10-reading-group.md"][0] == "would create"
    assert rows["broken.md"][0] == "failed"
    summary = child(dialog, QLabel, "importSummary").text()
    assert summary == "Dry run, nothing was saved: 2 would be created, 1 failed"
    assert SessionService(database).count() == 0


def test_progress_names_the_file_and_the_window_stays_responsive(
    qtbot, database, many_notes, monkeypatch
):
    slow_imports(monkeypatch, 0.05)
    dialog = make_dialog(qtbot, database, [many_notes])
    status = child(dialog, QLabel, "importStatus")
    seen, ticks = set(), []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(dialog.is_running()))
    timer.timeout.connect(lambda: seen.add(status.text()))
    timer.start()
    try:
        click_import_and_wait(qtbot, dialog)
    finally:
        timer.stop()
    # Eight files at 50 ms each: a frozen GUI thread would tick a few times at most.
    assert sum(ticks) >= 15
    assert "Importing 3 of 8: 2025-01-03-week-3.md" in seen
    progress = child(dialog, QProgressBar, "importProgress")
    assert progress.maximum() == 8 and progress.value() == 8
    assert SessionService(database).count() == 8


def test_cancel_stops_after_the_current_file(qtbot, database, many_notes, monkeypatch):
    original = ImportService._import_one
    second_done, go_on = threading.Event(), threading.Event()
    calls = []

    def gated(self, *args, **kwargs):
        outcome = original(self, *args, **kwargs)
        calls.append(outcome.path.name)
        if len(calls) == 2:
            second_done.set()
            go_on.wait(10)  # holds the worker between files until the test clicked Cancel
        return outcome

    monkeypatch.setattr(ImportService, "_import_one", gated)
    dialog = make_dialog(qtbot, database, [many_notes])
    cancel = child(dialog, QPushButton, "cancelImportButton")
    assert not cancel.isVisible()
    with qtbot.waitSignal(dialog.finished_import, timeout=10000) as blocker:
        qtbot.mouseClick(child(dialog, QPushButton, "importButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(second_done.is_set, timeout=5000)
        assert cancel.isVisible() and cancel.isEnabled()
        assert not child(dialog, QPushButton, "importButton").isEnabled()
        assert not child(dialog, QComboBox, "importGroup").isEnabled()
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert child(dialog, QLabel, "importStatus").text() == "Stopping after the current file…"
        go_on.set()
    report = blocker.args[0]
    assert report.cancelled and len(report.outcomes) == 2
    summary = child(dialog, QLabel, "importSummary").text()
    assert summary == "Cancelled after 2 of 8 files. 2 created"
    service = SessionService(database)
    sessions = service.list_sessions()
    assert sorted(s.title for s in sessions) == ["Week 1", "Week 2"]
    for session in sessions:  # whole files only: every slot and to-do is there
        detail = service.get(session.id)
        assert len(detail.presentations) == 1 and len(detail.checklist) == 1


def test_closing_while_importing_stops_the_worker(qtbot, database, many_notes, monkeypatch):
    slow_imports(monkeypatch, 0.05)
    dialog = make_dialog(qtbot, database, [many_notes])
    status = child(dialog, QLabel, "importStatus")
    qtbot.mouseClick(child(dialog, QPushButton, "importButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status.text().startswith("Importing 2 of 8"), timeout=5000)
    job = dialog._job
    dialog.close()
    assert not job._thread.isRunning()
    assert 1 <= SessionService(database).count() < 8


def test_a_missing_path_shows_one_readable_line(qtbot, database, tmp_path):
    dialog = make_dialog(qtbot, database, [tmp_path / "gone"])
    assert click_import_and_wait(qtbot, dialog) is None
    error = child(dialog, QLabel, "importError")
    assert error.isVisible()
    assert error.text() == f"No such file or folder: {tmp_path / 'gone'}"
    assert child(dialog, QPushButton, "importButton").isEnabled()


def test_files_chosen_in_the_file_dialog_are_added_once(qtbot, database, notes, monkeypatch):
    chosen = [str(notes / "2025-03-10-reading-group.md"), str(notes / "broken.md")]

    class FakeFileDialog:
        @staticmethod
        def getOpenFileNames(*args):
            return chosen, ""

        @staticmethod
        def getExistingDirectory(*args):
            return str(notes)

    monkeypatch.setattr(import_dialog, "QFileDialog", FakeFileDialog)
    dialog = make_dialog(qtbot, database)
    importing = child(dialog, QPushButton, "importButton")
    assert not importing.isEnabled()
    for _ in range(2):
        qtbot.mouseClick(child(dialog, QPushButton, "addFilesButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(child(dialog, QPushButton, "addFolderButton"), Qt.MouseButton.LeftButton)
    assert [str(p) for p in dialog.paths()] == [*chosen, str(notes)]
    assert importing.isEnabled()
    paths = child(dialog, QListWidget, "importPaths")
    paths.setCurrentRow(2)
    qtbot.mouseClick(child(dialog, QPushButton, "removePathsButton"), Qt.MouseButton.LeftButton)
    assert [str(p) for p in dialog.paths()] == chosen


def test_warnings_are_shown_under_their_file(qtbot, database, tmp_path):
    note = tmp_path / "undated.md"
    note.write_text("---\ntitle: 날짜 없는 메모\n---\nbody\n", encoding="utf-8")
    dialog = make_dialog(qtbot, database, [note])
    report = click_import_and_wait(qtbot, dialog)
    warnings = report.outcomes[0].warnings
    assert warnings  # no date in the note: the parser says it used the file's date
    tree = child(dialog, QTreeWidget, "importResults")
    row = tree.topLevelItem(0)
    assert row.childCount() == len(warnings)
    for index, warning in enumerate(warnings):
        assert row.child(index).text(0) == "Warning"
        assert row.child(index).text(2) == warning


LOG = "# 0227 KD 스터디\n\n## 동훈님 논문 - UCDR-Adapter (WACV 2025)\n- a\n\n# 0306 스터디\n- b\n"


def _all_rows(dialog) -> list[tuple[str, str, str]]:
    tree = child(dialog, QTreeWidget, "importResults")
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return [(row.data(0, Qt.ItemDataRole.UserRole), row.text(1), row.text(2)) for row in rows]


def test_a_log_is_shown_and_imported_as_a_session_per_meeting(qtbot, database, tmp_path):
    log = tmp_path / "kd-log-2025.md"
    log.write_text(LOG, encoding="utf-8")
    dialog = make_dialog(qtbot, database, [log])
    split = child(dialog, QCheckBox, "splitLogsCheck")
    assert split.isChecked()
    child(dialog, QCheckBox, "dryRunCheck").setChecked(True)
    click_import_and_wait(qtbot, dialog)
    assert _all_rows(dialog) == [
        ("would create", "kd-log-2025.md", "2025-02-27 · 0227 KD 스터디"),
        ("would create", "kd-log-2025.md", "2025-03-06 · 0306 스터디"),
    ]
    assert SessionService(database).list_sessions() == []

    # Unticked, the log stays one session.
    child(dialog, QCheckBox, "dryRunCheck").click()
    split.click()
    assert not split.isChecked()
    click_import_and_wait(qtbot, dialog)
    [session] = SessionService(database).list_sessions()
    assert session.title == "0227 KD 스터디"
    assert child(dialog, QLabel, "importSummary").text() == "1 created"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_and_a_link_out_of_the_folder_are_listed_as_skipped(qtbot, database, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "2025-03-10.md").write_text(KOREAN, encoding="utf-8")
    os.mkfifo(folder / "pipe.md")
    (tmp_path / "elsewhere.md").write_text("# 남의 메모\n", encoding="utf-8")
    (folder / "elsewhere.md").symlink_to(tmp_path / "elsewhere.md")
    dialog = make_dialog(qtbot, database, [folder])

    report = click_import_and_wait(qtbot, dialog)  # the pipe is never opened: no hang

    rows = result_rows(dialog)
    assert rows["pipe.md"] == ("skipped", "a named pipe, not a file")
    assert rows["elsewhere.md"] == (
        "skipped",
        f"a link leading out of the folder (to {tmp_path / 'elsewhere.md'})",
    )
    tree = child(dialog, QTreeWidget, "importResults")
    shown = {tree.topLevelItem(i).text(1): tree.topLevelItem(i).text(0) for i in range(3)}
    assert shown["pipe.md"] == "Skipped"
    assert child(dialog, QLabel, "importSummary").text() == "1 created, 2 skipped"
    assert report.counts == {"created": 1, "skipped": 2}
