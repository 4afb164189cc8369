import { databaseReachable } from "@/lib/db/health";

/** For load balancers and caches in front (deploy/varnish.vcl probes it): 200 while this instance reaches its database. */
export async function GET() {
  const ok = await databaseReachable();
  return new Response(ok ? "ok\n" : "database unreachable\n", {
    status: ok ? 200 : 503,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
