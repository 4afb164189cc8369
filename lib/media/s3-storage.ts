import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";

import type { S3Settings } from "@/lib/media/settings";
import type { ImageStorage } from "@/lib/media/storage";

/** How long we wait for S3 to start answering; the body may then take as long as the reader does. */
const ANSWER_TIMEOUT_MS = 10_000;

/** Names are content hashes, so whoever serves the object may cache it for ever. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** S3's own words for a failure, for the log: `<Code>NoSuchBucket</Code>` and the like. */
async function describeFailure(response: Response, action: string, name: string): Promise<Error> {
  const text = await response.text().catch(() => "");
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? "";
  return new Error(`S3 ${action} of ${name} failed: HTTP ${response.status} ${code}`.trim());
}

/**
 * Images in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, …), signed with AWS Signature V4 by
 * aws4fetch over the built-in fetch. Every app instance with the same settings sees the same files.
 */
export function s3ImageStorage(settings: S3Settings): ImageStorage {
  // A few quick retries on 5xx and 429; an upload or a reader should not wait long on a sick storage.
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    service: "s3",
    region: settings.region,
    retries: 2,
    initRetryMs: 100,
  });
  const send = async (url: string, init?: RequestInit) => {
    const answered = new AbortController();
    const timer = setTimeout(() => answered.abort(new Error(`S3 did not answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
    try {
      return await client.fetch(url, { ...init, signal: answered.signal });
    } finally {
      clearTimeout(timer);
    }
  };
  const endpoint = new URL(settings.endpoint);
  const objectUrl = (name: string) => {
    if (settings.forcePathStyle) return `${endpoint.origin}${endpoint.pathname.replace(/\/$/, "")}/${settings.bucket}/${name}`;
    const virtualHost = new URL(endpoint);
    virtualHost.hostname = `${settings.bucket}.${endpoint.hostname}`;
    return `${virtualHost.origin}${endpoint.pathname.replace(/\/$/, "")}/${name}`;
  };

  return {
    async put(name, bytes, type) {
      const response = await send(objectUrl(name), {
        method: "PUT",
        body: new Uint8Array(bytes),
        headers: {
          "Content-Type": type,
          "Cache-Control": IMMUTABLE,
          // The real payload hash rather than UNSIGNED-PAYLOAD, so the storage refuses bytes damaged on the way.
          "X-Amz-Content-Sha256": createHash("sha256").update(bytes).digest("hex"),
        },
      });
      if (!response.ok) throw await describeFailure(response, "PUT", name);
      await response.body?.cancel();
    },
    async get(name) {
      const response = await send(objectUrl(name));
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok || !response.body) throw await describeFailure(response, "GET", name);
      const modified = response.headers.get("last-modified");
      const size = response.headers.get("content-length");
      return {
        body: response.body,
        size: size === null ? null : Number(size),
        modified: modified ? new Date(modified) : new Date(0),
      };
    },
    async exists(name) {
      const response = await send(objectUrl(name), { method: "HEAD" });
      if (response.status === 404) return false;
      if (!response.ok) throw await describeFailure(response, "HEAD", name);
      return true;
    },
    url: (name) => (settings.publicUrl ? `${settings.publicUrl}/${name}` : `/medien/${name}`),
  };
}
