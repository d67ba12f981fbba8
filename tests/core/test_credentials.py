"""The server password in the keyring: stored and read back, never without a keyring."""

from studyapp.core.credentials import (
    forget_password,
    keyring_available,
    load_password,
    store_password,
)


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
