#!/usr/bin/env bash
# A throwaway PostgreSQL server for trying studyapp on PostgreSQL and for its tests.
#
#   scripts/postgres.sh run COMMAND...   start a server, run COMMAND with
#                                        STUDYAPP_TEST_POSTGRES_URL set, stop the server,
#                                        exit with COMMAND's status
#   scripts/postgres.sh start [DIR]      start one in DIR (a new temporary folder if not
#                                        given) and print its URL
#   scripts/postgres.sh stop DIR         stop it and delete DIR
#
# The server runs as an unprivileged user (as root: the `postgres` user, as Debian's
# package makes it), listens only on a Unix socket inside DIR (no TCP port to collide
# with) and trusts local connections: a scratch server, never one for real data. Durability
# is off (fsync, full page writes) because nothing in it needs to survive a crash, and
# it makes creating the tests' many databases several times faster.
set -euo pipefail

PG_BIN="${PG_BIN:-}"
DATABASE=studyapp

find_bin() {
    if [ -n "$PG_BIN" ]; then
        echo "$PG_BIN"
        return
    fi
    local dir
    for dir in /usr/lib/postgresql/*/bin; do # Debian keeps the server out of PATH
        [ -x "$dir/initdb" ] && candidate=$dir
    done
    if [ -n "${candidate:-}" ]; then
        echo "$candidate"
    elif command -v initdb >/dev/null; then
        dirname "$(command -v initdb)"
    else
        echo "PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2
        return 1
    fi
}

as_server_user() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

url_for() {
    echo "postgresql+psycopg://postgres@/$DATABASE?host=$1"
}

start() {
    local dir=${1:-} bin
    bin=$(find_bin)
    if [ -z "$dir" ]; then
        dir=$(mktemp -d "${TMPDIR:-/tmp}/studyapp-pg.XXXXXX")
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$dir"
    fi
    chmod 700 "$dir"
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        return 1
    }
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off \
            -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
        start >/dev/null || {
        cat "$dir/server.log" >&2
        return 1
    }
    as_server_user "$bin/createdb" -h "$dir" -U postgres "$DATABASE"
    chmod 755 "$dir" # the socket must be reachable by whoever runs the tests
    url_for "$dir"
}

stop() {
    local dir=$1 bin
    bin=$(find_bin)
    if [ -d "$dir/data" ]; then
        as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
}

run() {
    local url status=0
    RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/studyapp-pg.XXXXXX")
    trap 'stop "$RUN_DIR"' EXIT
    url=$(start "$RUN_DIR")
    echo "PostgreSQL running: $url" >&2
    STUDYAPP_TEST_POSTGRES_URL=$url "$@" || status=$?
    return "$status"
}

case "${1:-}" in
    run)
        shift
        [ $# -gt 0 ] || set -- "${SHELL:-bash}"
        run "$@"
        ;;
    start)
        start "${2:-}"
        ;;
    stop)
        [ -n "${2:-}" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
        stop "$2"
        ;;
    *)
        sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
        exit 2
        ;;
esac
