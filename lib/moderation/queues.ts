/** The moderation queues and their addresses (shared with the browser's navigation). */
export const QUEUES = ["pending", "reported", "approved", "rejected", "spam"] as const;
export type Queue = (typeof QUEUES)[number];

/** The queues' addresses, in the site's language. */
export const QUEUE_SLUGS: Record<Queue, string> = {
  pending: "ausstehend",
  reported: "gemeldet",
  approved: "freigegeben",
  rejected: "abgelehnt",
  spam: "spam",
};
export const queueFromSlug = (slug: string): Queue | null => QUEUES.find((queue) => QUEUE_SLUGS[queue] === slug) ?? null;
