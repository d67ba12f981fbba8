"""Whether the window can open here, asked before Qt is loaded.

Qt cannot report a missing display or a missing system library to its caller: it prints
its own lines (naming ``xcb-cursor0`` whatever is really missing) and aborts the process.
So ``studyapp`` looks first: no display at all, or which of the shared libraries Qt's
platform plugin needs will not load, said in one line with the packages that provide them.
Nothing here imports Qt.
"""

from __future__ import annotations

import ctypes
import os
import platform
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

# Platforms that draw without a display server (tests, screenshots, kiosks).
_DISPLAYLESS = {"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"}


@dataclass(frozen=True)
class Library:
    soname: str
    debian: str  # the Debian and Ubuntu package
    fedora: str  # the Fedora, RHEL and openSUSE-alike package


_COMMON = (
    Library("libEGL.so.1", "libegl1", "libglvnd-egl"),
    Library("libGL.so.1", "libgl1", "libglvnd-glx"),
    Library("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    Library("libfreetype.so.6", "libfreetype6", "freetype"),
    Library("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    Library("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
    Library("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    Library("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
)
# What PySide6's libqxcb.so loads (ldd), with libxcb-xinerama that older Qt versions load.
_XCB = (
    Library("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    Library("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    Library("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    Library("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    Library("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    Library("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    Library("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    Library("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    Library("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    Library("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    Library("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    Library("libxcb-xinerama.so.0", "libxcb-xinerama0", "libxcb"),
    Library("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    Library("libxcb.so.1", "libxcb1", "libxcb"),
    Library("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    Library("libX11.so.6", "libx11-6", "libX11"),
)
_WAYLAND = (
    Library("libwayland-client.so.0", "libwayland-client0", "libwayland-client"),
    Library("libwayland-cursor.so.0", "libwayland-cursor0", "libwayland-cursor"),
    Library("libwayland-egl.so.1", "libwayland-egl1", "libwayland-egl"),
)

Loader = Callable[[str], object]


def _load(soname: str) -> object:
    return ctypes.CDLL(soname)


def _platforms(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt would try: QT_QPA_PLATFORM ("wayland;xcb", "xcb:opt") or
    Qt's own choice, Wayland in a Wayland session and X11 otherwise."""
    given = environ.get("QT_QPA_PLATFORM", "").strip()
    if given:
        return [part.split(":", 1)[0].strip().lower() for part in given.split(";") if part.strip()]
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return ["wayland"]
    return ["xcb"]


def x_display_answers(display: str) -> bool:
    """Whether the X server named by ``display`` accepts a connection (through libxcb, as Qt
    would connect; True when libxcb itself is missing, which is reported on its own)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.restype = ctypes.c_int
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    # Never NULL: a failed connection is an object that reports its error.
    connection = xcb.xcb_connect(display.encode(), None)
    failed = xcb.xcb_connection_has_error(connection)
    xcb.xcb_disconnect(connection)
    return failed == 0


def missing_libraries(libraries: Sequence[Library], load: Loader = _load) -> list[Library]:
    """The libraries of ``libraries`` the dynamic loader cannot load."""
    missing = []
    for library in libraries:
        try:
            load(library.soname)
        except OSError:
            missing.append(library)
    return missing


def _distribution() -> set[str]:
    try:
        release = platform.freedesktop_os_release()
    except OSError:
        return set()
    return {release.get("ID", ""), *release.get("ID_LIKE", "").split()}


def install_hint(missing: Sequence[Library], distribution: set[str]) -> str:
    """The command that installs ``missing`` on this system (both kinds when unsure)."""
    debian = " ".join(dict.fromkeys(library.debian for library in missing))
    fedora = " ".join(dict.fromkeys(library.fedora for library in missing))
    if distribution & {"debian", "ubuntu"}:
        return f"install them with: sudo apt install {debian}"
    if distribution & {"fedora", "rhel", "centos"}:
        return f"install them with: sudo dnf install {fedora}"
    return f"install the packages that provide them (Debian/Ubuntu: {debian}; Fedora: {fedora})"


def window_problem(
    environ: Mapping[str, str] | None = None,
    *,
    system: str | None = None,
    load: Loader = _load,
    distribution: set[str] | None = None,
    answers: Callable[[str], bool] = x_display_answers,
) -> str | None:
    """Why the window cannot open here, in one line with the fix; None when it can."""
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    if system == "darwin" or system.startswith(("win", "cygwin")):
        return None  # Qt's Cocoa and Windows plugins need nothing beyond the wheel
    platforms = _platforms(environ)
    if any(name in _DISPLAYLESS for name in platforms):
        return None
    wanted = [name for name in platforms if name in ("xcb", "wayland", "wayland-egl")]
    if not wanted:
        return None  # a plugin we know nothing about: let Qt speak for itself
    variable = "DISPLAY" if wanted[0] == "xcb" else "WAYLAND_DISPLAY"
    if not environ.get(variable):
        unset = (
            "neither DISPLAY nor WAYLAND_DISPLAY is set"
            if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")
            else f"{variable} is not set, and QT_QPA_PLATFORM={environ.get('QT_QPA_PLATFORM')}"
        )
        return (
            f"cannot open the window: there is no display ({unset}); start studyapp from a "
            "desktop session (or over ssh -X), or use its commands, which need none "
            "(studyapp --help)"
        )
    needed = list(_COMMON)
    needed += _XCB if wanted[0] == "xcb" else _WAYLAND
    missing = missing_libraries(needed, load)
    if not missing:
        display = environ.get("DISPLAY", "")
        if wanted[0] == "xcb" and display and not answers(display):
            return (
                f"cannot open the window: the display {display} does not answer (DISPLAY="
                f"{display}); check that its X server is running and allows this user"
            )
        return None
    names = ", ".join(library.soname for library in missing)
    found = _distribution() if distribution is None else distribution
    return (
        f"cannot open the window: system libraries it needs are missing ({names}); "
        f"{install_hint(missing, found)}"
    )
