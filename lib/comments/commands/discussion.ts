import { may } from "@/lib/accounts/permissions";
import { db as appDb, type Db } from "@/lib/db/client";
import { fail, type CommandResult } from "@/lib/result";

import { discussionChanged } from "../changed";
import type { OnArticle } from "./context";

/** The moderators' switch under an article: close or reopen its discussion. Existing comments stay. */
export async function setDiscussionOpen({
  db = appDb(),
  actor,
  articleId,
  open,
}: {
  db?: Db;
  actor: { id: string; role: string };
  articleId: string;
  open: boolean;
}): Promise<CommandResult<OnArticle>> {
  if (!may(actor, "comments.moderate")) return fail("forbidden");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { slug: true, commentsOpen: true } });
  if (!article) return fail("notFound");
  if (article.commentsOpen === open) return { ok: true, articleSlug: article.slug };
  await db.$transaction([
    db.article.update({ where: { id: articleId }, data: { commentsOpen: open } }),
    db.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: open ? "article.comments_open" : "article.comments_close",
        targetType: "article",
        targetId: articleId,
        before: { commentsOpen: !open },
        after: { commentsOpen: open },
      },
    }),
  ]);
  await discussionChanged(db, { type: "update", articleId, commentId: "", articleSlug: article.slug });
  return { ok: true, articleSlug: article.slug };
}
