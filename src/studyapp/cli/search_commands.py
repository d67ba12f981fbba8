"""``studyapp search QUERY [--all | --count | --json]`` and ``reindex``.

Kept apart from ``commands.py``, which merges :data:`SEARCH_COMMANDS` into its table. A
search of a SQLite file at the schema head loads no SQLAlchemy: see :func:`_search_service`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from studyapp.cli import shaping
from studyapp.cli.progress import ProgressLine

if TYPE_CHECKING:
    from studyapp.cli.commands import Context
    from studyapp.core.services.search import SearchService


def _search_service(ctx: Context) -> SearchService:
    from studyapp.core.schema_version import ready_sqlite_file
    from studyapp.core.services.search import SearchService

    # A SQLite file that needs no migration is read with the sqlite3 module alone: the
    # command then starts without loading SQLAlchemy.
    path = ready_sqlite_file(ctx.url)
    if path is not None:
        return SearchService.for_sqlite_file(path)
    return SearchService(ctx.database())


ALL_LINES_A_WRITE = (
    2000  # --all writes lines in blocks: one write a line cost as much as the search
)


def _print_every_match(service: SearchService, args: argparse.Namespace, ctx: Context) -> None:
    lines: list[str] = []
    for hit in service.search_all(args.query):
        if args.json:
            row = {"session_id": hit.session_id, "title": hit.title}
            lines.append(shaping.dumps({**row, "date": shaping.iso(hit.date)}, indent=None))
        else:
            lines.append(f"#{hit.session_id}  {hit.date.isoformat()}  {hit.title}")
        if len(lines) == ALL_LINES_A_WRITE:
            ctx.out.write("\n".join(lines) + "\n")
            lines.clear()
    if lines:
        ctx.out.write("\n".join(lines) + "\n")


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    service = _search_service(ctx)
    if args.count:
        ctx.print(str(service.count(args.query)))
        return 0
    if args.all:
        _print_every_match(service, args, ctx)
        return 0
    result = service.search(args.query)
    hits = result.hits
    if args.json:
        ctx.print(
            shaping.dumps(
                [
                    {
                        "session_id": hit.session_id,
                        "title": hit.title,
                        "date": shaping.iso(hit.date),
                        "field": hit.field,
                        "matched_in": hit.matched_in,
                        "snippet": hit.snippet,
                        "start": hit.start,
                        "length": hit.length,
                        "ref_id": hit.ref_id,
                    }
                    for hit in hits
                ]
            )
        )
        return 0
    if not hits:
        ctx.print(f"Nothing found for {args.query!r}.")
        return 0
    for hit in hits:
        ctx.print(f"#{hit.session_id}  {hit.date.isoformat()}  {hit.title}")
        ctx.print(f"    {hit.matched_in}: {hit.snippet}")
    if result.total > len(hits):
        ctx.print(f"{len(hits)} of {result.total:,} sessions; --all lists every one")
    else:
        ctx.print(shaping.plural(result.total, "session"))
    return 0


def cmd_reindex(args: argparse.Namespace, ctx: Context) -> int:
    from studyapp.core.services.search import SearchService

    progress = ProgressLine(ctx.err, "Indexing")
    count = SearchService(ctx.database()).reindex(progress.update)
    progress.clear()
    ctx.print(f"Indexed {shaping.plural(count, 'session')} for search.")
    return 0


SEARCH_COMMANDS: dict[str, Callable[[argparse.Namespace, Context], int]] = {
    "search": cmd_search,
    "reindex": cmd_reindex,
}
