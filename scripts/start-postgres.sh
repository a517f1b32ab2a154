#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the store tests and print its URL:
#   export NEWSWEAVE_TEST_POSTGRES="$(bash scripts/start-postgres.sh)"
#   1. install Debian's postgresql with apt-get when it is missing (needs root);
#   2. initdb a cluster in $NEWSWEAVE_PG_DATA (default /tmp/newsweave-pg-<port>), owned by
#      the postgres user when run as root (the server refuses to run as root);
#   3. start it on 127.0.0.1:$NEWSWEAVE_PG_PORT (default 54329), trust auth, socket in the
#      data folder, unless it is already running there;
#   4. create the database newsweave_test and print postgresql://<user>@127.0.0.1:<port>/...
# Everything but the URL goes to stderr. Safe to run again: it reuses a running server.
set -euo pipefail
PORT="${NEWSWEAVE_PG_PORT:-54329}"
DATA="${NEWSWEAVE_PG_DATA:-/tmp/newsweave-pg-$PORT}"
DB=newsweave_test

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ]; then
        echo "start-postgres: postgresql is not installed and installing needs root" >&2
        exit 1
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

if [ "$(id -u)" = 0 ]; then
    PGUSER_NAME=postgres
    as_user() { runuser -u postgres -- "$@"; }
else
    PGUSER_NAME="$(id -un)"
    as_user() { "$@"; }
fi

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    if [ ! -f "$DATA/PG_VERSION" ]; then
        mkdir -p "$DATA"
        [ "$(id -u)" = 0 ] && chown postgres: "$DATA"
        chmod 700 "$DATA"
        as_user "$BIN/initdb" -D "$DATA" -A trust -U "$PGUSER_NAME" --no-sync >&2
    fi
    as_user "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off" start >&2
fi

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$PGUSER_NAME" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$PGUSER_NAME" "$DB"
fi
echo "postgresql://$PGUSER_NAME@127.0.0.1:$PORT/$DB"
