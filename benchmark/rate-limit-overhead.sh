#!/usr/bin/env bash
# Q4 (one state by id) with the rate limit off, on with a store transaction per request
# (local-points=0, "exact") and on as configured by default (charges settled locally, synchronized
# every 1,000 points or 1 s, "local"), alternating, against the 1M-state gateway_bench database:
# what the per-request charge costs. Every request comes from one user, so every synchronization
# locks the same bucket row: the worst case for the shared store. MODES="off exact local" chooses.
#
#   benchmark/rate-limit-overhead.sh [PASSES (default 2)] [SECONDS (default 20)]
#
# Needs the built jar (mvn -DskipTests package), wrk and the loaded gateway_bench. Starts the
# gateway on GATEWAY_PORT (18086) without Liquibase (the bench database is shared), creates the
# bucket table as changeset 0040 does when it is missing (and then drops it at the end).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PASSES=${1:-2}
SECONDS_PER_PASS=${2:-20}
WARMUP=${WARMUP:-30}
PORT=${GATEWAY_PORT:-18086}
DATABASE=${BENCH_DATABASE:-gateway_bench}
SECRET=benchmark-jwt-secret-0123456789abcdef0123456789
MODES=${MODES:-"off exact local"}
OUT=${OUT:-$(mktemp -d /tmp/rate-limit-overhead.XXXX)}
mkdir -p "$OUT"
sql() { psql -X -At -h 127.0.0.1 -U postgres -d "$DATABASE" -c "$1"; }

# The demo loader's Liquibase run creates the table; an older bench database may lack it, and then
# the table made here is dropped at the end (one made by Liquibase is left alone).
CREATED_TABLE=0
if [[ -z $(sql "select to_regclass('rate_limit_bucket')") ]]; then
	sql "create unlogged table rate_limit_bucket (id bigint primary key, state bytea)" >/dev/null
	CREATED_TABLE=1
fi
cleanup() {
	[[ $CREATED_TABLE == 1 ]] && sql "drop table if exists rate_limit_bucket" >/dev/null
	[[ -n ${PID:-} ]] && kill -- -"$PID" 2>/dev/null || true
}
trap cleanup EXIT

ADMIN=$(sql "select id from app_user where role = 'admin' order by id limit 1")
TOKEN=$(GATEWAY_JWT_SECRET=$SECRET "$ROOT/bin/mint-token" "$ADMIN")
MAX_ID=$(sql "select max(id) from sequence_state")

start() {
	DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE" DATABASE_USER=postgres GATEWAY_JWT_SECRET=$SECRET \
		GATEWAY_CURSOR_SECRET=benchmark-cursor-secret-0123456789abcdef \
		setsid java -XX:+UseParallelGC -jar "$ROOT/target/sequence-state-gateway-0.1.0-SNAPSHOT.jar" \
		--server.address=127.0.0.1 --server.port="$PORT" --spring.liquibase.enabled=false \
		--gateway.rate-limit.enabled="$([[ $1 == off ]] && echo false || echo true)" \
		--gateway.rate-limit.points-per-hour=1000000000000 \
		$([[ $1 == exact ]] && echo --gateway.rate-limit.local-points=0) \
		>"$OUT/gateway-$1.log" 2>&1 &
	PID=$!
	for _ in $(seq 1 120); do grep -q "Started GatewayApplication" "$OUT/gateway-$1.log" && return; sleep 1; done
	echo "gateway did not start" >&2; exit 1
}

load() {
	BENCH_DOCUMENT=$ROOT/benchmark/queries/gateway/q4.graphql BENCH_PARAM=range BENCH_VARIABLE=id BENCH_LOW=1 \
		BENCH_HIGH=$MAX_ID BENCH_THREADS=2 BENCH_SEED=20250301 BENCH_TOKEN=$TOKEN \
		wrk -t 2 -c 16 -d "${1}s" --timeout 10s --latency -s "$ROOT/benchmark/wrk/graphql.lua" "http://127.0.0.1:$PORT/graphql"
}

for pass in $(seq 1 "$PASSES"); do
	for mode in $MODES; do
		start "$mode"
		load "$WARMUP" >/dev/null
		load "$SECONDS_PER_PASS" >"$OUT/pass-$pass-$mode.txt"
		kill -- -"$PID"; wait "$PID" 2>/dev/null || true; PID=
		printf 'pass %s rate limit %-5s %s req/s, p50 %s, p99 %s, %s\n' "$pass" "$mode" \
			"$(awk '/Requests\/sec/ {print $2}' "$OUT/pass-$pass-$mode.txt")" \
			"$(awk '$1 == "50%" {print $2}' "$OUT/pass-$pass-$mode.txt")" \
			"$(awk '$1 == "99%" {print $2}' "$OUT/pass-$pass-$mode.txt")" \
			"$(grep '^RESULT' "$OUT/pass-$pass-$mode.txt" || true)"
	done
done
echo "raw output in $OUT"
