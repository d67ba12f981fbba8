"""A process that renders notes to sanitized HTML for the window's preview, one at a time.

``python -m studyapp.core.markdown.render_worker`` reads requests on stdin and writes one
reply on stdout for each. Rendering in a process of its own keeps a slow note (Python-Markdown
is quadratic on some text, and holds the interpreter lock inside its regular expressions)
away from the window, which can end the process when it has waited long enough.

Each message is a line with the byte length of its JSON, then that JSON (UTF-8). A request
is ``{"id": n, "text": markdown, "images": [file names]}``; its reply ``{"id": n, "html":
fragment}``, or ``{"id": n, "error": reason}`` when the note could not be rendered.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any


def read_message(stream: IO[bytes]) -> dict[str, Any] | None:
    """The next message on ``stream``, or None at its end."""
    header = stream.readline()
    if not header.strip():
        return None
    size = int(header)
    data = stream.read(size)
    if len(data) != size:
        return None
    message = json.loads(data.decode("utf-8"))
    if not isinstance(message, dict):
        raise ValueError("a message is a JSON object")
    return message


def encode_message(message: dict[str, Any]) -> bytes:
    # ASCII JSON: whatever the text holds (a lone surrogate too) goes through unchanged.
    data = json.dumps(message).encode("ascii")
    return b"%d\n%s" % (len(data), data)


def reply_to(request: dict[str, Any]) -> dict[str, Any]:
    from studyapp.core.markdown.html import render_fragment

    try:
        fragment = render_fragment(str(request["text"]), tuple(request.get("images", ())))
    except Exception as error:  # the note, not the worker: the next request is served
        return {"id": request["id"], "error": str(error) or type(error).__name__}
    return {"id": request["id"], "html": fragment}


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    while (request := read_message(requests)) is not None:
        replies.write(encode_message(reply_to(request)))
        replies.flush()


def main() -> int:
    try:
        serve(sys.stdin.buffer, sys.stdout.buffer)
    except (BrokenPipeError, KeyboardInterrupt):
        return 0  # the window went away
    return 0


if __name__ == "__main__":
    sys.exit(main())
