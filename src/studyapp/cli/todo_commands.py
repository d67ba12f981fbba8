"""``studyapp todo``: list the to-dos, or tick one, clear it or give it a status.

A session's to-do is a Tasks line of its body, so ``todo done 12`` changes that line as the
Obsidian Tasks plugin would (``[x]`` and ``✅ today``; a recurring one gets its next
occurrence above it; one saying ``🏁 delete`` goes). ``parser.py`` calls
:func:`add_todo_parsers`; ``commands.py`` merges :data:`TODO_COMMANDS` into its table.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from studyapp.cli import shaping

if TYPE_CHECKING:
    from studyapp.cli.commands import Context
    from studyapp.core.dto import ChecklistItemInfo
    from studyapp.core.services.checklist import ChecklistService

# Names a person may give a status by, besides its character.
STATUS_NAMES = {
    "todo": " ",
    "done": "x",
    "in-progress": "/",
    "in_progress": "/",
    "cancelled": "-",
    "canceled": "-",
}


def parse_status(text: str) -> str:
    symbol = STATUS_NAMES.get(text.strip().casefold(), text)
    if len(symbol) != 1 or symbol in "[]\n\r":
        raise argparse.ArgumentTypeError(
            f"invalid status {text!r}: use one character (x, /, -, ' ') or "
            "todo, done, in-progress, cancelled"
        )
    return symbol


def add_todo_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Register ``todo`` and its actions through ``build_parser``'s ``command`` helper."""
    # Imported here: parser.py imports this module while it loads.
    from studyapp.cli.parser import _add_global_options, parse_date

    todo = command("todo", "list to-dos across sessions, or change one")
    todo.add_argument("--open", action="store_true", help="only to-dos neither done nor cancelled")
    todo.add_argument("--json", action="store_true", help="print JSON")
    actions = todo.add_subparsers(dest="todo_action", metavar="ACTION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=help_text)
        _add_global_options(sub, on_subcommand=True)  # "--database" after the action too
        sub.add_argument("todo_id", type=int, metavar="ID", help="the to-do's id (see `todo`)")
        return sub

    changes = [
        action("done", "tick a to-do: [x] and ✅ today, its next occurrence if it recurs"),
        action("undo", "clear a to-do's box: [ ] without its ✅ date"),
    ]
    status = action("status", "give a to-do a status: / in progress, - cancelled (❌ today), …")
    status.add_argument(
        "symbol",
        type=parse_status,
        metavar="STATUS",
        help="a character (x, /, -, ' ', or any other) or todo, done, in-progress, cancelled",
    )
    for sub in (*changes, status):
        sub.add_argument(
            "--date",
            type=parse_date,
            metavar="DATE",
            help="the day written as ✅ or ❌ and counted from for the next occurrence "
            "(default: today)",
        )
        # SUPPRESS: "todo --json done 12" keeps the --json given before the action.
        sub.add_argument(
            "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON"
        )


def shown_line(item: ChecklistItemInfo) -> str:
    """The to-do's line in its session's document (a group's own to-do: the line for it)."""
    from studyapp.core.tasks import format_task_line

    return item.source_line or format_task_line(item.task)


def cmd_todo(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.checklist import ChecklistService

    service = ChecklistService(ctx.database(), ctx.actor())
    if args.todo_action is not None:
        return _change(args, ctx, service)
    items = service.items(open_only=args.open)
    if args.json:
        ctx.print(shaping.dumps([shaping.todo_json(item) for item in items]))
    elif not items:
        ctx.print("No open to-dos." if args.open else "No to-dos.")
    else:
        for item in items:
            ctx.print(shaping.todo_line(item))
    return 0


def _change(args: argparse.Namespace, ctx: Context, service: ChecklistService) -> int:
    item = service.get(args.todo_id)
    before = {other.id for other in service.items(group=item.group)}
    today = args.date or dt.date.today()
    if args.todo_action == "status":
        changed = service.set_status(item.id, args.symbol, today=today)
    else:
        changed = service.set_done(item.id, args.todo_action == "done", today=today)
    added = [other for other in service.items(group=item.group) if other.id not in before]
    if args.json:
        ctx.print(
            shaping.dumps(
                {
                    "changed": None if changed is None else shaping.todo_json(changed),
                    "added": [shaping.todo_json(other) for other in added],
                }
            )
        )
        return 0
    for other in added:
        ctx.print(f"#{other.id}  {shown_line(other)}  (next occurrence)")
    if changed is None:
        ctx.print(f"#{item.id}  removed: its line says 🏁 delete")
    else:
        ctx.print(f"#{changed.id}  {shown_line(changed)}")
    return 0


TODO_COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {"todo": cmd_todo}
