import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { GET as serveImage } from "@/app/medien/[name]/route";
import { s3ImageStorage } from "@/lib/media/s3-storage";
import { s3Settings } from "@/lib/media/settings";
import { readImage, storeImage } from "@/lib/media/store";

import { startS3Server, type S3TestServer } from "../helpers/s3-server";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
// A different image: the same PNG with a trailing byte, so it gets a name of its own.
const OTHER_PNG = Buffer.concat([PNG, Buffer.from([0])]);

let s3: S3TestServer;
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await startS3Server();
});

beforeEach(() => {
  for (const key of Object.keys(process.env)) if (key.startsWith("AGORA_S3_")) delete process.env[key];
  Object.assign(process.env, s3.env);
  // Nothing may land on this machine's disk while S3 is configured.
  process.env.AGORA_UPLOAD_DIR = "/nonexistent/agora-uploads";
});

afterAll(async () => {
  process.env = saved;
  await s3.stop();
});

const puts = () => s3.requests.filter((request) => request.startsWith("PUT "));

describe("images in S3-compatible storage", () => {
  it("stores an image in the bucket under its content name and reads it back with its type", async () => {
    const stored = await storeImage(PNG);
    expect(stored).toMatchObject({ ok: true, url: expect.stringMatching(/^\/medien\/[a-f0-9]{24}\.png$/) });
    const name = (stored as { name: string }).name;
    expect(puts()).toContain(`PUT /${s3.bucket}/${name}`);
    const read = await readImage(name);
    expect(read?.type).toBe("image/png");
    expect(read?.bytes.equals(PNG)).toBe(true);
  });

  it("stores the same content once, however often it is uploaded", async () => {
    const first = await storeImage(OTHER_PNG);
    const again = await storeImage(OTHER_PNG);
    expect(again).toEqual(first);
    expect(puts().filter((put) => put.endsWith((first as { name: string }).name))).toHaveLength(1);
  });

  it("an unknown name finds nothing, and a malformed one is refused without asking the storage", async () => {
    expect(await readImage(`${"0".repeat(24)}.png`)).toBeNull();
    const before = s3.requests.length;
    expect(await readImage("../../etc/passwd")).toBeNull();
    expect(await readImage("..%2f..%2fpackage.json")).toBeNull();
    expect(await readImage(`${"0".repeat(24)}.svg`)).toBeNull();
    expect(s3.requests.length).toBe(before);
  });

  it("still refuses what is not an image, and files over the limit, before anything is sent", async () => {
    const before = s3.requests.length;
    expect(await storeImage(Buffer.from("<svg onload=alert(1)>"))).toMatchObject({ ok: false, error: "uploadType" });
    expect(await storeImage(Buffer.alloc(0))).toMatchObject({ ok: false, error: "uploadEmpty" });
    expect(await storeImage(Buffer.concat([PNG, Buffer.alloc(8 * 1024 * 1024)]))).toMatchObject({ ok: false, error: "uploadTooLarge" });
    expect(s3.requests.length).toBe(before);
  });

  it("a second app instance with the same settings serves an image the first one stored", async () => {
    const stored = await storeImage(PNG);
    const name = (stored as { name: string }).name;
    // What another instance does: its own storage object from the same settings, and the /medien route.
    const otherInstance = s3ImageStorage(s3Settings(s3.env)!);
    expect(await otherInstance.exists(name)).toBe(true);
    const response = await serveImage(new Request(`http://localhost/medien/${name}`), { params: Promise.resolve({ name }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-length")).toBe(String(PNG.length));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
    const missing = await serveImage(new Request("http://localhost/medien/x"), {
      params: Promise.resolve({ name: `${"1".repeat(24)}.png` }),
    });
    expect(missing.status).toBe(404);
  });

  it("keeps the bucket's objects cacheable for a CDN in front of it", async () => {
    const name = ((await storeImage(PNG)) as { name: string }).name;
    const file = await s3ImageStorage(s3Settings(s3.env)!).get(name);
    expect(file?.size).toBe(PNG.length);
    await file?.body.cancel();
  });

  it("points image addresses at AGORA_S3_PUBLIC_URL when it is set", async () => {
    process.env.AGORA_S3_PUBLIC_URL = "https://cdn.zeitung.example/bilder/";
    expect(await storeImage(PNG)).toMatchObject({
      ok: true,
      url: expect.stringMatching(/^https:\/\/cdn\.zeitung\.example\/bilder\/[a-f0-9]{24}\.png$/),
    });
  });

  it("an upload the storage refuses is a value the editor sees, and a read that fails is a 503 that is not cached", async () => {
    process.env.AGORA_S3_SECRET_ACCESS_KEY = "not-the-secret";
    expect(await storeImage(Buffer.concat([PNG, Buffer.from([1])]))).toMatchObject({ ok: false, error: "uploadFailed" });
    const response = await serveImage(new Request("http://localhost/medien/x"), {
      params: Promise.resolve({ name: `${"2".repeat(24)}.png` }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("S3 settings", () => {
  it("without a bucket, images stay in the upload folder", () => {
    expect(s3Settings({})).toBeNull();
  });

  it("a bucket without keys is an error rather than a quiet fall back to one machine's disk", () => {
    expect(() => s3Settings({ AGORA_S3_BUCKET: "b" })).toThrow(/AGORA_S3_ACCESS_KEY_ID, AGORA_S3_SECRET_ACCESS_KEY/);
    expect(() => s3Settings({ ...s3.env, AGORA_S3_PUBLIC_URL: "http://cdn.example" })).toThrow(/AGORA_S3_PUBLIC_URL/);
  });

  it("defaults to AWS's regional endpoint with virtual-hosted bucket addresses", () => {
    expect(
      s3Settings({ AGORA_S3_BUCKET: "b", AGORA_S3_ACCESS_KEY_ID: "k", AGORA_S3_SECRET_ACCESS_KEY: "s", AGORA_S3_REGION: "eu-west-1" }),
    ).toMatchObject({
      endpoint: "https://s3.eu-west-1.amazonaws.com",
      forcePathStyle: false,
      publicUrl: null,
    });
  });
});
