"""A second member in a process of its own, for the tests of live updates and server trouble.

python tests/live_writer.py URL SESSION_ID save TEXT        save TEXT once as "민수"
python tests/live_writer.py URL SESSION_ID presence         say "민수" has it open
python tests/live_writer.py URL SESSION_ID type MARK COUNT  append MARK-0 .. MARK-COUNT-1
                                                            one line at a time, saving
                                                            each through the merge and
                                                            retrying through a restart
"""

from __future__ import annotations

import sys
import time

from studyapp.core import live
from studyapp.core.actor import Actor
from studyapp.core.db import open_database
from studyapp.core.errors import StudyappError
from studyapp.core.services.sessions import SessionService


def main(url: str, session_id: int, command: str, *rest: str) -> None:
    database = open_database(url)
    sessions = SessionService(database, Actor("민수"))
    if command == "save":
        loaded = sessions.get(session_id)
        sessions.save_body(
            session_id, rest[0], expected_version=loaded.version, base_text=loaded.body
        )
    elif command == "presence":
        live.announce(database.engine, session_id, "민수", live.PRESENCE)
    elif command == "type":
        mark, count = rest[0], int(rest[1])
        loaded = sessions.get(session_id)
        version, base, text = loaded.version, loaded.body, loaded.body
        for n in range(count):
            text = text.rstrip("\n") + f"\n{mark}-{n}\n"
            while True:
                try:
                    saved = sessions.save_body(
                        session_id, text, expected_version=version, base_text=base
                    )
                    break
                except StudyappError:
                    time.sleep(0.2)  # the server restarting: keep the text, try again
            version, base, text = saved.version, saved.text, saved.text
            time.sleep(0.05)
    database.dispose()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:])
