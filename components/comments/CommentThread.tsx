import { getFormatter, getTranslations } from "next-intl/server";
import type { PublicComment } from "@/lib/comments/queries";
import { renderCommentMarkdown } from "@/lib/markdown/render";

const STAFF_ROLES = new Set(["EDITOR", "ADMIN"]);

/** One comment and, nested below it, its replies. */
export async function CommentThread({ comment }: { comment: PublicComment }) {
  const [t, format] = await Promise.all([getTranslations("Comments"), getFormatter()]);
  const deleted = comment.status === "DELETED";
  const name = deleted ? t("deletedAuthor") : (comment.author?.name ?? comment.guestName ?? t("deletedAuthor"));
  const anchor = `comment-${comment.id}`;
  return (
    <li id={anchor} className="scroll-mt-6 target:rounded target:bg-highlight">
      <article aria-labelledby={`${anchor}-author`} className="font-sans">
        <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span id={`${anchor}-author`} className="font-semibold">
            {name}
          </span>
          {!deleted && comment.author && STAFF_ROLES.has(comment.author.role) && (
            <span className="rounded bg-ink px-1.5 py-0.5 text-xs font-semibold text-white">{t("staffBadge")}</span>
          )}
          <a href={`#${anchor}`} className="text-muted hover:text-accent">
            <span className="sr-only">{t("permalink")}: </span>
            <time dateTime={comment.createdAt.toISOString()} title={format.dateTime(comment.createdAt, { dateStyle: "full", timeStyle: "short" })}>
              {format.dateTime(comment.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </a>
          {comment.editedAt && !deleted && <span className="text-muted italic">({t("edited")})</span>}
        </header>
        {deleted ? (
          <p className="mt-1 text-muted italic">{t("deleted")}</p>
        ) : (
          <div
            className="prose prose-sm mt-1 max-w-none prose-a:text-accent"
            // Comment Markdown is rendered with a small subset and sanitised (lib/markdown/render.ts).
            dangerouslySetInnerHTML={{ __html: renderCommentMarkdown(comment.body) }}
          />
        )}
      </article>
      {comment.replies.length > 0 && (
        <ol aria-label={t("replies")} className="mt-4 space-y-4 border-l-2 border-rule pl-4 sm:pl-6">
          {comment.replies.map((reply) => (
            <CommentThread key={reply.id} comment={reply} />
          ))}
        </ol>
      )}
    </li>
  );
}
