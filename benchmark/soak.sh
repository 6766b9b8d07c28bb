#!/usr/bin/env bash
# The soak of issue 27: the side-by-side benchmark's workloads against the gateway alone, all at
# once, for a long time, with what would show a leak sampled each minute: the heap after a full
# GC, the process's resident memory, the gateway's database connections (pg_stat_activity) and
# Tomcat's open client connections, and the p99 of each workload in that minute. Not a CI test:
# it needs wrk, a data set and half an hour. Writes a Markdown report to
# benchmark/results/soak-<timestamp>.md (printed at the end); BENCHMARKS.md, "Soak (issue 27)".
#
#   benchmark/soak.sh                 30 one-minute rounds of every workload at once
#   MINUTES=2 benchmark/soak.sh       checks the harness
#
# Each minute runs one wrk per workload of benchmark/run.sh (queries/gateway, wrk/graphql.lua) at
# the same time, CONNECTIONS_PER_WORKLOAD connections each, so reads, the pause/resume mutations
# (with their history rows, change-log trigger and rate-limit charges) and the no-database floor
# share the gateway as they would in service. Between two minutes (a few seconds without load)
# the Q6 pool is put back to ACTIVE and the samples are taken.
#
# Parameters (environment): MINUTES (30), CONNECTIONS_PER_WORKLOAD (2), WORKLOADS ("q1 q2 q3 q4 q5 q6 floor"),
# SOAK_DATABASE (gateway_soak), SOAK_STATES (100000: loaded by the demo loader when the database is
# empty), GATEWAY_PORT (8082), PGHOST/PGPORT/PGUSER, GATEWAY_JAVA_OPTS (-XX:+UseParallelGC),
# SKIP_BUILD=1 (reuse the jar), GATEWAY_JAR (a jar to run instead of building one: a copy keeps a
# build during the soak from replacing the running jar), WRK_TIMEOUT (10 s).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/benchmark"
JAR=${GATEWAY_JAR:-$ROOT/target/sequence-state-gateway-0.1.0-SNAPSHOT.jar}

MINUTES=${MINUTES:-30}
CONNECTIONS_PER_WORKLOAD=${CONNECTIONS_PER_WORKLOAD:-2}
WORKLOADS=${WORKLOADS:-"q1 q2 q3 q4 q5 q6 floor"}
GATEWAY_PORT=${GATEWAY_PORT:-8082}
WRK_TIMEOUT=${WRK_TIMEOUT:-10}
SKIP_BUILD=${SKIP_BUILD:-0}
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS--XX:+UseParallelGC}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS="-c client_min_messages=warning"
DATABASE=${SOAK_DATABASE:-gateway_soak}
STATES=${SOAK_STATES:-100000}
# Its own login role: pg_stat_activity then tells the gateway's connections from everyone else's.
GATEWAY_ROLE=soak_gateway
CURSOR_SECRET=benchmark-cursor-secret-0123456789abcdef
JWT_SECRET=benchmark-jwt-secret-0123456789abcdef0123456789
SEED=${BENCH_SEED:-20250301}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$BENCH/results"
RUN_DIR="$RESULTS/soak-$STAMP"
REPORT="$RESULTS/soak-$STAMP.md"
SAMPLES="$RUN_DIR/minutes.tsv"
mkdir -p "$RUN_DIR/wrk"

log() { printf '[soak %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() { log "ERROR: $*"; exit 1; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$DATABASE" -c "$1"; }

GATEWAY_PID=""
WRK_PIDS=()

cleanup() {
	local status=$? pid
	trap - EXIT INT TERM
	for pid in "${WRK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	if [[ -n $GATEWAY_PID ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
		log "stopping the gateway (process group $GATEWAY_PID)"
		kill -TERM -- "-$GATEWAY_PID" 2>/dev/null || true
		for _ in $(seq 1 30); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.5; done
		kill -KILL -- "-$GATEWAY_PID" 2>/dev/null || true
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_tools() {
	if ! command -v wrk >/dev/null; then
		log "installing wrk from Debian"
		apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
	fi
	local tool
	for tool in java mvn psql createdb openssl curl jcmd ss python3 setsid timeout; do
		command -v "$tool" >/dev/null || fail "$tool is missing"
	done
	if [[ -z ${GATEWAY_JAR:-} ]] && [[ $SKIP_BUILD != 1 || ! -f $JAR ]]; then
		log "building the gateway (mvn package)"
		(cd "$ROOT" && mvn -q -B -DskipTests package) || fail "the gateway did not build"
	fi
}

# Loads SOAK_STATES demo states into an empty database; a loaded one is reused as it is.
check_database() {
	if ! psql -X -At -d postgres -c "select 1 from pg_database where datname = '$DATABASE'" | grep -q 1; then
		log "creating database $DATABASE"
		createdb "$DATABASE"
	fi
	STATE_COUNT=$(sql "select count(*) from sequence_state" 2>/dev/null || echo 0)
	if ((STATE_COUNT == 0)); then
		log "loading $STATES demo sequence states into $DATABASE"
		DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE" DATABASE_USER=$PGUSER DATABASE_PASSWORD= \
			GATEWAY_CURSOR_SECRET=$CURSOR_SECRET GATEWAY_JWT_SECRET=$JWT_SECRET \
			java -jar "$JAR" --gateway.demo-data.states="$STATES" --gateway.demo-data.exit-after-load=true \
			--spring.main.web-application-type=none >"$RUN_DIR/demo-data.log" 2>&1 \
			|| { tail -30 "$RUN_DIR/demo-data.log" >&2; fail "the demo data did not load"; }
		sql "vacuum analyze" >/dev/null
		STATE_COUNT=$(sql "select count(*) from sequence_state")
	fi
	# Membership in the owner role gives the tables' privileges without making a superuser.
	sql "do \$\$ begin if not exists (select from pg_roles where rolname = '$GATEWAY_ROLE') then
		create role $GATEWAY_ROLE login in role $PGUSER; end if; end \$\$"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_gateway() {
	port_free "$GATEWAY_PORT" || fail "port $GATEWAY_PORT is in use; set GATEWAY_PORT"
	log "starting the gateway on 127.0.0.1:$GATEWAY_PORT"
	# The rate limit stays on (its charges are database work the soak must include), with a
	# budget 30 minutes of this load cannot use up, so no request is refused for it.
	# shellcheck disable=SC2086
	DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE" DATABASE_USER=$GATEWAY_ROLE DATABASE_PASSWORD= \
		GATEWAY_CURSOR_SECRET=$CURSOR_SECRET GATEWAY_JWT_SECRET=$JWT_SECRET \
		setsid java ${GATEWAY_JAVA_OPTS:-} -jar "$JAR" \
		--server.address=127.0.0.1 --server.port="$GATEWAY_PORT" \
		--gateway.rate-limit.points-per-hour=1000000000000 >"$RUN_DIR/gateway.log" 2>&1 &
	GATEWAY_PID=$!
	for _ in $(seq 1 300); do
		grep -q "Started GatewayApplication" "$RUN_DIR/gateway.log" && break
		kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -30 "$RUN_DIR/gateway.log" >&2; fail "the gateway exited"; }
		sleep 1
	done
	grep -q "Started GatewayApplication" "$RUN_DIR/gateway.log" || fail "the gateway did not start in 300 s"
	JAVA_PID=$(pgrep -g "$GATEWAY_PID" java | head -1)
}

# An admin's HS256 token, as benchmark/run.sh mints it.
mint_token() {
	local admin now header payload signature
	admin=$(sql "select id from app_user where role = 'admin' order by id limit 1")
	[[ -n $admin ]] || fail "no admin in app_user"
	now=$(date +%s)
	b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
	header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
	payload=$(printf '{"sub":"%s","scope":"sequenceStates.all","iat":%d,"exp":%d}' "$admin" "$now" $((now + 86400)) | b64url)
	signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "key:$JWT_SECRET" -binary | b64url)
	TOKEN="$header.$payload.$signature"
}

# choose_parameters and workload_env, as benchmark/run.sh draws them, from this data set. One
# wrk thread per workload: its slice of the Q6 pool is then the whole pool.
THREADS=1
# shellcheck source=benchmark/workloads.sh
source "$BENCH/workloads.sh"

# Puts the Q6 pool back to ACTIVE: each minute's wrk starts its passes with pauses again.
restore_pool() {
	sql "update sequence_state set state = 'active', pause_reason = null
		where id = any('$POOL_IDS'::bigint[]) and state = 'paused' and pause_reason = 'benchmark Q6'" >/dev/null
}

heap_after_gc_mib() {
	jcmd "$JAVA_PID" GC.run >/dev/null 2>&1 || true
	# One "total …K, used …K" line per generation (parallel, serial) or for the whole heap (G1).
	(jcmd "$JAVA_PID" GC.heap_info 2>/dev/null || true) |
		sed -n 's/.* total \([0-9]*\)K, used \([0-9]*\)K.*/\2/p' | awk '{used += $1} END {printf "%.1f", used / 1024}'
}
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$JAVA_PID/status"; }
database_connections() {
	psql -X -At -d postgres -c "select count(*) || '/' || count(*) filter (where state <> 'idle')
		from pg_stat_activity where usename = '$GATEWAY_ROLE'"
}
tomcat_connections() { ss -Htn state established "( sport = :$GATEWAY_PORT )" | wc -l; }
result_field() { sed -n "s/^RESULT .*\b$2=\([^ ]*\).*/\1/p" "$1"; }

run_minute() {
	local minute=$1 workload out requests=0 errors=0 p99s=() db_mid tomcat_mid
	WRK_PIDS=()
	for workload in $WORKLOADS; do
		out="$RUN_DIR/wrk/m$minute-$workload.txt"
		# shellcheck disable=SC2046
		env $(workload_env "$workload" gateway) timeout $((60 + WRK_TIMEOUT + 30)) \
			wrk -t 1 -c "$CONNECTIONS_PER_WORKLOAD" -d 60s --timeout "${WRK_TIMEOUT}s" --latency \
			-s "$BENCH/wrk/graphql.lua" "http://127.0.0.1:$GATEWAY_PORT/graphql" >"$out" 2>&1 &
		WRK_PIDS+=($!)
	done
	# Connections are counted under load, half-way through the minute.
	sleep 30
	db_mid=$(database_connections)
	tomcat_mid=$(tomcat_connections)
	wait "${WRK_PIDS[@]}" || true
	WRK_PIDS=()
	for workload in $WORKLOADS; do
		out="$RUN_DIR/wrk/m$minute-$workload.txt"
		grep -q '^RESULT ' "$out" || { cat "$out" >&2; fail "wrk gave no result for $workload in minute $minute"; }
		requests=$((requests + $(result_field "$out" requests)))
		errors=$((errors + $(result_field "$out" non2xx) + $(result_field "$out" graphql_errors) + $(result_field "$out" socket_errors)))
		p99s+=("$(result_field "$out" p99_ms)")
	done
	# Mutations still in flight when wrk stopped finish on the gateway before the pool is reset.
	sleep 2
	restore_pool
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$minute" "$((requests / 60))" "$errors" "$(IFS=,; echo "${p99s[*]}")" \
		"$(heap_after_gc_mib)" "$(rss_mib)" "$db_mid" "$tomcat_mid" "$(cut -d' ' -f1 /proc/loadavg)" >>"$SAMPLES"
	log "minute $minute: $(tail -1 "$SAMPLES")"
}

write_report() {
	python3 - "$SAMPLES" "$WORKLOADS" >"$REPORT.table" <<'PYTHON'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
workloads = sys.argv[2].split()
header = ["minute", "req/s", "errors"] + [f"p99 {w} (ms)" for w in workloads] + [
    "heap after GC (MiB)", "RSS (MiB)", "DB connections (all/busy)", "Tomcat connections", "load (1 min)"]
print("| " + " | ".join(header) + " |")
print("|" + "---|" * len(header))
for minute, rps, errors, p99s, heap, rss, db, tomcat, load in rows:
    print("| " + " | ".join([minute, rps, errors] + p99s.split(",") + [heap, rss, db, tomcat, load]) + " |")
def spread(column):
    values = [float(row[column]) for row in rows]
    return min(values), max(values), values[0], values[-1]
print()
for name, column in (("heap after GC (MiB)", 4), ("RSS (MiB)", 5)):
    low, high, first, last = spread(column)
    print(f"- {name}: minute 1 {first:g}, last minute {last:g}, lowest {low:g}, highest {high:g}")
connections = sorted({row[6].split("/")[0] for row in rows})
print(f"- database connections seen: {', '.join(connections)}")
print(f"- errors over the run: {sum(int(row[2]) for row in rows)} of {sum(int(row[1]) * 60 for row in rows)} requests")
PYTHON
	{
		echo "# Soak $STAMP: the gateway under every workload at once for $MINUTES minutes"
		echo
		echo "- Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
		echo "- $(java -version 2>&1 | head -1); PostgreSQL $(sql "show server_version"); JVM options: ${GATEWAY_JAVA_OPTS:-(none)}"
		echo "- Gateway: jar $JAR; the source tree was at commit $SOURCE_COMMIT when the soak started (a GATEWAY_JAR may be an older build)"
		echo "- Data: $DATABASE, $STATE_COUNT sequence states; load: $WORKLOADS at once, one wrk each with $CONNECTIONS_PER_WORKLOAD connections, 60 s per minute"
		echo "- Transition rows written: $((TRANSITIONS_AFTER - TRANSITIONS_BEFORE)); change-log rows: $CHANGES_BEFORE before, $(sql "select count(*) from sequence_state_change") after"
		echo
		cat "$REPORT.table"
		echo
		echo "- Raw output (wrk per minute and workload, gateway log): benchmark/results/soak-$STAMP/"
	} >"$REPORT"
	rm -f "$REPORT.table"
}

main() {
	log "results: $REPORT"
	SOURCE_COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
	install_tools
	check_database
	choose_parameters
	restore_pool
	mint_token
	LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
	start_gateway
	TRANSITIONS_BEFORE=$(sql "select count(*) from sequence_state_transition")
	CHANGES_BEFORE=$(sql "select count(*) from sequence_state_change")
	: >"$SAMPLES"
	for minute in $(seq 1 "$MINUTES"); do run_minute "$minute"; done
	TRANSITIONS_AFTER=$(sql "select count(*) from sequence_state_transition")
	write_report
	cat "$REPORT"
}

main "$@"
