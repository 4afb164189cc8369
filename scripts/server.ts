/**
 * The production server: Next.js behind the page cache (lib/pagecache/front.ts) in one Node
 * process. Takes the same flags as `next start`: --port (or PORT, default 3000) and --hostname.
 * scripts/serve.ts runs it for `npm start`, the browser tests and the benchmark.
 */
import { createServer } from "node:http";
import next from "next";
import pg from "pg";

import { createPageCacheFront } from "../lib/pagecache/front";
import { cacheTimesFrom, type CacheTimes } from "../lib/pagecache/http";
import { cacheTimeSettings, cacheTimesFromRows } from "../lib/settings/cache-times";

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const port = Number(flag("port") ?? process.env.PORT ?? 3000);
const hostname = flag("hostname");
// lib/cache/outage.ts renders through this same server; lib/cache/invalidate.ts broadcasts from it.
process.env.PORT = String(port);
process.env.AGORA_FRONT_SERVER = "1";

const app = next({ dev: false, port, hostname: hostname ?? "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

// Read on a miss only, a few seconds old at most after an admin changed them; over one plain
// connection, so that this process does not load a second copy of the app's data layer.
const settingsPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, idleTimeoutMillis: 30_000 });
settingsPool.on("error", () => undefined);
let times: { value: CacheTimes; at: number } | undefined;
async function cacheTimes(): Promise<CacheTimes> {
  if (!times || Date.now() - times.at > 5_000) {
    const { rows } = await settingsPool.query<{ key: string; value: unknown }>(
      `SELECT "key", "value" FROM "Setting" WHERE "key" = ANY($1)`,
      [Object.keys(cacheTimeSettings)],
    );
    times = { value: cacheTimesFrom(cacheTimesFromRows(rows)), at: Date.now() };
  }
  return times.value;
}

const front = createPageCacheFront({ next: (req, res) => handle(req, res), selfUrl: () => `http://127.0.0.1:${port}`, cacheTimes });
const server = createServer((req, res) => void front(req, res));
// Reverse proxies and caches in front keep connections open; outlive their idle timeouts.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => console.log(`▲ Agora on http://${hostname ?? "localhost"}:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    // Live streams never end by themselves.
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
    void app.close().finally(() => process.exit(0));
  });
}
