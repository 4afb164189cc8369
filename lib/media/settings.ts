import { z } from "zod";

/** The environment, or any set of variables standing in for it. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Object storage settings, from the environment like DATABASE_URL: they describe the infrastructure. */
export interface S3Settings {
  bucket: string;
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Where readers load images from (a CDN or the bucket's public address); unset: the app serves /medien/<name>. */
  publicUrl: string | null;
}

const schema = z.object({
  AGORA_S3_BUCKET: z.string().min(1),
  AGORA_S3_REGION: z.string().min(1).default("us-east-1"),
  AGORA_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  AGORA_S3_ACCESS_KEY_ID: z.string().min(1),
  AGORA_S3_SECRET_ACCESS_KEY: z.string().min(1),
  AGORA_S3_FORCE_PATH_STYLE: z.enum(["0", "1", "true", "false"]).optional(),
  // Article image URLs must be /medien/… or https (lib/articles/schema.ts), so a public address must be https too.
  AGORA_S3_PUBLIC_URL: z.url({ protocol: /^https$/ }).optional(),
});

/** The AGORA_S3_ variables that have a value (an empty one counts as unset). */
const s3Variables = (env: Env) =>
  Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith("AGORA_S3_") && value !== ""));

/**
 * The S3 settings, or null when AGORA_S3_BUCKET is not set (images then stay in the upload folder).
 * A bucket with missing or malformed other settings is an error, rather than quietly writing to one machine's disk.
 */
export function s3Settings(env: Env = process.env): S3Settings | null {
  if (!env.AGORA_S3_BUCKET) return null;
  const parsed = schema.safeParse(s3Variables(env));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`AGORA_S3_BUCKET is set, but these S3 settings are missing or invalid: ${fields}`);
  }
  const s = parsed.data;
  return {
    bucket: s.AGORA_S3_BUCKET,
    endpoint: (s.AGORA_S3_ENDPOINT ?? `https://s3.${s.AGORA_S3_REGION}.amazonaws.com`).replace(/\/+$/, ""),
    region: s.AGORA_S3_REGION,
    accessKeyId: s.AGORA_S3_ACCESS_KEY_ID,
    secretAccessKey: s.AGORA_S3_SECRET_ACCESS_KEY,
    forcePathStyle: s.AGORA_S3_FORCE_PATH_STYLE === "1" || s.AGORA_S3_FORCE_PATH_STYLE === "true",
    publicUrl: s.AGORA_S3_PUBLIC_URL?.replace(/\/+$/, "") ?? null,
  };
}
