import { performance } from "node:perf_hooks";

import { percentile, round } from "../report";

/** A reader or commenter waits longer than this for an answer only in a broken site. */
const TIMEOUT_MS = 60_000;

/** The answer to one request, or what went wrong before one came. */
export type Outcome = { status: number; text: string } | { error: string };

interface KindLog {
  statuses: Map<string, number>;
  latencies: number[];
}

/**
 * Every response of the soak, by kind of request: status counts, network errors and timeouts,
 * latencies; and the problems (anything a check fails on), with enough detail to look into them.
 */
export class TrafficLog {
  private kinds = new Map<string, KindLog>();
  readonly problems: string[] = [];
  private problemCount = 0;

  /** A request, timed until its body has arrived; a network error or timeout is counted as such. */
  async request(kind: string, url: string, init: RequestInit = {}): Promise<Outcome> {
    const started = performance.now();
    let outcome: Outcome;
    try {
      const response = await fetch(url, { redirect: "manual", ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
      outcome = { status: response.status, text: await response.text() };
    } catch (error) {
      outcome = { error: describe(error) };
    }
    const log = this.kind(kind);
    const label = "status" in outcome ? String(outcome.status) : outcome.error;
    log.statuses.set(label, (log.statuses.get(label) ?? 0) + 1);
    log.latencies.push(performance.now() - started);
    if (!("status" in outcome)) this.problem(`${kind}: ${outcome.error}`);
    else if (outcome.status >= 300) this.problem(`${kind}: HTTP ${outcome.status} for ${url}`);
    return outcome;
  }

  /** Something a check fails on; the first 100 are kept word for word. */
  problem(description: string) {
    this.problemCount++;
    if (this.problems.length < 100) this.problems.push(description);
  }

  get problemTotal() {
    return this.problemCount;
  }

  private kind(kind: string): KindLog {
    let log = this.kinds.get(kind);
    if (!log) this.kinds.set(kind, (log = { statuses: new Map(), latencies: [] }));
    return log;
  }

  /** Per kind, in the given order: requests, status counts, errors (network, timeouts, 5xx), p50/p99 and rate. */
  summary(seconds: number, order: readonly string[] = []) {
    const rank = (kind: string) => (order.includes(kind) ? order.indexOf(kind) : order.length);
    return [...this.kinds]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([kind, log]) => {
        const sorted = [...log.latencies].sort((a, b) => a - b);
        const statuses = Object.fromEntries([...log.statuses].sort());
        const errors = Object.entries(statuses).reduce(
          (sum, [label, count]) => sum + (/^\d+$/.test(label) && Number(label) < 500 ? 0 : count),
          0,
        );
        return {
          kind,
          requests: sorted.length,
          statuses,
          errors,
          perSecond: round(sorted.length / seconds, 1),
          p50: Math.round(percentile(sorted, 0.5)),
          p99: Math.round(percentile(sorted, 0.99)),
        };
      });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `timeout after ${TIMEOUT_MS / 1000} s`;
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return `network error ${cause?.code ?? (error instanceof Error ? error.message : String(error))}`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A random whole number from `min` to `max`. */
export const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/** One of `items`, each as likely as its weight. */
export function pick<T>(items: ReadonlyArray<readonly [T, number]>): T {
  let roll = Math.random() * items.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [item, weight] of items) if ((roll -= weight) < 0) return item;
  return items[items.length - 1]![0];
}
