import { localImageStorage } from "@/lib/media/local-storage";
import { s3ImageStorage } from "@/lib/media/s3-storage";
import { s3Settings, type Env } from "@/lib/media/settings";

/** One stored file, opened for reading: its bytes come as a stream so a large image is never held whole. */
export interface StoredFile {
  body: ReadableStream<Uint8Array>;
  /** Null when the storage did not say. */
  size: number | null;
  modified: Date;
}

/**
 * Where uploaded images live: a local folder, or an S3-compatible bucket that every app instance
 * shares. Names are content hashes checked by the caller, so a storage never sees a path of a reader's choosing.
 */
export interface ImageStorage {
  /** Stores the bytes under the name; storing the same name again changes nothing, as the name is the content. */
  put(name: string, bytes: Buffer, type: string): Promise<void>;
  /** The file, or null when there is none by that name; throws when the storage cannot be asked (down, refusing our keys). */
  get(name: string): Promise<StoredFile | null>;
  exists(name: string): Promise<boolean>;
  /** The address readers load the image from. */
  url(name: string): string;
}

let chosen: { key: string; storage: ImageStorage } | undefined;

/** The storage the settings ask for: S3 when AGORA_S3_BUCKET is set, else the upload folder. */
export function imageStorage(env: Env = process.env): ImageStorage {
  const s3 = s3Settings(env);
  const key = JSON.stringify(s3 ?? env.AGORA_UPLOAD_DIR ?? "");
  if (chosen?.key !== key) chosen = { key, storage: s3 ? s3ImageStorage(s3) : localImageStorage(env.AGORA_UPLOAD_DIR) };
  return chosen.storage;
}
