import { openImage } from "@/lib/media/store";

/** Uploaded images, streamed from the image storage. Their names are content hashes, so a year of caching is safe. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const name = (await params).name;
  const image = await openImage(name).catch((error: unknown) => {
    console.error(`Reading the image ${name} from the image storage failed:`, error);
    return "unavailable" as const;
  });
  if (image === "unavailable")
    return new Response("Unavailable", { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } });
  if (!image) return new Response("Not found", { status: 404 });
  const headers = new Headers({
    "Content-Type": image.type,
    "Cache-Control": "public, max-age=31536000, immutable",
    "Last-Modified": image.modified.toUTCString(),
    "X-Content-Type-Options": "nosniff",
  });
  if (image.size !== null) headers.set("Content-Length", String(image.size));
  return new Response(image.body, { headers });
}
