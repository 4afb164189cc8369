import { describe, expect, it } from "vitest";

import { clientAddress, normalizeAddress, parseTrustedProxies, type TrustedProxies } from "@/lib/http/client-ip";

const trust = (value: string): TrustedProxies => {
  const parsed = parseTrustedProxies(value);
  if (!parsed) throw new Error(`not a setting: ${value}`);
  return parsed;
};
const from = (peer: string | null, forwardedFor?: string, realIp?: string) => ({ peer, forwardedFor, realIp });

describe("the client's address without trusted proxies", () => {
  it("is the socket's peer, whatever the client writes in X-Forwarded-For or X-Real-IP", () => {
    expect(clientAddress(from("203.0.113.7", "198.51.100.1", "198.51.100.2"), trust(""))).toBe("203.0.113.7");
    expect(clientAddress(from("203.0.113.7", "198.51.100.1"), trust("0"))).toBe("203.0.113.7");
  });

  it("is unknown when the server stamped no peer", () => {
    expect(clientAddress(from(null, "198.51.100.1"), trust(""))).toBeNull();
  });
});

describe("the client's address behind a number of proxy hops", () => {
  it("is the address the one proxy appended, not the ones the client wrote before it", () => {
    expect(clientAddress(from("10.0.0.2", "6.6.6.6, 7.7.7.7, 203.0.113.7"), trust("1"))).toBe("203.0.113.7");
  });

  it("is the second-last entry behind two proxies", () => {
    expect(clientAddress(from("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1"), trust("2"))).toBe("203.0.113.7");
  });

  it("is the leftmost entry when fewer proxies took part than configured", () => {
    expect(clientAddress(from("10.0.0.2", "203.0.113.7"), trust("3"))).toBe("203.0.113.7");
  });

  it("falls back to X-Real-IP, then the peer, when no X-Forwarded-For came", () => {
    expect(clientAddress(from("10.0.0.2", undefined, "203.0.113.7"), trust("1"))).toBe("203.0.113.7");
    expect(clientAddress(from("10.0.0.2", " , "), trust("1"))).toBe("10.0.0.2");
  });

  it("takes the peer when the entry at the hop is not an address", () => {
    expect(clientAddress(from("10.0.0.2", "203.0.113.7, <script>"), trust("1"))).toBe("10.0.0.2");
  });
});

describe("the client's address behind proxies in trusted ranges", () => {
  const ranges = trust("10.0.0.0/8, 192.168.1.5, 2001:db8::/32, ::1");

  it("is the first address from the right outside the ranges, ignoring spoofed entries left of it", () => {
    expect(clientAddress(from("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.1.2.3"), ranges)).toBe("203.0.113.7");
    expect(clientAddress(from("192.168.1.5", "10.9.9.9, 198.51.100.20"), ranges)).toBe("198.51.100.20");
  });

  it("works for IPv6 clients and proxies", () => {
    expect(clientAddress(from("2001:db8::1", "2001:db8:ffff::2, [2a00:1450:4001::200e]:4431"), ranges)).toBe("2a00:1450:4001::200e");
    expect(clientAddress(from("::1", "2001:DB8::5, 203.0.113.7"), ranges)).toBe("203.0.113.7");
  });

  it("ignores the headers when the peer itself is not a trusted proxy", () => {
    expect(clientAddress(from("203.0.113.7", "10.0.0.1"), ranges)).toBe("203.0.113.7");
    expect(clientAddress(from("203.0.113.7", undefined, "198.51.100.1"), ranges)).toBe("203.0.113.7");
  });

  it("treats an IPv4 peer on a dual-stack socket as IPv4", () => {
    expect(clientAddress(from("::ffff:10.0.0.2", "203.0.113.7"), ranges)).toBe("203.0.113.7");
  });

  it("stops at the nearest trusted proxy when an entry is not an address", () => {
    expect(clientAddress(from("10.0.0.2", "203.0.113.7, not-an-ip, 10.0.0.1"), ranges)).toBe("10.0.0.1");
  });

  it("is the leftmost proxy when every entry is a trusted proxy", () => {
    expect(clientAddress(from("10.0.0.2", "10.0.0.9, 10.0.0.1"), ranges)).toBe("10.0.0.9");
  });
});

describe("the AGORA_TRUSTED_PROXIES setting", () => {
  it.each(["10.0.0.0/33", "2001:db8::/129", "10.0.0.0/8/1", "proxy.example", "10.0.0.0/x", "1.2.3.4,,5.6.7.8", "-1"])(
    "refuses %s",
    (value) => {
      expect(parseTrustedProxies(value)).toBeNull();
    },
  );

  it("reads a count of hops, and nothing or 0 as no trust", () => {
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "none" });
    expect(parseTrustedProxies(" 0 ")).toEqual({ kind: "none" });
  });
});

describe("an address as proxies write it", () => {
  it.each([
    ["203.0.113.7:51234", "203.0.113.7"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["::FFFF:203.0.113.7", "203.0.113.7"],
    ["fe80::1%eth0", "fe80::1"],
    ["unknown", null],
    ["999.1.1.1", null],
    ["", null],
  ])("reads %s as %s", (value, expected) => {
    expect(normalizeAddress(value)).toBe(expected);
  });
});

describe("the setting read from the environment", () => {
  it("trusts nobody when unset or malformed", async () => {
    const { trustedProxies } = await import("@/lib/http/client-ip");
    const before = process.env.AGORA_TRUSTED_PROXIES;
    delete process.env.AGORA_TRUSTED_PROXIES;
    expect(trustedProxies()).toEqual({ kind: "none" });
    process.env.AGORA_TRUSTED_PROXIES = "10.0.0.0/99";
    expect(trustedProxies()).toEqual({ kind: "none" });
    process.env.AGORA_TRUSTED_PROXIES = "1";
    expect(trustedProxies()).toEqual({ kind: "hops", hops: 1 });
    if (before === undefined) delete process.env.AGORA_TRUSTED_PROXIES;
    else process.env.AGORA_TRUSTED_PROXIES = before;
  });
});
