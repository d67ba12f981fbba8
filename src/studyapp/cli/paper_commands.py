"""``studyapp paper add|list``, ``export-bib`` and ``reading-list``.

Kept apart from ``commands.py``; ``parser.py`` calls :func:`add_paper_parsers` and
``commands.py`` merges :data:`PAPER_COMMANDS` into its table.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.cli import shaping

if TYPE_CHECKING:
    from studyapp.core.dto import PaperInfo

if TYPE_CHECKING:
    from studyapp.cli.commands import Context
    from studyapp.core.services.papers import AddResult

PAPER_JSON_KEYS = (
    "id",
    "title",
    "authors",
    "venue",
    "year",
    "arxiv_id",
    "doi",
    "details_pending",
)
STDIO = "-"


def add_paper_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Register the paper subcommands through ``build_parser``'s ``command`` helper."""
    # Imported here: parser.py imports this module while it loads.
    from studyapp.cli.parser import _add_global_options

    paper = command("paper", "add papers to the library or list them")
    actions = paper.add_subparsers(dest="paper_command", metavar="ACTION", required=True)

    def action(name: str, help_text: str, description: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=description)
        _add_global_options(sub, on_subcommand=True)  # "--database" after the action too
        return sub

    adding = action(
        "add",
        "add a paper by arXiv id, DOI, URL or BibTeX file",
        "Add a paper by arXiv id or URL, DOI or doi.org URL (details are fetched from arXiv "
        "or Crossref; offline, the id is kept and looked up later), or every entry of a "
        ".bib file ('-' reads stdin). A paper already in the library gets its empty fields "
        "filled in.",
    )
    adding.add_argument("source", metavar="ARXIV_ID|DOI|FILE.bib|URL")
    adding.add_argument(
        "--no-fetch",
        action="store_true",
        help="store the arXiv id or DOI alone; its details are looked up later "
        "(`studyapp paper refresh`, or the window)",
    )
    action(
        "refresh",
        "look up the details of papers added by id alone",
        "Look up on arXiv and Crossref the details of papers added offline or with "
        "--no-fetch, filling in their empty fields. The window does this by itself now and "
        "then.",
    )
    listing = action("list", "list the papers in the library", "List the papers in the library.")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--group", metavar="NAME", help="only papers presented in this group")

    trashing = action(
        "trash",
        "move a paper to the trash",
        "Move a paper to the trash; `studyapp trash --restore paper ID` brings it back.",
    )
    trashing.add_argument("paper_id", metavar="PAPER_ID", type=int)

    bib = command("export-bib", "write the library's papers as a BibTeX file")
    bib.add_argument("file", metavar="FILE", help="the .bib file to write ('-' for stdout)")
    bib.add_argument("--group", metavar="NAME", help="only papers presented in this group")

    reading = command("reading-list", "write a Markdown reading list of the papers")
    reading.add_argument("file", metavar="FILE", help="the .md file to write ('-' for stdout)")
    reading.add_argument("--group", metavar="NAME", help="only papers presented in this group")


def describe(paper: PaperInfo) -> str:
    """``#12 Tiny Teachers (CVPR 2024)``."""
    venue = paper.venue or ""
    year = str(paper.year) if paper.year and str(paper.year) not in venue else ""
    where = " ".join(part for part in (venue, year) if part)
    return f"#{paper.id} {paper.title}" + (f" ({where})" if where else "")


def paper_json(paper: PaperInfo) -> shaping.Json:
    return {
        "id": paper.id,
        "title": paper.title,
        "authors": list(paper.authors),
        "venue": paper.venue,
        "year": paper.year,
        "arxiv_id": paper.arxiv_id,
        "doi": paper.doi,
        "details_pending": paper.details_pending,
    }


LATER = "they are looked up again by `studyapp paper refresh` and by the open window"


def _filled(names: tuple[str, ...]) -> str:
    return f"filled in {shaping.join_and(list(names))}"


def _pending(result: AddResult, still: str = "") -> str:
    reason = result.pending_because
    why = f": {reason[:1].lower()}{reason[1:]}" if reason else ""
    return f", details {still}pending{why}; {LATER}"


def _report(result: AddResult, ctx: Context) -> None:
    for paper in result.created:
        line = f"Added {describe(paper)}"
        if paper.details_pending:
            line += _pending(result)
        ctx.print(line)
    for paper in result.duplicates:
        line = f"Already in the library: {describe(paper)}"
        names = result.filled_in(paper.id)
        if names:
            line += f"; {_filled(names)}"
        elif paper.details_pending:
            line += _pending(result, "still ")
        ctx.print(line)
    for warning in result.warnings:
        ctx.warn(f"studyapp: warning: {warning}")


def _is_file(source: str) -> bool:
    path = Path(source)
    return path.suffix.lower() == ".bib" or (path.is_file() and not source.startswith("10."))


def cmd_paper_add(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.papers import PaperService

    service = PaperService(ctx.writing_database(args))
    source: str = args.source
    if source == STDIO:
        result = service.add_from_text(sys.stdin.read(), fetch=not args.no_fetch)
    elif _is_file(source):
        result = service.add_from_file(Path(source))
    else:
        result = service.add_from_text(source, fetch=not args.no_fetch)
    _report(result, ctx)
    return 0


def cmd_paper_list(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.papers import PaperService

    rows = PaperService(ctx.database()).rows(group=args.group)
    if args.json:
        ctx.print(shaping.dumps([paper_json(row.paper) for row in rows]))
        return 0
    if not rows:
        ctx.print("No papers yet. Add one with `studyapp paper add ARXIV_ID`.")
        return 0
    for row in rows:
        line = describe(row.paper)
        if row.paper.details_pending:
            line += " (details pending)"
        if row.paper.authors:
            line += f" — {', '.join(row.paper.authors)}"
        if row.times_presented:
            last = row.last_presented.isoformat() if row.last_presented else ""
            line += f"  [presented {shaping.plural(row.times_presented, 'time')}, last {last}]"
        ctx.print(line)
    return 0


def cmd_paper_trash(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.papers import PaperService
    from studyapp.core.services.trash import TrashService

    database = ctx.writing_database(args)
    paper = PaperService(database).get(args.paper_id)
    TrashService(database).trash_paper(paper.id)
    ctx.print(f"Moved {describe(paper)} to the trash.")
    return 0


def cmd_paper_refresh(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.paper_details import PendingPapers

    report = PendingPapers(ctx.database()).refresh()
    if not (report.filled or report.unanswered or report.unknown):
        ctx.print("No paper is waiting for its details.")
        return 0
    for done in report.filled:
        names = f": {_filled(done.fields)}" if done.fields else ""
        ctx.print(f"Looked up {describe(done.paper)}{names}")
    for paper, reason in report.unknown:
        ctx.warn(f"studyapp: {describe(paper)}: {reason}")
    if report.unanswered:
        count = shaping.plural(len(report.unanswered), "paper")
        reasons = "; ".join(dict.fromkeys(reason for _, reason in report.unanswered))
        ctx.warn(f"studyapp: {reasons}; {count} still pending, try again later")
    return 1 if report.unanswered or report.unknown else 0


def cmd_paper(args: argparse.Namespace, ctx: Context) -> int:
    if args.paper_command == "add":
        return cmd_paper_add(args, ctx)
    if args.paper_command == "refresh":
        return cmd_paper_refresh(args, ctx)
    if args.paper_command == "trash":
        return cmd_paper_trash(args, ctx)
    return cmd_paper_list(args, ctx)


def _write(ctx: Context, file: str, text: str) -> None:
    if file == STDIO:
        ctx.out.write(text)
        return
    from studyapp.core.atomic_files import write_atomically

    write_atomically(Path(file), text)


def cmd_export_bib(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.papers import PaperService

    service = PaperService(ctx.database())
    if args.file == STDIO:
        _write(ctx, STDIO, service.bibtex(group=args.group))
        return 0
    count = service.export_bibtex(Path(args.file), group=args.group)
    ctx.print(f"Wrote {shaping.plural(count, 'paper')} to {args.file}")
    return 0


def cmd_reading_list(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.papers import PaperService

    text = PaperService(ctx.database()).reading_list_markdown(group=args.group)
    _write(ctx, args.file, text)
    if args.file != STDIO:
        ctx.print(f"Wrote the reading list to {args.file}")
    return 0


PAPER_COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {
    "paper": cmd_paper,
    "export-bib": cmd_export_bib,
    "reading-list": cmd_reading_list,
}
