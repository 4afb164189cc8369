import { describe, expect, it } from "vitest";

import { hashPassword, verifyPassword } from "@/lib/accounts/password";
import { passwordProblem } from "@/lib/accounts/password-policy";

describe("password rules", () => {
  it("asks for at least 10 characters", () => {
    expect(passwordProblem("kurz123!")).toBe("passwordTooShort");
    expect(passwordProblem("Zehn Zeichen reichen")).toBeNull();
  });

  it("refuses passwords from breach lists however long they are", () => {
    for (const common of ["password123", "qwertyuiop", "1234567890", "basketball", "aaaaaaaaaaaa"]) {
      expect(passwordProblem(common), common).toBe("passwordTooCommon");
    }
  });

  it("refuses a password built from the user's own name or address", () => {
    expect(passwordProblem("lena.leserin-2026", { email: "lena.leserin@example.org" })).toBe("passwordLikeEmail");
    expect(passwordProblem("Jonas Weber 1990", { name: "Jonas Weber" })).toBe("passwordLikeEmail");
  });

  it("stores passwords as argon2id hashes that only the right password matches", async () => {
    const hash = await hashPassword("Morgenrot über der Elbe");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "Morgenrot über der Elbe")).toBe(true);
    expect(await verifyPassword(hash, "morgenrot über der elbe")).toBe(false);
  });
});
