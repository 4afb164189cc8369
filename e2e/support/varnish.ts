import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { freePort } from "../../lib/db/embedded";

export const VARNISHD = "/usr/sbin/varnishd";
export const XKEY_VMOD = "/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so";
const DEPLOY = path.resolve("deploy");

/**
 * A real Varnish with Agora's configuration (deploy/varnish.vcl) in front of the given app
 * ports, on a free port of its own, run as the calling user in a folder of its own. Stop it
 * with `stop()`; its output goes to `log`.
 */
export async function startVarnish(appPorts: number[], options: { log?: (line: string) => void } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), "agora-varnish-"));
  // The shipped backends.vcl names ports 3000 and 3001; the test's instances run elsewhere.
  const shipped = await readFile(path.join(DEPLOY, "backends.vcl"), "utf8");
  const backends = appPorts
    .map((port, i) => `backend app${i + 1} {\n  .host = "127.0.0.1";\n  .port = "${port}";\n  .probe = agora_health;\n}\n`)
    .join("\n");
  const init = `sub vcl_init {\n  new agora = directors.round_robin();\n${appPorts.map((_, i) => `  agora.add_backend(app${i + 1});`).join("\n")}\n}\n`;
  await writeFile(path.join(dir, "backends.vcl"), `${shipped.slice(0, shipped.indexOf("backend app1"))}${backends}\n${init}`);
  const port = await freePort();
  const child = spawn(
    VARNISHD,
    [
      "-F",
      "-j",
      "none",
      "-n",
      path.join(dir, "work"),
      "-a",
      `127.0.0.1:${port}`,
      "-T",
      "127.0.0.1:0",
      "-f",
      path.join(DEPLOY, "varnish.vcl"),
      "-p",
      `vcl_path=${dir}:${DEPLOY}`,
      "-s",
      "malloc,128m",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    options.log?.(chunk.toString());
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break;
    if (
      await fetch(`${url}/api/health`).then(
        () => true,
        () => false,
      )
    )
      return { url, port, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`Varnish did not start:\n${output}`);
}
