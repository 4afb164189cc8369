/** Reasons an editor picks when rejecting a comment or restricting a person; the free text adds detail. */
export const MODERATION_REASONS = ["insult", "hate", "offTopic", "spam", "illegal", "privacy", "other"] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/** A ban is a suspension that does not end by itself; stored as a far-future date. */
export const PERMANENT_BAN = new Date("9999-12-31T00:00:00.000Z");
export const isPermanentBan = (until: Date) => until.getUTCFullYear() >= 9999;
