import http from "node:http";
import { performance } from "node:perf_hooks";

import { percentile } from "./report";

/**
 * `clients` live streams on one article, all opened at once (as when a story is linked
 * everywhere): how long until each is connected, how many failed, then `rounds` comments posted
 * and the time until each reaches every stream. Every wait has a deadline, so this never hangs.
 */
export async function measureLiveBurst(
  base: string,
  articleId: string,
  post: () => Promise<void>,
  { clients = 1000, rounds = 10, connectDeadlineMs = 10_000 } = {},
) {
  const start = performance.now();
  const connectTimes: number[] = [];
  const statuses = new Map<number, number>();
  let failed = 0;
  let roundStart = 0;
  let arrived = 0;
  const delays: number[] = [];
  const requests: http.ClientRequest[] = [];
  const connected = await Promise.all(
    Array.from(
      { length: clients },
      () =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), connectDeadlineMs);
          const request = http.get(`${base}/api/live/${articleId}`, { agent: false }, (response) => {
            statuses.set(response.statusCode ?? 0, (statuses.get(response.statusCode ?? 0) ?? 0) + 1);
            if (response.statusCode !== 200) {
              failed++;
              response.resume();
              clearTimeout(timer);
              return resolve(false);
            }
            response.setEncoding("utf8");
            let buffer = "";
            response.on("data", (chunk: string) => {
              buffer += chunk;
              if (buffer.includes(": connected") && connectTimes.length < clients) {
                if (!(request as { agoraConnected?: boolean }).agoraConnected) {
                  (request as { agoraConnected?: boolean }).agoraConnected = true;
                  connectTimes.push(performance.now() - start);
                  clearTimeout(timer);
                  resolve(true);
                }
              }
              let end: number;
              while ((end = buffer.indexOf("\n\n")) >= 0) {
                const message = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                if (message.startsWith("event: comment") && roundStart > 0) {
                  delays.push(performance.now() - roundStart);
                  arrived++;
                }
              }
            });
          });
          request.on("error", () => {
            failed++;
            clearTimeout(timer);
            resolve(false);
          });
          requests.push(request);
        }),
    ),
  );
  const open = connected.filter(Boolean).length;
  let missed = 0;
  for (let round = 0; round < rounds && open > 0; round++) {
    arrived = 0;
    roundStart = performance.now();
    await post();
    const deadline = performance.now() + 5_000;
    while (arrived < open && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    missed += open - arrived;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const request of requests) request.destroy();
  connectTimes.sort((a, b) => a - b);
  delays.sort((a, b) => a - b);
  return {
    clients,
    connected: open,
    failed,
    serverErrors: [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0),
    allConnectedMs: open === clients ? Math.round(connectTimes.at(-1) ?? 0) : null,
    connectP50: Math.round(percentile(connectTimes, 0.5)),
    connectP99: Math.round(percentile(connectTimes, 0.99)),
    rounds,
    deliveries: delays.length,
    missed,
    p50: Math.round(percentile(delays, 0.5)),
    p99: Math.round(percentile(delays, 0.99)),
  };
}
