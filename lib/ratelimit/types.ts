export interface WindowCount {
  hits: number;
  resetAt: Date;
}

/** Where counters live: PostgreSQL by default, Redis when REDIS_URL is set. */
export interface RateLimitStore {
  /** Counts one attempt in the current window (starting one if none is running). */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  peek(key: string): Promise<WindowCount | null>;
  reset(key: string): Promise<void>;
}
