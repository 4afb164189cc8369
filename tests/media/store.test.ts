import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

import { GET as serveImage } from "@/app/medien/[name]/route";
import { MAX_UPLOAD_BYTES, readImage, storeImage } from "@/lib/media/store";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

beforeAll(async () => {
  for (const key of Object.keys(process.env)) if (key.startsWith("AGORA_S3_")) delete process.env[key];
  process.env.AGORA_UPLOAD_DIR = await mkdtemp(path.join(tmpdir(), "agora-uploads-"));
});

describe("image uploads", () => {
  it("stores an image under a name made from its content and reads it back with its type", async () => {
    const first = await storeImage(PNG);
    const again = await storeImage(PNG);
    expect(first).toMatchObject({ ok: true, url: expect.stringMatching(/^\/medien\/[a-f0-9]{24}\.png$/) });
    expect(again).toEqual(first);
    expect(await readdir(process.env.AGORA_UPLOAD_DIR!)).toHaveLength(1);
    const read = await readImage((first as { name: string }).name);
    expect(read?.type).toBe("image/png");
    expect(read?.bytes.equals(PNG)).toBe(true);
  });

  it("refuses what is not an image, whatever its name, and files over the limit", async () => {
    expect(await storeImage(Buffer.from("<svg onload=alert(1)>"))).toMatchObject({ ok: false, error: "uploadType" });
    expect(await storeImage(Buffer.from("%PDF-1.7"))).toMatchObject({ ok: false, error: "uploadType" });
    expect(await storeImage(Buffer.alloc(0))).toMatchObject({ ok: false, error: "uploadEmpty" });
    expect(await storeImage(Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES)]))).toMatchObject({ ok: false, error: "uploadTooLarge" });
  });

  it("a name that tries to leave the upload folder finds nothing", async () => {
    expect(await readImage("../../etc/passwd")).toBeNull();
    expect(await readImage("..%2f..%2fpackage.json")).toBeNull();
  });

  it("serves a stored image from the folder at /medien/<name>, cacheable for ever", async () => {
    const { name } = (await storeImage(PNG)) as { name: string };
    const response = await serveImage(new Request(`http://localhost/medien/${name}`), { params: Promise.resolve({ name }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-length")).toBe(String(PNG.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
    const missing = await serveImage(new Request("http://localhost/medien/x"), {
      params: Promise.resolve({ name: `${"0".repeat(24)}.png` }),
    });
    expect(missing.status).toBe(404);
  });
});
