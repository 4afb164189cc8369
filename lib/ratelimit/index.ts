import { db } from "@/lib/db/client";

import { postgresStore } from "./postgres-store";
import { redisStore } from "./redis-store";
import type { RateLimitStore } from "./types";

export type { RateLimitStore, WindowCount } from "./types";

export interface RateLimitRule {
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** 0 when allowed. */
  retryAfterMs: number;
  resetAt: Date;
}

const MINUTE = 60_000;

/** The limits on account endpoints, per account (hashed address) and per client IP. */
export const RATE_LIMITS = {
  signInAccount: { name: "signin:account", limit: 5, windowMs: 15 * MINUTE },
  signInIp: { name: "signin:ip", limit: 100, windowMs: 15 * MINUTE },
  resetAccount: { name: "reset:account", limit: 3, windowMs: 60 * MINUTE },
  resetIp: { name: "reset:ip", limit: 10, windowMs: 60 * MINUTE },
  signUpIp: { name: "signup:ip", limit: 10, windowMs: 60 * MINUTE },
  // Counted for any address, new or taken, so it says nothing; it caps the mails one inbox gets.
  signUpAccount: { name: "signup:account", limit: 3, windowMs: 60 * MINUTE },
  // A guest's request for their data: each known address gets a mail, so both cap what one inbox receives.
  guestDataIp: { name: "guestdata:ip", limit: 10, windowMs: 60 * MINUTE },
  guestDataAddress: { name: "guestdata:address", limit: 3, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateLimitRule>;

const globalForLimits = globalThis as unknown as { agoraRateLimitStore?: RateLimitStore };

/** Redis when REDIS_URL is set, else PostgreSQL; one per process. */
export function rateLimitStore(): RateLimitStore {
  globalForLimits.agoraRateLimitStore ??= process.env.REDIS_URL ? redisStore(process.env.REDIS_URL) : postgresStore(db());
  return globalForLimits.agoraRateLimitStore;
}

const keyOf = (rule: RateLimitRule, subject: string) => `${rule.name}:${subject.trim().toLowerCase()}`;

function result(rule: RateLimitRule, count: { hits: number; resetAt: Date } | null): RateLimitResult {
  const hits = count?.hits ?? 0;
  const resetAt = count?.resetAt ?? new Date(Date.now() + rule.windowMs);
  const allowed = hits <= rule.limit;
  return {
    allowed,
    remaining: Math.max(0, rule.limit - hits),
    retryAfterMs: allowed ? 0 : Math.max(0, resetAt.getTime() - Date.now()),
    resetAt,
  };
}

/** Counts one attempt and says whether it may go ahead. */
export async function consume(rule: RateLimitRule, subject: string, store = rateLimitStore()): Promise<RateLimitResult> {
  return result(rule, await store.hit(keyOf(rule, subject), rule.windowMs));
}

/** The same answer as the next consume would give for the attempts so far, without counting. */
export async function check(rule: RateLimitRule, subject: string, store = rateLimitStore()): Promise<RateLimitResult> {
  const count = await store.peek(keyOf(rule, subject));
  return result(rule, count && { ...count, hits: count.hits + 1 });
}

/** Forgets the subject's attempts, e.g. after a successful sign-in. */
export async function clear(rule: RateLimitRule, subject: string, store = rateLimitStore()): Promise<void> {
  await store.reset(keyOf(rule, subject));
}
