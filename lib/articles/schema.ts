import { z } from "zod";

import { fieldError } from "@/lib/forms/state";
import type { FormsKey } from "@/lib/i18n/keys";

import { MAX_SLUG_LENGTH } from "./slug";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, fieldError("tooLong"))
    .nullable()
    .transform((value) => value || null);

/** Uploaded images live under /medien/; an image may also come from another https address. */
const imageUrl = z
  .string()
  .trim()
  .max(500, fieldError("tooLong"))
  .refine(
    (value) => value === "" || /^\/medien\/[\w.-]+$/.test(value) || /^https:\/\/[^\s"'<>]+$/.test(value),
    fieldError("imageUrlInvalid"),
  )
  .transform((value) => value || null);

/** What the article editor sends: every field of an article an admin may change. */
export const articleInputSchema = z
  .object({
    title: z.string().trim().min(1, fieldError("titleMissing")).max(300, fieldError("tooLong")),
    slug: z
      .string()
      .trim()
      .max(MAX_SLUG_LENGTH, fieldError("tooLong"))
      .refine((value) => value === "" || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value), fieldError("slugInvalid")),
    dek: optionalText(600),
    body: z.string().max(200_000, fieldError("tooLong")),
    sectionId: optionalText(40),
    tags: z.array(z.string().trim().min(1).max(60, fieldError("tooLong"))).max(20, fieldError("tooManyTags")),
    authorId: z.string().trim().min(1).max(40),
    leadImageUrl: imageUrl,
    leadImageAlt: optionalText(300),
    leadImageCaption: optionalText(500),
    seoTitle: optionalText(120),
    seoDescription: optionalText(300),
    commentsOpen: z.boolean(),
    premoderate: z.boolean(),
  })
  .superRefine((input, ctx) => {
    // An image without a description shuts out readers who cannot see it.
    if (input.leadImageUrl && !input.leadImageAlt)
      ctx.addIssue({ code: "custom", path: ["leadImageAlt"], message: "altMissing" satisfies FormsKey });
  });

export type ArticleInput = z.input<typeof articleInputSchema>;
export type ParsedArticleInput = z.output<typeof articleInputSchema>;

/** Tags as typed in the editor: comma-separated, duplicates (by slug) dropped. */
export function parseTagList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** The sections page's form: which button ("create", "delete", else a save), the section, and its fields as typed. */
export const sectionFormSchema = z.object({
  intent: z.string(),
  id: z.string(),
  name: z.string(),
  position: z.string().transform((position) => Number(position || 0) || 0),
});
