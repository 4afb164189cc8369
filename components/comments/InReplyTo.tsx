import { commentAnchor } from "@/lib/comments/paths";
import type { DiscussionComment } from "@/lib/comments/queries";

import { authorName } from "./comment-author";
import type { ThreadContext } from "./thread-context";

/** A few words of the comment a deep reply answers, without Markdown. */
function snippet(body: string) {
  const plain = body
    .replace(/[*_`>#[\]()~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > 120 ? `${plain.slice(0, 117)}…` : plain;
}

/** Above a deep reply: whom it answers, linked, and what they said. */
export function InReplyTo({ replyTo, ctx }: { replyTo: NonNullable<DiscussionComment["replyTo"]>; ctx: ThreadContext }) {
  const { t } = ctx;
  return (
    <p className="mt-1 text-sm text-muted">
      <a href={`#${commentAnchor(replyTo.id)}`} className="hover:text-accent">
        ↪ {t("answering", { name: authorName(replyTo, ctx.deletedAuthor) })}
      </a>
      {replyTo.status === "APPROVED" && <q className="ml-1 italic">{snippet(replyTo.body)}</q>}
    </p>
  );
}
