"""``studyapp backup [DEST | --list]``, ``restore BACKUP [--yes]`` and ``trash``.

Kept apart from ``commands.py``; ``parser.py`` calls :func:`add_backup_parsers` and
``commands.py`` merges :data:`BACKUP_COMMANDS` into its table.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.core.errors import DatabaseError, ValidationError
from studyapp.core.paths import backups_dir

if TYPE_CHECKING:
    from studyapp.cli.commands import Context


def add_backup_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Register the backup, restore and trash subcommands through ``build_parser``'s helper."""
    backup = command(
        "backup",
        "copy the database to a backup file (PostgreSQL: a pg_dump archive), or list them",
    )
    backup.add_argument(
        "dest",
        nargs="?",
        type=Path,
        metavar="DEST",
        help="file or folder (default: the backups folder)",
    )
    backup.add_argument(
        "--list",
        action="store_true",
        help="list this database's backups, newest first: path, time, size",
    )

    restore = command(
        "restore", "replace the database with a backup (the current one is saved first)"
    )
    restore.add_argument(
        "backup",
        type=Path,
        metavar="BACKUP",
        help="the backup file (a .dump archive for a PostgreSQL database)",
    )
    restore.add_argument("--yes", action="store_true", help="do not ask before replacing")

    trash = command("trash", "list, restore or empty the trash (sessions and papers)")
    trash.add_argument(
        "--empty",
        action="store_true",
        help="delete for good what was trashed more than 30 days ago",
    )
    trash.add_argument(
        "--all", action="store_true", help="with --empty: delete everything in the trash"
    )
    trash.add_argument(
        "--restore",
        nargs=2,
        metavar=("KIND", "ID"),
        help="bring back one item: KIND is session or paper",
    )


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # unreachable; keeps the type checker content


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.maintenance import MaintenanceService

    if args.list:
        if args.dest is not None:
            raise ValidationError("Give either a destination or --list, not both.")
        # The folder only, no database: this works while the database is damaged or missing.
        from studyapp.core.backup_catalog import backups_for

        backups = backups_for(ctx.url)
        for info in backups:
            stamp = info.created.strftime("%Y-%m-%d %H:%M:%S")
            ctx.print(f"{info.path}\t{stamp}\t{human_size(info.size)}")
        if not backups:
            ctx.warn(f"No backups in {backups_dir()} yet.")
        return 0
    # Not refused at opening: the backup refuses a damaged file itself, saying so.
    path = MaintenanceService(ctx.existing_database(check=False)).backup(args.dest)
    ctx.print(str(path))
    return 0


def _confirmed(question: str, ctx: Context) -> bool | None:
    """The user's answer; None when there is no terminal to ask on."""
    stdin = sys.stdin
    try:
        interactive = stdin is not None and stdin.isatty()
    except (ValueError, OSError):
        interactive = False
    if not interactive:
        return None
    ctx.out.write(f"{question} [y/N] ")
    ctx.out.flush()
    answer = stdin.readline()
    return answer.strip().lower() in ("y", "yes")


def _restorable(url: str) -> bool:
    """A SQLite file or a PostgreSQL database: asked before connecting, so another kind of
    server is refused without its driver."""
    from studyapp.core.connection import is_postgresql_url
    from studyapp.core.db import sqlite_path

    return sqlite_path(url) is not None or is_postgresql_url(url)


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.connection import shown_url
    from studyapp.core.services.maintenance import NOT_SQLITE_RESTORE, MaintenanceService

    if not _restorable(ctx.url):
        raise DatabaseError(NOT_SQLITE_RESTORE)
    # A damaged database is what restore is for: no check before opening it.
    service = MaintenanceService(ctx.database(migrate=False, check=False))
    target = service.db.path or (shown_url(ctx.url) if service.on_server() else None)
    if target is not None and not args.yes:
        answer = _confirmed(f"Replace {target} with {args.backup}?", ctx)
        if answer is None:
            ctx.warn(
                "studyapp: restore replaces the database; pass --yes to confirm "
                "when not running in a terminal."
            )
            return 1
        if not answer:
            ctx.print("Nothing was changed.")
            return 1
    result = service.restore(args.backup)
    if result.saved is not None:
        ctx.print(f"Saved the previous database as {result.saved}")
    ctx.print(f"Restored {result.database} from {result.backup}")
    return 0


def cmd_trash(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.trash import KEEP_DAYS, TrashService

    if args.all and not args.empty:
        raise ValidationError("--all goes with --empty.")
    if args.empty and args.restore:
        raise ValidationError("Give either --empty or --restore, not both.")
    writes = bool(args.restore or args.empty)
    service = TrashService(ctx.writing_database(args) if writes else ctx.database())
    if args.restore:
        kind_text, id_text = args.restore
        try:
            item_id = int(id_text)
        except ValueError:
            raise ValidationError(f"Invalid id {id_text!r}: use a number.") from None
        service.restore(kind_text, item_id)
        ctx.print(f"Restored {kind_text.strip().lower().removesuffix('s')} {item_id}.")
        return 0
    if args.empty:
        deleted = service.empty(older_than_days=None if args.all else KEEP_DAYS)
        what = "everything in the trash" if args.all else f"trashed over {KEEP_DAYS} days ago"
        ctx.print(f"Deleted {deleted} item{'' if deleted == 1 else 's'} ({what}).")
        return 0
    items = service.items()
    if not items:
        ctx.print("The trash is empty.")
    for item in items:
        when = item.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
        detail = f"  ({item.detail})" if item.detail else ""
        ctx.print(f"{item.kind:<7} {item.id:>5}  {when}  {item.title}{detail}")
    return 0


BACKUP_COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
    "trash": cmd_trash,
}
