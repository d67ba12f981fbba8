"""The group's server out of reach: said plainly, and nothing typed is lost.

Mid-meeting (the live listener lost its connection, or a save failed): the banner names
the server and the reason, and says that typing goes on. A failed save stays in the save
queue with its text (retried in order) and in the spool file (``core/spool.py``), so even
closing the window loses nothing. When the server is back, and when a window opens the
database again, the spooled text is saved first, through the merge with whatever another
member saved meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from studyapp.core import spool
from studyapp.core.connection import shown_url
from studyapp.core.errors import StudyappError
from studyapp.ui.errors_shown import describe

if TYPE_CHECKING:
    from studyapp.ui.main_window import MainWindow


class ServerTrouble(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.url: str | None = None
        self.showing = False
        if window.database.engine.dialect.name == "postgresql":
            self.url = shown_url(str(window.database.url))
            window.body_saver.spool_url = self.url

    def lost(self, reason: str) -> None:
        """The server cannot be reached: say which and why, keep the typing going."""
        if self.url is None:
            return
        self.showing = True
        banner = self.window.banner
        banner.setText(
            self.tr(
                "The server {server} cannot be reached ({reason}). Keep typing: your text is"
                " kept on this computer and saved when the server is back."
            ).format(server=self.url, reason=reason)
        )
        banner.show()

    def back(self) -> None:
        """The server answers again: save what waited, in order, and clear the banner."""
        if self.showing:
            self.showing = False
            self.window.banner.hide()
        self.replay()
        self.window.flush()

    def replay(self) -> int:
        """Save the spooled text of this database (typed while the server was down)."""
        if self.url is None:
            return 0
        sessions = self.window.sessions

        def save(entry: spool.Spooled) -> None:
            sessions.save_body(
                entry.session_id, entry.text, expected_version=entry.version, base_text=entry.base
            )

        try:
            return spool.replay(self.url, save)
        except StudyappError as error:
            self.window.statusBar().showMessage(describe(error), 8000)
            return 0
