"""A shared server: the URL built from the form's fields, and what a failed try says."""

import builtins
import importlib.util
import socket

import pytest
from sqlalchemy.engine import make_url

from studyapp.core.connection import ConnectionSettings, check_connection, classify

SERVER = ConnectionSettings(host="db.lab.example", database="스터디", user="alice", port=6543)


def test_the_url_carries_every_field_and_sslmode_as_a_query_parameter():
    url = make_url(SERVER.url("p@ss:word/한"))
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username) == (
        "db.lab.example",
        6543,
        "스터디",
        "alice",
    )
    assert url.password == "p@ss:word/한"  # escaped in the URL, given back whole
    assert url.query == {"sslmode": "prefer"}


def test_no_password_leaves_it_out_and_a_bad_sslmode_is_refused():
    assert make_url(SERVER.url()).password is None
    with pytest.raises(ValueError, match="sslmode"):
        ConnectionSettings(host="h", database="d", user="u", sslmode="maybe").url()


def test_keyring_entries_are_per_user_server_and_database():
    assert SERVER.keyring_user() == "alice@db.lab.example:6543/스터디"


def test_a_sqlite_url_that_opens_is_ok(tmp_path):
    assert check_connection(f"sqlite:///{tmp_path / 'x.sqlite3'}").ok


def test_a_missing_driver_says_how_to_install_it(monkeypatch):
    real_import = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name == "psycopg" or name.startswith("psycopg."):
            raise ImportError("No module named 'psycopg'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    monkeypatch.setattr("importlib.import_module", lambda name: no_psycopg(name))
    result = check_connection(SERVER.url("secret"))
    assert result.problem == "driver"
    assert "studyapp[postgres]" in result.detail


@pytest.mark.skipif(importlib.util.find_spec("psycopg") is None, reason="psycopg not installed")
def test_a_closed_port_is_unreachable():
    with socket.socket() as probe:  # bound, never listening: every connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        server = ConnectionSettings(host="127.0.0.1", database="x", user="u", port=port)
        result = check_connection(server.url("pw"), timeout_s=2)
    assert result.problem == "unreachable"


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ('FATAL:  password authentication failed for user "alice"', "password"),
        ('FATAL:  database "스터디" does not exist', "database"),
        ('FATAL:  role "bob" does not exist', "user"),
        ('could not translate host name "nowhere" to address', "unreachable"),
        ("connection refused", "unreachable"),
        ("server closed the connection unexpectedly", "unreachable"),
        ("FATAL: terminating connection due to administrator command", "unreachable"),
        (
            'connection to server on socket "/tmp/x/.s.PGSQL.5432" failed: No such file or'
            " directory Is the server running locally and accepting connections",
            "unreachable",
        ),
        ("SSL error: certificate verify failed", "ssl"),
        ("something else entirely", "other"),
    ],
)
def test_failures_are_told_apart(message, problem):
    assert classify(message) == problem
