import { getTranslations } from "next-intl/server";

/**
 * A stored moderation reason in the reader's language: "insult: Wiederholt beleidigend." (an
 * editor's reason and note) becomes "Beleidigung – Wiederholt beleidigend."; a rule's name
 * ("bannedWord") its label. Anything else (an appeal's words) stays as written.
 */
export async function reasonFormatter() {
  const [tReasons, tRules] = await Promise.all([getTranslations("ModerationReasons"), getTranslations("Rules")]);
  return (stored: string | null | undefined): string => {
    if (!stored) return "";
    const [code = "", ...rest] = stored.split(": ");
    const label = tReasons.has(code as "other")
      ? tReasons(code as "other")
      : tRules.has(code as "appeal")
        ? tRules(code as "appeal")
        : null;
    return label ? [label, rest.join(": ")].filter(Boolean).join(" – ") : stored;
  };
}
