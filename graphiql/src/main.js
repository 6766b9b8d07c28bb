// The gateway's GraphiQL: everything it loads, workers included, is bundled by Vite and served
// by the gateway, so the page works without internet access and under a 'self'-only CSP.
import React from 'react';
import ReactDOM from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import { explorerPlugin } from '@graphiql/plugin-explorer';
// Monaco's editor, JSON and GraphQL workers as files of their own, loaded from /graphiql/assets.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './page.css';

import firstPageOfSequenceStates from '../examples/FirstPageOfSequenceStates.graphql?raw';
import activeStatesAggregate from '../examples/ActiveStatesAggregate.graphql?raw';
import statesPerState from '../examples/StatesPerState.graphql?raw';
import sequenceStateChanges from '../examples/SequenceStateChanges.graphql?raw';

const params = new URLSearchParams(window.location.search);
const url = new URL(params.get('path') || '/graphql', location.origin);
if (url.origin !== location.origin) {
    throw new Error('GraphQL endpoint must resolve to the same origin as this page');
}
const wsOrigin = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
const subscriptionUrl = new URL(params.get('wsPath') || '/graphql', wsOrigin);
if (subscriptionUrl.origin !== wsOrigin) {
    throw new Error('GraphQL WebSocket endpoint must resolve to the same origin as this page');
}

// Every request needs a bearer token: replace the placeholder with the output of
// `bin/mint-token <user id>` (see the README). GraphiQL keeps what you paste (shouldPersistHeaders).
const placeholderHeaders = `{ "Authorization": "Bearer <paste the output of bin/mint-token 1>" }`;

// The examples a newcomer sees first; GraphiQL shows them only while no tabs are stored.
const exampleTabs = [firstPageOfSequenceStates, activeStatesAggregate, statesPerState, sequenceStateChanges]
    .map(query => ({ query, headers: placeholderHeaders }));

// Subscriptions run over WebSocket (graphql-transport-ws). A browser cannot put headers on a
// WebSocket, so the token of the Headers tab travels in connection_init, read when a connection
// opens (lazy: one opens with the first subscription and closes after the last one).
let latestHeaders = {};
const wsClient = createClient({
    url: subscriptionUrl.toString(),
    lazy: true,
    connectionParams: () => ({ Authorization: latestHeaders.Authorization ?? latestHeaders.authorization }),
});
const httpAndWebSocketFetcher = createGraphiQLFetcher({ url: url.toString(), wsClient });
const fetcher = (params, options) => {
    latestHeaders = options?.headers ?? {};
    return httpAndWebSocketFetcher(params, options);
};

function App() {
    return React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: true,
        defaultHeaders: placeholderHeaders,
        defaultTabs: exampleTabs,
        plugins: [HISTORY_PLUGIN, explorerPlugin()],
    });
}

ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(App));
