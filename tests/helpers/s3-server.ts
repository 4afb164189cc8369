import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** The settings an app instance would be started with to use this server. */
  env: Record<string, string>;
  /** Every request that passed the signature check, as "METHOD /path". */
  requests: string[];
  stop(): Promise<void>;
}

// s3rver knows only its built-in account, so its key pair it is.
const ACCESS_KEY_ID = "S3RVER";
const SECRET_ACCESS_KEY = "S3RVER";
const REGION = "eu-central-1";

const encode = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/**
 * Checks an AWS Signature V4 header the way S3 does, written here from AWS's description rather than
 * taken from the client library: s3rver 3.7 accepts any V4 signature ("unimplemented"), so without
 * this a wrongly signed request would pass.
 */
function signatureIsValid(request: IncomingMessage): boolean {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([a-f0-9]{64})$/.exec(
      request.headers.authorization ?? "",
    );
  if (!match || match[1] !== ACCESS_KEY_ID || match[3] !== REGION) return false;
  const [, , day, region, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string];
  const amzDate = String(request.headers["x-amz-date"] ?? "");
  const url = new URL(request.url ?? "/", "http://s3.test");
  const query = [...url.searchParams]
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .sort()
    .join("&");
  const names = signedHeaders.split(";");
  if (!names.includes("host") || !names.includes("x-amz-date")) return false;
  const headerLines = names
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`,
    )
    .join("");
  const canonical = [request.method, url.pathname, query, headerLines, signedHeaders, request.headers["x-amz-content-sha256"] ?? ""].join(
    "\n",
  );
  const scope = `${day}/${region}/s3/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, createHash("sha256").update(canonical).digest("hex")].join("\n");
  const key = ["s3", "aws4_request"].reduce<Buffer>((k, part) => hmac(k, part), hmac(hmac(`AWS4${SECRET_ACCESS_KEY}`, day), region));
  const expected = hmac(key, toSign);
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

/**
 * A local S3 API (the npm package s3rver, files in a temporary folder) with one empty bucket, behind a
 * signature check: unsigned or wrongly signed requests get S3's 403, as from a private bucket.
 */
export async function startS3Server({ bucket = "agora-media" }: { bucket?: string } = {}): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), "agora-s3-"));
  const s3 = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
  await s3.configureBuckets();
  const handle = s3.callback();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    if (!signatureIsValid(request)) {
      response.writeHead(403, { "Content-Type": "application/xml" }).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
      return;
    }
    requests.push(`${request.method} ${request.url}`);
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    bucket,
    requests,
    env: {
      AGORA_S3_BUCKET: bucket,
      AGORA_S3_ENDPOINT: endpoint,
      AGORA_S3_REGION: REGION,
      AGORA_S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      AGORA_S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
      AGORA_S3_FORCE_PATH_STYLE: "1",
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
