#!/usr/bin/env bash
# The four analyst questions of issue 23, through the gateway and as the same GROUP BY run directly
# in psql, on the 1,000,000-state demo database. Prints a Markdown table of median times.
#
#   mvn -B -DskipTests package && benchmark/aggregates.sh
#
# Starts the jar on GATEWAY_PORT (default 18081) against BENCH_DATABASE (default gateway_bench,
# which must already hold the demo data: benchmark/run.sh loads it), runs each question
# WARMUP + ROUNDS times (defaults 3 and 9) alternating gateway and psql, and stops the jar.
# Gateway times are curl's total (HTTP, JSON, the SQL and the related rows' batch statements);
# psql times are psql's \timing of the statement alone (client-side, over the local socket).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${GATEWAY_PORT:-18081}
DATABASE=${BENCH_DATABASE:-gateway_bench}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-9}
URL="http://127.0.0.1:$PORT/graphql"
JWT_SECRET=aggregate-benchmark-secret-0123456789-abcdefghij
PSQL=(psql -X -h 127.0.0.1 -U postgres -d "$DATABASE" -Atq)
WORK=$(mktemp -d)

STATES=$("${PSQL[@]}" -c "select count(*) from sequence_state")
ADMIN=$("${PSQL[@]}" -c "select min(id) from app_user where role = 'admin'")

GATEWAY_JWT_SECRET=$JWT_SECRET GATEWAY_CURSOR_SECRET=aggregate-benchmark \
	DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE" \
	setsid java -jar "${GATEWAY_JAR:-$ROOT/target/sequence-state-gateway-0.1.0-SNAPSHOT.jar}" --server.port="$PORT" \
	>"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
trap 'kill -- -$GATEWAY_PID 2>/dev/null || kill $GATEWAY_PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do
	curl -s -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break
	sleep 1
done
TOKEN=$(GATEWAY_JWT_SECRET=$JWT_SECRET "$ROOT/bin/mint-token" "$ADMIN" sequenceStates.read 60)

gateway_ms() { # document
	local body
	body=$(jq -cn --arg q "$1" '{query: $q}')
	curl -s -o "$WORK/answer.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
		-H 'content-type: application/json' --data "$body" "$URL" | awk '{ printf "%.1f", $1 * 1000 }'
	if grep -q '"errors"' "$WORK/answer.json"; then
		echo "gateway error: $(head -c 400 "$WORK/answer.json")" >&2
		exit 1
	fi
}

psql_ms() { # sql
	"${PSQL[@]}" -c '\timing on' -c "$1" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1
}

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }'; }

# question NAME DOCUMENT SQL: both answer the first page of 50 groups in the same order.
question() {
	local name=$1 document=$2 sql=$3 gateway=() direct=()
	for i in $(seq 1 $((WARMUP + ROUNDS))); do
		local g d
		g=$(gateway_ms "$document")
		d=$(psql_ms "$sql")
		if ((i > WARMUP)); then gateway+=("$g"); direct+=("$d"); fi
	done
	local groups gm dm
	groups=$(jq '.data.sequenceStateGroups.edges | length' "$WORK/answer.json")
	gm=$(printf '%s\n' "${gateway[@]}" | median)
	dm=$(printf '%s\n' "${direct[@]}" | median)
	printf '| %s | %s | %s | %s | %s |\n' "$name" "$groups" "$gm" "$dm" "$(awk -v g="$gm" -v d="$dm" 'BEGIN { printf "%.2f", g / d }')"
}

command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }

echo "$STATES states in $DATABASE; $ROUNDS measured rounds after $WARMUP warm-up, medians"
echo
echo "| question | groups | gateway ms | psql ms | ratio |"
echo "|---|---|---|---|---|"
question "count by STATE" \
	'{ sequenceStateGroups(groupBy: [{ field: STATE }]) { edges { node { keys { state } aggregate { count } } } } }' \
	"select state, count(*) from sequence_state group by state order by state nulls last limit 51"
question "SEQUENCE x STATE" \
	'{ sequenceStateGroups(groupBy: [{ field: SEQUENCE }, { field: STATE }]) { edges { node { keys { sequence { id name } state } aggregate { count } } } } }' \
	"select sequence_id, state, count(*) from sequence_state group by sequence_id, state order by sequence_id nulls last, state nulls last limit 51"
question "CREATED_AT by WEEK, America/New_York" \
	'{ sequenceStateGroups(groupBy: [{ field: CREATED_AT, truncateTo: WEEK }], timeZone: "America/New_York") { edges { node { keys { createdAt } aggregate { count } } } } }' \
	"select timezone('America/New_York', date_trunc('week', timezone('America/New_York', created_at))) as week, count(*) from sequence_state group by 1 order by 1 nulls last limit 51"
question "MAILBOX, count >= 100, by avg.replyCount" \
	'{ sequenceStateGroups(groupBy: [{ field: MAILBOX }], having: { count: { gte: 100 } }, orderBy: [{ avg: { replyCount: DESC } }]) { edges { node { keys { mailbox { id email } } aggregate { count avg { replyCount } } } } } }' \
	"select mailbox_id, count(*), avg(reply_count) from sequence_state group by mailbox_id having count(*) >= 100 order by avg(reply_count) desc nulls first, mailbox_id nulls last limit 51"
