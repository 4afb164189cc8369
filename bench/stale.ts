import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import { percentile } from "./report";
import { replayHeaders, type CapturedRequest } from "./sessions";

const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * How long a change stays stale: `posts` comments posted through instance A's server action (as
 * a browser sends it), each then looked for, every 20 ms, on the signed-out page (newest first)
 * at every other place readers are served from (instance B, Varnish). A place that has not shown it
 * after 10 s counts as missed.
 */
export async function measureStaleness(options: {
  postUrl: string;
  captured: CapturedRequest;
  template: string;
  cookie: string;
  pagePaths: Record<string, string>;
  posts?: number;
}) {
  const headers = replayHeaders(options.captured.headers);
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(options.pagePaths).map((name) => [name, []]));
  const missed: Record<string, number> = Object.fromEntries(Object.keys(options.pagePaths).map((name) => [name, 0]));
  // Newest first, so a new comment is on the first page; its own cache variant, warmed before the first post.
  const view = { cookie: "agora_comment_sort=newest" };
  for (const url of Object.values(options.pagePaths)) await (await fetch(url, { headers: view })).text();
  for (let n = 0; n < (options.posts ?? 20); n++) {
    const text = `Stale-Probe ${n} ${randomUUID().slice(0, 8)}`;
    const response = await fetch(options.postUrl, {
      method: "POST",
      headers: { ...headers, cookie: options.cookie },
      body: options.captured.body.replace(uuids, () => randomUUID()).replace(options.template, text),
    });
    await response.text();
    const posted = performance.now();
    await Promise.all(
      Object.entries(options.pagePaths).map(async ([name, url]) => {
        while (performance.now() - posted < 10_000) {
          const html = await (await fetch(url, { headers: view })).text();
          if (html.includes(text)) return void times[name]!.push(performance.now() - posted);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        missed[name]!++;
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, list]) => {
      list.sort((a, b) => a - b);
      return [
        name,
        {
          samples: list.length,
          missed: missed[name],
          p50: Math.round(percentile(list, 0.5)),
          p99: Math.round(percentile(list, 0.99)),
          max: Math.round(list.at(-1) ?? NaN),
        },
      ];
    }),
  );
}
