import { currentUserWithPermission } from "@/lib/accounts/session";
import { isSameOrigin } from "@/lib/http/request";
import { importWordPress } from "@/lib/import/wordpress/import";
import { WxrFormatError } from "@/lib/import/wordpress/parse";

/** WordPress exports of a long-running blog run to tens of megabytes. */
const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/**
 * The admin upload of a WordPress export (content.import). A route rather than a server action so the
 * large body limit applies here only. Answers { report } or { error } (a message key, namespace Forms).
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403 });
  const actor = await currentUserWithPermission("content.import");
  if (!actor) return Response.json({ error: "forbidden" }, { status: 403 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_EXPORT_BYTES) {
    return Response.json({ error: "importTooLarge", values: { max: MAX_EXPORT_BYTES / (1024 * 1024) } }, { status: 413 });
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) return Response.json({ error: "importFileMissing" }, { status: 400 });
  try {
    const report = await importWordPress({ xml: await file.text(), actorId: actor.id });
    return Response.json({ report });
  } catch (error) {
    if (error instanceof WxrFormatError) return Response.json({ error: "importNotWxr" }, { status: 422 });
    console.error("[import] failed:", error);
    return Response.json({ error: "unexpected" }, { status: 500 });
  }
}
