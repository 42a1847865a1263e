#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the bench.
#
#   scripts/pg-test-cluster.sh install          install Debian's postgresql when initdb is missing
#   scripts/pg-test-cluster.sh start DIR PORT   initdb in DIR (created, must not exist or be empty),
#                                               start it on 127.0.0.1:PORT; superuser "rmdesk_admin"
#                                               with the password in DIR/admin-password
#   scripts/pg-test-cluster.sh stop DIR         stop it and delete DIR
#   scripts/pg-test-cluster.sh halt DIR         stop it, keep DIR (the bench's PostgreSQL book)
#   scripts/pg-test-cluster.sh resume DIR PORT  start a halted one again
#
# PG_SHARED_BUFFERS (default 64MB) sizes the server's buffers: the bench's book asks for more.
#
# initdb refuses to run as root: as root the cluster belongs to the `postgres` system user
# the Debian package creates. Tuned for tests (fsync off): never keep data in it.
set -euo pipefail

bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return 0
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install() {
  bindir >/dev/null && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is missing (run as root: apt-get install postgresql)" >&2
    return 1
  fi
  echo "installing Debian's postgresql for the tests"
  export DEBIAN_FRONTEND=noninteractive
  # no system cluster on port 5432: the tests make their own
  mkdir -p /etc/postgresql-common
  [ -e /etc/postgresql-common/createcluster.conf ] || echo "create_main_cluster = false" \
    > /etc/postgresql-common/createcluster.conf
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bindir >/dev/null
}

start() {
  local dir=$1 port=$2 bin
  bin=$(bindir) || { echo "PostgreSQL is not installed" >&2; return 3; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/false postgres
  fi
  mkdir -p "$dir"
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  local pw
  pw=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
  (umask 077; printf '%s\n' "$pw" > "$dir/admin-password")
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/admin-password"
  as_owner "$bin/initdb" -D "$dir/data" -U rmdesk_admin --pwfile="$dir/admin-password" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off -c max_connections=200 -c shared_buffers=${PG_SHARED_BUFFERS:-64MB}" >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  echo "127.0.0.1:$port"
}

# resume DIR PORT: start a cluster `start` made and `halt` stopped (the bench keeps its book)
resume() {
  local dir=$1 port=$2 bin
  bin=$(bindir) || { echo "PostgreSQL is not installed" >&2; return 3; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 start \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off -c max_connections=200 -c shared_buffers=${PG_SHARED_BUFFERS:-64MB}" >/dev/null \
    || { tail -20 "$dir/server.log" >&2; return 1; }
  echo "127.0.0.1:$port"
}

# halt DIR: stop the cluster, keep its files
halt() {
  local dir=$1 bin
  bin=$(bindir) || return 0
  [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

stop() {
  local dir=$1 bin
  bin=$(bindir) || return 0
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  install) install ;;
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  resume) resume "$2" "$3" ;;
  halt) halt "$2" ;;
  bindir) bindir ;;
  *) echo "usage: $0 install | start DIR PORT | stop DIR | resume DIR PORT | halt DIR | bindir" >&2; exit 2 ;;
esac
