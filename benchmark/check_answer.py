"""Checks one server's sample answer of a workload against the same question asked in SQL.

Usage: check_answer.py <workload> <server> <answer.json> <variables json> <database>
(PGHOST, PGPORT and PGUSER from the environment, as benchmark/run.sh sets them). Prints what
differs and exits 1 when the answer is not the database's; prints one line and exits 0 when it is.
Each server's answer is reduced to the same plain rows (ids, keys, counts) before comparing, so
documents written for different schemas (the gateway's, PostGraphile 4's and 5's) are held to
the same answer. Workloads without a check here (Q6, the floor) only have to answer without
errors, which run.sh checks before calling this.
"""
import datetime
import json
import subprocess
import sys

# The gateway returns at most this many groups per page (its documents ask for the largest
# page); PostGraphile returns every group in one answer, as it does not page groups.
GATEWAY_GROUP_PAGE = 1000


def sql_rows(database, query):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", query],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def id_field(server):
    # PostGraphile 5's amber preset names the primary key rowId (id is its global Node ID).
    return "rowId" if server == "postgraphile5" else "id"


def connection(answer):
    """The one connection or object under data: the workloads ask for one root field each."""
    (value,) = answer["data"].values()
    return value


def states(answer, server):
    root = connection(answer)
    nodes = [edge["node"] for edge in root["edges"]] if server == "gateway" else root["nodes"]
    return nodes


def state_ids(answer, server):
    return [str(node[id_field(server)]) for node in states(answer, server)]


def groups(answer, server, keys):
    """{key tuple: aggregate tuple} and the keys in answer order. `keys` names the gateway's key
    fields in order; PostGraphile answers them as a list of strings in groupBy order."""
    rows, order = {}, []
    if server == "gateway":
        for edge in connection(answer)["edges"]:
            node = edge["node"]
            key = []
            for name in keys:
                value = node["keys"][name]
                if isinstance(value, dict):
                    value = value["id"]
                elif name == "createdAt":
                    value = int(datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())
                elif name == "state":
                    value = value.lower()
                key.append(str(value))
            aggregate = node["aggregate"]
            average = (aggregate.get("avg") or {}).get("replyCount")
            rows[tuple(key)] = (int(aggregate["count"]), None if average is None else round(float(average), 6))
            order.append(tuple(key))
    else:
        for group in connection(answer)["groupedAggregates"]:
            key = tuple(str(value) for value in group["keys"])
            average = (group.get("average") or {}).get("replyCount")
            rows[key] = (int(group["distinctCount"][id_field(server)]), None if average is None else round(float(average), 6))
            order.append(key)
    return rows, order


def expected_groups(database, query, with_average=False):
    """SQL rows of key columns, then the count, then (with_average) the average."""
    rows = {}
    for row in sql_rows(database, query):
        if with_average:
            *key, count, average = row
        else:
            *key, count = row
            average = ""
        rows[tuple(key)] = (int(count), round(float(average), 6) if average else None)
    return rows


def compare_groups(server, got, order, expected, problems):
    wanted = len(expected) if server != "gateway" else min(len(expected), GATEWAY_GROUP_PAGE)
    if len(got) != wanted:
        problems.append(f"{len(got)} groups, SQL says {wanted} (of {len(expected)})")
    for key, value in got.items():
        if expected.get(key) != value:
            problems.append(f"group {key}: {value}, SQL says {expected.get(key)}")
            break


CHECKED = ("q1", "q2", "q3", "q4", "q5", "q7", "a1", "a2", "a3", "a4")


def main(workload, server, path, variables, database):
    if workload not in CHECKED:
        print(f"{workload} {server}: answered without errors (no SQL check for this workload)")
        return 0
    answer = json.load(open(path))
    variables = json.loads(variables)
    problems = []
    if workload in ("q1", "q5", "q2", "q7"):
        if workload == "q2":
            where = f"prospect_id = {int(variables['prospect'])}"
        else:
            where = f"id > {int(variables['after'])}"
        expected = [row[0] for row in sql_rows(database, f"select id from sequence_state where {where} order by id limit 50")]
        got = state_ids(answer, server)
        if got != expected:
            problems.append(f"state ids {got[:5]}… differ from SQL's {expected[:5]}…")
        if workload == "q7":
            links = {row[0]: (row[1], row[2]) for row in sql_rows(database, f"""
				select s.id, array(select m.id from mailing m where m.sequence_state_id = s.id order by m.id)::text,
					array(select t.id from task t where t.sequence_state_id = s.id order by t.id)::text
				from (select id from sequence_state where {where} order by id limit 50) s""")}
            for node in states(answer, server):
                if server == "gateway":
                    mailings, tasks = node["mailings"], node["tasks"]
                else:
                    mailings, tasks = node["mailingsBySequenceStateId"]["nodes"], node["tasksBySequenceStateId"]["nodes"]
                as_array = lambda items: "{" + ",".join(sorted((str(item[id_field(server)]) for item in items), key=int)) + "}"
                state_id = str(node[id_field(server)])
                if (as_array(mailings), as_array(tasks)) != links.get(state_id):
                    problems.append(f"state {state_id}: mailings/tasks {as_array(mailings)} {as_array(tasks)}, SQL says {links.get(state_id)}")
                    break
    elif workload == "q3":
        bounds = f"state = 'active' and created_at >= '{variables['from']}' and created_at < '{variables['to']}'"
        total = int(sql_rows(database, f"select count(*) from sequence_state where {bounds}")[0][0])
        expected = {row[0] for row in sql_rows(database, f"select id from sequence_state where {bounds} order by updated_at desc, id limit 20")}
        if connection(answer)["totalCount"] != total:
            problems.append(f"totalCount {connection(answer)['totalCount']}, SQL says {total}")
        if set(state_ids(answer, server)) != expected:
            problems.append(f"ids {sorted(state_ids(answer, server))} differ from SQL's {sorted(expected)}")
    elif workload == "q4":
        node = connection(answer)
        expected = sql_rows(database, f"select id, prospect_id, sequence_id from sequence_state where id = {int(variables['id'])}")[0]
        prospect = node["prospect"] if server == "gateway" else node["prospectByProspectId"]
        sequence = node["sequence"] if server == "gateway" else node["sequenceBySequenceId"]
        got = [str(node[id_field(server)]), str(prospect[id_field(server)]), str(sequence[id_field(server)])]
        if got != expected:
            problems.append(f"state, prospect, sequence {got}, SQL says {expected}")
    elif workload == "a1":
        got, order = groups(answer, server, ["state"])
        compare_groups(server, got, order, expected_groups(database, "select state, count(*) from sequence_state group by state"), problems)
    elif workload == "a2":
        got, order = groups(answer, server, ["sequence", "state"])
        compare_groups(server, got, order, expected_groups(database,
            "select sequence_id, state, count(*) from sequence_state group by sequence_id, state"), problems)
    elif workload == "a3":
        got, order = groups(answer, server, ["createdAt"])
        compare_groups(server, got, order, expected_groups(database, """
			select extract(epoch from timezone('America/New_York', date_trunc('week', timezone('America/New_York', created_at))))::bigint,
				count(*) from sequence_state group by 1"""), problems)
    elif workload == "a4":
        got, order = groups(answer, server, ["mailbox"])
        compare_groups(server, got, order, expected_groups(database, """
			select mailbox_id, count(*), avg(reply_count) from sequence_state group by mailbox_id having count(*) >= 100""", True), problems)
        # Only the gateway can order groups by an aggregate; PostGraphile's come unordered.
        averages = [got[key][1] for key in order]
        if server == "gateway" and averages != sorted(averages, reverse=True):
            problems.append("groups not ordered by avg.replyCount descending")
    if problems:
        print(f"{workload} {server}: the answer differs from SQL: " + "; ".join(problems))
        return 1
    print(f"{workload} {server}: the answer matches SQL")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
