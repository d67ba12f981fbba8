"""What each subcommand does: call one service, print its result, return an exit code.

Services are imported inside each command so ``studyapp list`` loads only what it uses
(and never Qt).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from studyapp.cli import shaping
from studyapp.cli.backup_commands import BACKUP_COMMANDS
from studyapp.cli.copy_commands import COPY_COMMANDS
from studyapp.cli.paper_commands import PAPER_COMMANDS
from studyapp.cli.planning_commands import PLANNING_COMMANDS
from studyapp.cli.progress import ProgressLine
from studyapp.cli.publish_commands import PUBLISH_COMMANDS, blog_options
from studyapp.cli.search_commands import SEARCH_COMMANDS
from studyapp.cli.todo_commands import TODO_COMMANDS
from studyapp.core.errors import DatabaseError, StudyappError

if TYPE_CHECKING:
    from studyapp.core.actor import Actor
    from studyapp.core.db import Database
    from studyapp.core.services.imports import FileOutcome

STATUS_ORDER = (
    "created",
    "updated",
    "unchanged",
    "would create",
    "would update",
    "skipped",
    "failed",
)


@dataclass
class Context:
    """What every command needs: where the database is and where to print."""

    url: str
    out: TextIO
    err: TextIO
    actor_name: str | None = None  # --as NAME
    _database: Database | None = field(default=None, repr=False)

    def actor(self) -> Actor | None:
        """The member the changes are recorded under: ``--as``, else the window's settings
        name, else the computer user."""
        from studyapp.core.actor import default_actor  # only commands that write ask

        return default_actor(self.actor_name or settings_member_name())

    def database(
        self, *, migrate: bool = True, check: bool = True, writes: bool = False
    ) -> Database:
        """The database, opened once. ``check``: refuse a damaged (or emptied) SQLite file
        first, with one line naming the damage and the newest good backup; a command that
        only reads checks what fits in a quarter of a second, one that ``writes`` more."""
        if self._database is None:
            # SQLAlchemy: only for what needs it; a server that refuses is named as Settings
            # -> Database "Test connection" names it.
            from studyapp.core.connection import open_explained

            if check:
                from studyapp.core.services.damage import READING_BUDGET, STARTUP_BUDGET
                from studyapp.core.services.recovery import refuse_damaged

                refuse_damaged(self.url, budget=STARTUP_BUDGET if writes else READING_BUDGET)
            self._database = open_explained(self.url, migrate=migrate)
        return self._database

    def writing_database(self, args: argparse.Namespace) -> Database:
        """The database for a command that writes: backed up first when the newest backup
        of it is older than the automatic interval (unless ``--no-backup``)."""
        database = self.database(writes=True)
        if not getattr(args, "no_backup", False):
            from studyapp.core.services.maintenance import MaintenanceService

            made = MaintenanceService(database).backup_before_writing()
            if made is not None:
                self.warn(f"backed up to {made}")
        return database

    def existing_database(self, *, check: bool = True) -> Database:
        """The database without migrating it, refusing to create an empty SQLite file."""
        from studyapp.core.db import sqlite_path

        path = sqlite_path(self.url)
        if path is not None and not path.exists():
            raise DatabaseError(f"There is no database at {path} yet.")
        return self.database(migrate=False, check=check)

    def close(self) -> None:
        if self._database is not None:
            self._database.dispose()
            self._database = None

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(text, file=self.err)


def settings_member_name() -> str | None:
    """The name set in the window's settings; None when there is none, or no Qt to read
    the settings with (a core-only install)."""
    try:
        from studyapp.ui.settings import AppSettings
    except ImportError:
        return None
    return AppSettings().member_name


def shown_path(path: Path) -> str:
    """A path relative to the working folder when it is inside it: shorter messages."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# -- import / export -------------------------------------------------------------------------


def _outcome_line(outcome: FileOutcome, width: int) -> str:
    parts = [outcome.status.ljust(width)]
    if outcome.session_id is not None:
        parts.append(f"#{outcome.session_id}")
    if outcome.date is not None:
        parts.append(outcome.date.isoformat())
    parts.append(outcome.title or shown_path(outcome.path))
    counts = (
        f"({shaping.plural(outcome.presentations, 'presentation')}, "
        f"{shaping.plural(outcome.tasks, 'to-do')})"
    )
    line = "  ".join([*parts, counts])
    if outcome.message:
        line += f"  [{outcome.message}]"
    return line


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.imports import ImportService

    database = ctx.database() if args.dry_run else ctx.writing_database(args)
    service = ImportService(database)
    with ProgressLine(ctx.err, "Importing") as progress:
        report = service.import_paths(
            list(args.paths),
            group=args.group,
            dry_run=args.dry_run,
            split=args.split,
            progress=progress.for_import,
        )
    done = [o for o in report.outcomes if o.status not in ("failed", "skipped")]
    width = max((len(o.status) for o in done), default=0)
    meetings: dict[Path, int] = {}
    for outcome in report.outcomes:
        if outcome.part is not None:
            meetings[outcome.path] = meetings.get(outcome.path, 0) + 1
    shown: set[Path] = set()
    for outcome in report.outcomes:
        indent = ""
        if outcome.path in meetings:
            indent = "  "
            if outcome.path not in shown:
                shown.add(outcome.path)
                count = shaping.plural(meetings[outcome.path], "session")
                ctx.print(f"{shown_path(outcome.path)}: a log of meetings, split into {count}")
        if outcome.status == "failed":
            ctx.warn(f"studyapp: {shown_path(outcome.path)}: {outcome.message or 'failed'}")
        elif outcome.status == "skipped":  # empty, a pipe, a link leaving the folder
            ctx.print(
                f"{indent}{outcome.status.ljust(width)}  {shown_path(outcome.path)}: "
                f"{outcome.message}"
            )
        if outcome.status in ("failed", "skipped"):
            for warning in outcome.warnings:
                ctx.warn(f"{shown_path(outcome.path)}: warning: {warning}")
            continue
        ctx.print(indent + _outcome_line(outcome, width))
        for warning in outcome.warnings:
            ctx.warn(f"{shown_path(outcome.path)}: warning: {warning}")
    counts = report.counts
    summary = ", ".join(f"{counts[s]} {s}" for s in STATUS_ORDER if counts.get(s))
    files = shaping.plural(len({o.path for o in report.outcomes}), "file")
    if len(report.outcomes) != len({o.path for o in report.outcomes}):
        files += f" as {shaping.plural(len(report.outcomes), 'session')}"
    if args.dry_run:
        ctx.print(f"Dry run, nothing written: {files} ({summary or 'nothing to import'})")
    else:
        ctx.print(f"Imported {files}: {summary or 'no notes found'}")
    return 1 if report.failed else 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.exports import ExportService

    service = ExportService(ctx.database(writes=True))  # copies out: checked as a write is
    with ProgressLine(ctx.err, "Exporting") as progress:
        result = service.export(
            args.folder,
            flavor=args.flavor,
            group=args.group,
            since=args.since,
            until=args.until,
            progress=progress.update,
            jekyll=blog_options(args),
        )
    total = len(result.written) + len(result.unchanged)
    ctx.print(
        f"Exported {shaping.plural(total, 'session')} to {args.folder} "
        f"({len(result.unchanged)} unchanged)"
    )
    return 0


# -- reading ---------------------------------------------------------------------------------


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.sessions import SessionService

    summaries = SessionService(ctx.database()).list_sessions()
    if args.json:
        ctx.print(shaping.dumps([shaping.summary_json(s) for s in summaries]))
    elif not summaries:
        ctx.print("No sessions yet. Try `studyapp demo` or `studyapp import FOLDER`.")
    else:
        for line in shaping.session_table(summaries):
            ctx.print(line)
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.sessions import SessionService

    detail = SessionService(ctx.database()).get(args.session_id)
    if args.json:
        ctx.print(shaping.dumps(shaping.detail_json(detail)))
    elif args.markdown:
        from studyapp.core.markdown.exporter import render_markdown

        ctx.out.write(render_markdown(detail, "jekyll"))
    else:
        for line in shaping.detail_text(detail):
            ctx.print(line)
    return 0


# -- maintenance -----------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.maintenance import MaintenanceService

    # Not migrated, not refused: an outdated schema and damage are what it reports.
    report = MaintenanceService(ctx.existing_database(check=False)).check()
    if report.ok:
        ctx.print(f"ok (revision {report.revision})")
        return 0
    for problem in report.problems:
        ctx.print(problem)
    return 1


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.demo import load_demo

    result = load_demo(ctx.writing_database(args))
    if not result.created:
        ctx.print(f"The demo group {result.group!r} is already there; nothing was added.")
    else:
        ctx.print(
            f"Created the demo: {', '.join(result.groups)} with "
            f"{shaping.plural(result.sessions, 'session')}, "
            f"{shaping.plural(result.presentations, 'presentation')} and "
            f"{shaping.plural(result.tasks, 'to-do')}."
        )
    ctx.print("See it with `studyapp list`, or open the window with `studyapp`.")
    return 0


def cmd_gui(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.ui.platform_check import window_problem

    # Asked before Qt loads: without a display or a library it needs, Qt aborts the process.
    problem = window_problem()
    if problem is not None:
        raise StudyappError(problem)
    # Imported here so that no other command ever loads Qt.
    from studyapp.app import run_gui

    return run_gui(ctx.url)


COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {
    "gui": cmd_gui,
    "import": cmd_import,
    "export": cmd_export,
    "list": cmd_list,
    "show": cmd_show,
    "check": cmd_check,
    "demo": cmd_demo,
}
COMMANDS.update(BACKUP_COMMANDS)
COMMANDS.update(PAPER_COMMANDS)
COMMANDS.update(PLANNING_COMMANDS)
COMMANDS.update(PUBLISH_COMMANDS)
COMMANDS.update(TODO_COMMANDS)
COMMANDS.update(COPY_COMMANDS)
COMMANDS.update(SEARCH_COMMANDS)


def debug_enabled() -> bool:
    return os.environ.get("STUDYAPP_DEBUG", "").strip() not in ("", "0", "false", "no")
