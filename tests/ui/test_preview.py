"""The preview renders in a worker process: whatever a note holds, the window stays
responsive, the newest session wins, and a render that takes too long is ended and said so."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QListView

from studyapp import app
from studyapp.core.db import open_database
from studyapp.core.services.sessions import SessionService
from studyapp.ui.preview import PreviewRenderer

DEEP = (
    "- " * 10_000
    + "깊은 목록\n\n"
    + ">" * 10_000
    + " 깊은 인용\n\n"
    + "*" * 10_000
    + "\n\na "
    + "*" * 10_000
    + "깊은 별"
    + "*" * 10_000
)
# Within every limit, and still minutes of Python-Markdown: a paragraph of backslashes,
# every escape of which copies the paragraph again.
SLOW = "".join("\\" * width + " x\n" for width in range(1, 700))


@pytest.fixture
def url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'preview.sqlite3'}"
    database = open_database(url)
    try:
        sessions = SessionService(database)
        day = dt.date(2025, 3, 3)
        sessions.create(group="G", title="보통 모임", date=day, body="처음 메모")
        sessions.create(group="G", title="깊은 모임", date=day, body=DEEP)
        sessions.create(group="G", title="느린 모임", date=day, body=SLOW)
    finally:
        database.dispose()
    return url


@pytest.fixture
def window(qtbot, url):
    window = app.create_main_window(url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    if window.isVisible():
        window.close()


def _select(window, title: str) -> None:
    view = window.findChild(QListView, "sessionList")
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row).data().endswith(title):
            view.setCurrentIndex(model.index(row))
            return
    raise AssertionError(f"no session {title!r}")


class Ticks:
    """The longest the event loop went without running a 20 ms timer."""

    def __init__(self, parent) -> None:
        self.longest = 0.0
        self._last = time.monotonic()
        self._timer = QTimer(parent, interval=20)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def _shown(window) -> str:
    return window.preview.toPlainText()


def _on_preview(qtbot, window, title: str, text: str) -> None:
    _select(window, title)
    window.tabs.setCurrentWidget(window.preview)
    qtbot.waitUntil(lambda: text in _shown(window), timeout=20_000)


def test_a_session_nested_10000_deep_is_previewed_while_the_window_stays_responsive(qtbot, window):
    _on_preview(qtbot, window, "보통 모임", "처음 메모")
    ticks = Ticks(window)

    _select(window, "깊은 모임")
    assert "처음 메모" not in _shown(window)  # never the session before meanwhile
    qtbot.waitUntil(lambda: "깊은 별" in _shown(window), timeout=20_000)

    shown = _shown(window)
    assert "깊은 목록" in shown and "깊은 인용" in shown and shown.startswith("깊은 모임")
    assert ticks.longest < 1.0, ticks.longest  # loading it, at most; the render ran elsewhere


def test_a_render_that_takes_too_long_is_ended_and_said_so(qtbot, window):
    window.preview.renderer.time_limit_ms = 1500
    _on_preview(qtbot, window, "보통 모임", "처음 메모")
    ticks = Ticks(window)
    started = time.monotonic()

    _select(window, "느린 모임")
    qtbot.waitUntil(lambda: "takes too long to show here" in _shown(window), timeout=10_000)

    assert time.monotonic() - started < 8
    assert _shown(window).startswith("느린 모임")
    assert ticks.longest < 1.0, ticks.longest
    _select(window, "보통 모임")  # a fresh worker renders the next one
    qtbot.waitUntil(lambda: "처음 메모" in _shown(window), timeout=10_000)
    assert not window.preview.is_rendering()


def test_the_newest_session_wins_and_a_stale_render_is_dropped(qtbot, window):
    window.preview.renderer.time_limit_ms = 60_000  # the slow one would run a minute
    _on_preview(qtbot, window, "보통 모임", "처음 메모")
    rendered = []
    window.preview.rendered.connect(lambda: rendered.append(_shown(window)))

    _select(window, "느린 모임")
    _select(window, "깊은 모임")
    _select(window, "보통 모임")
    qtbot.waitUntil(lambda: bool(rendered), timeout=10_000)
    qtbot.wait(500)

    assert len(rendered) == 1 and "처음 메모" in rendered[0]  # only the newest is shown
    assert "처음 메모" in _shown(window) and "too long" not in _shown(window)


def test_the_renderer_drops_every_result_but_the_newest(qtbot):
    renderer = PreviewRenderer()
    shown: list[tuple[int, str]] = []
    renderer.rendered.connect(lambda number, html: shown.append((number, html)))
    try:
        first = renderer.render("# 첫째", ())
        second = renderer.render("# 둘째 **굵게**", ())
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        qtbot.wait(300)
        assert first < second
        assert shown == [(second, '<h1 id="둘째-굵게">둘째 <strong>굵게</strong></h1>')]
    finally:
        renderer.shutdown()
