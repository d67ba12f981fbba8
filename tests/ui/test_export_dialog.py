"""ExportDialog: writing minutes to a folder on a worker thread, as a person would."""

import datetime as dt
import threading

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
)

from studyapp.core.markdown import writer
from studyapp.core.services.demo import load_demo
from studyapp.core.services.sessions import SessionService
from studyapp.ui.dialogs import export_dialog
from studyapp.ui.dialogs.export_dialog import ExportDialog

TODAY = dt.date(2025, 3, 12)


@pytest.fixture
def demo(database):
    load_demo(database, today=TODAY)
    return database


def make_dialog(qtbot, database, folder=None, flavor="jekyll"):
    dialog = ExportDialog(database, folder, flavor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def child(dialog, kind, name):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def click(qtbot, dialog, name):
    qtbot.mouseClick(child(dialog, QPushButton, name), Qt.MouseButton.LeftButton)


def export_and_wait(qtbot, dialog):
    with qtbot.waitSignal(dialog.exported, timeout=10000) as blocker:
        click(qtbot, dialog, "exportButton")
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)
    return blocker.args


def test_export_writes_one_file_per_session(qtbot, demo, tmp_path):
    total = SessionService(demo).count()
    target = tmp_path / "site" / "_posts"
    dialog = make_dialog(qtbot, demo)
    assert dialog.objectName() == "exportDialog"
    qtbot.keyClicks(child(dialog, QLineEdit, "exportFolder"), str(target))

    assert export_and_wait(qtbot, dialog) == [str(target), "jekyll"]

    files = sorted(target.glob("*.md"))
    assert len(files) == total >= 6
    assert any("스터디" in f.read_text(encoding="utf-8") for f in files)
    status = child(dialog, QLabel, "exportStatus").text()
    assert status == f"Exported {total} sessions to {target} (0 unchanged)."
    assert child(dialog, QPushButton, "openFolderButton").isVisible()

    export_and_wait(qtbot, dialog)  # nothing changed since: every file is left alone
    status = child(dialog, QLabel, "exportStatus").text()
    assert status == f"Exported {total} sessions to {target} ({total} unchanged)."

    click(qtbot, dialog, "closeButton")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.folder(), dialog.flavor()) == (str(target), "jekyll")


def test_html_flavor_writes_html_pages(qtbot, demo, tmp_path):
    dialog = make_dialog(qtbot, demo, str(tmp_path / "html"), "obsidian")
    flavor = child(dialog, QComboBox, "exportFlavor")
    assert flavor.currentText() == "Obsidian"
    assert "Obsidian" in child(dialog, QLabel, "flavorDescription").text()
    flavor.setCurrentIndex(flavor.findText("HTML"))
    assert "web page" in child(dialog, QLabel, "flavorDescription").text()
    export_and_wait(qtbot, dialog)
    pages = list((tmp_path / "html").iterdir())
    assert pages and all(page.suffix == ".html" for page in pages)
    assert "<" in pages[0].read_text(encoding="utf-8")
    assert dialog.flavor() == "html"


def test_group_and_dates_narrow_the_export(qtbot, demo, tmp_path):
    service = SessionService(demo)
    group = "KD 스터디"
    since, until = dt.date(2025, 2, 1), dt.date(2025, 3, 31)
    expected = service.count(group=group, since=since, until=until)
    assert 0 < expected < service.count()
    dialog = make_dialog(qtbot, demo, str(tmp_path / "kd"))
    groups = child(dialog, QComboBox, "exportGroup")
    assert groups.itemText(0) == "All groups"
    groups.setCurrentIndex(groups.findText(group))
    all_dates = child(dialog, QCheckBox, "allDatesCheck")
    assert all_dates.isChecked() and not child(dialog, QDateEdit, "sinceDate").isEnabled()
    qtbot.mouseClick(all_dates, Qt.MouseButton.LeftButton, pos=QPoint(8, all_dates.height() // 2))
    child(dialog, QDateEdit, "sinceDate").setDate(QDate(since))
    child(dialog, QDateEdit, "untilDate").setDate(QDate(until))
    export_and_wait(qtbot, dialog)
    assert len(list((tmp_path / "kd").glob("*.md"))) == expected


def test_a_folder_under_a_regular_file_shows_one_readable_line(qtbot, demo, tmp_path):
    blocker_file = tmp_path / "notes.txt"
    blocker_file.write_text("not a folder", encoding="utf-8")
    dialog = make_dialog(qtbot, demo, str(blocker_file / "out"))
    with qtbot.assertNotEmitted(dialog.exported):
        click(qtbot, dialog, "exportButton")
        qtbot.waitUntil(lambda: child(dialog, QLabel, "exportError").isVisible(), timeout=5000)
    message = child(dialog, QLabel, "exportError").text()
    assert message == (
        f"Cannot create the folder {blocker_file / 'out'}: part of the path is a file, not a folder"
    )
    assert not child(dialog, QPushButton, "openFolderButton").isVisible()
    qtbot.waitUntil(lambda: child(dialog, QPushButton, "exportButton").isEnabled(), timeout=5000)
    click(qtbot, dialog, "closeButton")  # nothing exported: the caller keeps its old folder
    assert dialog.result() == QDialog.DialogCode.Rejected


@pytest.mark.parametrize(
    ("folder", "message"),
    [("", "Choose a folder to export to."), ("minutes", "Give the folder's full path")],
)
def test_a_missing_or_relative_folder_is_refused_at_once(qtbot, demo, folder, message):
    dialog = make_dialog(qtbot, demo, folder)
    click(qtbot, dialog, "exportButton")
    assert not dialog.is_running()
    assert child(dialog, QLabel, "exportError").text().startswith(message)


def test_open_folder_asks_the_desktop(qtbot, demo, tmp_path, monkeypatch):
    opened = []

    class FakeDesktop:
        @staticmethod
        def openUrl(url):
            opened.append(url.toLocalFile())
            return True

    monkeypatch.setattr(export_dialog, "QDesktopServices", FakeDesktop)
    dialog = make_dialog(qtbot, demo, str(tmp_path / "out"))
    export_and_wait(qtbot, dialog)
    click(qtbot, dialog, "openFolderButton")
    assert opened == [str(tmp_path / "out")]


def test_cancel_stops_between_files(qtbot, demo, tmp_path, monkeypatch):
    original = writer.render_markdown
    rendered, second, go_on = [], threading.Event(), threading.Event()

    def gated(session, flavor, **links):
        rendered.append(session.id)
        if len(rendered) == 2:
            second.set()
            go_on.wait(10)  # holds the worker until the test clicked Cancel
        return original(session, flavor, **links)

    monkeypatch.setattr(writer, "render_markdown", gated)
    total = SessionService(demo).count()
    dialog = make_dialog(qtbot, demo, str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        click(qtbot, dialog, "exportButton")
        qtbot.waitUntil(second.is_set, timeout=5000)
        assert not child(dialog, QPushButton, "exportButton").isEnabled()
        click(qtbot, dialog, "cancelExportButton")
        go_on.set()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5000)
    assert len(list((tmp_path / "out").glob("*.md"))) == 2 < total
    status = child(dialog, QLabel, "exportStatus").text()
    assert status == f"Cancelled: 2 sessions exported to {tmp_path / 'out'}."


def test_publishing_into_a_git_site_with_a_layout_commits_once(qtbot, demo, tmp_path):
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    site = tmp_path / "blog"
    site.mkdir()

    def git(*args: str) -> str:
        command = ["git", "-c", "core.quotePath=false", "-C", str(site), *args]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout

    git("init", "-q")
    git("config", "user.email", "lab@example.com")
    git("config", "user.name", "Lab")
    dialog = make_dialog(qtbot, demo)
    qtbot.keyClicks(child(dialog, QLineEdit, "exportFolder"), str(site))
    layout = child(dialog, QLineEdit, "exportLayout")
    assert layout.isVisible() and layout.text() == "post"
    layout.clear()
    qtbot.keyClicks(layout, "single")
    publish = child(dialog, QCheckBox, "publishCheck")
    publish.click()
    assert publish.isChecked()

    export_and_wait(qtbot, dialog)
    posts = sorted((site / "_posts").glob("*.md"))
    assert len(posts) == SessionService(demo).count()
    assert all("layout: single\n" in post.read_text(encoding="utf-8") for post in posts)
    status = child(dialog, QLabel, "exportStatus").text()
    assert status.startswith(f"Published {len(posts)} files to {site} and committed them")
    assert len(git("log", "--oneline").splitlines()) == 1

    export_and_wait(qtbot, dialog)
    assert child(dialog, QLabel, "exportStatus").text() == (
        f"Nothing to publish: {site} already has these minutes."
    )
    assert len(git("log", "--oneline").splitlines()) == 1
    assert dialog.layout_name() == "single"

    # HTML pages are no site's posts: the choice is not offered.
    child(dialog, QComboBox, "exportFlavor").setCurrentIndex(2)
    assert not publish.isEnabled() and not layout.isVisible()
