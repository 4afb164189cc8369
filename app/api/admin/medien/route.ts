import { currentUserWithPermission } from "@/lib/accounts/session";
import { isSameOrigin } from "@/lib/http/request";
import { MAX_UPLOAD_BYTES, storeImage } from "@/lib/media/store";

// A storage that cannot be reached is not the sender's fault: 503, so the editor may try again.
const UPLOAD_REFUSALS: Record<string, number> = { uploadTooLarge: 413, uploadFailed: 503 };

/**
 * Image upload for the article editor (articles.publish). A route rather than a server action, so the
 * size limit applies here only; answers { url } or { error } with a message key (namespace Forms).
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403 });
  if (!(await currentUserWithPermission("articles.publish"))) return Response.json({ error: "forbidden" }, { status: 403 });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES + 64 * 1024)
    return Response.json({ error: "uploadTooLarge", values: { max: MAX_UPLOAD_BYTES / (1024 * 1024) } }, { status: 413 });
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) return Response.json({ error: "uploadEmpty" }, { status: 400 });
  const result = await storeImage(Buffer.from(await file.arrayBuffer()));
  if (!result.ok) return Response.json({ error: result.error, values: result.values }, { status: UPLOAD_REFUSALS[result.error] ?? 415 });
  return Response.json({ url: result.url });
}
