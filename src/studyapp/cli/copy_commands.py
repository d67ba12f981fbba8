"""``studyapp copy-to URL``: this database into another one (a group's shared server)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from studyapp.cli import shaping

if TYPE_CHECKING:
    from studyapp.cli.commands import Context


def add_copy_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    copying = command(
        "copy-to",
        "copy this database's groups, people, papers, sessions, to-dos and reading assignments "
        "into the database at URL (upgraded first); what is there already is left alone",
    )
    copying.add_argument("target", metavar="URL", help="SQLAlchemy URL or SQLite file path")


def cmd_copy_to(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.connection import open_explained, shown_url
    from studyapp.core.paths import resolve_database_url
    from studyapp.core.services.copying import KINDS, CopyService

    source = ctx.database(writes=True)
    target_url = resolve_database_url(args.target)
    if target_url == source.url:
        ctx.warn("studyapp: copy-to needs another database than the one copied from")
        return 2
    target = open_explained(target_url)
    try:
        report = CopyService(source, target).copy()
    finally:
        target.dispose()
    shown = shown_url(target_url)
    if report.nothing_copied:
        ctx.print(f"Nothing to copy: {shown} has everything already.")
        return 0
    copied = ", ".join(shaping.plural(report.copied[kind], *_NOUNS[kind]) for kind in KINDS)
    ctx.print(f"Copied {copied} to {shown}.")
    known = sum(report.known.values())
    if known:
        ctx.print(f"{shaping.plural(known, 'item')} were there already and left alone.")
    return 0


_NOUNS = {
    "groups": ("group", None),
    "people": ("person", "people"),
    "papers": ("paper", None),
    "sessions": ("session", None),
    "to-dos": ("to-do", None),
    "assignments": ("reading assignment", None),
}


COPY_COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {"copy-to": cmd_copy_to}
