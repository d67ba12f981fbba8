"""The argparse tree: global options, subcommands and value parsers."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import cast

from studyapp import __version__
from studyapp.cli.backup_commands import add_backup_parsers
from studyapp.cli.copy_commands import add_copy_parsers
from studyapp.cli.paper_commands import add_paper_parsers
from studyapp.cli.planning_commands import add_planning_commands
from studyapp.cli.publish_commands import add_blog_options, add_publish_parsers
from studyapp.cli.todo_commands import add_todo_parsers

PROG = "studyapp"
EXPORT_FLAVORS = ("jekyll", "obsidian", "html")


def parse_date(text: str) -> dt.date:
    """``YYYY-MM-DD`` only, so 2025-02-30 is refused instead of rolled over."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {text!r}: use YYYY-MM-DD with a real day, like 2025-03-10"
        ) from None


def parse_session_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid session id {text!r}: use a number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"invalid session id {text!r}: use a positive number")
    return value


def _add_global_options(parser: argparse.ArgumentParser, *, on_subcommand: bool) -> None:
    # On a subcommand the default is SUPPRESS, so an option given before the subcommand is
    # not overwritten by the subparser's own default.
    default = argparse.SUPPRESS if on_subcommand else None
    parser.add_argument(
        "--database",
        metavar="URL",
        default=default,
        help="SQLAlchemy URL or SQLite file path (default: $STUDYAPP_DATABASE_URL, "
        "else the file in the user data folder)",
    )
    parser.add_argument(
        "--as",
        dest="actor",
        metavar="NAME",
        default=default,
        help="the member whose changes these are (default: the name in the window's "
        "settings, else the computer user)",
    )
    parser.add_argument(
        "--no-backup",
        action="store_true",
        default=default if on_subcommand else False,
        help="a command that writes skips the backup it makes when the newest is over "
        "30 minutes old",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")


# Global options that take a value, as the command word is looked for before parsing.
_VALUED = ("--database", "--as")


def command_word(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names, read as argparse reads it (None: none, or ``--``)."""
    words = iter(argv)
    for word in words:
        if word == "--" or word == "-h" or (len(word) > 2 and "--help".startswith(word)):
            return None  # help before the command lists every command
        if not word.startswith("-"):
            return word
        name = word.split("=", 1)[0]
        # argparse takes an unambiguous abbreviation of a long option ("--data URL").
        if "=" not in word and len(name) > 2 and any(o.startswith(name) for o in _VALUED):
            next(words, None)
    return None


class _Unbuilt:
    """The parser of a subcommand not asked for: takes any call and builds nothing.

    Building the whole tree took longer than a search itself; a command needs its own.
    """

    def __getattr__(self, name: str) -> Callable[..., _Unbuilt]:
        return self._call

    def _call(self, *args: object, **kwargs: object) -> _Unbuilt:
        return self


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argparse tree; with ``only``, just that subcommand when there is one of the
    name (help and errors about it read the same), else the whole tree."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Study-group session organizer. Without a command, opens the window.",
    )
    _add_global_options(parser, on_subcommand=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    built: list[str] = []

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        if only is not None and name != only:
            return cast(argparse.ArgumentParser, _Unbuilt())
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _add_global_options(sub, on_subcommand=True)
        built.append(name)
        return sub

    command("gui", "open the window (the default)")

    importing = command("import", "import Markdown notes (files or folders)")
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importing.add_argument("--group", metavar="NAME", help="put every imported session here")
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would be imported (each meeting of a log, with its date) "
        "without writing anything",
    )
    importing.add_argument(
        "--no-split",
        dest="split",
        action="store_false",
        help="keep a log of several dated meetings in one file as one session",
    )

    exporting = command("export", "write sessions as Markdown or HTML files")
    exporting.add_argument("folder", type=Path, metavar="DIR")
    exporting.add_argument("--flavor", choices=EXPORT_FLAVORS, default="jekyll")
    exporting.add_argument("--group", metavar="NAME", help="only this group's sessions")
    exporting.add_argument(
        "--since",
        type=parse_date,
        metavar="DATE",
        help="only sessions on or after DATE (YYYY-MM-DD)",
    )
    exporting.add_argument(
        "--until",
        type=parse_date,
        metavar="DATE",
        help="only sessions on or before DATE (YYYY-MM-DD)",
    )
    add_blog_options(exporting)

    listing = command("list", "list sessions, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")

    showing = command("show", "show one session")
    showing.add_argument("session_id", type=parse_session_id, metavar="ID")
    shape = showing.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print JSON")
    shape.add_argument("--markdown", action="store_true", help="print the exported Markdown")

    add_todo_parsers(command)

    search = command(
        "search",
        "search titles, notes, attendance, tags, papers, presenters, to-dos and front matter",
    )
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true", help="print JSON (with --all: a line each)")
    how_many = search.add_mutually_exclusive_group()
    how_many.add_argument(
        "--all", action="store_true", help="list every matching session, newest first"
    )
    how_many.add_argument("--count", action="store_true", help="print only how many sessions match")
    command("reindex", "rebuild the search index")

    add_backup_parsers(command)  # backup, restore, trash

    command("check", "check the database for problems")
    command("demo", "fill the database with a demo study group")
    add_paper_parsers(command)
    add_publish_parsers(command)
    add_planning_commands(command)
    add_copy_parsers(command)
    if only is not None and not built:
        return build_parser()  # no such command: argparse lists every one
    return parser
