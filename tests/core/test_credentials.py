"""The server password in the keyring: stored and read back, never without a keyring."""

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from studyapp.core.credentials import (
    forget_password,
    keyring_available,
    load_password,
    store_password,
)


class MemoryKeyring(KeyringBackend):
    """A keyring that lives as long as the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError

        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def test_a_password_is_kept_in_the_keyring(memory_keyring):
    assert keyring_available()
    assert store_password("alice@db:5432/study", "비밀 pw")
    assert memory_keyring.passwords == {("studyapp", "alice@db:5432/study"): "비밀 pw"}
    assert load_password("alice@db:5432/study") == "비밀 pw"
    forget_password("alice@db:5432/study")
    assert load_password("alice@db:5432/study") is None


def test_an_empty_password_forgets_the_stored_one(memory_keyring):
    store_password("u", "pw")
    assert store_password("u", "")
    assert memory_keyring.passwords == {}


def test_without_a_keyring_nothing_is_stored(no_keyring):
    assert not keyring_available()
    assert not store_password("u", "pw")
    assert load_password("u") is None
