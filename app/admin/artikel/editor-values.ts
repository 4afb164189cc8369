import type { EditorState, EditorValues } from "@/components/admin/editor-state";
import type { EditorArticle } from "@/lib/articles/admin-queries";

/** The editor's fields for an article, or empty ones for a new article by `authorId`. */
export function editorValues(article: EditorArticle | null, authorId: string): { values: EditorValues; state: EditorState } {
  return {
    values: {
      title: article?.title ?? "",
      slug: article?.slug ?? "",
      dek: article?.dek ?? "",
      body: article?.body ?? "",
      sectionId: article?.sectionId ?? "",
      tags: article?.tags.map((tag) => tag.name).join(", ") ?? "",
      authorId: article?.authorId ?? authorId,
      leadImageUrl: article?.leadImageUrl ?? "",
      leadImageAlt: article?.leadImageAlt ?? "",
      leadImageCaption: article?.leadImageCaption ?? "",
      seoTitle: article?.seoTitle ?? "",
      seoDescription: article?.seoDescription ?? "",
      commentsOpen: article?.commentsOpen ?? true,
      premoderate: article?.premoderate ?? false,
    },
    state: {
      id: article?.id ?? null,
      status: article?.status ?? "DRAFT",
      publishedAt: article?.publishedAt?.toISOString() ?? null,
      savedSlug: article?.slug ?? "",
    },
  };
}
