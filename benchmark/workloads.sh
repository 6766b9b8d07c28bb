# Sourced by benchmark/run.sh and benchmark/variants.sh: how each workload draws its parameters
# from the data, and the environment benchmark/wrk/graphql.lua reads for it. Needs sql (a psql
# call on the bench database), BENCH, RUN_DIR, THREADS, SEED and TOKEN from the caller.

# Parameters drawn per request, from the data itself (see BENCHMARKS.md for the reasons).
choose_parameters() {
	local max_id max_prospect first_month last_month
	max_id=$(sql "select max(id) from sequence_state")
	max_prospect=$(sql "select max(prospect_id) from sequence_state")
	# Months as year * 12 + month - 1, every full month the data covers.
	first_month=$(sql "select extract(year from min(created_at) at time zone 'UTC') * 12 + extract(month from min(created_at) at time zone 'UTC') - 1 from sequence_state")
	last_month=$(sql "select extract(year from max(created_at) at time zone 'UTC') * 12 + extract(month from max(created_at) at time zone 'UTC') - 1 from sequence_state")
	MIDDLE_LOW=$((max_id * 45 / 100)); MIDDLE_HIGH=$((max_id * 55 / 100))
	END_LOW=$((max_id - 1050)); END_HIGH=$((max_id - 50))
	PROSPECT_HIGH=$max_prospect
	ID_HIGH=$max_id
	MONTH_LOW=${first_month%.*}; MONTH_HIGH=${last_month%.*}
	# Q6 pool: ACTIVE states picked by a fixed rule, so every run uses the same ones.
	sql "select id from sequence_state where state = 'active' and id % 100 = 7 order by id limit 2000" >"$RUN_DIR/q6-pool.txt"
	POOL_IDS="{$(paste -sd, "$RUN_DIR/q6-pool.txt")}"
	POOL_SIZE=$(wc -l <"$RUN_DIR/q6-pool.txt")
}

# workload_env <workload> <server>: the environment graphql.lua reads, one assignment per line.
workload_env() {
	local workload=$1 server=$2
	local document="$BENCH/queries/$server/$workload.graphql"
	case $workload in
	q1) echo "BENCH_PARAM=range BENCH_VARIABLE=after BENCH_LOW=$MIDDLE_LOW BENCH_HIGH=$MIDDLE_HIGH" ;;
	q2) echo "BENCH_PARAM=range BENCH_VARIABLE=prospect BENCH_LOW=1 BENCH_HIGH=$PROSPECT_HIGH" ;;
	q3) echo "BENCH_PARAM=month BENCH_LOW=$MONTH_LOW BENCH_HIGH=$MONTH_HIGH" ;;
	q4) echo "BENCH_PARAM=range BENCH_VARIABLE=id BENCH_LOW=1 BENCH_HIGH=$ID_HIGH" ;;
	q5) echo "BENCH_PARAM=range BENCH_VARIABLE=after BENCH_LOW=$END_LOW BENCH_HIGH=$END_HIGH" ;;
	q7) echo "BENCH_PARAM=range BENCH_VARIABLE=after BENCH_LOW=$MIDDLE_LOW BENCH_HIGH=$MIDDLE_HIGH" ;;
	a?) echo "BENCH_PARAM=none" ;;
	floor) echo "BENCH_PARAM=range BENCH_VARIABLE=id BENCH_LOW=1 BENCH_HIGH=1000" ;;
	q6)
		document="$BENCH/queries/gateway/q6-pause.graphql"
		echo "BENCH_PARAM=pool BENCH_VARIABLE=id BENCH_POOL=$RUN_DIR/q6-pool.txt BENCH_DOCUMENT_2=$BENCH/queries/gateway/q6-resume.graphql"
		;;
	esac
	echo "BENCH_DOCUMENT=$document BENCH_THREADS=$THREADS BENCH_SEED=$SEED"
	[[ $server == gateway ]] && echo "BENCH_TOKEN=$TOKEN"
	return 0
}
