import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { clearPageCache, isFresh, lookupPage, renderMark, storePage } from "@/lib/cache/page-store";
import type { Db } from "@/lib/db/client";
import { LIVE_CHANNEL, type LiveEvent } from "@/lib/live/events";
import { createLiveListener, type LiveListener } from "@/lib/live/listener";
import { publishLiveEvent } from "@/lib/live/notify";

import { freshDatabase } from "../helpers/db";

let db: Db;
let url: string;
const listeners: LiveListener[] = [];

beforeAll(async () => {
  ({ db, url } = await freshDatabase());
});
afterAll(async () => {
  await Promise.all(listeners.map((listener) => listener.close()));
});

function instance() {
  const listener = createLiveListener(url);
  listeners.push(listener);
  return listener;
}

function collect(listener: LiveListener, articleId: string) {
  const events: LiveEvent[] = [];
  const stop = listener.subscribe(articleId, (event) => events.push(event));
  return { events, stop };
}

async function until(check: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("live updates through PostgreSQL LISTEN/NOTIFY", () => {
  it("reach the pages of every app instance on the same database within two seconds, for their article only", async () => {
    const [one, two] = [instance(), instance()];
    const a = collect(one, "a1");
    const b = collect(two, "a1");
    const other = collect(two, "a2");
    const gone = collect(one, "a1");
    gone.stop();
    await Promise.all([one.ready(), two.ready()]);

    await publishLiveEvent(db, { type: "comment", articleId: "a1", commentId: "c1" });
    await until(() => a.events.length > 0 && b.events.length > 0);
    expect(a.events).toEqual([{ type: "comment", articleId: "a1", commentId: "c1" }]);
    expect(b.events).toEqual([{ type: "comment", articleId: "a1", commentId: "c1" }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(other.events).toEqual([]);
    expect(gone.events).toEqual([]);
  });

  it("expire the article's cached copies on each instance before its pages hear of the change", async () => {
    const listener = instance();
    clearPageCache();
    storePage(
      "page",
      {
        status: 200,
        headers: {},
        bodies: { identity: Buffer.from("alt") },
        etag: '"a"',
        tags: ["article:debatte"],
        freshUntil: Date.now() + 60_000,
      },
      renderMark(),
    );
    const freshWhenHeard: boolean[] = [];
    listener.subscribe("a4", () => freshWhenHeard.push(isFresh(lookupPage("page")!)));
    await listener.ready();
    // As another instance sends it after a comment on the article.
    const message = { type: "comment", articleId: "a4", commentId: "c4", expire: ["article:debatte"], from: "another-instance" };
    await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
    await until(() => freshWhenHeard.length > 0);
    // The page refreshes on the event, and its refresh must not get the old copy.
    expect(freshWhenHeard).toEqual([false]);
  });

  it("ignores a malformed notification and keeps delivering", async () => {
    const listener = instance();
    const seen = collect(listener, "a3");
    await listener.ready();
    await db.$executeRaw`SELECT pg_notify('agora_live', 'not json')`;
    await publishLiveEvent(db, { type: "update", articleId: "a3", commentId: "c3" });
    await until(() => seen.events.length > 0);
    expect(seen.events).toEqual([{ type: "update", articleId: "a3", commentId: "c3" }]);
  });
});
