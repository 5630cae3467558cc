#!/usr/bin/env bash
# A PostgreSQL streaming replica of the local primary on a port of its own, for the replica routing test
# (ReplicaRoutingIntegrationTests) and for trying the routing out (docs/operations.md, "A read replica").
#
#   scripts/replica.sh start    # base backup of the primary (pg_basebackup -R), started as a hot standby;
#                               # waits until it accepts connections; does nothing if it already runs
#   scripts/replica.sh stop     # stops it and deletes its folder
#   scripts/replica.sh status
#
# Needs the primary on 127.0.0.1:5432 (PGHOST, PGPORT) that user postgres (PGUSER) reaches without a password, and
# PostgreSQL's server programs (Debian's postgresql package: /usr/lib/postgresql/<version>/bin). Environment:
# REPLICA_PORT (5433), REPLICA_DIR (${TMPDIR:-/tmp}/tiercrm-replica-<port>), REPLICA_SLOT (none: a physical
# replication slot of that name is made with the copy, so that the primary keeps the WAL the replica has not
# received yet, however busy it is while the copy starts; stop drops it). When the primary's pg_hba.conf refuses
# replication connections from 127.0.0.1 (Debian asks for a password), a trust line for the replication user from
# 127.0.0.1 is added at its top and the configuration reloaded: for test machines only. Run as root, the replica
# runs as the postgres system user. Without REPLICA_SLOT the replica has no replication slot: stopped, it holds no
# WAL on the primary, but a primary that writes more than wal_keep_size before the replica has started streaming
# (another database being copied, say) leaves it behind for good ("requested WAL segment ... has already been
# removed" in its log): start it again with a slot.
set -euo pipefail

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
port=${REPLICA_PORT:-5433}
dir=${REPLICA_DIR:-${TMPDIR:-/tmp}/tiercrm-replica-$port}
slot=${REPLICA_SLOT:-}

log() { printf '[replica] %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

# pg_ctl refuses to run as root: the replica's files and process belong to the postgres system user then.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

primary() { psql -X -At -v ON_ERROR_STOP=1 -d postgres "$@"; }

replica() { psql -X -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -d postgres "$@"; }

bin_dir() {
    local major
    major=$(primary -c 'show server_version_num' | cut -c1-2)
    for candidate in "/usr/lib/postgresql/$major/bin" "$(pg_config --bindir 2>/dev/null || true)"; do
        if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/pg_basebackup" ]; then
            echo "$candidate"
            return
        fi
    done
    fail "no pg_ctl and pg_basebackup of PostgreSQL $major (install Debian's postgresql-$major)"
}

running() {
    [ "$(replica -c 'select pg_is_in_recovery()' 2>/dev/null || true)" = t ]
}

replication_allowed() {
    psql -X -At -d "host=$PGHOST port=$PGPORT user=$PGUSER replication=true" -c 'IDENTIFY_SYSTEM' >/dev/null 2>&1
}

allow_replication() {
    replication_allowed && return
    local hba
    hba=$(primary -c 'show hba_file')
    log "allowing replication connections of $PGUSER from 127.0.0.1 in $hba"
    sed -i "1i host replication $PGUSER 127.0.0.1/32 trust  # added by TierCRM's scripts/replica.sh" "$hba"
    primary -c 'select pg_reload_conf()' >/dev/null
    for _ in $(seq 1 20); do replication_allowed && return; sleep 0.5; done
    fail "the primary still refuses replication connections from 127.0.0.1: check $hba"
}

start() {
    if running; then
        log "a replica already answers on 127.0.0.1:$port"
        return
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        fail "port $port is taken by something that is not a running replica; stop it or set REPLICA_PORT"
    fi
    local bin
    bin=$(bin_dir)
    allow_replication
    if [ -f "$dir/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$(dirname "$dir")"
    log "copying the primary $PGHOST:$PGPORT into $dir (pg_basebackup)"
    local slot_args=()
    if [ -n "$slot" ]; then
        slot_args=(-C -S "$slot")
        echo "$slot" | as_owner tee "$dir.slot" >/dev/null
    fi
    as_owner "$bin/pg_basebackup" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -D "$dir" -R -X stream -c fast \
        "${slot_args[@]}" || fail "pg_basebackup failed"
    # A hot standby needs at least the primary's limits. Debian keeps the configuration outside the data folder,
    # so the copy gets one of its own.
    {
        echo "port = $port"
        echo "listen_addresses = '127.0.0.1'"
        echo "unix_socket_directories = '$dir'"
        echo "hot_standby = on"
        echo "hot_standby_feedback = on"
        for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions \
            max_locks_per_transaction; do
            echo "$setting = $(primary -c "show $setting")"
        done
        echo "timezone = '$(primary -c 'show timezone')'"
        echo "log_line_prefix = '%m [%p] replica %q%u@%d '"
    } | as_owner tee "$dir/postgresql.conf" >/dev/null
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_owner tee "$dir/pg_hba.conf" >/dev/null
    as_owner touch "$dir/pg_ident.conf"
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/replica.log" -w -t 120 start >/dev/null ||
        fail "the replica did not start; see $dir/replica.log"
    for _ in $(seq 1 120); do
        if running; then
            log "replica of $PGHOST:$PGPORT streaming on 127.0.0.1:$port ($dir)"
            return
        fi
        sleep 1
    done
    fail "the replica does not accept connections on 127.0.0.1:$port; see $dir/replica.log"
}

stop() {
    if [ -f "$dir/postmaster.pid" ]; then
        as_owner "$(bin_dir)/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
        log "stopped the replica on 127.0.0.1:$port"
    fi
    rm -rf "$dir"
    if [ -f "$dir.slot" ]; then
        local made
        made=$(cat "$dir.slot")
        primary -c "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '$made'" \
            >/dev/null
        log "dropped the replication slot $made"
        rm -f "$dir.slot"
    fi
}

status() {
    if running; then
        replica -c "select 'streaming on 127.0.0.1:$port, replayed ' || pg_last_wal_replay_lsn()
            || ', last transaction replayed ' || coalesce(now() - pg_last_xact_replay_timestamp(), '0')::text
            || ' ago'"
    else
        echo "no replica on 127.0.0.1:$port"
        return 1
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
