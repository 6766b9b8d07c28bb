// Subscriptions through the real client libraries: graphql-ws over WebSocket and graphql-sse
// over Server-Sent Events. SubscriptionClientLibrariesIntegrationTests drives this script by
// lines on stdin and reads what the clients received from stdout, one JSON object per line:
//   stdin:  {"open": "name", "transport": "ws"|"sse", "query": "...", "variables": {...}}
//           {"close": "name"}
//   stdout: {"ready": true}, then {"name": ..., "next": <payload>} / {"name": ..., "error": ...}
//           / {"name": ..., "complete": true}
// GATEWAY_URL is the gateway's http://…/graphql, TOKEN a bearer token for both transports.
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';

const url = process.env.GATEWAY_URL;
const authorization = `Bearer ${process.env.TOKEN}`;

const ws = createWsClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: authorization },
  lazy: true,
  retryAttempts: 0,
});
const sse = createSseClient({ url, headers: { Authorization: authorization }, retryAttempts: 0 });

const open = new Map();
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  if (command.open) {
    const client = command.transport === 'ws' ? ws : sse;
    const name = command.open;
    const dispose = client.subscribe({ query: command.query, variables: command.variables ?? {} }, {
      next: (payload) => print({ name, next: payload }),
      error: (error) => print({ name, error: Array.isArray(error) ? error : String(error?.message ?? error) }),
      complete: () => print({ name, complete: true }),
    });
    open.set(name, dispose);
  } else if (command.close) {
    open.get(command.close)?.();
    open.delete(command.close);
  }
}).on('close', async () => {
  for (const dispose of open.values()) dispose();
  await ws.dispose();
  sse.dispose();
  process.exit(0);
});

print({ ready: true });
