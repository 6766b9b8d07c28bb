// One measured pass of benchmark/subscriptions.sh: opens SUBSCRIPTIONS subscriptions over the
// gateway instances on PORTS (half SSE, half WebSocket unless TRANSPORTS=sse), waits until every
// one receives a marker change, then writes RATE changes per second for DURATION seconds, half
// through pause/resume mutations (alternating between the instances), half with plain SQL, and
// prints one JSON line of results. Latency is measured from the changed row's updated_at, which
// the writing transaction sets (now() in a mutation, clock_timestamp() in the SQL update), to
// the moment the client's event loop handles the change: it includes the commit itself.
import { fork, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';

const env = (name, fallback) => process.env[name] ?? fallback;
const ports = env('PORTS', '18201,18202').split(',').map(Number);
const pids = env('INSTANCE_PIDS', '').split(',').filter(Boolean).map(Number);
const total = Number(env('SUBSCRIPTIONS', '100'));
const transports = env('TRANSPORTS', 'sse,ws').split(',');
const rate = Number(env('RATE', '200'));
const duration = Number(env('DURATION', '60'));
const clients = Number(env('CLIENTS', '2'));
const token = env('TOKEN');
const marker = Number(env('MARKER_ID'));
const database = new pg.Pool({ connectionString: env('PG_URL'), max: 4 });

// FILTER=none: every subscriber takes every change. FILTER=ids:K: subscriber i filters on K of
// the written states (taken in turn, so each state is in about SUBSCRIPTIONS*K/6000 filters) and
// the marker: each subscription has a filter of its own, as a rep's dashboard does.
const filterMode = env('FILTER', 'none');
const idsPerSubscriber = filterMode.startsWith('ids:') ? Number(filterMode.slice(4)) : 0;
const QUERY = 'subscription ($filter: SequenceStateFilter) { sequenceStateChanges(filter: $filter) { cursor kind id state { updatedAt } } }';
const PAUSE = 'mutation ($id: ID!) { pauseSequenceState(id: $id, reason: "benchmark") { id } }';
const RESUME = 'mutation ($id: ID!) { resumeSequenceState(id: $id) { id } }';

const sql = async (text, values) => (await database.query(text, values)).rows;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- subscribers --------------------------------------------------------------------------
const mutationIds = (await sql(`select id from sequence_state where state = 'active' and id % 2 = 1 and id <> $1 order by id limit 3000`, [marker])).map((r) => Number(r.id));
const sqlIds = (await sql('select id from sequence_state where id % 2 = 0 and id <> $1 order by id limit 3000', [marker])).map((r) => Number(r.id));
const writtenIds = [...sqlIds, ...mutationIds];
const filterIds = (i) => Array.from({ length: idsPerSubscriber }, (_, j) => writtenIds[(i * idsPerSubscriber + j) % writtenIds.length]);
const filterOf = (i) => (idsPerSubscriber === 0 ? null : { id: { in: [marker, ...filterIds(i)].map(String) } });
const workers = Array.from({ length: clients }, () => fork(new URL('./subscribers.mjs', import.meta.url), [], {
	env: { ...process.env, MARKER_ID: String(marker) },
}));
const ask = (worker, message, reply) => new Promise((resolve) => {
	const listener = (answer) => { if (answer.type === reply) { worker.off('message', listener); resolve(answer); } };
	worker.on('message', listener);
	worker.send(message);
});
const targets = Array.from({ length: clients }, () => []);
for (let i = 0; i < total; i++) {
	// Each instance gets both transports: subscription i goes to instance i % 2.
	const transport = transports[Math.floor(i / ports.length) % transports.length];
	targets[i % clients].push({ port: ports[i % ports.length], transport, index: i, filter: filterOf(i) });
}
const stats = async () => {
	const all = await Promise.all(workers.map((worker) => ask(worker, { type: 'stats' }, 'stats')));
	const latency = new Array(all[0].latency.length).fill(0);
	for (const one of all) one.latency.forEach((count, ms) => { latency[ms] += count; });
	return {
		subscribers: all.flatMap((one) => one.subscribers), latency,
		errors: all.reduce((sum, one) => sum + one.errors, 0), errorSamples: all.flatMap((one) => one.errorSamples),
		closed: all.reduce((sum, one) => sum + one.closed, 0),
	};
};

const openStarted = Date.now();
await Promise.all(workers.map((worker, i) => ask(worker, { type: 'open', targets: targets[i], token, query: QUERY }, 'opened')));
// A subscription is live once it delivers: repeat a marker change until every one has seen one.
let ready = 0;
for (let round = 0; round < 180; round++) {
	await sql('update sequence_state set reply_count = reply_count + 1, updated_at = clock_timestamp() where id = $1', [marker]);
	await sleep(1000);
	ready = (await stats()).subscribers.filter((s) => s.sawMarker).length;
	if (ready === total) break;
}
const openSeconds = (Date.now() - openStarted) / 1000;
await sleep(1000); // the last marker's echoes
const [{ start }] = await sql('select coalesce(max(change_position), 0) as start from sequence_state_change');

// --- writer -------------------------------------------------------------------------------
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const active = [...mutationIds];
const paused = [];
const writes = { sql: 0, mutations: 0, failed: 0, skipped: 0, failures: [] };

function mutate(port, document, id) {
	return new Promise((resolve) => {
		const body = JSON.stringify({ query: document, variables: { id: String(id) } });
		const request = http.request({
			host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent,
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) },
		}, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => { text += chunk; });
			response.on('end', () => resolve(response.statusCode === 200 && !text.includes('"errors"') ? null : text));
		});
		request.on('error', (error) => resolve(error.message));
		request.end(body);
	});
}

async function write(k) {
	const fail = (text) => { writes.failed++; if (writes.failures.length < 5) writes.failures.push(String(text).slice(0, 300)); };
	if (k % 2 === 0) {
		const id = sqlIds[(k / 2) % sqlIds.length];
		try {
			await sql('update sequence_state set reply_count = reply_count + 1, updated_at = clock_timestamp() where id = $1', [id]);
			writes.sql++;
		}
		catch (error) { fail(error.message); }
		return;
	}
	const resume = paused.length > 0 && (k % 4 === 3 || active.length === 0);
	const id = resume ? paused.shift() : active.shift();
	if (id === undefined) { writes.skipped++; return; }
	const error = await mutate(ports[((k - 1) / 2) % ports.length], resume ? RESUME : PAUSE, id);
	if (error) { fail(error); (resume ? paused : active).push(id); return; }
	writes.mutations++;
	(resume ? active : paused).push(id);
}

const cpu = (pid) => {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
	}
	catch { return NaN; }
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const heapMb = (pid) => {
	try {
		const text = execFileSync('jcmd', [String(pid), 'GC.heap_info'], { encoding: 'utf8' });
		const used = [...text.matchAll(/used (\d+)K/g)].map((m) => Number(m[1]));
		return Math.round(used.reduce((a, b) => a + b, 0) / 1024); // young + old generations
	}
	catch { return NaN; }
};
const clientPids = [process.pid, ...workers.map((w) => w.pid)];
const cpuBefore = [...pids, ...clientPids].map(cpu);
// The feed delivers a change once every transaction of the cluster older than it has ended
// (snapshot xmin is cluster-wide): sample the oldest open transaction, in any database.
let oldestTransactionMs = 0;
const sampler = setInterval(async () => {
	try {
		const [{ ms }] = await sql(`select coalesce(extract(epoch from max(now() - xact_start)) * 1000, 0)::int as ms
			from pg_stat_activity where backend_xid is not null or backend_xmin is not null`);
		oldestTransactionMs = Math.max(oldestTransactionMs, ms);
	}
	catch { /* a sample lost under load */ }
}, 1000);
const writeStarted = Date.now();
let issued = 0;
const inFlight = new Set();
while (Date.now() - writeStarted < duration * 1000) {
	const due = Math.floor(((Date.now() - writeStarted) / 1000) * rate);
	while (issued < due) {
		// A write the database cannot take now is skipped (and counted), not queued without bound.
		if (inFlight.size >= 64) { issued++; writes.skipped++; continue; }
		const pending = write(issued++);
		inFlight.add(pending);
		pending.finally(() => inFlight.delete(pending));
	}
	await sleep(5);
}
await Promise.all(inFlight);
clearInterval(sampler);
const writeSeconds = (Date.now() - writeStarted) / 1000;
const cpuAfter = [...pids, ...clientPids].map(cpu);
const cpuPercent = cpuAfter.map((after, i) => Math.round(((after - cpuBefore[i]) / writeSeconds) * 100));

// --- drain and count ----------------------------------------------------------------------
const changedIds = new Map((await sql('select id, count(*)::int as changes from sequence_state_change where change_position > $1 and id <> $2 group by id', [start, marker]))
	.map((row) => [Number(row.id), row.changes]));
const expected = [...changedIds.values()].reduce((a, b) => a + b, 0);
// What subscriber i must receive: every change, or those of the states in its filter.
const expectedOf = (i) => (idsPerSubscriber === 0 ? expected : filterIds(i).reduce((sum, id) => sum + (changedIds.get(id) ?? 0), 0));
let expectedDeliveries = 0;
for (let i = 0; i < total; i++) expectedDeliveries += expectedOf(i);
// The feed may stand still for as long as the cluster's oldest transaction: a change counts as
// lost only when it has not arrived DRAIN seconds after the last write, nor 20 s after the last progress.
let result;
let lastDelivered = -1;
let lastProgress = Date.now();
const drainUntil = Date.now() + Number(env('DRAIN', '180')) * 1000;
while (Date.now() < drainUntil) {
	result = await stats();
	const delivered = result.subscribers.reduce((sum, s) => sum + s.received, 0);
	if (delivered >= expectedDeliveries) break;
	if (delivered !== lastDelivered) lastProgress = Date.now();
	else if (Date.now() - lastProgress > 20_000) break;
	lastDelivered = delivered;
	await sleep(1000);
}
const memory = pids.map((pid) => ({ pid, rssMb: Math.round(rssMb(pid)), heapUsedMb: heapMb(pid) }));

const percentile = (histogram, p) => {
	const count = histogram.reduce((a, b) => a + b, 0);
	let seen = 0;
	for (let ms = 0; ms < histogram.length; ms++) {
		seen += histogram[ms];
		if (seen >= count * p) return ms;
	}
	return NaN;
};
const lost = result.subscribers.map((s) => Math.max(0, expectedOf(s.index) - s.received));
const duplicates = result.subscribers.map((s) => s.duplicates);
const delivered = result.latency.reduce((a, b) => a + b, 0);
console.log(JSON.stringify({
	subscriptions: total,
	transports: Object.fromEntries(transports.map((t) => [t, result.subscribers.filter((s) => s.transport === t).length])),
	ready, openSeconds,
	filter: filterMode, writeSeconds, changes: expected, expectedDeliveries, writes,
	changesPerSecond: Math.round((expected / writeSeconds) * 10) / 10,
	delivered, deliveredPerSecond: Math.round(delivered / writeSeconds),
	latencyMs: { p50: percentile(result.latency, 0.5), p99: percentile(result.latency, 0.99), max: percentile(result.latency, 1) },
	lost: { total: lost.reduce((a, b) => a + b, 0), subscribersMissingSome: lost.filter((n) => n > 0).length, worst: Math.max(...lost) },
	duplicates: { total: duplicates.reduce((a, b) => a + b, 0), worst: Math.max(...duplicates) },
	oldestOpenTransactionMs: oldestTransactionMs,
	streamsClosed: result.closed, clientErrors: result.errors, clientErrorSamples: result.errorSamples,
	instances: memory.map((m, i) => ({ ...m, port: ports[i], cpuPercent: cpuPercent[i] })),
	clientCpuPercent: cpuPercent.slice(pids.length).reduce((a, b) => a + b, 0),
}));
for (const worker of workers) worker.send({ type: 'exit' });
await database.end();
agent.destroy();
