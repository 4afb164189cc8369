/** How new comments are moderated (shared with the settings form in the browser). */
export const MODERATION_MODES = ["post", "pre", "first"] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];
