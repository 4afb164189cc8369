import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { POST as uploadImage } from "@/app/api/admin/medien/route";
import { GET as serveImage } from "@/app/medien/[name]/route";
import { s3ImageStorage } from "@/lib/media/s3-storage";
import { s3Settings } from "@/lib/media/settings";

import { startS3Server, type S3TestServer } from "../helpers/s3-server";

// The route's own checks (admin role, same origin) are proved in e2e/admin/publishing.spec.ts and
// e2e/security; here they let the request through, so what is tested is where the image goes.
vi.mock("@/lib/accounts/session", () => ({ currentUserWithPermission: async () => ({ id: "admin", role: "ADMIN" }) }));
vi.mock("@/lib/http/request", () => ({ isSameOrigin: () => true }));

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

let s3: S3TestServer;
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await startS3Server();
  Object.assign(process.env, s3.env, { AGORA_UPLOAD_DIR: "/nonexistent/agora-uploads" });
});

afterAll(async () => {
  process.env = saved;
  await s3.stop();
});

function upload(bytes: Buffer) {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], "photo.png", { type: "image/png" }));
  return uploadImage(new Request("http://localhost/api/admin/medien", { method: "POST", body: form }));
}

describe("the admin upload with S3 settings", () => {
  it("puts the image into the bucket, where another app instance finds and serves it", async () => {
    const response = await upload(PNG);
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(/^\/medien\/[a-f0-9]{24}\.png$/);
    const name = url.slice("/medien/".length);
    expect(s3.requests).toContain(`PUT /${s3.bucket}/${name}`);

    // Another instance shares nothing with this one but the settings.
    const elsewhere = await s3ImageStorage(s3Settings(s3.env)!).get(name);
    expect(Buffer.from(await new Response(elsewhere!.body).arrayBuffer()).equals(PNG)).toBe(true);
    const served = await serveImage(new Request(`http://localhost${url}`), { params: Promise.resolve({ name }) });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("answers 503 with the upload-failed message when the storage refuses, so the editor can try again", async () => {
    process.env.AGORA_S3_SECRET_ACCESS_KEY = "not-the-secret";
    try {
      const response = await upload(Buffer.concat([PNG, Buffer.from([7])]));
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: "uploadFailed" });
    } finally {
      process.env.AGORA_S3_SECRET_ACCESS_KEY = s3.env.AGORA_S3_SECRET_ACCESS_KEY;
    }
  });

  it("still refuses a file that is not an image", async () => {
    const response = await upload(Buffer.from("%PDF-1.7"));
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: "uploadType" });
  });
});
