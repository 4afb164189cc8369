import { createHash } from "node:crypto";

import { imageStorage } from "@/lib/media/configured-storage";
import type { StoredFile } from "@/lib/media/storage";
import { fail, type CommandResult } from "@/lib/result";

/** Largest upload we take: big enough for a photo from a newsroom camera, small enough for readers. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

/** The image types a browser shows, recognised by their first bytes rather than by a name or header the sender chose. */
const SIGNATURES: { type: string; ext: string; test: (b: Buffer) => boolean }[] = [
  { type: "image/jpeg", ext: "jpg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: "image/png", ext: "png", test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  {
    type: "image/gif",
    ext: "gif",
    test: (b) => b.subarray(0, 6).toString("latin1") === "GIF87a" || b.subarray(0, 6).toString("latin1") === "GIF89a",
  },
  {
    type: "image/webp",
    ext: "webp",
    test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  },
  { type: "image/avif", ext: "avif", test: (b) => b.subarray(4, 12).toString("latin1") === "ftypavif" },
];

export const MEDIA_TYPES = Object.fromEntries(SIGNATURES.map((s) => [s.ext, s.type])) as Record<string, string>;

export function detectImage(bytes: Buffer): { type: string; ext: string } | null {
  return SIGNATURES.find((signature) => signature.test(bytes)) ?? null;
}

/** The type of a stored image by its name, or null for a name we never give out (so no path can leave the storage). */
function typeOfName(name: string): string | null {
  const match = /^([a-f0-9]{24})\.([a-z]+)$/.exec(name);
  return (match && MEDIA_TYPES[match[2]!]) ?? null;
}

/**
 * Stores an image under a name made from its content, so the same file is stored once and its
 * URL can be cached for ever. Refuses what is not an image of a known type, empty or too large.
 */
export async function storeImage(bytes: Buffer): Promise<CommandResult<{ url: string; name: string }>> {
  if (bytes.length === 0) return fail("uploadEmpty");
  if (bytes.length > MAX_UPLOAD_BYTES) return fail("uploadTooLarge", "file", { max: MAX_UPLOAD_BYTES / (1024 * 1024) });
  const kind = detectImage(bytes);
  if (!kind) return fail("uploadType", "file");
  const name = `${createHash("sha256").update(bytes).digest("hex").slice(0, 24)}.${kind.ext}`;
  const storage = imageStorage();
  try {
    if (!(await storage.exists(name))) await storage.put(name, bytes, kind.type);
  } catch (error) {
    console.error(`Storing the uploaded image ${name} (${bytes.length} bytes) failed:`, error);
    return fail("uploadFailed", "file");
  }
  return { ok: true, url: storage.url(name), name };
}

/**
 * An uploaded image by its name, opened as a stream, or null for an unknown or malformed name.
 * Its type comes from the name we gave it, never from what the storage says.
 */
export async function openImage(name: string): Promise<(StoredFile & { type: string }) | null> {
  const type = typeOfName(name);
  if (!type) return null;
  const file = await imageStorage().get(name);
  return file && { ...file, type };
}

/** An uploaded image's bytes by its name, or null. */
export async function readImage(name: string): Promise<{ bytes: Buffer; type: string; mtime: Date } | null> {
  const file = await openImage(name);
  if (!file) return null;
  const bytes = Buffer.from(await new Response(file.body).arrayBuffer());
  return { bytes, type: file.type, mtime: file.modified };
}
