// Serves PostGraphile 5 on HOST:PORT with WORKERS node processes sharing the port (node:cluster),
// as PostGraphile 4 runs with --cluster-workers 2 beside it: one JavaScript thread per core.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import preset from "./graphile.config.mjs";

const workers = Number(process.env.WORKERS ?? 2);
if (cluster.isPrimary && workers > 1) {
	for (let i = 0; i < workers; i++) cluster.fork();
	cluster.on("exit", (worker, code) => {
		console.error(`worker ${worker.process.pid} exited with ${code}`);
		process.exit(1);
	});
} else {
	const pgl = postgraphile(preset);
	const serv = pgl.createServ(grafserv);
	const server = createServer();
	server.on("error", (error) => {
		console.error(error);
		process.exit(1);
	});
	serv.addTo(server).catch((error) => {
		console.error(error);
		process.exit(1);
	});
	server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1", () =>
		console.log(`PostGraphile 5 worker ${process.pid} listening on ${process.env.HOST}:${process.env.PORT}`));
}
