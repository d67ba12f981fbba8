"""Writing sessions out as Markdown or HTML minutes, one file per session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from studyapp.core.db import Database
from studyapp.core.errors import ExportError
from studyapp.core.markdown.exporter import FLAVORS
from studyapp.core.markdown.jekyll import JekyllOptions
from studyapp.core.markdown.writer import ExportResult, export_sessions
from studyapp.core.services import session_details
from studyapp.core.services.attachments import AttachmentService
from studyapp.core.services.sessions import SessionService


class ExportService:
    def __init__(self, database: Database) -> None:
        self.db = database
        self.sessions = SessionService(database)

    def export(
        self,
        folder: Path,
        *,
        flavor: str = "jekyll",
        group: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        progress: Callable[[int, int | None], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        jekyll: JekyllOptions | None = None,
    ) -> ExportResult:
        """Write the sessions as minutes into ``folder``; ``jekyll`` says how a blog wants
        its posts (layout, Liquid, where images go)."""
        if flavor not in FLAVORS:
            raise ExportError(
                "Unknown flavor {flavor!r}; use one of: {flavors}.",
                flavor=flavor,
                flavors=", ".join(FLAVORS),
            )
        if since is not None and until is not None and since > until:
            raise ExportError(
                "--since {since} is after --until {until}; nothing to export.",
                since=since,
                until=until,
            )
        if group is not None:
            self.sessions.require_group(group)
        total = self.sessions.count(group=group, since=since, until=until)
        details = session_details.in_date_order(self.db, group=group, since=since, until=until)
        return export_sessions(
            details,
            Path(folder).expanduser(),
            flavor,
            progress=progress,
            cancelled=cancelled,
            total=total,
            files=lambda detail: AttachmentService(self.db).files(detail.id),
            jekyll=jekyll,
        )
