import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

import { DEFAULT_DATA_DIR, resolveServer } from "../lib/db/server";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * What `db:backup` and `db:restore` share: one file argument, the database of DATABASE_URL or
 * else the embedded cluster under .data/postgres (reusing it when the app is running, started
 * for the command otherwise), messages on stdout, the reason for a failure on stderr and exit 1.
 */
export async function runDatabaseCommand<O extends Options>(
  { usage, options, needsExistingCluster }: { usage: string; options: O; needsExistingCluster: boolean },
  run: (target: {
    databaseUrl: string;
    file: string;
    flags: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>["values"];
  }) => Promise<void>,
): Promise<never> {
  let parsed;
  try {
    parsed = parseArgs({ options, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) return fail(usage);

  if (!process.env.DATABASE_URL && needsExistingCluster && !existsSync(path.join(DEFAULT_DATA_DIR, "PG_VERSION"))) {
    return fail(`No DATABASE_URL is set and there is no embedded PostgreSQL under ${DEFAULT_DATA_DIR}: nothing to back up.`);
  }
  let stop = async () => {};
  try {
    const { server, databaseUrl, embedded } = await resolveServer({ createDatabase: false });
    stop = () => server.stop();
    const { hostname, port, pathname } = new URL(databaseUrl);
    console.log(
      `Database ${decodeURIComponent(pathname.slice(1))} on ${hostname}:${port}${embedded ? " (the embedded PostgreSQL under .data/postgres)" : ""}.`,
    );
    // npm runs scripts in the package folder; a relative file name means the caller's folder.
    await run({ databaseUrl, file: path.resolve(process.env.INIT_CWD ?? process.cwd(), file), flags: parsed.values });
  } catch (error) {
    await stop().catch(() => {});
    return fail(error instanceof Error ? error.message : String(error));
  }
  await stop();
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
