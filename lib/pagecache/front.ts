import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import { isFresh, lookupPage, renderMark, staleFor, storePage } from "@/lib/cache/page-store";
import { beginRenderTags, endRenderTags, isPageCacheRender, RENDER_HEADER } from "@/lib/cache/render-tags";
import { cachesTrusted } from "@/lib/cache/trust";
import { stampPeerAddress } from "@/lib/http/peer";

import type { CacheTimes } from "./http";
import { pageCacheKey, parseCookies, RSC_HEADERS, sharedCookieHeader } from "./policy";
import { pageFrom, passOn, send, type Rendered } from "./response";

const CACHEABLE_STATUS = new Set([200, 301, 308, 404]);
const RENDER_TIMEOUT_MS = 30_000;
/**
 * Renders for the page cache at a time. More only interleave on the one event loop and make every
 * other request (a comment post is a dozen steps in a row) wait behind all of them; a render that
 * waits for its turn renders the newest state when it starts, for every change meanwhile.
 */
const RENDERS_AT_ONCE = Number(process.env.AGORA_PAGE_RENDERS) || 2;
/**
 * How long after a change a signed-out page may still be answered from its old copy while the new
 * one renders: readers do not queue behind the render, and no one sees the old page for longer.
 * Not for a live refresh, which asks because of the change.
 */
const STALE_WHILE_RENDERING_MS = 1_000;

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface PageCacheFrontOptions {
  /** Next.js's own request handler. */
  next: Handler;
  /** Where this very server listens, for the shared render it asks itself for. */
  selfUrl: () => string;
  /** The cache times (site settings), read on a miss. */
  cacheTimes: () => Promise<CacheTimes>;
}

/**
 * In front of Next.js in the same process: a signed-out reader's public page is answered from
 * memory, without rendering, in whichever encoding the reader takes. A miss asks this same server
 * for the page as nobody in particular (only the language and sort cookies kept), once for all
 * readers waiting on it, and keeps it with its tags, a hash-based CSP and public cache headers.
 * Every other request goes to Next.js untouched, apart from the peer address header.
 */
export function createPageCacheFront(options: PageCacheFrontOptions): Handler {
  /** Renders started (with the mark they began at) or waiting for their turn (mark null). */
  const rendering = new Map<string, { mark: number | null; pending: Promise<Rendered> }>();
  const disabled = process.env.AGORA_PAGE_CACHE === "off";
  let active = 0;
  const turns: Array<() => void> = [];

  async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (active >= RENDERS_AT_ONCE) await new Promise<void>((resolve) => turns.push(resolve));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      turns.shift()?.();
    }
  }

  async function render(req: IncomingMessage, key: string): Promise<Rendered> {
    const id = randomUUID();
    const mark = renderMark();
    beginRenderTags(id);
    try {
      const cookies = sharedCookieHeader(parseCookies(req.headers.cookie));
      const navigation = Object.fromEntries(
        RSC_HEADERS.flatMap((name) => (typeof req.headers[name] === "string" ? [[name, req.headers[name]]] : [])),
      );
      const response = await fetch(`${options.selfUrl()}${req.url}`, {
        headers: {
          ...navigation,
          host: req.headers.host ?? "localhost",
          "accept-encoding": "identity",
          "user-agent": "agora-page-cache",
          [RENDER_HEADER]: id,
          ...(cookies ? { cookie: cookies } : {}),
        },
        redirect: "manual",
        signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
      });
      const body = Buffer.from(await response.arrayBuffer());
      const tags = endRenderTags(id);
      const rendered: Rendered = { page: null, status: response.status, headers: response.headers, body };
      if (!CACHEABLE_STATUS.has(response.status) || response.headers.has("set-cookie")) return rendered;
      const page = await pageFrom(response, body, tags, await options.cacheTimes());
      rendered.page = page;
      storePage(key, page, mark);
      return rendered;
    } finally {
      endRenderTags(id);
    }
  }

  /**
   * Readers arriving together share one render: one waiting for its turn, or one under way unless
   * something expired since it began (it may show the old state).
   */
  function sharedRender(req: IncomingMessage, key: string): Promise<Rendered> {
    const current = rendering.get(key);
    if (current && (current.mark === null || current.mark === renderMark())) return current.pending;
    const entry: { mark: number | null; pending: Promise<Rendered> } = {
      mark: null,
      pending: Promise.resolve(null as unknown as Rendered),
    };
    entry.pending = inTurn(() => {
      entry.mark = renderMark();
      return render(req, key);
    });
    rendering.set(key, entry);
    void entry.pending.finally(() => rendering.get(key) === entry && rendering.delete(key)).catch(() => undefined);
    return entry.pending;
  }

  async function serve(req: IncomingMessage, res: ServerResponse, key: string) {
    const cached = lookupPage(key);
    const trusted = cachesTrusted();
    if (cached && trusted && isFresh(cached)) return send(req, res, cached, "HIT");
    const pending = sharedRender(req, key);
    if (cached && trusted && req.headers.rsc === undefined && staleFor(cached) < STALE_WHILE_RENDERING_MS) {
      pending.catch(() => undefined);
      return send(req, res, cached, "STALE");
    }
    let rendered: Rendered | null = null;
    try {
      rendered = await pending;
    } catch (error) {
      console.error(`Rendering ${req.url} for the page cache failed:`, error);
    }
    if (rendered?.page) return send(req, res, { ...rendered.page, size: 0, storedAt: Date.now() }, "MISS");
    // The database is down or the render failed: the last good copy beats an error page.
    if (cached && (!rendered || rendered.status >= 500)) return send(req, res, cached, "STALE");
    if (!rendered) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": "30" });
      return res.end("Service unavailable");
    }
    passOn(res, rendered);
  }

  return (req, res) => {
    const renderId = req.headers[RENDER_HEADER];
    if (typeof renderId === "string" && isPageCacheRender(renderId)) return options.next(req, res);
    // Nobody outside may mark a request as ours, nor claim a peer address.
    delete req.headers[RENDER_HEADER];
    stampPeerAddress(req);
    const key = disabled
      ? null
      : pageCacheKey({
          method: req.method ?? "GET",
          url: req.url ?? "/",
          host: req.headers.host ?? "",
          cookies: parseCookies(req.headers.cookie),
          rsc: req.headers.rsc !== undefined,
        });
    if (!key) return options.next(req, res);
    return serve(req, res, key).catch((error: unknown) => {
      console.error(`Serving ${req.url} from the page cache failed:`, error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end();
    });
  };
}
