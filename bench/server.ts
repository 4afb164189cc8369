import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readdirSync, readFileSync } from "node:fs";

import { freePort } from "../lib/db/embedded";
import { buildIfNeeded } from "../scripts/build-stamp";
import { NEXT_BIN, productionServerArgs, serverEnv } from "../scripts/serve";

/** Waits until `url` answers below 500; fails early when `child` (the server) exits first. */
export async function waitForServer(url: string, child?: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child && child.exitCode !== null) throw new Error(`the server for ${url} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}

/** Resident memory of a process and all its children, in bytes (Linux /proc). */
export function serverRss(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  let total = 0;
  for (const pid of tree) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(match?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/**
 * The production build (made when the sources changed) served by scripts/server.ts on 127.0.0.1,
 * on `port` or a free one. `log` receives the server's output; without it, it is dropped.
 */
export async function startProductionServer(
  databaseUrl: string,
  options: { port?: number; log?: string; env?: Record<string, string> } = {},
) {
  const env: NodeJS.ProcessEnv = { ...serverEnv(databaseUrl, true), NODE_ENV: "production", ...options.env };
  await buildIfNeeded(NEXT_BIN, env);
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  // Another server already on a chosen port would answer for ours and be measured instead.
  if (
    options.port &&
    (await fetch(base).then(
      () => true,
      () => false,
    ))
  )
    throw new Error(`port ${port} is taken; choose another with --port`);
  const output = options.log ? openSync(options.log, "w") : "ignore";
  const child = spawn(process.execPath, productionServerArgs(port, "127.0.0.1"), { env, stdio: ["ignore", output, output] });
  try {
    await waitForServer(base, child);
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  return { base, pid: child.pid!, rss: () => serverRss(child.pid!), stop: () => void child.kill("SIGTERM") };
}
