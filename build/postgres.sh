#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks.
#   source build/postgres.sh && pg_throwaway_start   -> exports TEST_POSTGRES_URL, PG_THROWAWAY_DIR
#   pg_throwaway_stop
# Runs as root (initdb and pg_ctl through runuser -u postgres) or as the postgres user; data lives outside /root.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

pg_as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_throwaway_start() {
  if [ ! -x "$PGBIN/initdb" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "postgres: installing postgresql-15" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
    fi
    [ -x "$PGBIN/initdb" ] || { echo "postgres: $PGBIN/initdb not found" >&2; return 1; }
  fi
  id postgres >/dev/null 2>&1 || { echo "postgres: no postgres user" >&2; return 1; }

  PG_THROWAWAY_DIR=$(mktemp -d /tmp/payroll-pg-XXXXXX)
  local data="$PG_THROWAWAY_DIR/data" port
  port=${PGPORT_OVERRIDE:-$(pg_free_port)}
  chown postgres:postgres "$PG_THROWAWAY_DIR" 2>/dev/null || true
  install -d -m 700 -o postgres -g postgres "$data" 2>/dev/null || install -d -m 700 "$data"
  pg_as_postgres "$PGBIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_THROWAWAY_DIR/initdb.log" 2>&1 \
    || { cat "$PG_THROWAWAY_DIR/initdb.log" >&2; return 1; }
  pg_as_postgres "$PGBIN/pg_ctl" -D "$data" -l "$PG_THROWAWAY_DIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_THROWAWAY_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$PG_THROWAWAY_DIR/server.log" >&2; return 1; }
  export PG_THROWAWAY_DIR
  export TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  echo "postgres: throwaway cluster on 127.0.0.1:$port ($PG_THROWAWAY_DIR)" >&2
}

pg_throwaway_stop() {
  [ -n "${PG_THROWAWAY_DIR:-}" ] && [ -d "$PG_THROWAWAY_DIR/data" ] || return 0
  pg_as_postgres "$PGBIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_THROWAWAY_DIR"
}
