import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES, readImage, storeImage } from "@/lib/media/store";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

beforeAll(async () => {
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
});
