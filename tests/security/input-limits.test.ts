import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

import { changeDisplayName } from "@/lib/accounts/commands";
import type { CommandContext } from "@/lib/comments/commands/context";
import { postComment } from "@/lib/comments/commands/post";
import type { Db } from "@/lib/db/client";
import { formText } from "@/lib/forms/state";
import { postgresStore } from "@/lib/ratelimit/postgres-store";
import { readSiteSettings } from "@/lib/settings/site";

import { freshDatabase } from "../helpers/db";
import { createArticle, createUser } from "../helpers/factories";

let db: Db;
let ctx: CommandContext;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ctx = { db, settings: { ...(await readSiteSettings(db)), minSubmitSeconds: 0 }, limits: postgresStore(db) };
});

const post = (userId: string, articleId: string, body: string) =>
  postComment({ ...ctx, userId, articleId, body, idempotencyKey: randomUUID() });

describe("hostile input to comments", () => {
  it("a comment of a megabyte is refused as too long and stores nothing", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const result = await post(reader.id, article.id, "x".repeat(1024 * 1024));
    expect(result).toMatchObject({ ok: false, error: "commentTooLong", field: "body" });
    expect(await db.comment.count({ where: { articleId: article.id } })).toBe(0);
  });

  it("SQL in a comment is stored and shown as the text it is", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const body = `Robert'); DROP TABLE "Comment"; -- und 1=1 OR '' = '`;
    const result = await post(reader.id, article.id, body);
    expect(result.ok).toBe(true);
    expect((await db.comment.findFirstOrThrow({ where: { articleId: article.id } })).body).toBe(body);
  });

  it("text PostgreSQL cannot store (a NUL character, half an emoji from broken UTF-8) does not crash the post", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const result = await post(reader.id, article.id, "Vorher\u0000nachher und ein halbes \uD83D Emoji");
    expect(result.ok).toBe(true);
    const stored = await db.comment.findFirstOrThrow({ where: { articleId: article.id } });
    expect(stored.body).toBe("Vorhernachher und ein halbes \uFFFD Emoji");
  });

  it("a display name with a NUL character or broken UTF-8 is saved cleaned", async () => {
    const reader = await createUser(db);
    await changeDisplayName({ db, userId: reader.id, name: "Eva\u0000 \uDC00Nachtigall" });
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).name).toBe("Eva \uFFFDNachtigall");
  });

  it("every form field a server action reads arrives storable, whatever the browser or a script sent", async () => {
    const form = new FormData();
    form.set("reason", "spam\u0000\uD800!");
    expect(formText(form, "reason")).toBe("spam\uFFFD!");
  });
});
