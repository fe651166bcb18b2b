#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS 3 server for tests.
#
#   pg_throwaway.sh start DIR [OWNER_PID]
#       Creates DIR (must be new or empty), runs initdb in it (trust auth, UTF8, locale C),
#       starts a server on a free port on 127.0.0.1 only (its unix socket lives in the run
#       folder, never in /var/run/postgresql), creates the database `chainmap` with PostGIS and
#       prints ONE line on stdout, the libpq connection string
#           host=127.0.0.1 port=PORT dbname=chainmap user=postgres
#       (GDAL: "PG:" + that line). The same line is written to DIR/conninfo. With OWNER_PID a
#       detached watchdog stops the server and removes DIR once that process is gone (a test
#       binary killed by a timeout leaves nothing behind).
#       On failure: one line on stderr, exit status non-zero, nothing left running.
#   pg_throwaway.sh stop DIR
#       Stops the server (immediate) and removes DIR. Quiet and successful when DIR is gone.
#
# PostgreSQL refuses to run as root: as root, initdb and the server run as the `postgres` system
# user (Debian's postgresql package creates it) and the run folder is chowned to it. When the
# postgres user cannot reach DIR (a parent without o+x, e.g. under /root) or DIR is too long for a
# unix socket path, the cluster lives in a mktemp folder under /tmp instead, named in DIR/rundir.
#
# Environment: PG_BINDIR (default /usr/lib/postgresql/15/bin, else initdb found on PATH).
set -uo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/$(basename "${BASH_SOURCE[0]}")"
die() { echo "pg_throwaway: $*" >&2; exit 1; }

# libpq variables that could redirect or break our own connections.
unset PGSERVICE PGSERVICEFILE PGOPTIONS PGSSLMODE PGREQUIRESSL PGGSSENCMODE PGTARGETSESSIONATTRS \
      PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGPASSFILE PGDATA PGTZ PGCLIENTENCODING

BINDIR="${PG_BINDIR:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$BINDIR/initdb" ]; then
  if command -v initdb >/dev/null 2>&1; then BINDIR="$(dirname "$(command -v initdb)")"; fi
fi

# Run as the server's owner: `postgres` when we are root, ourselves otherwise.
if [ "$(id -u)" -eq 0 ]; then
  AS=(runuser -u postgres --)
else
  AS=()
fi
as_owner() { (cd / && "${AS[@]}" "$@"); }

# One line from a log: its last non-empty line (the usual place of the reason).
last_line() { [ -f "$1" ] && grep -v '^[[:space:]]*$' "$1" | tail -n 1 | tr -d '\r' | cut -c1-300; }

rundir_of() {  # the folder that holds data/ for DIR
  local dir="$1"
  if [ -f "$dir/rundir" ]; then cat "$dir/rundir"; else echo "$dir"; fi
}

stop_cluster() {  # stop_cluster RUN: stop the server of RUN/data if one runs; never fails
  local run="$1" pid=""
  [ -d "$run/data" ] || return 0
  if [ -f "$run/data/postmaster.pid" ]; then
    pid="$(head -n 1 "$run/data/postmaster.pid" 2>/dev/null)"
    as_owner "$BINDIR/pg_ctl" stop -D "$run/data" -m immediate -w -t 10 >/dev/null 2>&1
    # Last resort: the postmaster this cluster's pid file names, if it is still that postmaster.
    if [ -n "$pid" ] && [ -d "/proc/$pid" ] && [ -f "$run/data/postmaster.pid" ] &&
       grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null
      for _ in $(seq 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
    fi
  fi
  return 0
}

cmd_stop() {
  local dir="$1" run
  [ -e "$dir" ] || return 0
  run="$(rundir_of "$dir")"
  stop_cluster "$run"
  if [ "$run" != "$dir" ]; then rm -rf -- "$run"; fi
  rm -rf -- "$dir"
  return 0
}

port_busy() {  # something accepts TCP connections on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

cmd_start() {
  local dir="$1" owner="${2:-}"
  [ -x "$BINDIR/initdb" ] || die "initdb not found (looked in $BINDIR and on PATH); install postgresql-15 postgresql-15-postgis-3"
  [ -x "$BINDIR/pg_ctl" ] || die "pg_ctl not found in $BINDIR"
  local psql="$BINDIR/psql"; [ -x "$psql" ] || psql="$(command -v psql)" || die "psql not found"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user (install postgresql-15)"
    command -v runuser >/dev/null 2>&1 || die "running as root but runuser is missing (util-linux)"
  fi

  # Idempotent-ish: a running server of ours in DIR is reused.
  if [ -f "$dir/conninfo" ]; then
    local run; run="$(rundir_of "$dir")"
    if as_owner "$BINDIR/pg_ctl" status -D "$run/data" >/dev/null 2>&1; then
      cat "$dir/conninfo"; return 0
    fi
    die "$dir holds a stopped throwaway server; run 'stop $dir' first"
  fi
  mkdir -p -- "$dir" || die "cannot create $dir"
  dir="$(cd "$dir" && pwd -P)" || die "cannot enter $dir"
  [ -z "$(ls -A "$dir")" ] || die "$dir is not empty; give a fresh folder"

  # Where the cluster lives: DIR itself when the owner can use it and its socket path fits.
  local run="$dir"
  if [ "${#AS[@]}" -gt 0 ]; then
    if ! { chown postgres:postgres "$dir" && chmod 700 "$dir"; }; then die "cannot chown $dir to postgres"; fi
  fi
  if ! as_owner test -w "$dir" -a -x "$dir" || [ "${#dir}" -gt 80 ]; then
    run="$(mktemp -d /tmp/chainmap-pg.XXXXXX)" || die "cannot create a run folder under /tmp"
    echo "$run" > "$dir/rundir"
    if [ "${#AS[@]}" -gt 0 ]; then chown postgres:postgres "$run" || die "cannot chown $run to postgres"; fi
    chmod 700 "$run"
  fi

  if ! as_owner "$BINDIR/initdb" -D "$run/data" -U postgres -A trust -E UTF8 --locale=C \
        --no-sync --no-instructions >"$run/initdb.log" 2>&1; then
    die "initdb failed: $(last_line "$run/initdb.log")"
  fi
  cat >>"$run/data/postgresql.conf" <<EOF

# pg_throwaway.sh: a small, fast, local-only test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$run'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 20
autovacuum = off
max_wal_senders = 0
wal_level = minimal
log_min_messages = warning
EOF

  # A free port: start at a random base (pid-salted so parallel starts diverge) and step on;
  # the server's own bind is the arbiter, a port taken in between makes us try the next one.
  local base=$(( 20000 + ( (RANDOM << 15 | RANDOM) + $$ * 7919 ) % 12000 ))
  local port="" tries=0 p log
  for (( i = 0; i < 200 && tries < 8; i++ )); do
    p=$(( base + i ))
    port_busy "$p" && continue
    tries=$(( tries + 1 ))
    log="$run/server.log"
    : >"$log"; [ "${#AS[@]}" -gt 0 ] && chown postgres:postgres "$log"
    if as_owner "$BINDIR/pg_ctl" start -D "$run/data" -l "$log" -o "-p $p" -w -t 20 -s >"$run/pg_ctl.log" 2>&1; then
      port="$p"; break
    fi
    stop_cluster "$run"
    if grep -qiE 'could not (bind|create listen)|address already in use|could not create any TCP/IP sockets|lock file .* already exists' "$log"; then
      continue
    fi
    die "server did not start: $(last_line "$log" || last_line "$run/pg_ctl.log")"
  done
  [ -n "$port" ] || die "no free port found (tried $tries ports from $base)"

  local conninfo="host=127.0.0.1 port=$port dbname=chainmap user=postgres"
  local ready=0
  for _ in $(seq 100); do
    if "$BINDIR/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres -t 1 2>/dev/null; then ready=1; break; fi
    sleep 0.2
  done
  if [ "$ready" -ne 1 ]; then
    stop_cluster "$run"; die "server on port $port never accepted connections: $(last_line "$run/server.log")"
  fi
  if ! "$psql" -X -q -v ON_ERROR_STOP=1 -d "host=127.0.0.1 port=$port dbname=postgres user=postgres" \
        -c "CREATE DATABASE chainmap" >"$run/setup.log" 2>&1; then
    stop_cluster "$run"; die "CREATE DATABASE chainmap failed: $(last_line "$run/setup.log")"
  fi
  if ! "$psql" -X -q -v ON_ERROR_STOP=1 -d "$conninfo" -c "CREATE EXTENSION postgis" >>"$run/setup.log" 2>&1; then
    stop_cluster "$run"; die "CREATE EXTENSION postgis failed (is postgresql-15-postgis-3 installed?): $(last_line "$run/setup.log")"
  fi

  echo "$conninfo" >"$dir/conninfo"
  if [ -n "$owner" ]; then
    # Watchdog: detached, no inherited descriptors (a caller reading our stdout must see EOF).
    local detach=(); command -v setsid >/dev/null 2>&1 && detach=(setsid)
    # shellcheck disable=SC2016  # the watchdog's own $1..$3
    "${detach[@]}" bash -c '
      while kill -0 "$1" 2>/dev/null && [ -d "$2" ]; do sleep 1; done
      [ -d "$2" ] && exec bash "$3" stop "$2"' pg-throwaway-watch "$owner" "$dir" "$SELF" \
      </dev/null >/dev/null 2>&1 &
  fi
  echo "$conninfo"
}

case "${1:-}" in
  start) [ $# -ge 2 ] || die "usage: $0 start DIR [OWNER_PID]"; cmd_start "$2" "${3:-}" ;;
  stop)  [ $# -ge 2 ] || die "usage: $0 stop DIR"; cmd_stop "$2" ;;
  *) die "usage: $0 start DIR [OWNER_PID] | stop DIR" ;;
esac
