import { localImageStorage } from "./local-storage";
import { s3ImageStorage } from "./s3-storage";
import { s3Settings, type Env } from "./settings";
import type { ImageStorage } from "./storage";

let chosen: { key: string; storage: ImageStorage } | undefined;

/** The storage the settings ask for: S3 when AGORA_S3_BUCKET is set, else the upload folder. */
export function imageStorage(env: Env = process.env): ImageStorage {
  const s3 = s3Settings(env);
  const key = JSON.stringify(s3 ?? env.AGORA_UPLOAD_DIR ?? "");
  if (chosen?.key !== key) chosen = { key, storage: s3 ? s3ImageStorage(s3) : localImageStorage(env.AGORA_UPLOAD_DIR) };
  return chosen.storage;
}
