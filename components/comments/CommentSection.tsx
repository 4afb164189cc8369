import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ResendVerificationForm } from "@/components/account/AccountForms";
import { getCurrentUser } from "@/lib/accounts/session";
import { articlePath } from "@/lib/articles/paths";
import type { PublishedArticle } from "@/lib/articles/queries";
import { getPublicThreads } from "@/lib/comments/queries";
import { CommentThread } from "./CommentThread";

/** "Schreibe einen Kommentar": the discussion under an article. */
export async function CommentSection({ article }: { article: PublishedArticle }) {
  const [threads, t, user] = await Promise.all([getPublicThreads(article.id), getTranslations("Comments"), getCurrentUser()]);
  const returnTo = `${articlePath(article.slug)}#kommentare`;
  return (
    <section id="kommentare" aria-labelledby="comments-heading" className="mx-auto mt-12 max-w-2xl border-t-2 border-ink pt-6">
      <h2 id="comments-heading" className="text-2xl font-bold">
        {t("heading")}
      </h2>
      <p className="mt-1 font-sans text-sm text-muted">{t("count", { count: article.commentCount })}</p>

      {!article.commentsOpen ? (
        <p className="mt-6 rounded border border-rule bg-stone-50 p-4 font-sans text-sm">{t("closed")}</p>
      ) : !user ? (
        <p className="mt-6 rounded border border-rule bg-stone-50 p-4 font-sans text-sm">
          {t("signInPrompt")}{" "}
          <Link href={`/anmelden?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-semibold text-accent underline">
            {t("signIn")}
          </Link>
        </p>
      ) : (
        !user.emailVerified && (
          <div className="mt-6 space-y-2 rounded border border-amber-600 bg-amber-50 p-4 font-sans text-sm text-amber-950">
            <p>{t("verifyToComment")}</p>
            <ResendVerificationForm />
          </div>
        )
      )}

      {threads.length === 0 ? (
        <p className="mt-6 font-sans text-muted">{t("empty")}</p>
      ) : (
        <ol className="mt-6 space-y-6">
          {threads.map((comment) => (
            <CommentThread key={comment.id} comment={comment} />
          ))}
        </ol>
      )}
    </section>
  );
}
