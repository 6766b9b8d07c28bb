// One client process holding many sequenceStateChanges subscriptions, over SSE (raw HTTP, one
// connection each) or WebSocket (graphql-transport-ws, one connection each). Started by run.mjs
// with fork(); talks to it over IPC:
//   in:  {type: 'open', targets: [{port, transport, index, filter}], token, query}  -> out: {type: 'opened'}
//        {type: 'stats'}                                           -> out: {type: 'stats', ...}
// Every subscriber checks its own stream: the feed position in each cursor must rise, so a
// change delivered twice (or out of order) is counted as a duplicate.
import http from 'node:http';
import WebSocket from 'ws';

const MARKER = Number(process.env.MARKER_ID);
const LATENCY_BUCKETS = 60_001; // 1 ms each, the last one holds everything from 60 s

const subscribers = [];
const latency = new Uint32Array(LATENCY_BUCKETS);
let errors = 0;
let closed = 0;
const errorSamples = [];

function noteError(text) {
	errors++;
	if (errorSamples.length < 5) errorSamples.push(String(text).slice(0, 300));
}

// Cursor layout (CursorCodec): 16 bytes of MAC, then "<len>:scope<len>:xid<len>:position<len>:time".
function position(cursor) {
	const body = Buffer.from(cursor, 'base64url').subarray(16).toString('latin1');
	const parts = [];
	let at = 0;
	while (at < body.length) {
		const colon = body.indexOf(':', at);
		const length = Number(body.slice(at, colon));
		parts.push(body.slice(colon + 1, colon + 1 + length));
		at = colon + 1 + length;
	}
	return [Number(parts[1]), Number(parts[2])];
}

function receive(subscriber, change) {
	const now = Date.now();
	if (Number(change.id) === MARKER) {
		subscriber.sawMarker = true;
		return;
	}
	const [xid, pos] = position(change.cursor);
	if (xid < subscriber.lastXid || (xid === subscriber.lastXid && pos <= subscriber.lastPos)) {
		subscriber.duplicates++;
		return;
	}
	subscriber.lastXid = xid;
	subscriber.lastPos = pos;
	subscriber.received++;
	const ms = now - Date.parse(change.state.updatedAt);
	latency[Math.max(0, Math.min(LATENCY_BUCKETS - 1, ms))]++;
}

function newSubscriber(transport, index) {
	const subscriber = { transport, index, received: 0, duplicates: 0, lastXid: -1, lastPos: -1, sawMarker: false };
	subscribers.push(subscriber);
	return subscriber;
}

function openSse(port, token, query, index, variables) {
	return new Promise((resolve) => {
		const subscriber = newSubscriber('sse', index);
		const request = http.request({
			host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false,
			headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
		}, (response) => {
			if (response.statusCode !== 200) noteError(`SSE HTTP ${response.statusCode}`);
			response.setEncoding('utf8');
			let pending = '';
			response.on('data', (chunk) => {
				pending += chunk;
				let end;
				while ((end = pending.indexOf('\n\n')) >= 0) {
					const event = pending.slice(0, end);
					pending = pending.slice(end + 2);
					// An event's data lines joined make its JSON; keep-alives and "complete" carry none.
					const data = event.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5)).join('\n');
					if (data.trim() === '') continue;
					const message = JSON.parse(data);
					if (message.data) receive(subscriber, message.data.sequenceStateChanges);
					else if (message.errors) noteError(JSON.stringify(message.errors));
				}
			});
			response.on('end', () => closed++);
		});
		request.on('error', (error) => { noteError(`SSE ${error.message}`); resolve(); });
		request.end(JSON.stringify({ query, variables }), resolve);
	});
}

function openWebSocket(port, token, query, index, variables) {
	return new Promise((resolve) => {
		const subscriber = newSubscriber('ws', index);
		const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws', { perMessageDeflate: false });
		socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } })));
		socket.on('message', (data) => {
			const message = JSON.parse(data);
			if (message.type === 'next') receive(subscriber, message.payload.data.sequenceStateChanges);
			else if (message.type === 'connection_ack') {
				socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
				resolve();
			}
			else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
			else if (message.type === 'error') noteError(JSON.stringify(message.payload));
		});
		socket.on('error', (error) => { noteError(`WS ${error.message}`); resolve(); });
		socket.on('close', () => { closed++; resolve(); });
	});
}

process.on('message', async (message) => {
	if (message.type === 'open') {
		// A few hundred handshakes at a time: the servers' accept queues stay short.
		const { targets, token, query } = message;
		for (let i = 0; i < targets.length; i += 200) {
			await Promise.all(targets.slice(i, i + 200).map(({ port, transport, index, filter }) => (transport === 'ws'
				? openWebSocket(port, token, query, index, { filter }) : openSse(port, token, query, index, { filter }))));
		}
		process.send({ type: 'opened' });
	}
	else if (message.type === 'stats') {
		process.send({
			type: 'stats',
			subscribers: subscribers.map(({ transport, index, received, duplicates, sawMarker }) => ({ transport, index, received, duplicates, sawMarker })),
			latency: Array.from(latency),
			errors, errorSamples, closed,
		});
	}
	else if (message.type === 'exit') process.exit(0);
});
