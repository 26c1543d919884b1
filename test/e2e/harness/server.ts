/**
 * A static HTTP server on 127.0.0.1 (random port) for browser tests. It serves
 *   /          test/fixtures/pages
 *   /demo/     scripts/demo (the demo article: DEMO_PATH = /demo/article.html)
 *   /root/     an optional extra folder (`root`, e.g. the corpus pages)
 * plus in-memory `routes`, with per-path extra `headers` (e.g. a strict CSP).
 * `.html` is always `text/html; charset=utf-8` (the corpus README asks for it: one page
 * declares the wrong charset). Nothing is cached, so a rebuilt page is always fresh.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { DEMO_DIR, FIXTURE_PAGES } from './paths.ts';

/** A page served from memory. */
export interface RouteBody {
  body: string | Buffer;
  /** Content-Type; defaults from the path's extension (html → text/html; charset=utf-8). */
  type?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface ServerOptions {
  /** Extra folder served under /root/ (e.g. `corpusDir()`). */
  root?: string;
  /** In-memory pages by exact path ("/csp.html"), checked before the folders. */
  routes?: Record<string, string | RouteBody | ((req: IncomingMessage) => RouteBody | Promise<RouteBody>)>;
  /**
   * Extra response headers by path: an exact path ("/demo/article.html"), a prefix
   * ending in "*" ("/root/*"), or "*" for every response.
   */
  headers?: Record<string, Record<string, string>>;
}

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Absolute URL of a path on this server (`url('/demo/article.html')`). */
  url(path: string): string;
  /** The demo article's URL. */
  demoUrl: string;
  /** Every request path served so far (for "no unexpected requests" checks). */
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const typeOf = (path: string): string => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

function extraHeaders(path: string, table: ServerOptions['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pattern, h] of Object.entries(table ?? {})) {
    const hit = pattern === '*' || pattern === path || (pattern.endsWith('*') && path.startsWith(pattern.slice(0, -1)));
    if (hit) Object.assign(out, h);
  }
  return out;
}

/** Resolves a URL path inside a folder, refusing anything that escapes it. */
async function fileIn(dir: string, rel: string): Promise<string | undefined> {
  const full = normalize(join(dir, rel));
  if (full !== dir && !full.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined;
  try {
    const s = await stat(full);
    if (s.isFile()) return full;
    if (s.isDirectory()) {
      const index = join(full, 'index.html');
      if ((await stat(index).catch(() => undefined))?.isFile()) return index;
    }
  } catch {
    /* not found */
  }
  return undefined;
}

/** Starts the server; `await server.close()` in afterAll. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const requests: string[] = [];
  const mounts: [string, string][] = [['/demo/', DEMO_DIR], ...(options.root ? [['/root/', options.root] as [string, string]] : []), ['/', FIXTURE_PAGES]];

  /** `path` is the URL path (for `headers`); the type comes from `r.type` or the path. */
  const send = (res: ServerResponse, path: string, r: RouteBody): void => {
    res.writeHead(r.status ?? 200, {
      'Content-Type': r.type ?? typeOf(path.endsWith('/') ? 'index.html' : path),
      'Cache-Control': 'no-store',
      ...extraHeaders(path, options.headers),
      ...r.headers,
    });
    res.end(r.body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      const route = options.routes?.[path];
      if (route !== undefined) {
        const r = typeof route === 'function' ? await route(req) : typeof route === 'string' ? { body: route } : route;
        send(res, path, r);
        return;
      }
      for (const [prefix, dir] of mounts) {
        if (!path.startsWith(prefix)) continue;
        const file = await fileIn(dir, path.slice(prefix.length));
        if (file) {
          send(res, path, { body: await readFile(file), type: typeOf(file) });
          return;
        }
      }
      send(res, path, { status: 404, body: `not found: ${path}`, type: 'text/plain; charset=utf-8' });
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const url = (p: string): string => new URL(p, origin).href;
  return {
    origin,
    url,
    demoUrl: url('/demo/article.html'),
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
