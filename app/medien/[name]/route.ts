import { readImage } from "@/lib/media/store";

/** Uploaded images. Their names are content hashes, so a year of caching is safe. */
export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const image = await readImage((await params).name);
  if (!image) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      "Content-Type": image.type,
      "Content-Length": String(image.bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "Last-Modified": image.mtime.toUTCString(),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
