import { describe, expect, it } from "vitest";

import { parseTrustedProxies } from "@/lib/http/client-ip";
import { clientIpOf } from "@/lib/http/request";
import { consume, RATE_LIMITS } from "@/lib/ratelimit";
import { postgresStore } from "@/lib/ratelimit/postgres-store";

import { freshDatabase } from "../helpers/db";

const { db } = await freshDatabase();
const store = postgresStore(db);

/** What the sign-up action does with one request's headers before it registers anyone. */
async function signUpAttempt(headers: Record<string, string>, setting: string) {
  const ip = clientIpOf(new Headers(headers), parseTrustedProxies(setting)!);
  return (await consume(RATE_LIMITS.signUpIp, ip, store)).allowed;
}

describe("per-IP limits with a client that writes its own X-Forwarded-For", () => {
  it("refuses the eleventh sign-up from one address without trusted proxies, whatever the header says", async () => {
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push(
        await signUpAttempt({ "x-agora-peer": "203.0.113.7", "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `192.0.2.${i}` }, ""),
      );
    expect(answers.slice(0, 10).every(Boolean)).toBe(true);
    expect(answers[10]).toBe(false);
  });

  it("refuses the eleventh sign-up behind one proxy when the client puts a new address before the proxy's", async () => {
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push(await signUpAttempt({ "x-agora-peer": "10.0.0.2", "x-forwarded-for": `198.51.100.${i}, 203.0.113.8` }, "1"));
    expect(answers[10]).toBe(false);
  });

  it("refuses the eleventh sign-up behind proxies in trusted ranges, and counts other clients of the proxy apart", async () => {
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push(
        await signUpAttempt({ "x-agora-peer": "10.0.0.2", "x-forwarded-for": `198.51.100.${i}, 203.0.113.9, 10.0.0.1` }, "10.0.0.0/8"),
      );
    expect(answers[10]).toBe(false);
    expect(await signUpAttempt({ "x-agora-peer": "10.0.0.2", "x-forwarded-for": "203.0.113.10" }, "10.0.0.0/8")).toBe(true);
  });

  it("does not take a forwarded address from a peer outside the trusted ranges", async () => {
    for (let i = 0; i < 10; i++) await signUpAttempt({ "x-agora-peer": "203.0.113.11", "x-forwarded-for": `10.0.0.${i}` }, "10.0.0.0/8");
    expect(await signUpAttempt({ "x-agora-peer": "203.0.113.11", "x-forwarded-for": "10.0.0.99" }, "10.0.0.0/8")).toBe(false);
  });
});
