"""Turns benchmark/run.sh's measurements into the Markdown tables of its report.

Usage: report.py measurements.tsv pgbench.tsv single-request-statements.tsv cores. Across rounds it reports the median of each
figure (so one disturbed round does not decide), the req/s range, and sums of errors and
statements; the per-round figures follow for anyone who doubts a median.
"""
import csv
import statistics
import sys

WORKLOADS = {
    "q1": "Q1 page of 50, middle, id order",
    "q2": "Q2 states of one prospect",
    "q3": "Q3 ACTIVE, one month, updatedAt DESC, totalCount",
    "q4": "Q4 one state by id",
    "q5": "Q5 page of 50 near the end",
    "q7": "Q7 page of 50 with mailings and tasks",
    "a1": "A1 count by STATE",
    "a2": "A2 count by SEQUENCE x STATE",
    "a3": "A3 count by CREATED_AT week, America/New_York",
    "a4": "A4 MAILBOX, count >= 100, by avg replyCount",
    "q6": "Q6 pause/resume mutations",
    "floor": "Floor: no database (one introspection field)",
}
# The servers in report order: the gateway, the main peer, the second peer.
SERVERS = {"gateway": "gateway", "postgraphile5": "PostGraphile 5", "postgraphile": "PostGraphile 4"}
PEERS = ("postgraphile5", "postgraphile")
# Issue 26's goals against PostGraphile 5: ahead on every workload it runs, at least 2x on Q1,
# Q2 and Q5; issue 6's against PostGraphile 4 follow them.
MAIN_PEER = "postgraphile5"
MAIN_GOALS = {"q1": 2, "q2": 2, "q5": 2}
# Issue 6's goals: minimum ratio gateway/PostGraphile 4 in req/s.
RATIO_GOALS = {"q1": 3, "q2": 3, "q3": 4, "q4": 2, "q5": 3}
# The workloads pgbench runs the gateway's own statements for (benchmark/pgbench/<workload>.sql).
CEILINGS = ("q1", "q3", "q4")


def read_rows(path):
    with open(path, newline="") as file:
        return list(csv.DictReader(file, delimiter="\t"))


def median(rows, field):
    return statistics.median(float(row[field]) for row in rows)


def summarize(rows):
    requests = sum(int(row["requests"]) for row in rows)
    statements = sum(int(row["statements"]) for row in rows)
    counted = all(row["counted"] == "1" for row in rows)
    rates = [float(row["rps"]) for row in rows]
    return {
        "requests": requests,
        "rps": statistics.median(rates),
        "rps_range": f"{min(rates):.0f}–{max(rates):.0f}" if len(rates) > 1 else "",
        "p50": median(rows, "p50_ms"),
        "p99": median(rows, "p99_ms"),
        "errors": sum(int(row["errors"]) for row in rows),
        "statements": statements / requests if counted and requests else None,
        "ok": sum(int(row["ok"]) for row in rows),
        "transitions": sum(int(row["transitions"]) for row in rows),
        "inconsistent": sum(int(row["inconsistent"]) for row in rows),
        "seconds": sum(float(row["seconds"]) for row in rows),
        "cpu": {kind: median(rows, kind + "_us") for kind in ("server", "pg", "machine")},
    }


def round_ratios(rows, workload, peer):
    """Gateway / peer req/s of each round: a round's intervals run back to back, so machine drift
    between rounds cancels in these, where it does not in the ratio of medians."""
    rates = {(row["round"], row["server"]): float(row["rps"]) for row in rows if row["workload"] == workload}
    return [rates[r, "gateway"] / rates[r, peer]
            for r in sorted({r for r, _ in rates}, key=int)
            if (r, "gateway") in rates and rates.get((r, peer), 0) > 0]


def headroom(summary, floor, ceilings, cores):
    """What each throughput goal leaves for the gateway's own data work, measured in the same run.

    Every request costs the machine at least what the floor costs (HTTP, token, filters, Spring for
    GraphQL, graphql-java, JSON, wrk and the loopback), plus PostgreSQL's work for its statements,
    measured under the gateway's own load. What a goal's budget leaves beyond those two is all the
    gateway may spend reading rows, completing fields and writing a bigger answer, shown beside what
    it spends on that now (its own machine µs minus the same two). A goal whose budget the floor and
    PostgreSQL already exceed is out of reach for any server built on this stack, on this machine."""
    goals = []
    for workload in WORKLOADS:
        minimum = MAIN_GOALS.get(workload, 1)
        peer = summary.get((workload, MAIN_PEER))
        if peer and peer["rps"] > 0:
            goals.append((workload, f"{workload.upper()} ≥ {minimum}× PostGraphile 5", minimum * peer["rps"]))
    for workload, minimum in RATIO_GOALS.items():
        peer = summary.get((workload, "postgraphile"))
        if peer and peer["rps"] > 0:
            goals.append((workload, f"{workload.upper()} ≥ {minimum}× PostGraphile 4", minimum * peer["rps"]))
    for workload in ("q1", "q4"):
        if ceilings.get(workload):
            goals.append((workload, f"{workload.upper()} ≥ 50% of the raw-SQL ceiling", 0.5 * ceilings[workload]))
    rows = []
    floor_us = floor["cpu"]["machine"]
    for workload, text, needed in goals:
        gateway = summary.get((workload, "gateway"))
        if gateway is None:
            continue
        budget = cores * 1e6 / needed
        left = budget - floor_us - gateway["cpu"]["pg"]
        spent = gateway["cpu"]["machine"] - floor_us - gateway["cpu"]["pg"]
        if left <= 0:
            verdict = "out of reach: the floor and PostgreSQL alone exceed the budget"
        elif left >= spent:
            verdict = "fits now"
        else:
            verdict = f"must fall to {left / spent:.0%} of now"
        rows.append(f"| {text} | {needed:.0f} | {budget:.0f} | {floor_us:.0f} | {gateway['cpu']['pg']:.0f} "
                    f"| {left:.0f} | {spent:.0f} | {verdict} |")
    return [
        "## What the goals leave (floor and PostgreSQL subtracted)",
        "",
        f"The floor workload answers {floor['rps']:.1f} req/s at {floor['cpu']['server']:.0f} µs of gateway CPU and "
        f"{floor['cpu']['machine']:.0f} µs of machine per request, with no database work: the least any request costs "
        "on this stack. A goal's budget (whole machine µs per request at the goal's req/s) minus the floor and "
        "PostgreSQL's own µs for the workload is what the gateway may spend on its data work; \"data work now\" "
        "is what it spends on that in this run (its whole machine µs minus the same two).",
        "",
        "| goal | req/s needed | machine µs per request at that rate | floor µs | PostgreSQL µs | left for the data work µs "
        "| data work now µs | data work at the goal |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
        *rows,
        "",
    ]


def main(measurements_path, pgbench_path, single_path, cores):
    rows = read_rows(measurements_path)
    # Statements of one request alone (the check before the load): exact, where the count under
    # load also holds the requests in flight at the interval's edges (up to one per connection).
    single = {}
    with open(single_path) as file:
        for line in file:
            workload, server, calls = line.rstrip("\n").split("\t")
            single[workload, server] = calls
    # pgbench runs each ceiling over several connection counts; the ceiling is the best of them.
    ceiling_runs = {}
    with open(pgbench_path) as file:
        for line in file:
            workload, clients, tps, latency, machine_us, p99 = line.rstrip("\n").split("\t")
            ceiling_runs.setdefault(workload, []).append({
                "clients": int(clients), "tps": float(tps) if tps else None,
                "cpu": float(machine_us) if machine_us else None, "p99": float(p99) if p99 else None})
    ceilings, ceiling_cpu, ceiling_p99, ceiling_clients = {}, {}, {}, {}
    for workload, runs in ceiling_runs.items():
        best = max((run for run in runs if run["tps"] is not None), key=lambda run: run["tps"], default=None)
        if best:
            ceilings[workload], ceiling_cpu[workload] = best["tps"], best["cpu"]
            ceiling_p99[workload], ceiling_clients[workload] = best["p99"], best["clients"]
    summary = {}
    for workload in WORKLOADS:
        for server in SERVERS:
            selected = [row for row in rows if row["workload"] == workload and row["server"] == server]
            if selected:
                summary[workload, server] = summarize(selected)

    out = []
    out.append("## Throughput and latency (median over rounds)")
    out.append("")
    out.append("On each peer's row: the gateway's req/s divided by that peer's (per round, then of the medians), "
               "and the peer's p99 divided by the gateway's (above 1: the gateway answers faster). A workload "
               "a peer cannot express has no row for it.")
    out.append("")
    out.append("| workload | server | req/s | p50 ms | p99 ms | errors | gateway / this server req/s "
               "| per round | this server / gateway p99 | SQL statements: 1 request alone | per request under load |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for workload, title in WORKLOADS.items():
        gateway = summary.get((workload, "gateway"))
        for server in SERVERS:
            figures = summary.get((workload, server))
            if figures is None:
                continue
            ratio = rounds = p99_ratio = ""
            if server != "gateway" and gateway and figures["rps"] > 0:
                ratio = f"**{gateway['rps'] / figures['rps']:.2f}×**"
                rounds = ", ".join(f"{r:.2f}×" for r in round_ratios(rows, workload, server))
                if gateway["p99"] > 0:
                    p99_ratio = f"{figures['p99'] / gateway['p99']:.2f}×"
            rate = f"{figures['rps']:.1f}" + (f" ({figures['rps_range']})" if figures["rps_range"] else "")
            if figures["requests"] == 0:
                # No answer inside the interval: its latencies are not zero but unknown (> interval).
                rate = "0 (no answer within the interval)"
            statements = "n/a" if figures["statements"] is None else f"{figures['statements']:.2f}"
            alone = single.get((workload, server), "n/a")
            if workload == "q6":
                alone += " (pause + resume)"
            out.append(f"| {title} | {SERVERS[server]} | {rate} | {figures['p50']:.1f} | {figures['p99']:.1f} "
                       f"| {figures['errors']} | {ratio} | {rounds} | {p99_ratio} | {alone} | {statements} |")
    out.append("")

    q6 = summary.get(("q6", "gateway"))
    if q6:
        # wrk stops with up to one request per connection unanswered; the gateway still completes
        # those, so rows may exceed the answers wrk counted by at most the connection count.
        lost = max(0, q6["ok"] - q6["transitions"])
        verdict = "none lost" if lost == 0 and q6["inconsistent"] == 0 else "**TRANSITIONS LOST**"
        out.append(f"Q6: {q6['ok']} successful mutations answered in {q6['seconds']:.1f} s measured = "
                   f"**{q6['ok'] / q6['seconds']:.1f} transitions/s**. Rows added to sequence_state_transition "
                   f"for the pool: {q6['transitions']} ({q6['transitions'] - q6['ok']} answered after wrk stopped); "
                   f"pool states whose rows disagree with their state: {q6['inconsistent']}: {verdict}.")
        out.append("")

    out.append("## Raw-SQL ceiling (pgbench, the gateway's statements)")
    out.append("")
    out.append("pgbench runs each workload's statements over wrk's connection count and over fewer (the gateway's "
               "pool); the ceiling is the best of them, marked. The pgbench p99 is the latency the statements alone "
               "reach at that load (Q3's is its two statements, page and count).")
    out.append("")
    out.append("| workload | pgbench connections | pgbench transactions/s | pgbench p99 ms | gateway req/s | gateway p99 ms "
               "| gateway / ceiling |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for workload in CEILINGS:
        gateway = summary.get((workload, "gateway"))
        for run in ceiling_runs.get(workload, []):
            if run["tps"] is None:
                continue
            best = run["clients"] == ceiling_clients.get(workload)
            p99 = f"{run['p99']:.1f}" if run["p99"] is not None else ""
            tps = f"**{run['tps']:.1f}**" if best else f"{run['tps']:.1f}"
            share = f"{gateway['rps'] / run['tps']:.0%}" if gateway and best else ""
            figures = f"{gateway['rps']:.1f} | {gateway['p99']:.1f}" if gateway and best else " | "
            out.append(f"| {workload.upper()} | {run['clients']} | {tps} | {p99} | {figures} | {share} |")
    out.append("")

    out.append("## CPU per request (median over rounds)")
    out.append("")
    out.append(f"CPU time (user + system) during the measured interval divided by the requests answered, in µs: "
               f"the server's processes, PostgreSQL's (every backend and worker), and the whole machine's "
               f"{cores} cores (wrk and the kernel's loopback work included). A saturated machine serves about "
               f"{cores} × 10⁶ / (whole machine µs) requests per second, so a goal of N× a peer's req/s "
               f"leaves the gateway the budget in the last column (against PostGraphile 5: ahead of it, "
               f"2× on Q1, Q2, Q5), of which PostgreSQL's part is already spent.")
    out.append("")
    out.append("| workload | server | req/s | server µs | PostgreSQL µs | whole machine µs | budget at the goal µs |")
    out.append("|---|---|---:|---:|---:|---:|---:|")
    for workload, title in WORKLOADS.items():
        peer = summary.get((workload, MAIN_PEER))
        for server in SERVERS:
            figures = summary.get((workload, server))
            if figures is None:
                continue
            cpu = figures["cpu"]
            budget = ""
            if server == "gateway" and peer and peer["rps"] > 0:
                minimum = MAIN_GOALS.get(workload, 1)
                budget = f"{cores * 1e6 / (minimum * peer['rps']):.0f} ({minimum}×)"
            name = SERVERS[server]
            out.append(f"| {title} | {name} | {figures['rps']:.1f} | {cpu['server']:.0f} | {cpu['pg']:.0f} "
                       f"| {cpu['machine']:.0f} | {budget} |")
    for workload in CEILINGS:
        if ceiling_cpu.get(workload):
            out.append(f"| {workload.upper()} raw SQL (pgbench ceiling, {ceiling_clients[workload]} connections) | pgbench "
                       f"| {ceilings[workload]:.1f} | | "
                       f"| {ceiling_cpu[workload]:.0f} | |")
    out.append("")

    floor = summary.get(("floor", "gateway"))
    if floor and floor["requests"]:
        out.extend(headroom(summary, floor, ceilings, cores))

    out.append("## Goals: issue 26 (PostGraphile 5), then issue 6 (PostGraphile 4)")
    out.append("")
    out.append("| goal | measured | met |")
    out.append("|---|---|---|")

    def goal(text, measured, met):
        out.append(f"| {text} | {measured} | {'yes' if met else 'no'} |")

    for workload in WORKLOADS:
        gateway, peer = summary.get((workload, "gateway")), summary.get((workload, MAIN_PEER))
        if gateway and peer and peer["rps"] > 0:
            minimum = MAIN_GOALS.get(workload, 1)
            ratio = gateway["rps"] / peer["rps"]
            goal(f"{workload.upper()} ≥ {minimum}× PostGraphile 5 req/s", f"{ratio:.2f}×", ratio >= minimum)
            goal(f"{workload.upper()} p99 below PostGraphile 5's", f"{gateway['p99']:.1f} vs {peer['p99']:.1f} ms"
                 if gateway["requests"] else "no gateway answer", gateway["requests"] > 0 and gateway["p99"] < peer["p99"])

    for workload, minimum in RATIO_GOALS.items():
        gateway, peer = summary.get((workload, "gateway")), summary.get((workload, "postgraphile"))
        if gateway and peer and peer["rps"] > 0:
            ratio = gateway["rps"] / peer["rps"]
            goal(f"{workload.upper()} ≥ {minimum}× PostGraphile 4 req/s", f"{ratio:.2f}×", ratio >= minimum)
            goal(f"{workload.upper()} p99 below PostGraphile 4's", f"{gateway['p99']:.1f} vs {peer['p99']:.1f} ms"
                 if gateway["requests"] else "no gateway answer", gateway["requests"] > 0 and gateway["p99"] < peer["p99"])
    q3 = summary.get(("q3", "gateway"))
    if q3:
        goal("Q3 p99 < 150 ms", f"{q3['p99']:.1f} ms" if q3["requests"] else "no answer", q3["requests"] > 0 and q3["p99"] < 150)
    for workload in ("q1", "q4"):
        gateway = summary.get((workload, "gateway"))
        if gateway and ceilings.get(workload):
            share = gateway["rps"] / ceilings[workload]
            goal(f"{workload.upper()} ≥ 50% of the raw-SQL ceiling", f"{share:.0%}", share >= 0.5)
    q1, q5 = summary.get(("q1", "gateway")), summary.get(("q5", "gateway"))
    if q1 and q5 and q1["rps"] > 0:
        goal("Q5 within 20% of Q1 (gateway req/s)", f"{q5['rps'] / q1['rps']:.0%} of Q1", q5["rps"] >= 0.8 * q1["rps"])
    errors = sum(figures["errors"] for (_, server), figures in summary.items() if server == "gateway")
    goal("zero errors (gateway)", str(errors), errors == 0)
    if q6:
        goal("Q6 no transition lost", f"{max(0, q6['ok'] - q6['transitions'])} missing rows, "
             f"{q6['inconsistent']} inconsistent states", q6["ok"] <= q6["transitions"] and q6["inconsistent"] == 0)
    out.append("")

    out.append("## Every round")
    out.append("")
    out.append("| round | workload | server | requests | req/s | p50 ms | p99 ms | errors | statements |")
    out.append("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        out.append(f"| {row['round']} | {row['workload'].upper()} | {row['server']} | {row['requests']} | {row['rps']} "
                   f"| {row['p50_ms']} | {row['p99_ms']} | {row['errors']} | {row['statements']} |")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
