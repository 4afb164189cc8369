import type { FormsKey } from "@/lib/i18n/keys";

/** The article editor's fields, as the form holds them (tags as one comma-separated line). */
export interface EditorValues {
  title: string;
  slug: string;
  dek: string;
  body: string;
  sectionId: string;
  tags: string;
  authorId: string;
  leadImageUrl: string;
  leadImageAlt: string;
  leadImageCaption: string;
  seoTitle: string;
  seoDescription: string;
  commentsOpen: boolean;
  premoderate: boolean;
}

/** What the server knows of the article being edited: whether it exists yet, and whether it is public. */
export interface EditorState {
  id: string | null;
  status: "DRAFT" | "SCHEDULED" | "PUBLISHED";
  publishedAt: string | null;
  savedSlug: string;
}

/** Where the form stands with saving; `error` is a message key (namespace "Forms"). */
export type SaveState = {
  kind: "idle" | "saving" | "saved" | "dirty" | "failed";
  at?: string;
  error?: FormsKey;
  values?: Record<string, string | number>;
};
