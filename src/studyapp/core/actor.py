"""Who is writing: the member a window or a command acts as.

Services are given an :class:`Actor` when constructed; what they record (a revision's
author, who ticked a to-do, who added a talk) is the actor's name, spelled as the group
writes it when a person of that name is known (``services/members.py``). No global: two
windows in one process can act as two members.
"""

from __future__ import annotations

import getpass
import os
import unicodedata
from dataclasses import dataclass

NAME_LIMIT = 200  # people.name's length


@dataclass(frozen=True, slots=True)
class Actor:
    name: str

    @classmethod
    def named(cls, name: str | None) -> Actor | None:
        """An actor for ``name`` (spaces tidied); None when it is blank."""
        text = " ".join(unicodedata.normalize("NFC", name or "").split())
        return cls(text[:NAME_LIMIT]) if text else None


def os_user_name() -> str:
    """The computer user's full name when the system knows one, else the login name."""
    try:
        login = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment or database
        login = ""
    full = _full_name(login)
    return full or login


def _full_name(login: str) -> str:
    if os.name != "posix" or not login:
        return ""
    try:
        import pwd

        gecos = pwd.getpwnam(login).pw_gecos
    except (KeyError, ImportError):
        return ""
    # GECOS is "Full Name,room,phone,...": the first field is the name.
    return gecos.split(",", 1)[0].strip()


def default_actor(name: str | None = None) -> Actor | None:
    """The actor for ``name``, else for the computer user."""
    return Actor.named(name) or Actor.named(os_user_name())
