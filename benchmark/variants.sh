#!/usr/bin/env bash
# The gateway against itself: one jar under several configurations ("variants"), alternating in
# passes, on the read workloads of benchmark/run.sh against its 1M-state database. It answers
# "what does this one mechanism cost or earn": the GraphQL observations on and off (issue 28), the
# per-request rate-limit charge (issue 25), and each part of the read path that exists only for
# speed against the framework's own way (issue 26). The first variant is the baseline of the ratios.
#
#   benchmark/variants.sh                                    VARIANTS="baseline observations-on", Q1 Q2 Q4 Q5, 3 passes
#   VARIANTS="rate-limit-off baseline" WORKLOADS=q4 benchmark/variants.sh
#   VARIANTS="baseline direct-completion-off" PASSES=5 benchmark/variants.sh
#
# Each pass starts every variant in turn (the order rotates from pass to pass, so a machine that
# speeds up or slows down during the run does not favour one variant), warms each workload up for
# WARMUP seconds, then measures each for MEASURE seconds under wrk. The report gives per workload
# and variant the median req/s and p99 over the passes, each pass's req/s, and the median ratio to
# the baseline; it is written to benchmark/results/variants-<timestamp>.md and printed.
#
# Parameters (environment): VARIANTS, WORKLOADS ("q1 q2 q4 q5"), PASSES (3), WARMUP (20), MEASURE
# (20), CONNECTIONS (16), THREADS (2), GATEWAY_PORT (18087), BENCH_DATABASE (gateway_bench, loaded
# by benchmark/run.sh: run it once first, or SMOKE=1 benchmark/run.sh), GATEWAY_JAR (target's
# jar: copy it elsewhere to build during a run), GATEWAY_JAVA_OPTS (-XX:+UseParallelGC).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/benchmark"
VARIANTS=${VARIANTS:-"baseline observations-on"}
WORKLOADS=${WORKLOADS:-"q1 q2 q4 q5"}
PASSES=${PASSES:-3}
WARMUP=${WARMUP:-20}
MEASURE=${MEASURE:-20}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${GATEWAY_PORT:-18087}
DATABASE=${BENCH_DATABASE:-gateway_bench}
GATEWAY_JAR=${GATEWAY_JAR:-$ROOT/target/sequence-state-gateway-0.1.0-SNAPSHOT.jar}
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS--XX:+UseParallelGC}
JWT_SECRET=benchmark-jwt-secret-0123456789abcdef0123456789
CURSOR_SECRET=benchmark-cursor-secret-0123456789abcdef
SEED=${BENCH_SEED:-20250301}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN_DIR="$BENCH/results/variants-$STAMP"
REPORT="$RUN_DIR.md"
mkdir -p "$RUN_DIR"

log() { printf '[variants %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
fail() { log "ERROR: $*"; exit 1; }
sql() { psql -X -q -v ON_ERROR_STOP=1 -At -d "$DATABASE" -c "$1"; }

# variant_args <variant>: the gateway's command-line properties for it. Every variant runs with
# the rate limit on (a budget no run exhausts), as benchmark/run.sh does, unless it says otherwise.
variant_args() {
	case $1 in
	baseline) ;;
	# Issue 28: Spring for GraphQL's observations (graphql.request, graphql.datafetcher,
	# graphql.dataloader) on (application.yml excludes them by default)...
	observations-on) echo "--spring.autoconfigure.exclude=" ;;
	# ...excluded, as by default (the name of the first run, whose jar had them on)...
	observations-excluded) echo "--spring.autoconfigure.exclude=org.springframework.boot.graphql.autoconfigure.observation.GraphQlObservationAutoConfiguration" ;;
	# ...and on but switched off with Boot's property, the instrumentation still in place.
	observations-disabled) echo "--spring.autoconfigure.exclude= --management.observations.enable.graphql=false" ;;
	# Every request traced (the default samples a tenth), still exported nowhere.
	traces-all) echo "--management.tracing.sampling.probability=1.0" ;;
	# Issue 25: no charge per request, or a store transaction for every charge.
	rate-limit-off) echo "--gateway.rate-limit.enabled=false" ;;
	rate-limit-exact) echo "--gateway.rate-limit.local-points=0" ;;
	# Issue 26: graphql-java's own field completion instead of completion/.
	direct-completion-off) echo "--gateway.graphql.direct-completion=false" ;;
	# Spring for GraphQL's own DataLoaderRegistry, which dispatches every loader, queued or not.
	queued-loads-off) echo "--gateway.graphql.queued-loads-registry=false" ;;
	# Every read of states built and rendered by jOOQ afresh, without database/RenderedQueries.
	rendered-queries-off) echo "--gateway.database.rendered-queries=false" ;;
	# Responses written in 8 KB pieces, as Tomcat's own buffer does, instead of in one write.
	write-buffer-8k) echo "--gateway.http.write-buffer-size=8KB" ;;
	*) fail "unknown variant '$1' (see variant_args in $0)" ;;
	esac
}
if ! command -v wrk >/dev/null; then
	log "installing wrk from Debian"
	apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
for variant in $VARIANTS; do variant_args "$variant" >/dev/null; done
for workload in $WORKLOADS; do
	[[ -f $BENCH/queries/gateway/$workload.graphql ]] || fail "no document for workload '$workload'"
done
[[ -f $GATEWAY_JAR ]] || fail "no jar at $GATEWAY_JAR: mvn -DskipTests package"
[[ $(sql "select count(*) from sequence_state" 2>/dev/null || echo 0) == 1000000 ]] \
	|| fail "$DATABASE does not hold the 1,000,000 demo states: run benchmark/run.sh once (SMOKE=1 is enough)"

PID=""
stop_gateway() {
	[[ -n $PID ]] || return 0
	kill -TERM -- "-$PID" 2>/dev/null || true
	for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
	kill -KILL -- "-$PID" 2>/dev/null || true
	PID=""
}
trap stop_gateway EXIT

start_gateway() {
	local variant=$1 log_file=$2
	sql "do \$\$ begin if to_regclass('rate_limit_bucket') is not null then delete from rate_limit_bucket; end if; end \$\$"
	# shellcheck disable=SC2046,SC2086
	DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE" DATABASE_USER=$PGUSER DATABASE_PASSWORD= \
		GATEWAY_CURSOR_SECRET=$CURSOR_SECRET GATEWAY_JWT_SECRET=$JWT_SECRET \
		setsid java ${GATEWAY_JAVA_OPTS:-} -jar "$GATEWAY_JAR" \
		--server.address=127.0.0.1 --server.port="$PORT" \
		--gateway.rate-limit.points-per-hour=1000000000000 $(variant_args "$variant") \
		>"$log_file" 2>&1 &
	PID=$!
	for _ in $(seq 1 300); do
		grep -q "Started GatewayApplication" "$log_file" && return 0
		kill -0 "$PID" 2>/dev/null || { tail -30 "$log_file" >&2; fail "the gateway ($variant) exited"; }
		sleep 1
	done
	fail "the gateway ($variant) did not start in 300 s"
}

# load <workload> <seconds> <output>
load() {
	# shellcheck disable=SC2046
	env $(workload_env "$1" gateway) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${2}s" --timeout 10s --latency \
		-s "$BENCH/wrk/graphql.lua" "http://127.0.0.1:$PORT/graphql" >"$3"
}

# shellcheck source=benchmark/workloads.sh
source "$BENCH/workloads.sh"
choose_parameters
ADMIN=$(sql "select id from app_user where role = 'admin' order by id limit 1")
TOKEN=$(GATEWAY_JWT_SECRET=$JWT_SECRET "$ROOT/bin/mint-token" "$ADMIN")

read -r -a variant_list <<<"$VARIANTS"
count=${#variant_list[@]}
log "variants: $VARIANTS; workloads: $WORKLOADS; $PASSES passes of ${WARMUP} s warm-up + ${MEASURE} s each"
for pass in $(seq 1 "$PASSES"); do
	for i in $(seq 0 $((count - 1))); do
		variant=${variant_list[$(((i + pass - 1) % count))]}
		start_gateway "$variant" "$RUN_DIR/gateway-$pass-$variant.log"
		for workload in $WORKLOADS; do load "$workload" "$WARMUP" /dev/null; done
		for workload in $WORKLOADS; do
			out="$RUN_DIR/$pass-$variant-$workload.txt"
			load "$workload" "$MEASURE" "$out"
			log "pass $pass $variant $workload: $(grep '^RESULT' "$out" | cut -d' ' -f4,7)"
		done
		stop_gateway
	done
done

python3 - "$RUN_DIR" "$VARIANTS" "$WORKLOADS" "$PASSES" >"$REPORT" <<'EOF'
import os, re, statistics, sys
run_dir, variants, workloads, passes = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), int(sys.argv[4])
def result(p, v, w):
    text = open(os.path.join(run_dir, f"{p}-{v}-{w}.txt")).read()
    return {k: float(x) for k, x in re.findall(r"(\w+)=([0-9.]+)", text.split("RESULT", 1)[1].splitlines()[0])}
base = variants[0]
print(f"# Variants, {os.path.basename(run_dir)}\n")
print(f"Baseline: `{base}`. Median of {passes} passes; the ratio is the median of each pass's req/s over the baseline's in the same pass.\n")
print("| workload | variant | req/s (median) | p99 ms (median) | req/s per pass | ratio to baseline | errors |")
print("|---|---|---:|---:|---|---:|---:|")
for w in workloads:
    for v in variants:
        rs = [result(p, v, w) for p in range(1, passes + 1)]
        bs = [result(p, base, w) for p in range(1, passes + 1)]
        ratio = statistics.median(r["rps"] / b["rps"] for r, b in zip(rs, bs))
        errors = sum(int(r["non2xx"] + r["graphql_errors"] + r["socket_errors"]) for r in rs)
        per_pass = ", ".join(format(r["rps"], ".0f") for r in rs)
        rps = statistics.median(r["rps"] for r in rs)
        p99 = statistics.median(r["p99_ms"] for r in rs)
        print(f"| {w} | `{v}` | {rps:.1f} | {p99:.1f} | {per_pass} | {ratio:.3f} | {errors} |")
EOF
{
	echo
	echo "Commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
	echo "$CONNECTIONS connections, $THREADS wrk threads, ${WARMUP} s warm-up and ${MEASURE} s measured per workload, JVM options '${GATEWAY_JAVA_OPTS}'."
	echo "Command: VARIANTS=\"$VARIANTS\" WORKLOADS=\"$WORKLOADS\" PASSES=$PASSES WARMUP=$WARMUP MEASURE=$MEASURE benchmark/variants.sh"
} >>"$REPORT"
cat "$REPORT"
