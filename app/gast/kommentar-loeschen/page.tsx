import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";

import { AuthPage } from "@/components/account/AuthPage";
import { DeleteGuestCommentForm } from "@/components/guests/GuestDataForms";
import { GuestLinkDone, GuestLinkFailed } from "@/components/guests/GuestLinkPages";
import { Notice } from "@/components/ui/Notice";
import { guestCommentForLink } from "@/lib/guests/removal";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("GuestData"))("commentTitle"), robots: { index: false } };
}

/** The link mailed with a guest's comment: the comment, shortened, and the button that deletes it (once). */
export default async function DeleteGuestCommentPage({ searchParams }: { searchParams: Promise<{ token?: string; geloescht?: string }> }) {
  const params = await searchParams;
  if (params.geloescht) return <GuestLinkDone message="commentDeleted" />;
  const [t, format] = await Promise.all([getTranslations("GuestData"), getFormatter()]);
  const found = await guestCommentForLink({ token: params.token ?? "" });
  if (!found.ok) {
    if (found.error !== "notFound") return <GuestLinkFailed reason={found.error} />;
    return (
      <Notice title={t("linkFailedTitle")}>
        <p role="alert">{t("commentGone")}</p>
      </Notice>
    );
  }
  const { comment } = found;
  return (
    <AuthPage title={t("commentTitle")}>
      <div className="space-y-4 font-sans text-sm">
        <p>{t("commentIntro", { date: format.dateTime(comment.createdAt, { dateStyle: "long" }), article: comment.articleTitle })}</p>
        <blockquote className="border-l-4 border-rule pl-3 font-serif text-base whitespace-pre-line text-ink">{comment.excerpt}</blockquote>
        <p>{t("commentText")}</p>
        <DeleteGuestCommentForm token={params.token ?? ""} />
      </div>
    </AuthPage>
  );
}
