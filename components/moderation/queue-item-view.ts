import type { CommentStatus } from "@/lib/db/client";

/** One comment in a queue, prepared on the server (body already rendered and sanitised). */
export interface QueueItemView {
  id: string;
  bodyHtml: string;
  body: string;
  status: CommentStatus;
  featured: boolean;
  createdAt: string;
  createdLabel: string;
  permalink: string;
  article: { title: string; href: string };
  parent: { author: string; excerpt: string } | null;
  author: {
    name: string;
    email: string | null;
    record: string;
    actions: number;
    banned: boolean;
    premoderated: boolean;
    peopleHref: string;
  } | null;
  /** Why it is in the queue: the rules that fired and the open reports, in the editor's language. */
  reasons: string[];
  reports: Array<{ reason: string; details: string | null }>;
}

/** The queue's one form action (useActionState's dispatcher): every decision goes through it. */
export type QueueFormAction = (formData: FormData) => void;

/** The look shared by every button of the queue. */
export const QUEUE_BUTTON = "rounded border px-3 py-1.5 text-sm font-semibold disabled:opacity-50";
