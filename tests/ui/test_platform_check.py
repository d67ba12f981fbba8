"""`studyapp` where Qt cannot open a window: one `studyapp:` line naming what is missing."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.ui import platform_check
from studyapp.ui.platform_check import Library, missing_libraries, window_problem

SRC = str(Path(__file__).parents[2] / "src")
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _studyapp(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    env.update(PYTHONPATH=SRC, STUDYAPP_DATA_DIR=str(tmp_path / "data"), **extra)
    return subprocess.run(
        [sys.executable, "-m", "studyapp", "--database", str(tmp_path / "s.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_no_display_is_one_line_and_exit_1(tmp_path):
    done = _studyapp(tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("studyapp: cannot open the window: there is no display")
    assert "DISPLAY" in done.stderr and "studyapp --help" in done.stderr
    assert not (tmp_path / "s.sqlite3").exists()  # nothing was opened before the check


def _unused_display() -> str:
    """An X display number nobody serves: no socket in /tmp/.X11-unix, no TCP port."""
    for number in range(737, 800):
        taken = Path(f"/tmp/.X11-unix/X{number}").exists()
        with socket.socket() as probe:
            taken = taken or probe.connect_ex(("127.0.0.1", 6000 + number)) == 0
        if not taken:
            return f":{number}"
    pytest.skip("no free X display number")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")
def test_a_display_that_does_not_answer_is_one_line(tmp_path):
    display = _unused_display()
    done = _studyapp(tmp_path, DISPLAY=display)
    assert done.returncode == 1, done.stderr
    assert len(done.stderr.splitlines()) == 1
    # Where the libraries are installed the display is what is wrong; else the libraries.
    assert done.stderr.startswith("studyapp: cannot open the window: ")
    if "missing" not in done.stderr:
        assert f"the display {display} does not answer" in done.stderr


def _loader_without(*absent: str):
    loaded = []

    def load(soname: str) -> object:
        loaded.append(soname)
        if soname in absent:
            raise OSError(f"{soname}: cannot open shared object file: No such file or directory")
        return object()

    return load, loaded


def test_missing_libraries_are_named_with_the_debian_packages():
    load, _ = _loader_without("libxcb-cursor.so.0", "libEGL.so.1", "libxkbcommon-x11.so.0")
    message = window_problem({"DISPLAY": ":0"}, system="linux", load=load, distribution={"debian"})
    assert message is not None
    assert "(libEGL.so.1, libxcb-cursor.so.0, libxkbcommon-x11.so.0)" in message
    assert message.endswith("sudo apt install libegl1 libxcb-cursor0 libxkbcommon-x11-0")


def test_fedora_gets_its_own_package_names_and_an_unknown_system_both():
    load, _ = _loader_without("libxcb-cursor.so.0", "libxcb-icccm.so.4")
    fedora = window_problem({"DISPLAY": ":0"}, system="linux", load=load, distribution={"fedora"})
    assert fedora is not None
    assert fedora.endswith("sudo dnf install xcb-util-cursor xcb-util-wm")
    other = window_problem({"DISPLAY": ":0"}, system="linux", load=load, distribution={"arch"})
    assert other is not None
    assert "Debian/Ubuntu: libxcb-cursor0 libxcb-icccm4; Fedora: xcb-util-cursor xcb-util-wm" in (
        other
    )


def test_a_wayland_session_checks_the_wayland_libraries():
    load, loaded = _loader_without("libwayland-cursor.so.0")
    message = window_problem(
        {"WAYLAND_DISPLAY": "wayland-0"}, system="linux", load=load, distribution={"ubuntu"}
    )
    assert message is not None
    assert message.endswith("sudo apt install libwayland-cursor0")
    assert "libxcb.so.1" not in loaded


def test_displayless_platforms_and_other_systems_need_nothing():
    load, loaded = _loader_without("libEGL.so.1")
    for platform_name in ("offscreen", "minimal", "vnc:size=800x600", "wayland;offscreen"):
        env = {"QT_QPA_PLATFORM": platform_name}
        assert window_problem(env, system="linux", load=load) is None
    assert window_problem({}, system="darwin", load=load) is None
    assert window_problem({}, system="win32", load=load) is None
    assert loaded == []


def test_a_display_that_answers_and_loads_is_fine():
    load, _ = _loader_without()
    env = {"DISPLAY": ":0"}
    assert window_problem(env, system="linux", load=load, answers=lambda _d: True) is None
    refused = window_problem(env, system="linux", load=load, answers=lambda _d: False)
    assert refused is not None and "the display :0 does not answer" in refused


def test_the_real_loader_finds_what_is_there_and_what_is_not():
    libc = Library("libc.so.6", "libc6", "glibc")
    nowhere = Library("libstudyapp-nowhere.so.7", "nowhere7", "nowhere")
    if not sys.platform.startswith("linux"):
        pytest.skip("shared object names are Linux's")
    assert missing_libraries([libc, nowhere]) == [nowhere]
    assert platform_check.install_hint([nowhere], {"debian"}) == (
        "install them with: sudo apt install nowhere7"
    )
