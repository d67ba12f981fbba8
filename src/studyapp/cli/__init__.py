"""The ``studyapp`` command: opens the window, or runs one command and exits.

Exit codes: 0 done, 1 failed (one ``studyapp: ...`` line on stderr), 2 bad usage,
130 interrupted. ``STUDYAPP_DEBUG=1`` adds the traceback of an unexpected error.
"""

from __future__ import annotations

import os
import sys

# Everything else is imported in main(): `studyapp --version` needs none of it, and a
# command loads only its own parser (see parser.build_parser).

__all__ = ["main"]
PROG = "studyapp"  # parser.PROG


def _force_utf8() -> None:
    # A Windows console or a pipe with a C locale would otherwise crash on Hangul.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:  # not contextlib.suppress: contextlib is not loaded otherwise
            reconfigure(encoding="utf-8", errors="replace")
        except (ValueError, OSError):
            continue


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


def _as_database_error(error: Exception) -> Exception | None:
    # The database libraries are loaded only by commands that use them; an error of one
    # means one was, so core may be asked to name it.
    if "sqlalchemy" not in sys.modules and "sqlite3" not in sys.modules:
        return None
    from studyapp.core.db import as_database_error

    return as_database_error(error)


def _print_traceback() -> None:
    import traceback

    traceback.print_exc()


def main(argv: list[str] | None = None) -> int:
    _force_utf8()
    words = sys.argv[1:] if argv is None else argv
    if words == ["--version"]:  # as argparse prints it, without building the parser
        from studyapp import __version__

        print(f"{PROG} {__version__}")
        return 0
    from studyapp.cli.commands import COMMANDS, Context, debug_enabled
    from studyapp.cli.parser import build_parser, command_word
    from studyapp.core.errors import StudyappError
    from studyapp.core.paths import resolve_database_url

    parser = build_parser(only=command_word(words))
    try:
        args = parser.parse_args(words)
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
            _print_traceback()
        return _fail(str(error))
    except OSError as error:
        if debug_enabled():
            _print_traceback()
        where = f": {error.filename}" if error.filename else ""
        return _fail(f"{error.strerror or error}{where}")
    except Exception as error:
        if debug_enabled():
            _print_traceback()
        # A driver error that escaped a service (locked during start-up, say).
        translated = _as_database_error(error)
        if translated is not None:
            return _fail(str(translated))
        if debug_enabled():
            return _fail(f"unexpected error: {type(error).__name__}: {error}")
        return _fail(
            f"unexpected error: {type(error).__name__}: {error} "
            "(run with STUDYAPP_DEBUG=1 to see the traceback)"
        )
    finally:
        context.close()
