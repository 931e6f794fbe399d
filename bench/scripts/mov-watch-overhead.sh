#!/usr/bin/env bash
# What the MOV watch (VALAWAI_MOV_WATCH) costs an idle component: the release echo example runs
# for SECONDS (default 60) with the watch off, on (a look every 2 s) and every 100 ms, on a
# virtual host of its own on the local broker, and the script prints the CPU time (user +
# system, from /proc) the process used.
#
#   cargo build --release -p c1_echo_example_with_rust_and_lapin
#   flock -s /tmp/valawai-broker.lock bench/scripts/mov-watch-overhead.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
echo_bin=target/release/c1_echo_example_with_rust_and_lapin
[ -x "$echo_bin" ] || { echo "build it first: cargo build --release -p c1_echo_example_with_rust_and_lapin" >&2; exit 1; }
vhost="mov_watch_overhead_$$"
rabbitmqctl -q add_vhost "$vhost" >/dev/null
trap 'rabbitmqctl -q delete_vhost "$vhost" >/dev/null' EXIT
rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
ticks=$(getconf CLK_TCK)
logs=$(mktemp -d)
for watch in off on 100ms; do
    AMQP_ADDR="amqp://guest:guest@127.0.0.1:5672/$vhost" VALAWAI_MOV_WATCH=$watch LOG_DIR="$logs" \
        RUST_LOG=warn "$echo_bin" >/dev/null 2>&1 &
    pid=$!
    sleep 3 # start-up, not measured
    read -r -a before < <(cut -d' ' -f14,15 "/proc/$pid/stat")
    sleep "$seconds"
    read -r -a after < <(cut -d' ' -f14,15 "/proc/$pid/stat")
    kill -TERM "$pid"
    wait "$pid" || true
    cpu=$(( (after[0] + after[1] - before[0] - before[1]) * 1000 / ticks ))
    echo "VALAWAI_MOV_WATCH=$watch: ${cpu} ms of CPU in ${seconds} s"
done
rm -rf "$logs"
