import { createReadStream } from "node:fs";
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

import type { ImageStorage } from "@/lib/media/storage";

/** Where uploads live without S3: AGORA_UPLOAD_DIR, or .data/uploads beside the app. */
export function uploadDir(configured: string | undefined = process.env.AGORA_UPLOAD_DIR): string {
  return path.resolve(configured ?? ".data/uploads");
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/** Images as files in one folder: enough for one app instance, or several that share the folder. */
export function localImageStorage(configured?: string): ImageStorage {
  const dir = uploadDir(configured);
  return {
    async put(name, bytes) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, name), bytes);
    },
    async get(name) {
      const file = path.join(dir, name);
      const info = await stat(file).catch((error: unknown) => (missing(error) ? null : Promise.reject(error)));
      if (!info?.isFile()) return null;
      return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size: info.size, modified: info.mtime };
    },
    async exists(name) {
      return (await stat(path.join(dir, name)).catch(() => null))?.isFile() ?? false;
    },
    url: (name) => `/medien/${name}`,
  };
}
