"""How pg_dump and pg_restore are called: the login they get, what of their words is shown."""

from studyapp.core.connection import ConnectionSettings
from studyapp.core.pg_archive import meaningful_line, server_login


def test_the_password_goes_to_the_environment_never_the_command_line(memory_keyring):
    login = server_login(
        "postgresql+psycopg://alice:s3cr%27t@db.lab.example.org:6543/kd_study?sslmode=require"
    )
    assert "s3cr" not in login.conninfo
    assert login.environment()["PGPASSWORD"] == "s3cr't"
    assert login.conninfo == (
        "sslmode='require' host='db.lab.example.org' port='6543' user='alice' "
        "dbname='kd_study' connect_timeout='10'"
    )


def test_a_url_without_password_takes_the_one_settings_kept(memory_keyring):
    server = ConnectionSettings(host="db.lab.example.org", database="kd_study", user="alice")
    memory_keyring.set_password("studyapp", server.keyring_user(), "from-the-keyring")
    login = server_login(server.url())
    assert login.environment()["PGPASSWORD"] == "from-the-keyring"
    assert "from-the-keyring" not in login.conninfo


def test_a_socket_folder_in_the_query_is_the_host(memory_keyring):
    login = server_login("postgresql://postgres@/studyapp?host=/tmp/pg%20dir")
    assert "host='/tmp/pg dir'" in login.conninfo
    assert login.password is None


def test_what_of_pg_dumps_words_is_shown():
    mismatch = (
        "pg_dump: error: aborting because of server version mismatch\n"
        "pg_dump: detail: server version: 16.2; pg_dump version: 15.18\n"
    )
    assert meaningful_line(mismatch) == (
        "aborting because of server version mismatch; server version: 16.2; pg_dump version: 15.18"
    )
    refused = (
        'pg_dump: error: connection to server at "db" (10.0.0.5), port 5432 failed: '
        'FATAL:  password authentication failed for user "alice"\n'
    )
    assert "password authentication failed" in meaningful_line(refused)
    assert meaningful_line("something odd\n") == "something odd"
