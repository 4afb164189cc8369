import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import type { NextRequest } from "next/server";

import { db, type Role } from "@/lib/db/client";

import { authorizeCredentials } from "./credentials";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null };
    sessionVersion: number;
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    sessionVersion?: number;
  }
}

/** OAuth providers switched on by their environment variables alone (Auth.js reads AUTH_<PROVIDER>_ID/SECRET). */
export function oauthProviders(): Array<{ id: "github" | "google"; name: string }> {
  const configured: Array<{ id: "github" | "google"; name: string }> = [];
  if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) configured.push({ id: "github", name: "GitHub" });
  if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET) configured.push({ id: "google", name: "Google" });
  return configured;
}

function config(): NextAuthConfig {
  const oauth = oauthProviders();
  return {
    // Created per request so that importing this module (e.g. during `next build`) needs no database.
    adapter: PrismaAdapter(db()),
    // The Credentials provider requires JWT sessions; the cookie is signed with AUTH_SECRET and
    // stays valid across restarts. lib/accounts/session.ts re-reads the user on every request.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    secret: authSecret(),
    trustHost: true,
    pages: { signIn: "/anmelden", error: "/anmelden" },
    providers: [
      Credentials({ credentials: { email: {}, password: {} }, authorize: authorizeCredentials }),
      ...oauth.map((provider) => (provider.id === "github" ? GitHub : Google)),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is present only at sign-in; afterwards the token carries what we put in.
        if (user) {
          token.role = user.role ?? "READER";
          token.sessionVersion = user.sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? "";
        session.user.role = token.role ?? "READER";
        session.sessionVersion = token.sessionVersion ?? 0;
        return session;
      },
    },
    events: {
      // The provider has verified the address of an OAuth sign-up.
      async createUser({ user }) {
        if (user.id) await db().user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());

/**
 * Auth.js's own routes, without its password endpoint: Agora signs in with a password only through
 * signInAction, which counts attempts and then calls Auth.js in-process. A POST to
 * /api/auth/callback/credentials would check passwords with no limit at all.
 */
export const authRoutes = {
  GET: handlers.GET,
  POST: (request: NextRequest) =>
    request.nextUrl.pathname.endsWith("/callback/credentials") ? new Response("Not found", { status: 404 }) : handlers.POST(request),
};
