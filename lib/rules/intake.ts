import { may } from "@/lib/accounts/permissions";
import type { CommentStatus } from "@/lib/db/client";
import type { SiteSettings } from "@/lib/settings/site";

import { countLinks, findListedWord, foldWord } from "./words";

/**
 * The moderation rules a comment meets on arrival (and on an edit): one decision from its words,
 * its writer and the site's settings. Below comments, whose commands apply them, and
 * independent of moderation, which works through what they hold back.
 */

/** Every reason a rule can give; editors see it (localised) beside the comment. */
export const RULES = [
  "bannedWord",
  "honeypot",
  "submitTooQuick",
  "suspectWord",
  "links",
  "duplicate",
  "postingTooFast",
  "newAccount",
  "premoderation",
  "firstComment",
  "articlePremoderate",
  "userPremoderate",
  "appeal",
] as const;
export type RuleName = (typeof RULES)[number];

/** One rule that fired, and on what: the word as written, the number of links, the seconds… */
export interface RuleHit {
  rule: RuleName;
  match?: string;
}

export type IntakeStatus = Extract<CommentStatus, "PENDING" | "APPROVED" | "REJECTED" | "SPAM">;

export interface IntakeDecision {
  status: IntakeStatus;
  /** Every rule that fired, strongest first; empty when the comment went straight out. */
  hits: RuleHit[];
}

export type RuleSettings = Pick<
  SiteSettings,
  "moderationMode" | "bannedWords" | "suspectWords" | "maxLinks" | "minAccountAgeHours" | "minSubmitSeconds" | "minSecondsBetweenComments"
>;

/** What the rules look at, gathered by the command that posts or edits. */
export interface IntakeInput {
  body: string;
  settings: RuleSettings;
  article: { premoderate: boolean };
  author: {
    role: string;
    alwaysPremoderate: boolean;
    createdAt: Date;
    /** Comments of this author an editor (or post-moderation) let through. */
    approvedComments: number;
    /** When the author's previous comment was posted, if any. */
    previousCommentAt: Date | null;
    /** The author's recent comment texts (last 24 hours), to catch the same text posted again. */
    recentBodies: readonly string[];
  };
  /** Only for new comments from the form: the hidden bot trap and the time since the form appeared. */
  submission?: { honeypot: string; elapsedMs: number | null };
  /** An edit is checked for its words, not for the mode or timing a new comment passes. */
  kind: "new" | "edit";
  now: Date;
}

const HOUR = 3_600_000;

const sameText = (a: string, b: string) => foldWord(a).replace(/\s+/g, " ").trim() === foldWord(b).replace(/\s+/g, " ").trim();

/** The rules that look at the words alone; used for new comments and edits. */
function contentHits(input: IntakeInput): RuleHit[] {
  const { body, settings } = input;
  const hits: RuleHit[] = [];
  const banned = findListedWord(body, settings.bannedWords);
  if (banned) hits.push({ rule: "bannedWord", match: banned.match });
  const suspect = findListedWord(body, settings.suspectWords);
  if (suspect) hits.push({ rule: "suspectWord", match: suspect.match });
  const links = countLinks(body);
  if (links > settings.maxLinks) hits.push({ rule: "links", match: String(links) });
  if (input.author.recentBodies.some((earlier) => sameText(earlier, body))) hits.push({ rule: "duplicate" });
  return hits;
}

/**
 * The one place that decides what happens to a comment: published at once, held for an
 * editor, rejected, or filed as spam, with every rule that fired. Spam (bot traps) beats
 * reject (banned words) beats hold. The newsroom's own comments are never held.
 */
export function decideIntake(input: IntakeInput): IntakeDecision {
  const { author, settings, submission, now } = input;
  if (may(author, "comments.speakForNewsroom")) return { status: "APPROVED", hits: [] };

  const hits = contentHits(input);
  if (input.kind === "new") {
    if (submission?.honeypot.trim()) hits.push({ rule: "honeypot" });
    if (
      submission &&
      settings.minSubmitSeconds > 0 &&
      (submission.elapsedMs === null || submission.elapsedMs < settings.minSubmitSeconds * 1000)
    ) {
      hits.push({ rule: "submitTooQuick", match: submission.elapsedMs === null ? undefined : (submission.elapsedMs / 1000).toFixed(1) });
    }
    if (author.previousCommentAt && settings.minSecondsBetweenComments > 0) {
      const gap = now.getTime() - author.previousCommentAt.getTime();
      if (gap < settings.minSecondsBetweenComments * 1000)
        hits.push({ rule: "postingTooFast", match: String(Math.max(0, Math.floor(gap / 1000))) });
    }
    if (settings.minAccountAgeHours > 0 && now.getTime() - author.createdAt.getTime() < settings.minAccountAgeHours * HOUR) {
      hits.push({ rule: "newAccount", match: String(Math.floor((now.getTime() - author.createdAt.getTime()) / HOUR)) });
    }
    if (settings.moderationMode === "pre") hits.push({ rule: "premoderation" });
    if (settings.moderationMode === "first" && author.approvedComments === 0) hits.push({ rule: "firstComment" });
    if (input.article.premoderate) hits.push({ rule: "articlePremoderate" });
    if (author.alwaysPremoderate) hits.push({ rule: "userPremoderate" });
  }

  const status: IntakeStatus = hits.some((hit) => hit.rule === "honeypot" || hit.rule === "submitTooQuick")
    ? "SPAM"
    : hits.some((hit) => hit.rule === "bannedWord")
      ? "REJECTED"
      : hits.length > 0
        ? "PENDING"
        : "APPROVED";
  return { status, hits };
}
