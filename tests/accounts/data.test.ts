import { describe, expect, it } from "vitest";

import { deleteAccount, exportUserData } from "@/lib/accounts/data";

import { freshDatabase } from "../helpers/db";
import { dumpDatabase } from "../helpers/dump";
import { createArticle, createComment, createUser } from "../helpers/factories";

describe("a person's data: export and deletion", async () => {
  const { db, url } = await freshDatabase();

  /** A reader with a discussion: a comment with a reply by someone else, a lone comment, a reaction and a report. */
  async function readerWithHistory(name: string) {
    const reader = await createUser(db, { name, email: `${name.toLowerCase().replace(/\s/g, ".")}@example.org` });
    const other = await createUser(db, { name: "Ole Anderer" });
    const article = await createArticle(db);
    const answered = await createComment(db, { articleId: article.id, authorId: reader.id, body: `Geheimnis von ${name}: beantwortet` });
    const reply = await createComment(db, { articleId: article.id, authorId: other.id, parentId: answered.id, body: "Eine Antwort" });
    const lone = await createComment(db, { articleId: article.id, authorId: reader.id, body: `Geheimnis von ${name}: allein` });
    await db.reaction.create({ data: { commentId: reply.id, userId: reader.id } });
    await db.comment.update({ where: { id: reply.id }, data: { reactionCount: 1 } });
    await db.report.create({ data: { commentId: reply.id, reporterId: reader.id, reason: "OTHER", details: `Meldung von ${name}` } });
    return { reader, article, answered, reply, lone };
  }

  it("the export holds the profile, comments, reports and reactions, and no password hash", async () => {
    const { reader, answered, lone, reply } = await readerWithHistory("Erika Export");
    const data = await exportUserData({ db, userId: reader.id });
    expect(data.profile).toMatchObject({ name: "Erika Export", email: "erika.export@example.org", role: "READER" });
    expect(data.comments.map((c) => c.id)).toEqual([answered.id, lone.id]);
    expect(data.comments[0]).toMatchObject({ body: "Geheimnis von Erika Export: beantwortet", article: { slug: expect.any(String) } });
    expect(data.reports).toEqual([expect.objectContaining({ commentId: reply.id, details: "Meldung von Erika Export" })]);
    expect(data.reactions).toEqual([expect.objectContaining({ commentId: reply.id })]);
    expect(JSON.stringify(data)).not.toContain("argon2");
  });

  it("deleting with the anonymize setting leaves '[deleted]' placeholders and nothing personal anywhere", async () => {
    const { reader, article, answered, lone, reply } = await readerWithHistory("Anna Anonym");
    await deleteAccount({ db, userId: reader.id, policy: "anonymize" });

    expect(await db.user.findUnique({ where: { id: reader.id } })).toBeNull();
    for (const id of [answered.id, lone.id]) {
      expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ authorId: null, body: "", status: "DELETED" });
    }
    expect((await db.comment.findUniqueOrThrow({ where: { id: reply.id } })).reactionCount).toBe(0);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).commentCount).toBe(1);

    const everything = await dumpDatabase(url);
    for (const personal of ["Anna Anonym", "anna.anonym@example.org", "Geheimnis von Anna Anonym", "Meldung von Anna Anonym", reader.id]) {
      expect(everything, personal).not.toContain(personal);
    }
  });

  it("deleting with the remove setting removes comments, keeping a placeholder only where others replied", async () => {
    const { reader, answered, lone, reply } = await readerWithHistory("Rudi Raus");
    await deleteAccount({ db, userId: reader.id, policy: "remove" });
    expect(await db.comment.findUnique({ where: { id: lone.id } })).toBeNull();
    expect(await db.comment.findUniqueOrThrow({ where: { id: answered.id } })).toMatchObject({
      body: "",
      authorId: null,
      status: "DELETED",
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: reply.id } })).parentId).toBe(answered.id);
    const everything = await dumpDatabase(url);
    for (const personal of ["Rudi Raus", "rudi.raus@example.org", "Geheimnis von Rudi Raus"])
      expect(everything, personal).not.toContain(personal);
  });
});
