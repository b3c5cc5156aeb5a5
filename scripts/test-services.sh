# Sourced by scripts/test: installs what is missing (Debian's redis-server and
# libhiredis-dev; PostgreSQL 15 binaries are expected on PATH), starts a throwaway
# PostgreSQL and Redis on free loopback ports in a temp dir, exports their URLs
# for the tests, and stops and removes them when the test run exits.
#   MARQUEE_TEST_DATABASE_URL=postgres://marquee@127.0.0.1:PORT/marquee
#   MARQUEE_TEST_REDIS_URL=redis://127.0.0.1:PORT

_marquee_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

_marquee_as_postgres() {
    # PostgreSQL refuses to run as root: drop to the postgres user when we are root.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

marquee_install_test_services() {
    if command -v redis-server >/dev/null && pkg-config --exists hiredis 2>/dev/null; then return; fi
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server libhiredis-dev >/dev/null
}

marquee_start_test_services() {
    marquee_install_test_services
    command -v initdb >/dev/null || { echo "scripts/test: PostgreSQL's initdb is not on PATH" >&2; return 1; }
    MARQUEE_TEST_DIR="$(mktemp -d /tmp/marquee-test.XXXXXX)"
    chmod 755 "$MARQUEE_TEST_DIR"
    local pg="$MARQUEE_TEST_DIR/pg" pg_port redis_port
    mkdir -p "$pg"
    [ "$(id -u)" = 0 ] && chown postgres "$pg"
    pg_port="$(_marquee_free_port)"
    _marquee_as_postgres initdb -D "$pg/data" -U marquee --auth=trust -E UTF8 --locale=C >"$pg/initdb.log" 2>&1 \
        || { cat "$pg/initdb.log" >&2; return 1; }
    _marquee_as_postgres pg_ctl -D "$pg/data" -l "$pg/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg -c fsync=off" start >/dev/null \
        || { cat "$pg/server.log" >&2; return 1; }
    _marquee_as_postgres createdb -h 127.0.0.1 -p "$pg_port" -U marquee marquee
    redis_port="$(_marquee_free_port)"
    redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
        --dir "$MARQUEE_TEST_DIR" --pidfile "$MARQUEE_TEST_DIR/redis.pid" --logfile "$MARQUEE_TEST_DIR/redis.log"
    export MARQUEE_TEST_DATABASE_URL="postgres://marquee@127.0.0.1:$pg_port/marquee"
    export MARQUEE_TEST_REDIS_URL="redis://127.0.0.1:$redis_port"
    trap marquee_stop_test_services EXIT
    # Both must answer before any test runs.
    local answer
    answer="$(psql "$MARQUEE_TEST_DATABASE_URL" -tAc 'select version()')" || return 1
    echo "PostgreSQL on 127.0.0.1:$pg_port: ${answer%% on *}"
    for _ in $(seq 50); do
        answer="$(redis-cli -p "$redis_port" ping 2>/dev/null)" && [ "$answer" = PONG ] && break
        sleep 0.1
    done
    [ "$answer" = PONG ] || { echo "scripts/test: Redis did not answer" >&2; return 1; }
    echo "Redis on 127.0.0.1:$redis_port: $(redis-server --version | cut -d' ' -f3)"
}

marquee_stop_test_services() {
    [ -n "${MARQUEE_TEST_DIR:-}" ] || return 0
    [ -f "$MARQUEE_TEST_DIR/redis.pid" ] && kill "$(cat "$MARQUEE_TEST_DIR/redis.pid")" 2>/dev/null
    _marquee_as_postgres pg_ctl -D "$MARQUEE_TEST_DIR/pg/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$MARQUEE_TEST_DIR"
}
