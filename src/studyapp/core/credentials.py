"""The server password in the system's credential store (the ``keyring`` library).

Never in the settings file. On a machine with no keyring backend (a headless Linux box)
nothing is stored: :func:`store_password` says so and the window asks at start instead.
"""

from __future__ import annotations

import contextlib

SERVICE = "studyapp"


def keyring_available() -> bool:
    """Whether a real credential store answers (not keyring's "fail" stand-in)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    return float(getattr(backend, "priority", 1)) > 0


def store_password(user: str, password: str) -> bool:
    """Keep ``password`` for ``user``; False when there is no keyring to keep it in."""
    if not keyring_available():
        return False
    import keyring
    from keyring.errors import KeyringError

    try:
        if password:
            keyring.set_password(SERVICE, user, password)
        else:
            forget_password(user)
    except KeyringError:
        return False
    return True


def load_password(user: str) -> str | None:
    if not keyring_available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, user)
    except KeyringError:
        return None


def forget_password(user: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):  # nothing was stored
        keyring.delete_password(SERVICE, user)
