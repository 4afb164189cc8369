import { isPublicArticleId } from "@/lib/articles/queries";
import type { LiveEvent } from "@/lib/live/events";
import { liveListener } from "@/lib/live/listener";

const HEARTBEAT_MS = 25_000;
const encoder = new TextEncoder();

/**
 * Server-Sent Events for one article: every open page holds one of these streams and hears of
 * new comments and changes, whichever app instance made them (PostgreSQL LISTEN/NOTIFY).
 */
export async function GET(request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  const { articleId } = await params;
  // A draft (or an unpublished article) has no public discussion to listen to, not even for its authors.
  if (!/^[a-z0-9_-]{1,64}$/i.test(articleId) || !(await isPublicArticleId(articleId))) return new Response("Not found", { status: 404 });

  let cleanUp = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanUp();
        }
      };
      send("retry: 3000\n: connected\n\n");
      const unsubscribe = liveListener().subscribe(articleId, (event: LiveEvent) => {
        send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => send(": ping\n\n"), HEARTBEAT_MS);
      cleanUp = () => {
        clearInterval(heartbeat);
        unsubscribe();
        cleanUp = () => {};
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", () => cleanUp(), { once: true });
    },
    cancel() {
      cleanUp();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}
