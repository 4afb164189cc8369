import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { VARNISHD, XKEY_VMOD } from "../e2e/support/varnish";
import { freePort } from "../lib/db/embedded";
import { waitForServer } from "./server";

const WRK = "/usr/bin/wrk";
const NGINX = "/usr/sbin/nginx";

/** wrk, nginx and Varnish from Debian, installed when missing (as root; otherwise says how). */
export function ensureBenchTools() {
  const needs = [
    { file: WRK, pkg: "wrk" },
    { file: NGINX, pkg: "nginx-light" },
    { file: VARNISHD, pkg: "varnish" },
    { file: XKEY_VMOD, pkg: "varnish-modules" },
  ];
  const missing = needs.filter((need) => !existsSync(need.file)).map((need) => need.pkg);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`The bench needs ${missing.join(", ")}: sudo apt-get install -y ${missing.join(" ")}`);
  console.log(`· installing ${missing.join(", ")} from Debian`);
  const result = spawnSync(
    "bash",
    [
      "-c",
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}; service nginx stop; service varnish stop; true`,
    ],
    { stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error("installing the bench tools failed");
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  timeouts: number;
  errors: number;
  non2xx: number;
}

const ms = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? 1);

/** wrk against `url` (2 threads, `connections`, `seconds`; requests slower than 5 s count as timeouts). */
export async function wrk(
  url: string,
  options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const args = [`-t${Math.min(2, connections)}`, `-c${connections}`, `-d${options.seconds ?? 10}s`, "--timeout", "5s", "--latency"];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(WRK, [...args, url]);
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => resolve(text));
  });
  const latency = (p: string) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m").exec(output);
    return match ? Math.round(ms(match[1]!, match[2]!) * 10) / 10 : NaN;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  if (!rps) throw new Error(`wrk printed no result:\n${output}`);
  return {
    rps: Math.round(Number(rps[1])),
    p50: latency("50"),
    p99: latency("99"),
    requests: Number(/(\d+) requests in/.exec(output)?.[1] ?? 0),
    timeouts: Number(socket?.[4] ?? 0),
    errors: socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
  };
}

/** nginx serving one file as `/`, the ceiling every page server is compared with. */
export async function startNginx(body: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "agora-bench-nginx-"));
  const port = await freePort();
  await writeFile(path.join(dir, "index.html"), body);
  await writeFile(
    path.join(dir, "nginx.conf"),
    `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log stderr error;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; }
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  server { listen 127.0.0.1:${port}; root ${dir}; index index.html; }
}
`,
  );
  const child = spawn(NGINX, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  await waitForServer(url, child);
  return {
    url,
    stop: async () => {
      child.kill("SIGQUIT");
      await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
