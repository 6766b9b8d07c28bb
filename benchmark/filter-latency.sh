#!/usr/bin/env bash
# Median latency, through HTTP, of the first page of each filter query of issue 3 on the
# demo data set. Usage:
#   benchmark/filter-latency.sh            (gateway on http://localhost:8080, data in gateway_bench)
# Environment: GATEWAY_URL, BENCH_DB (psql database the gateway reads, to pick real ids),
# REQUESTS (measured requests per query, default 40), GATEWAY_TOKEN (sent as a Bearer token).
# Each request uses another parameter value, drawn from the data, so no cache answers twice.
set -euo pipefail

GATEWAY_URL=${GATEWAY_URL:-http://localhost:8080/graphql}
BENCH_DB=${BENCH_DB:-gateway_bench}
REQUESTS=${REQUESTS:-40}
WARMUP=5
PSQL=(psql -h 127.0.0.1 -U postgres -d "$BENCH_DB" -Atq)
AUTH=()
if [[ -n "${GATEWAY_TOKEN:-}" ]]; then AUTH=(-H "Authorization: Bearer $GATEWAY_TOKEN"); fi

FIELDS='pageInfo { hasNextPage endCursor } edges { node { id state createdAt updatedAt deliverCount prospect { id } } }'

# values NAME SQL: one parameter value per line, REQUESTS + WARMUP of them, spread over the table.
values() {
  "${PSQL[@]}" -c "$1" | head -n $((REQUESTS + WARMUP))
}
spread() { # table column [where]: values evenly spread over the table's ids
  echo "select $2 from $1 where id % (select greatest(1, max(id) / $((REQUESTS * 3))) from $1) = 0 ${3:-} order by id"
}

# measure NAME FILTER_TEMPLATE VALUES: the template's @ is replaced by each value in turn.
measure() {
  local name=$1 template=$2 values=$3 times=() count=0 rows=0
  while IFS= read -r value; do
    local filter=${template//@/$value}
    local body
    body=$(jq -cn --arg q "{ sequenceStates(first: 50, $filter) { $FIELDS } }" '{query: $q}')
    local out
    out=$(curl -s -o /tmp/filter-latency.json -w '%{time_total}' "${AUTH[@]}" -H 'content-type: application/json' \
      --data "$body" "$GATEWAY_URL")
    if grep -q '"errors"' /tmp/filter-latency.json; then
      echo "error in $name: $(head -c 300 /tmp/filter-latency.json)" >&2
      exit 1
    fi
    count=$((count + 1))
    if ((count > WARMUP)); then
      times+=("$out")
      rows=$((rows + $(jq '.data.sequenceStates.edges | length' /tmp/filter-latency.json)))
    fi
  done <<<"$values"
  local n=${#times[@]}
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v n="$n" -v rows="$rows" '
    { t[NR] = $1 * 1000 }
    END { printf "| %s | %d | %.1f | %.1f | %.1f |\n", name, n, t[int((n + 1) / 2)], t[int(n * 0.9 + 0.5)], rows / n }'
}

command -v jq >/dev/null || apt-get install -y -q jq >/dev/null

echo "| query (first page of 50 with pageInfo) | requests | median ms | p90 ms | rows/page |"
echo "|---|---|---|---|---|"
measure "prospect.id" 'filter: { prospect: { id: { eq: "@" } } }' "$(values "$(spread prospect id)")"
measure "prospect.emails has" 'filter: { prospect: { emails: { has: "@" } } }' "$(values "$(spread prospect 'emails[1]' 'and cardinality(emails) > 0')")"
measure "account.id" 'filter: { account: { id: { eq: "@" } } }' "$(values "$(spread account id)")"
measure "mailbox.id" 'filter: { mailbox: { id: { eq: "@" } } }' "$(values "$(spread mailbox id)")"
measure "mailbox.email" 'filter: { mailbox: { email: { eq: "@" } } }' "$(values "$(spread mailbox email)")"
measure "opportunity.id" 'filter: { opportunity: { id: { eq: "@" } } }' "$(values "$(spread opportunity id)")"
measure "sequence.id" 'filter: { sequence: { id: { eq: "@" } } }' "$(values "$(spread sequence id)")"
measure "sequence.name" 'filter: { sequence: { name: { eq: "@" } } }' "$(values "$(spread sequence name)")"
measure "sequenceStep.id" 'filter: { sequenceStep: { id: { eq: "@" } } }' "$(values "$(spread sequence_step id)")"
measure "sequenceStep.stepType" 'filter: { sequenceStep: { stepType: { eq: "@" }, order: { eq: 2 } } }' "$(values "select unnest(array['auto_email','manual_email','call','task']) from generate_series(1, $REQUESTS)")"
measure "calls.id" 'filter: { calls: { id: { eq: "@" } } }' "$(values "$(spread call id 'and sequence_state_id is not null')")"
measure "tasks.id" 'filter: { tasks: { id: { eq: "@" } } }' "$(values "$(spread task id 'and sequence_state_id is not null')")"
measure "tasks.dueAt one-day window" 'filter: { tasks: { dueAt: { gte: "@T00:00:00Z", lt: "@T23:59:59.999999Z" } } }' "$(values "select to_char(date '2024-03-01' + (i * 11 % 600), 'YYYY-MM-DD') from generate_series(1, 60) i")"
measure "state + createdAt month, orderBy updatedAt DESC" 'filter: { state: { eq: ACTIVE }, createdAt: { gte: "@-01T00:00:00Z", lt: "@-28T00:00:00Z" } }, orderBy: [{ field: UPDATED_AT, direction: DESC }]' "$(values "select to_char(date '2024-02-01' + make_interval(months => i % 22), 'YYYY-MM') from generate_series(1, 60) i")"
FIELDS="totalCount $FIELDS"
measure "the same, with totalCount" 'filter: { state: { eq: ACTIVE }, createdAt: { gte: "@-01T00:00:00Z", lt: "@-28T00:00:00Z" } }, orderBy: [{ field: UPDATED_AT, direction: DESC }]' "$(values "select to_char(date '2024-02-01' + make_interval(months => i % 22), 'YYYY-MM') from generate_series(1, 60) i")"
