#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: a temporary folder, a free port on
# loopback, trust auth for the user "paperdex"; stopped and removed when the command ends.
# The command sees its URL as TEST_POSTGRES_URL (the tests create their databases there).
set -euo pipefail
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
DIR="$(mktemp -d "${TMPDIR:-/tmp}/paperdex-pg-XXXXXX")"
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
# initdb refuses to run as root: the cluster then belongs to Debian's postgres user.
owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
stop() {
  owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
owner "$BIN/initdb" -D "$DIR/data" -U paperdex --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
# fsync off: a throwaway cluster for tests, where durability buys nothing.
owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
echo "▸ PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (throwaway, in $DIR)"
export TEST_POSTGRES_URL="postgresql://paperdex@127.0.0.1:$PORT/postgres"
"$@"
