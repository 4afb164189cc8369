const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/**
 * How long a page waits before opening its live stream again after the `attempt`th failure in a
 * row: 1 s doubling to 30 s, spread over the upper half of that so that readers cut off
 * together (a restart, a burst) do not all return in the same instant.
 */
export function retryDelay(attempt: number, random = Math.random()): number {
  const ceiling = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return ceiling / 2 + (random * ceiling) / 2;
}
