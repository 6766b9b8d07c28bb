#!/usr/bin/env bash
# sequenceStateChanges under load (issue 24): two gateway instances on one database, SUBSCRIPTIONS
# subscriptions split over them (half SSE, half WebSocket graphql-transport-ws), RATE changes per
# second for DURATION seconds, half pause/resume mutations through the API (alternating between
# the instances), half plain-SQL updates. Reports per level: delivery latency p50/p99 from the
# changed row's updated_at (set in the writing transaction) to the client's receipt, changes lost
# and duplicated per subscriber, each instance's RSS, used heap and CPU.
#
#   benchmark/subscriptions.sh                        levels 100, 1000, 10000; SSE and WebSocket
#   TRANSPORTS=sse benchmark/subscriptions.sh         SSE only (the WebSocket half off)
#   LEVELS="100 1000" DURATION=30 RATE=200 benchmark/subscriptions.sh
#   FILTER=ids:10 benchmark/subscriptions.sh           each subscriber filters on 10 states of its own
#
# Needs Java 17, Maven, Node 20 and PostgreSQL on 127.0.0.1:5432. Builds the jar (SKIP_BUILD=1
# reuses it), installs the client's npm packages from subscriptions/package-lock.json, creates
# BENCH_DATABASE (gateway_subs_bench) with 10,000 demo states when missing, starts the instances on
# PORT_A/PORT_B (18201/18202) and stops them on exit. Limits raised for 10,000 connections: the
# shell's open files to its hard limit (ulimit -n), Tomcat's server.tomcat.max-connections to
# 12000 per instance (the default config allows 2048), and gateway.http.write-buffer-size to 8KB
# (the default 64KB write buffer per open stream is 640 MB at 10,000 streams). The benchmark's one
# user opens every subscription, so the per-user and per-connection subscription limits are raised
# to 20000 (a first run at 1,000 was refused past the default 100 per user). Rate limits are off:
# they are measured elsewhere, and thousands of first requests of one user at once met Bucket4j's
# "Bucket does not exist" (UNAVAILABLE) in a first try.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LEVELS=${LEVELS:-100 1000 10000}
TRANSPORTS=${TRANSPORTS:-sse,ws}
RATE=${RATE:-200}
DURATION=${DURATION:-60}
CLIENTS=${CLIENTS:-2}
FILTER=${FILTER:-none}
PORT_A=${PORT_A:-18201}
PORT_B=${PORT_B:-18202}
DATABASE=${BENCH_DATABASE:-gateway_subs_bench}
STATES=${STATES:-10000}
JAVA_OPTS=${GATEWAY_JAVA_OPTS:--XX:+UseParallelGC}
SECRET=benchmark-jwt-secret-0123456789abcdef0123456789
OUT=${OUT:-$ROOT/benchmark/results/subscriptions-$(date -u +%Y%m%dT%H%M%SZ)}
JAR=$ROOT/target/sequence-state-gateway-0.1.0-SNAPSHOT.jar
mkdir -p "$OUT"
psql_() { psql -X -At -h 127.0.0.1 -U postgres "$@"; }
sql() { psql_ -d "$DATABASE" -c "$1"; }

ulimit -n "$(ulimit -Hn)"
[[ ${SKIP_BUILD:-0} == 1 && -f $JAR ]] || (cd "$ROOT" && mvn -B -q -DskipTests package)
# A copy: a build running meanwhile (the tests) must not rewrite the jar under the instances.
cp "$JAR" "$OUT/gateway.jar"
JAR=$OUT/gateway.jar
[[ -d $ROOT/benchmark/subscriptions/node_modules ]] || (cd "$ROOT/benchmark/subscriptions" && npm ci --no-audit --no-fund)

gateway() { # name port extra-args...
	local name=$1 port=$2
	shift 2
	DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE" DATABASE_USER=postgres GATEWAY_JWT_SECRET=$SECRET \
		GATEWAY_CURSOR_SECRET=benchmark-cursor-secret-0123456789abcdef \
		setsid java $JAVA_OPTS -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" \
		--server.tomcat.max-connections=12000 --gateway.http.write-buffer-size=8KB \
		--gateway.rate-limit.enabled=false \
		--gateway.subscriptions.max-per-user=20000 --gateway.subscriptions.max-per-connection=20000 "$@" >"$OUT/gateway-$name.log" 2>&1 &
	echo $!
}
await_start() {
	for _ in $(seq 1 240); do grep -q "Started GatewayApplication" "$OUT/gateway-$1.log" && return; sleep 1; done
	echo "gateway $1 did not start (see $OUT/gateway-$1.log)" >&2; exit 1
}

if [[ -z $(psql_ -d postgres -c "select 1 from pg_database where datname = '$DATABASE'") ]]; then
	psql_ -d postgres -c "create database $DATABASE" >/dev/null
fi
if [[ $(sql "select to_regclass('sequence_state') is not null") != t || $(sql "select count(*) from sequence_state") == 0 ]]; then
	echo "loading $STATES demo states into $DATABASE"
	DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE" DATABASE_USER=postgres java -jar "$JAR" \
		--spring.main.web-application-type=none --gateway.demo-data.states="$STATES" \
		--gateway.demo-data.exit-after-load=true >"$OUT/load.log" 2>&1
fi
COUNT=$(sql "select count(*) from sequence_state")

PID_A=; PID_B=
stop_instances() { # and wait: a graceful shutdown takes up to 30 s, and the next run needs the ports
	for pid in $PID_A $PID_B; do kill -- -"$pid" 2>/dev/null || true; done
	for pid in $PID_A $PID_B; do while kill -0 "$pid" 2>/dev/null; do sleep 1; done; done
}
trap stop_instances EXIT
PID_A=$(gateway a "$PORT_A")
await_start a
# Liquibase has run on A; B starts as a second replica would, on the migrated schema.
PID_B=$(gateway b "$PORT_B" --spring.liquibase.enabled=false)
await_start b

ADMIN=$(sql "select id from app_user where role = 'admin' order by id limit 1")
TOKEN=$(GATEWAY_JWT_SECRET=$SECRET "$ROOT/bin/mint-token" "$ADMIN" sequenceStates.all 600)
MARKER=$(sql "select min(id) from sequence_state")
{
	echo "# sequenceStateChanges benchmark, $(date -u +%FT%TZ)"
	echo "commit $(git -C "$ROOT" rev-parse --short HEAD), $COUNT states in $DATABASE, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "FILTER=$FILTER TRANSPORTS=$TRANSPORTS RATE=$RATE DURATION=$DURATION CLIENTS=$CLIENTS LEVELS=\"$LEVELS\" java $JAVA_OPTS"
} | tee "$OUT/summary.md"
for level in $LEVELS; do
	echo "level $level: opening subscriptions" >&2
	PORTS=$PORT_A,$PORT_B INSTANCE_PIDS=$PID_A,$PID_B SUBSCRIPTIONS=$level TRANSPORTS=$TRANSPORTS RATE=$RATE \
		DURATION=$DURATION CLIENTS=$CLIENTS FILTER=$FILTER TOKEN=$TOKEN MARKER_ID=$MARKER \
		PG_URL="postgres://postgres@127.0.0.1:5432/$DATABASE" \
		node "$ROOT/benchmark/subscriptions/run.mjs" | tee "$OUT/level-$level.json"
	echo "load average after level $level: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.md"
done
node -e '
	const fs = require("fs");
	console.log("| subscriptions | filter | ready | changes/s | delivered/s | p50 ms | p99 ms | max ms | lost | duplicated | A RSS/heap MB, CPU % | B RSS/heap MB, CPU % | client CPU % |");
	console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
	for (const file of process.argv.slice(1)) {
		const r = JSON.parse(fs.readFileSync(file, "utf8").trim().split("\n").pop());
		const i = r.instances.map((m) => `${m.rssMb}/${m.heapUsedMb}, ${m.cpuPercent}`);
		console.log(`| ${r.subscriptions} (${Object.entries(r.transports).map(([t, n]) => `${n} ${t}`).join(", ")}) | ${r.filter} | ${r.ready} | ${r.changesPerSecond} | ${r.deliveredPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.latencyMs.max} | ${r.lost.total} (${r.lost.subscribersMissingSome} subscribers) | ${r.duplicates.total} | ${i[0]} | ${i[1]} | ${r.clientCpuPercent} |`);
	}' $(for level in $LEVELS; do echo "$OUT/level-$level.json"; done) | tee -a "$OUT/summary.md"
echo "raw output in $OUT"
