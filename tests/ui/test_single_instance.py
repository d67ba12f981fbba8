"""One window per database: later launches hand over to the first one."""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir

from studyapp.ui.single_instance import SingleInstance, server_name

CHILD = """
import sys
from PySide6.QtCore import QCoreApplication
from studyapp.ui.single_instance import SingleInstance

app = QCoreApplication(sys.argv[:1])
guard = SingleInstance(sys.argv[1])
primary = guard.is_primary()
print("primary" if primary else "secondary")
guard.close()
sys.exit(0 if primary else 3)
"""


@pytest.fixture
def key(tmp_path) -> str:
    # Unique per test: socket names live in a shared temporary folder.
    return f"sqlite:///{tmp_path / 'studyapp.sqlite3'}?{uuid.uuid4()}"


@pytest.fixture
def guards(qapp):
    made: list[SingleInstance] = []

    def make(key: str) -> SingleInstance:
        guard = SingleInstance(key)
        made.append(guard)
        return guard

    yield make
    for guard in made:
        guard.close()


def test_second_launch_on_same_database_activates_the_first(qtbot, guards, key):
    first = guards(key)
    assert first.is_primary()
    second = guards(key)
    with qtbot.waitSignal(first.activationRequested, timeout=5000):
        assert not second.is_primary()


def test_different_databases_are_both_primary(qtbot, guards, key):
    first, other = guards(key), guards(key + "-other")
    assert first.is_primary()
    with qtbot.assertNotEmitted(first.activationRequested, wait=100):
        assert other.is_primary()
    assert first.name != other.name


def test_is_primary_twice_stays_primary(qtbot, guards, key):
    guard = guards(key)
    assert guard.is_primary()
    assert guard.is_primary()


def test_after_close_the_next_launch_is_primary(qtbot, guards, key):
    first = guards(key)
    assert first.is_primary()
    first.close()
    assert guards(key).is_primary()


def test_names_are_short_and_safe():
    name = server_name("postgresql://user:secret@host/db with spaces/한글")
    assert name.startswith("studyapp-")
    assert len(name) < 50
    assert name.replace("-", "").isalnum()
    assert "secret" not in name


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_socket_left_by_a_crash_is_recovered(qtbot, guards, key):
    path = Path(QDir.tempPath()) / server_name(key)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))  # a socket file nobody listens on, as a killed process leaves it
    stale.close()
    assert path.exists()
    guard = guards(key)
    assert guard.is_primary()
    # And it really listens: the next launch reaches it.
    with qtbot.waitSignal(guard.activationRequested, timeout=5000):
        assert not guards(key).is_primary()


def test_second_process_hands_over_and_exits(qtbot, guards, key):
    first = guards(key)
    assert first.is_primary()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with qtbot.waitSignal(first.activationRequested, timeout=20000):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, key],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=20000)
    out, err = child.communicate()
    assert child.returncode == 3, err
    assert out.strip() == "secondary"


def test_a_process_started_alone_is_primary(key):
    child = subprocess.run(
        [sys.executable, "-c", CHILD, key],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "primary"
    if sys.platform != "win32":  # closing removed its socket file
        assert not (Path(QDir.tempPath()) / server_name(key)).exists()
