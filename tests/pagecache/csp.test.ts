import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";

import { hashedContentSecurityPolicy } from "@/lib/http/security-headers";
import { inlineScriptHashes } from "@/lib/pagecache/csp";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("the policy of a cached page", () => {
  it("names each inline script the browser runs by its hash, once, and leaves out script files and data blocks", () => {
    const html = `<html><head><script src="/_next/static/a.js" async nonce="n"></script>
      <script nonce="n">self.__next_f=[]</script></head><body>
      <script type="application/ld+json">{"@type":"NewsArticle"}</script>
      <script>self.__next_f.push([1,"ä – \\u003c"])</script><script>self.__next_f=[]</script></body></html>`;
    expect(inlineScriptHashes(html).sort()).toEqual([sha("self.__next_f=[]"), sha('self.__next_f.push([1,"ä – \\u003c"])')].sort());
  });

  it("allows only our own script files and those hashes: no inline script of another page, no nonce, no unsafe-inline", () => {
    const policy = hashedContentSecurityPolicy(["abc="]);
    const scriptSrc = policy.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-abc='");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });
});
