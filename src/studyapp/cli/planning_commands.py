"""Planning subcommands: reading assignments, presenter rotation, schedules, .ics export.

``add_planning_commands`` adds them to the parser; ``PLANNING_COMMANDS`` maps each name to
the function that runs it. Services are imported inside each command, as elsewhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.cli import shaping

if TYPE_CHECKING:
    from studyapp.cli.commands import Context
    from studyapp.core.services.assignments import AssignmentInfo

UPCOMING_SHOWN = 8
ASSIGNMENT_KEYS = ("paper_id", "paper_title", "person", "status", "due_date", "session_id")


def _positive(what: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"invalid {what} {text!r}: use a number") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"invalid {what} {text!r}: use a positive number")
        return value

    return parse


def add_planning_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Add the planning subcommands through the parser's ``command(name, help)`` factory."""
    # Here, not at the top: parser.py imports this module.
    from studyapp.cli.parser import parse_date, parse_session_id

    assign = command("assign", "assign a paper to a person to read or present")
    assign.add_argument("paper_id", type=_positive("paper id"), metavar="PAPER_ID")
    assign.add_argument("person", metavar="PERSON")
    when = assign.add_mutually_exclusive_group()
    when.add_argument("--session", type=parse_session_id, metavar="ID", help="for this session")
    when.add_argument("--due", type=parse_date, metavar="DATE", help="due on DATE (YYYY-MM-DD)")

    listing = command("assignments", "list reading assignments, overdue ones first")
    listing.add_argument("--overdue", action="store_true", help="only overdue ones")
    listing.add_argument("--person", metavar="NAME", help="only this person's")
    listing.add_argument("--json", action="store_true", help="print JSON")

    schedule = command("schedule", "set a group's meeting schedule and show the next meetings")
    schedule.add_argument("group", metavar="GROUP")
    schedule.add_argument(
        "rule", metavar="RRULE", help='RFC 5545 rule, like "FREQ=WEEKLY;BYDAY=MO;BYHOUR=19"'
    )
    schedule.add_argument(
        "--timezone", metavar="TZ", help="IANA zone (default: the group's, else Asia/Seoul)"
    )
    schedule.add_argument(
        "--skip",
        nargs="+",
        type=parse_date,
        metavar="DATE",
        help="dates without a meeting (default: keep the ones already skipped)",
    )
    schedule.add_argument(
        "--plan",
        type=_positive("number of weeks"),
        metavar="WEEKS",
        help="also create planned sessions for the next WEEKS weeks",
    )

    ics = command("export-ics", "write upcoming planned sessions as an iCalendar file")
    ics.add_argument("file", type=Path, metavar="FILE")
    ics.add_argument("--group", metavar="NAME", help="only this group's sessions")

    rotation = command("rotation", "show or set a group's presenter rotation")
    rotation.add_argument("group", metavar="GROUP")
    rotation.add_argument("--members", metavar='"A,B,C"', help="set the members, in this order")
    rotation.add_argument(
        "--next", type=_positive("count"), metavar="N", help="who presents at the next N meetings"
    )


# -- commands --------------------------------------------------------------------------------


def assignment_json(info: AssignmentInfo) -> dict[str, Any]:
    return {
        "paper_id": info.paper_id,
        "paper_title": info.paper_title,
        "person": info.person,
        "status": info.status,
        "due_date": shaping.iso(info.due_date),
        "session_id": info.session_id,
    }


def _when(info: AssignmentInfo) -> str:
    if info.session_id is not None:
        day = f" on {info.session_date.isoformat()}" if info.session_date else ""
        return f"for session #{info.session_id}{day}"
    if info.due_date is not None:
        return f"due {info.due_date.isoformat()}"
    return "no date"


def cmd_assign(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.assignments import AssignmentService

    info, created = AssignmentService(ctx.database()).assign(
        args.paper_id, args.person, session_id=args.session, due=args.due
    )
    if created:
        ctx.print(f"Added {info.person} to the people list.")
    ctx.print(
        f"Assigned #{info.paper_id} {info.paper_title!r} to {info.person} ({_when(info)}); "
        f"assignment #{info.id}."
    )
    return 0


def cmd_assignments(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.assignments import AssignmentService

    items = AssignmentService(ctx.database()).list(person=args.person, overdue_only=args.overdue)
    if args.json:
        ctx.print(shaping.dumps([assignment_json(item) for item in items]))
        return 0
    if not items:
        ctx.print("No overdue assignments." if args.overdue else "No reading assignments.")
        return 0
    rows = [
        [
            f"#{item.id}",
            "OVERDUE" if item.overdue else item.status,
            item.person,
            item.paper_title,
            _when(item),
        ]
        for item in items
    ]
    for line in shaping.table(["id", "status", "person", "paper", "when"], rows):
        ctx.print(line)
    return 0


def _meeting_line(moment: dt.datetime, timed: bool) -> str:
    day = moment.strftime("%Y-%m-%d %a")
    return f"{day} {moment.strftime('%H:%M')}" if timed else day


def cmd_schedule(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.errors import NotFoundError
    from studyapp.core.schedule import has_time_of_day
    from studyapp.core.services.schedules import ScheduleService

    service = ScheduleService(ctx.database())
    try:
        _rule, zone, skipped = service.schedule(args.group)
    except NotFoundError:
        zone, skipped = None, []
    # One transaction with the planning: a plan that fails keeps the old schedule too.
    created = service.set_schedule(
        args.group,
        args.rule,
        timezone=args.timezone or zone or "Asia/Seoul",
        skipped=skipped if args.skip is None else args.skip,
        plan_weeks=args.plan or None,
    )
    rule, zone, skipped = service.schedule(args.group)
    timed = has_time_of_day(rule or "")
    ctx.print(f"{args.group.strip()} meets {rule} ({zone}).")
    if skipped:
        ctx.print(f"Skipped: {', '.join(day.isoformat() for day in skipped)}")
    ctx.print("Next meetings:")
    for moment in service.upcoming(args.group, UPCOMING_SHOWN):
        ctx.print(f"  {_meeting_line(moment, timed)}")
    if args.plan:
        ctx.print(f"Planned {shaping.plural(len(created), 'new session')}.")
        if created:
            from studyapp.core.services.presentations import PresentationService
            from studyapp.core.services.sessions import SessionService

            sessions = SessionService(ctx.database(), ctx.actor())
            slots = PresentationService(ctx.database(), ctx.actor())
            for session_id in created:
                detail = sessions.get(session_id)
                names = [s.presenter for s in slots.list_for_session(session_id) if s.presenter]
                who = ", ".join(names) if names else "no presenter yet"
                ctx.print(f"  #{session_id}  {detail.date.isoformat()}  {who}")
    return 0


def cmd_export_ics(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.cli.commands import shown_path
    from studyapp.core.services.schedules import ScheduleService

    count = ScheduleService(ctx.database()).export_ics(args.file, group=args.group)
    ctx.print(f"Wrote {shaping.plural(count, 'session')} to {shown_path(args.file)}.")
    return 0


def cmd_rotation(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.rotation import RotationService
    from studyapp.core.services.schedules import ScheduleService

    rotation = RotationService(ctx.database())
    if args.members is not None:
        names = [name for name in args.members.split(",") if name.strip()]
        rotation.set_members(args.group, names)
    members = rotation.members(args.group)
    ctx.print(f"Members: {', '.join(members)}" if members else "No members yet.")
    if args.next:
        meetings = ScheduleService(ctx.database()).upcoming(args.group, args.next)
        plan = rotation.next_presenters(args.group, [moment.date() for moment in meetings])
        for day, names in plan:
            ctx.print(f"  {day.isoformat()}  {', '.join(names) if names else 'nobody available'}")
    return 0


PLANNING_COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {
    "assign": cmd_assign,
    "assignments": cmd_assignments,
    "schedule": cmd_schedule,
    "export-ics": cmd_export_ics,
    "rotation": cmd_rotation,
}
