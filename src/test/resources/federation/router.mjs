// An Apollo Gateway composing the sequence-state gateway (a Federation 2 subgraph) with a tiny
// notes subgraph written with @apollo/subgraph, both started here on the ports given.
//
//   SEQUENCE_STATES_URL  the sequence-state gateway's /graphql endpoint
//   COMPOSE_TOKEN        a bearer token the gateway accepts for `_service { sdl }` at composition
//   NOTES_PORT, ROUTER_PORT
//
// Prints "ROUTER_READY <url>" once the router answers. The router forwards each client's
// Authorization header to both subgraphs; the notes subgraph refuses requests without one.
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const resolvers = {
  Query: {
    notesFor: (_, { stateIds }) =>
      stateIds.map((id) => ({ id: `note-${id}`, text: `Call back about state ${id}`, stateId: id })),
  },
  Note: {
    __resolveReference: ({ id }) => ({ id, text: `Note ${id}`, stateId: id.replace(/^note-/, '') }),
    state: (note) => ({ __typename: 'SequenceState', id: note.stateId }),
  },
  Prospect: {
    __resolveReference: ({ id }) => ({ id }),
    notes: ({ id }) => [`First note about prospect ${id}`, `Second note about prospect ${id}`],
  },
};

const notes = new ApolloServer({
  schema: buildSubgraphSchema([{
    typeDefs: parse(readFileSync(new URL('./notes-subgraph.graphql', import.meta.url), 'utf8')),
    resolvers,
  }]),
});
const { url: notesUrl } = await startStandaloneServer(notes, {
  listen: { host: '127.0.0.1', port: Number(env('NOTES_PORT')) },
  context: async ({ req }) => {
    if (!req.headers.authorization) {
      throw new GraphQLError('The router did not forward the Authorization header',
        { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
    return {};
  },
});

const gateway = new ApolloGateway({
  supergraphSdl: new IntrospectAndCompose({
    subgraphs: [
      { name: 'sequence-states', url: env('SEQUENCE_STATES_URL') },
      { name: 'notes', url: notesUrl },
    ],
    introspectionHeaders: { Authorization: `Bearer ${env('COMPOSE_TOKEN')}` },
  }),
  buildService: ({ url }) => new RemoteGraphQLDataSource({
    url,
    willSendRequest({ request, context }) {
      if (context.authorization) {
        request.http.headers.set('authorization', context.authorization);
      }
    },
  }),
});

const router = new ApolloServer({ gateway });
const { url: routerUrl } = await startStandaloneServer(router, {
  listen: { host: '127.0.0.1', port: Number(env('ROUTER_PORT')) },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
console.log(`ROUTER_READY ${routerUrl}`);
