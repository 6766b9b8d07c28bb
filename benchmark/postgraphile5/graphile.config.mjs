// PostGraphile 5 as benchmark/run.sh runs it: the recommended preset (amber), the connection
// filter and aggregates plugins, and the production settings its documentation gives: no GraphiQL
// (Ruru), no explain, no watch; NODE_ENV=production (set by run.sh) keeps Grafast out of its
// development mode. The pool is node-postgres's default size (10), which PostGraphile keeps.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";
import { PgAggregatesPreset } from "@graphile/pg-aggregates";

/** @type {GraphileConfig.Preset} */
const preset = {
	extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset, PgAggregatesPreset],
	pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ["public"] })],
	grafserv: { graphiql: false, watch: false, graphqlPath: "/graphql" },
	grafast: { explain: false },
};

export default preset;
