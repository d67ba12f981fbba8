"""Shared fixtures: no display needed, never the user's own folders or database."""

import os
import shutil
import subprocess
import time
from pathlib import Path

# Before anything creates a QApplication: tests run without a display (CI, ssh).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # paint as the app does (studyapp.app)

import importlib.util
import socket
import sys

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from studyapp.core.db import open_database

# A port that refuses every connection while the tests run: bound, never listening.
_REFUSING = socket.socket()
_REFUSING.bind(("127.0.0.1", 0))
OFFLINE_URL = f"http://127.0.0.1:{_REFUSING.getsockname()[1]}"


@pytest.fixture(autouse=True)
def _isolated_user_folders(monkeypatch, tmp_path):
    """Point every folder studyapp computes at tmp_path; forget any database override.

    No test reaches arXiv or Crossref: unless a test serves recorded replies (see
    tests/fixtures/metadata/server.py), every lookup meets a refused connection, as offline.
    """
    monkeypatch.setenv("STUDYAPP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("STUDYAPP_DATABASE_URL", raising=False)
    monkeypatch.setenv("STUDYAPP_ARXIV_API", f"{OFFLINE_URL}/arxiv/query")
    monkeypatch.setenv("STUDYAPP_CROSSREF_API", f"{OFFLINE_URL}/crossref/works")


@pytest.fixture
def offline(monkeypatch):
    """arXiv and Crossref do not answer (the connection is refused), as on a laptop offline."""
    monkeypatch.setenv("STUDYAPP_ARXIV_API", f"{OFFLINE_URL}/arxiv/query")
    monkeypatch.setenv("STUDYAPP_CROSSREF_API", f"{OFFLINE_URL}/crossref/works")


def _load_pg_server():
    """tests/pg_server.py, loaded by path (the tests are not a package)."""
    name = "studyapp_test_pg_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).with_name("pg_server.py")
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


postgres_server = _load_pg_server().postgres_server


def _on_postgres(item) -> bool:
    callspec = getattr(item, "callspec", None)
    return callspec is not None and callspec.params.get("database_url") == "postgresql"


def pytest_collection_modifyitems(config, items):
    """A test marked sqlite_only runs on SQLite alone, even where its fixture offers both;
    STUDYAPP_TEST_ENGINES=sqlite leaves out every PostgreSQL run (CI's Qt-less venv)."""
    sqlite_only = os.environ.get("STUDYAPP_TEST_ENGINES") == "sqlite"
    kept, dropped = [], []
    for item in items:
        drop = _on_postgres(item) and (sqlite_only or item.get_closest_marker("sqlite_only"))
        (dropped if drop else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_terminal_summary(terminalreporter):
    """Say how many tests ran on PostgreSQL, so a run that skipped them all shows it."""
    ran = {
        outcome: sum(
            1
            for report in terminalreporter.stats.get(outcome, ())
            if report.when == "call" and "[postgresql" in report.nodeid
        )
        for outcome in ("passed", "failed")
    }
    skipped = sum(
        1 for report in terminalreporter.stats.get("skipped", ()) if "[postgresql" in report.nodeid
    )
    if any(ran.values()) or skipped:
        terminalreporter.write_line(
            f"Tests run on PostgreSQL: {ran['passed']} passed, {ran['failed']} failed,"
            f" {skipped} skipped"
        )


class MemoryKeyring(KeyringBackend):
    """A system keyring that lives as long as the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    """A working keyring, empty at the start, instead of the machine's."""
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    """No keyring at all, as on a headless Linux box."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def database_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'studyapp-test.sqlite3'}"


@pytest.fixture
def database(database_url):
    db = open_database(database_url)
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def _no_leaked_windows(request):
    """Fail a UI test that leaves a top-level widget on screen.

    Only tests that use pytest-qt's ``qapp`` (``qtbot`` does) pay for this, and Qt is only
    imported then, so core tests run without PySide6 installed.
    """
    if "qapp" not in request.fixturenames:
        yield
        return
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    leaked = [
        widget
        for widget in QApplication.topLevelWidgets()
        if widget.isVisible() and widget.windowType() != Qt.WindowType.ToolTip
    ]
    for widget in leaked:
        widget.close()  # so one leak does not fail the tests after it
    if leaked:
        names = ", ".join(sorted({type(widget).__name__ for widget in leaked}))
        pytest.fail(
            f"test left top-level widgets open: {names}; use qtbot.addWidget", pytrace=False
        )


def _run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)


@pytest.fixture
def read_only_view(tmp_path):
    """``view(folder)`` -> (a read-only view of ``folder``, why it cannot be written).

    Root ignores permission bits, so as root the folder is seen through a read-only bind
    mount (the test is skipped where mounting is refused); anyone else gets the folder
    itself made read-only. Undone when the test ends.
    """
    undo = []

    def view(folder: Path) -> tuple[Path, str]:
        if os.name != "posix":
            pytest.skip("read-only folders and mounts as on POSIX systems")
        if os.geteuid() != 0:
            folder.chmod(0o555)
            undo.append(lambda: folder.chmod(0o755))
            return folder, "its folder cannot be written"
        if shutil.which("mount") is None:
            pytest.skip("root ignores folder permissions, and there is no mount command")
        mounted = tmp_path / f"{folder.name}-read-only"
        mounted.mkdir()
        if _run(["mount", "--bind", str(folder), str(mounted)]).returncode != 0:
            pytest.skip("root ignores folder permissions, and this system refuses a bind mount")
        undo.append(lambda: _unmount(mounted))
        if _run(["mount", "-o", "remount,bind,ro", str(mounted)]).returncode != 0:
            pytest.skip("root ignores folder permissions, and the mount cannot be read-only")
        try:
            (mounted / ".probe").touch()
        except OSError:
            return mounted, "it is on a read-only disk"
        pytest.fail("a read-only mount took a new file")

    yield view
    for step in reversed(undo):
        step()


def _unmount(mounted: Path) -> None:
    for _ in range(20):  # a connection closed a moment ago may still hold a file
        if _run(["umount", str(mounted)]).returncode == 0:
            return
        time.sleep(0.1)
    _run(["umount", "-l", str(mounted)])
