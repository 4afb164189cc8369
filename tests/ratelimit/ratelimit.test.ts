import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "@/lib/db/client";
import { check, clear, consume, type RateLimitRule, type RateLimitStore } from "@/lib/ratelimit";
import { postgresStore } from "@/lib/ratelimit/postgres-store";
import { redisStore } from "@/lib/ratelimit/redis-store";

import { freshDatabase } from "../helpers/db";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Two independent connections to the same storage: like two app instances, or one before and after a restart. */
type Backend = { name: string; open(): Promise<{ first: RateLimitStore; second: RateLimitStore; close(): Promise<void> }> };

const backends: Backend[] = [
  {
    name: "PostgreSQL",
    async open() {
      const { db, url } = await freshDatabase();
      const other = createPrismaClient(url);
      return { first: postgresStore(db), second: postgresStore(other), close: () => other.$disconnect() };
    },
  },
  {
    name: "Redis",
    async open() {
      const first = redisStore(REDIS_URL);
      const second = redisStore(REDIS_URL);
      return { first, second, close: async () => (await first.close(), await second.close()) };
    },
  },
];

describe.each(backends)("rate limits stored in $name", async (backend) => {
  const { first: store, second: otherInstance, close } = await backend.open();
  afterAll(close);
  // Unique rule names per run, so runs against a shared Redis never see each other's counters.
  const rule = (limit: number, windowMs: number): RateLimitRule => ({ name: `test-${randomBytes(4).toString("hex")}`, limit, windowMs });

  it("refuses the sixth attempt in the window and says when to try again", async () => {
    const signIn = rule(5, 15 * 60_000);
    for (let i = 0; i < 5; i++) expect((await consume(signIn, "lena@example.org", store)).allowed).toBe(true);
    const refused = await consume(signIn, "lena@example.org", store);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(15 * 60_000);
  });

  it("counts each subject on its own, ignoring case and spaces", async () => {
    const limit = rule(1, 60_000);
    await consume(limit, "Jonas@Example.org", store);
    expect((await consume(limit, " jonas@example.org ", store)).allowed).toBe(false);
    expect((await consume(limit, "miriam@example.org", store)).allowed).toBe(true);
  });

  it("lets the subject try again once cleared", async () => {
    const limit = rule(1, 60_000);
    await consume(limit, "x", store);
    expect((await check(limit, "x", store)).allowed).toBe(false);
    await clear(limit, "x", store);
    expect((await consume(limit, "x", store)).allowed).toBe(true);
  });

  it("starts a fresh window once the old one has passed", async () => {
    const limit = rule(1, 300);
    await consume(limit, "y", store);
    expect((await consume(limit, "y", store)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await consume(limit, "y", store)).allowed).toBe(true);
  });

  it("loses no attempt when many arrive at once", async () => {
    const limit = rule(100, 60_000);
    await Promise.all(Array.from({ length: 20 }, (_, i) => consume(limit, "z", i % 2 ? store : otherInstance)));
    expect((await check(limit, "z", store)).remaining).toBe(79);
  });

  it("holds across app instances and restarts", async () => {
    const limit = rule(2, 60_000);
    await consume(limit, "shared", store);
    await consume(limit, "shared", store);
    expect((await consume(limit, "shared", otherInstance)).allowed).toBe(false);
  });
});
