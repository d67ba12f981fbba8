"""The ``studyapp`` command: opens the window, or runs one command and exits.

Exit codes: 0 done, 1 failed (one ``studyapp: ...`` line on stderr), 2 bad usage,
130 interrupted. ``STUDYAPP_DEBUG=1`` adds the traceback of an unexpected error.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback

from studyapp.cli.commands import COMMANDS, Context, debug_enabled
from studyapp.cli.parser import PROG, build_parser
from studyapp.core.errors import StudyappError
from studyapp.core.paths import resolve_database_url

__all__ = ["main"]


def _force_utf8() -> None:
    # A Windows console or a pipe with a C locale would otherwise crash on Hangul.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        with contextlib.suppress(ValueError, OSError):
            reconfigure(encoding="utf-8", errors="replace")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _fail(message: str) -> int:
    print(f"{PROG}: {_one_line(message)}", file=sys.stderr)
    return 1


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    """After the reader of a pipe went away (``| head``), drop whatever is still buffered."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _is_driver_error(error: Exception) -> bool:
    # SQLAlchemy is loaded only by commands that use it; an error of it means it was.
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(error, exc.DBAPIError)


def main(argv: list[str] | None = None) -> int:
    _force_utf8()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors (2)
        return _exit_code(exit_.code)

    context = Context(
        url=resolve_database_url(args.database),
        out=sys.stdout,
        err=sys.stderr,
        actor_name=args.actor,
    )
    command = COMMANDS[args.command or "gui"]
    try:
        return command(args, context)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except StudyappError as error:
        if debug_enabled():
            traceback.print_exc()
        return _fail(str(error))
    except OSError as error:
        if debug_enabled():
            traceback.print_exc()
        where = f": {error.filename}" if error.filename else ""
        return _fail(f"{error.strerror or error}{where}")
    except Exception as error:
        if _is_driver_error(error):
            # A driver error that escaped a service (locked during start-up, say).
            from studyapp.core.db import translate_error

            if debug_enabled():
                traceback.print_exc()
            return _fail(str(translate_error(error)))
        if debug_enabled():
            traceback.print_exc()
            return _fail(f"unexpected error: {type(error).__name__}: {error}")
        return _fail(
            f"unexpected error: {type(error).__name__}: {error} "
            "(run with STUDYAPP_DEBUG=1 to see the traceback)"
        )
    finally:
        context.close()
