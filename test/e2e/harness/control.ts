/**
 * Driving the extension from outside for reliability, stress and privacy tests (and the
 * benchmark): settings through storage as the popup writes them, stopping the service
 * worker, the diagnostics of every frame of a tab, the page's own responsiveness, the
 * page's JS heap, and every network request of the browser (pages, extension pages and
 * the service worker).
 */
import type { CDPSession, Page, Request, Worker } from 'playwright-core';
import type { Diagnostics } from '../../../src/shared/messages.ts';
import type { ExtensionBrowser } from './chromium.ts';
import { tabIdOf } from './diagnostics.ts';

/** Writes `settings` to storage.sync from the service worker, as the popup does (merged over what is stored). */
export async function setSettings(ctx: ExtensionBrowser, patch: Record<string, unknown>): Promise<void> {
  await ctx.sw.evaluate(async (patch) => {
    const got = (await chrome.storage.sync.get('settings')) as { settings?: unknown };
    const cur = got.settings && typeof got.settings === 'object' && !Array.isArray(got.settings) ? got.settings : {};
    await chrome.storage.sync.set({ settings: { ...cur, ...patch } });
  }, patch);
}

/** Writes a raw value under `key` in a storage area (for corrupted-value tests). */
export async function setStorageRaw(ctx: ExtensionBrowser, area: 'sync' | 'local', values: Record<string, unknown>): Promise<void> {
  await ctx.sw.evaluate(async ({ area, values }) => chrome.storage[area].set(values), { area, values });
}

/**
 * Stops the extension's service worker (CDP `ServiceWorker.stopAllWorkers` through a page
 * session) and waits until it is gone. `ctx.sw` is stale afterwards: call
 * `wakeServiceWorker` before evaluating in it again.
 */
export async function stopServiceWorker(ctx: ExtensionBrowser, page: Page): Promise<void> {
  const cdp = await ctx.context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const swUrl = `chrome-extension://${ctx.extensionId}/`;
    for (let i = 0; i < 100; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(swUrl))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the service worker was still running 5 s after ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Starts the (stopped) service worker again by opening an extension page that talks to
 * it (default: the popup, in a new tab that is closed afterwards) and waits until the
 * worker answers an evaluation; `ctx.sw` then points at it.
 */
export async function wakeServiceWorker(ctx: ExtensionBrowser, path = 'src/popup/index.html'): Promise<Worker> {
  const tab = await ctx.newPage();
  try {
    await tab.goto(`chrome-extension://${ctx.extensionId}/${path}`, { waitUntil: 'load' });
    for (let i = 0; i < 150; i++) {
      const w = ctx.sw;
      if (await w.evaluate(() => true).catch(() => false)) return w;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the service worker did not come back within 15 s');
  } finally {
    await tab.close().catch(() => undefined);
  }
}

/** Whether the extension's service worker is running now (CDP targets, through a page session). */
export async function serviceWorkerRunning(ctx: ExtensionBrowser, page: Page): Promise<boolean> {
  const cdp = await ctx.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ctx.extensionId}/`));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** One frame's diagnostics with its extension frame id. */
export interface FrameDiagnostics {
  frameId: number;
  diag: Diagnostics;
}

/**
 * The diagnostics of every frame of the page's tab whose content script answers. The
 * extension has no webNavigation permission, so frame ids are found by asking ids
 * 0..maxId (Chromium's frame ids are small increasing integers per browser session).
 */
export async function allFrameDiagnostics(ctx: ExtensionBrowser, page: Page, maxId = 4000): Promise<FrameDiagnostics[]> {
  const tabId = await tabIdOf(ctx, page);
  return ctx.sw.evaluate(
    // No named inner functions: the body runs as source in the worker (tsx's __name helper is absent there).
    async ({ tabId, maxId }) => {
      const out: { frameId: number; diag: Diagnostics }[] = [];
      for (let start = 0; start <= maxId; start += 500) {
        await Promise.all(
          Array.from({ length: Math.min(500, maxId - start + 1) }, (_, i) => start + i).map(async (frameId) => {
            try {
              const r = (await chrome.tabs.sendMessage(tabId, { type: 'backstory/diagnostics' }, { frameId })) as (Diagnostics & { ok?: boolean }) | undefined;
              if (r && r.ok) out.push({ frameId, diag: r });
            } catch {
              /* no such frame, or no content script there */
            }
          }),
        );
      }
      return out.sort((a, b) => a.frameId - b.frameId);
    },
    { tabId, maxId },
  );
}

/**
 * Starts a responsiveness probe in the page's main world: a 4 ms timer that records the
 * longest gap between its ticks (the longest time the page's event loop was blocked, by
 * anyone). Read it with `readLag`.
 */
export async function startLagProbe(page: Page): Promise<void> {
  // No functions inside objects here: under tsx (the bench) esbuild would wrap them in a
  // `__name` helper that does not exist in the page.
  await page.evaluate(() => {
    const w = window as unknown as { __bsLag?: { max: number; ticks: number; id: number } };
    if (w.__bsLag) clearInterval(w.__bsLag.id);
    let last = performance.now();
    const state = { max: 0, ticks: 0, id: 0 };
    state.id = window.setInterval(() => {
      const now = performance.now();
      state.max = Math.max(state.max, now - last);
      state.ticks++;
      last = now;
    }, 4);
    w.__bsLag = state;
  });
}

/** The longest event-loop gap seen by `startLagProbe` so far, ms (and stops the probe when `stop`). */
export async function readLag(page: Page, stop = false): Promise<{ maxGapMs: number; ticks: number }> {
  return page.evaluate((stop) => {
    const s = (window as unknown as { __bsLag?: { max: number; ticks: number; id: number } }).__bsLag;
    if (!s) return { maxGapMs: -1, ticks: 0 };
    if (stop) clearInterval(s.id);
    return { maxGapMs: Math.round(s.max * 10) / 10, ticks: s.ticks };
  }, stop);
}

/** The renderer's JS heap in use (all worlds of the page, the extension's isolated world included), MB. */
export async function jsHeapMB(ctx: ExtensionBrowser | { context: { newCDPSession(p: Page): Promise<CDPSession> } }, page: Page): Promise<number> {
  const cdp = await ctx.context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return Math.round((used / 1e6) * 10) / 10;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** One request seen by `recordNetwork`. */
export interface SeenRequest {
  url: string;
  /** Who asked: the frame's URL for pages, the worker's URL for the service worker. */
  initiator: string;
  /** "page", "service-worker" or "extension-page". */
  from: 'page' | 'service-worker' | 'extension-page';
  resourceType: string;
}

/**
 * Records every request of the browser context: page and extension-page requests
 * (`context.on('request')`, which includes frames) and the service worker's own fetches
 * (CDP Network on the worker target, attached through a page session with auto-attach).
 * Call before loading anything; `stop()` detaches.
 */
export async function recordNetwork(ctx: ExtensionBrowser, page: Page): Promise<{ requests: SeenRequest[]; stop(): Promise<void> }> {
  const requests: SeenRequest[] = [];
  const extOrigin = `chrome-extension://${ctx.extensionId}`;
  const onRequest = (req: Request): void => {
    let initiator: string;
    let from: SeenRequest['from'] = 'page';
    try {
      const frame = req.frame();
      initiator = frame.url();
      if (initiator.startsWith(extOrigin)) from = 'extension-page';
    } catch {
      // Service-worker requests have no frame.
      const sw = req.serviceWorker();
      initiator = sw?.url() ?? 'unknown';
      from = sw ? 'service-worker' : 'page';
    }
    requests.push({ url: req.url(), initiator, from, resourceType: req.resourceType() });
  };
  ctx.context.on('request', onRequest);

  // The service worker's fetches: CDP Network on its target, found through Target.* on a page session.
  const cdp = await ctx.context.newCDPSession(page);
  const attached = new Set<string>();
  const attachSw = async (): Promise<void> => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    for (const t of targetInfos) {
      if (t.type !== 'service_worker' || !t.url.startsWith(extOrigin) || attached.has(t.targetId)) continue;
      attached.add(t.targetId);
      // Not flattened: the worker's session is reached through this page session's
      // sendMessageToTarget / receivedMessageFromTarget (Playwright exposes no child sessions).
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      await cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: 1, method: 'Network.enable', params: {} }) } as never).catch(() => undefined);
    }
  };
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  cdp.on('Target.targetCreated', () => void attachSw().catch(() => undefined));
  cdp.on(
    'Target.receivedMessageFromTarget' as never,
    ((e: { message: string }) => {
      try {
        const m = JSON.parse(e.message) as { method?: string; params?: { request?: { url: string }; type?: string } };
        if (m.method === 'Network.requestWillBeSent' && m.params?.request) {
          requests.push({ url: m.params.request.url, initiator: 'service worker (CDP)', from: 'service-worker', resourceType: m.params.type ?? '' });
        }
      } catch {
        /* not JSON */
      }
    }) as never,
  );
  await attachSw().catch(() => undefined);
  return {
    requests,
    async stop() {
      ctx.context.off('request', onRequest);
      await cdp.detach().catch(() => undefined);
    },
  };
}
