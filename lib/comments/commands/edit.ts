import { db as appDb, type Prisma } from "@/lib/db/client";
import { fail, type CommandResult } from "@/lib/result";
import { decideIntake } from "@/lib/rules/intake";
import { authorHistory, recordIntake } from "@/lib/rules/record";

import { discussionChanged } from "../changed";
import { shiftCounts } from "../counts";
import { bodyProblem, editMinutesLeft, normaliseBody } from "../policy";
import { loadWriter, ownComment, rejection, type CommandContext, type OnArticle } from "./context";

export type EditCommentOptions = CommandContext & { userId: string; commentId: string; body: string };

/** Authors may change their words for a while after posting (the site's edit window). */
export async function editComment({
  db = appDb(),
  settings,
  now = new Date(),
  userId,
  ...input
}: EditCommentOptions): Promise<CommandResult<{ held?: boolean } & OnArticle>> {
  const writer = await loadWriter(db, userId, now);
  if (!writer.ok) return writer;
  const own = await ownComment(db, userId, input.commentId);
  if (!own.ok) return own;
  if (editMinutesLeft(own.comment.createdAt, settings, now) === 0) {
    return fail("editWindowOver", undefined, { minutes: settings.commentEditWindowMinutes });
  }
  const body = normaliseBody(input.body);
  const problem = bodyProblem(body, settings);
  if (problem) return fail(problem.error, "body", problem.values);
  const articleSlug = own.comment.article.slug;
  if (body === own.comment.body) return { ok: true, articleSlug };
  const history = await authorHistory(db, writer.user, now, { settings, kind: "edit", excludeId: own.comment.id });
  const intake = decideIntake({
    body,
    settings,
    article: { premoderate: false },
    author: { ...writer.user, ...history },
    kind: "edit",
    now,
  });
  // An edit that brings in a banned word is refused and changes nothing; the writer keeps the text.
  if (intake.status === "REJECTED" || intake.status === "SPAM") return rejection(intake.hits);
  const held = intake.status === "PENDING" && own.comment.status === "APPROVED";
  await db.$transaction(async (tx) => {
    await tx.comment.update({
      where: { id: own.comment.id },
      data: {
        body,
        editedAt: now,
        ...(held ? { status: "PENDING", featured: false, flags: intake.hits as unknown as Prisma.InputJsonValue } : {}),
      },
    });
    if (held) {
      await shiftCounts(tx, own.comment, "APPROVED", "PENDING");
      await recordIntake(tx, { commentId: own.comment.id, authorId: userId, status: "PENDING", hits: intake.hits, now, edited: true });
    }
  });
  // Readers saw it only if it was public; a held edit takes it away from them.
  if (own.comment.status === "APPROVED") {
    await discussionChanged(db, { type: "update", articleId: own.comment.articleId, commentId: own.comment.id, articleSlug });
  }
  return held ? { ok: true, held: true, articleSlug } : { ok: true, articleSlug };
}
