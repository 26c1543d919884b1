/**
 * Headless Chromium with the built extension loaded (flags, binary and URL policy in
 * scripts/lib/chromium-launch.mjs, shared with the demo), offline: every
 * request that is not to 127.0.0.1/localhost or an extension/data/blob URL is aborted,
 * so corpus pages with remote scripts and fonts fail fast instead of hanging.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, extensionArgs, isLocalUrl } from '../../../scripts/lib/chromium-launch.mjs';
import { CHROMIUM_MISSING, chromiumPath, requireDist } from './paths.ts';

export { CHROMIUM_ARGS, isLocalUrl } from '../../../scripts/lib/chromium-launch.mjs';

export interface LaunchOptions {
  /** The unpacked extension; default dist/chrome (must be built). */
  dist?: string;
  viewport?: { width: number; height: number };
  hasTouch?: boolean;
  /**
   * A profile folder to reuse across launches (to check that settings survive a
   * restart). Default: a fresh temp folder, deleted on close. A folder you pass is kept.
   */
  userDataDir?: string;
  /** Default: headless. */
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  /**
   * The browser's UI language (`ru`, `ka`…). Chromium on Linux takes it from the
   * environment (`--lang` is a hint): LANGUAGE and LANG are set for the launch and put back
   * once the browser has started. Check `hasChromiumLocale(lang)` first.
   */
  lang?: string;
}

/** Whether Chromium has the UI locale `lang` (Debian's chromium ships en-US only; the rest are in chromium-l10n). */
export function hasChromiumLocale(lang: string): boolean {
  return lang === 'en' || !existsSync('/usr/lib/chromium/locales') || existsSync(`/usr/lib/chromium/locales/${lang}.pak`);
}

/** Runs `launch` with the environment of a UI language (none for English), then restores it. */
async function inLanguage<T>(lang: string | undefined, launch: () => Promise<T>): Promise<T> {
  if (!lang || lang === 'en') return launch();
  const saved = { LANGUAGE: process.env.LANGUAGE, LANG: process.env.LANG };
  process.env.LANGUAGE = lang;
  process.env.LANG = `${lang}_${lang.toUpperCase()}.UTF-8`;
  try {
    return await launch();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A running browser with the extension. */
export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's service worker (kept current if it restarts). */
  readonly sw: Worker;
  extensionId: string;
  userDataDir: string;
  /** Requests that were aborted because they left the machine. */
  blocked: string[];
  /** Page errors (uncaught exceptions) of every page in the context, with the page URL. */
  pageErrors: { url: string; message: string }[];
  /** A new tab. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

async function blockRemote(context: BrowserContext, blocked: string[]): Promise<void> {
  await context.route('**/*', (route: Route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
}

/** A fresh temp folder for a Chromium profile (delete it yourself, or pass it and keep it). */
export function tempProfile(prefix = 'backstory-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Launches Chromium with the extension (persistent context: extensions need one). */
export async function launchChromium(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const dist = options.dist ?? requireDist('chrome');
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? tempProfile();
  const langArgs = options.lang ? [`--lang=${options.lang}`] : [];
  const context = await inLanguage(options.lang, () =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: options.headless ?? true,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      hasTouch: options.hasTouch ?? false,
      args: extensionArgs(dist, [...langArgs, ...(options.args ?? [])]),
    }),
  );
  const blocked: string[] = [];
  const pageErrors: { url: string; message: string }[] = [];
  await blockRemote(context, blocked);
  const watchErrors = (p: Page): void => {
    p.on('pageerror', (e) => pageErrors.push({ url: p.url(), message: e.message }));
  };
  context.pages().forEach(watchErrors);
  context.on('page', watchErrors);

  let sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) {
    try {
      sw = await context.waitForEvent('serviceworker', { timeout: 15_000 });
    } catch {
      await context.close().catch(() => undefined);
      throw new Error(`the extension's service worker did not start within 15 s: is ${dist} a complete build (npm run build)?`);
    }
  }
  // A stopped worker (MV3 idles out; tests stop it on purpose) closes its Playwright
  // Worker; when Chromium starts it again Playwright lists the new one without always
  // emitting 'serviceworker', so `sw` falls back to the newest listed extension worker.
  let swClosed = false;
  const track = (w: Worker): void => {
    sw = w;
    swClosed = false;
    w.on('close', () => {
      if (sw === w) swClosed = true;
    });
  };
  track(sw);
  context.on('serviceworker', (w) => {
    if (w.url().startsWith('chrome-extension://')) track(w);
  });
  const extensionId = new URL(sw.url()).host;

  return {
    context,
    get sw() {
      if (swClosed) {
        const next = context
          .serviceWorkers()
          .filter((w) => w !== sw && w.url().startsWith('chrome-extension://'))
          .at(-1);
        if (next) track(next);
      }
      return sw!;
    },
    extensionId,
    userDataDir,
    blocked,
    pageErrors,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => undefined);
      if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

let plain: Promise<Browser> | null = null;

/**
 * A Chromium without the extension (shared, launched on first use), for comparing a page
 * with and without Backstory. Pages are offline like in `launchChromium`. Close it with
 * `closePlainChromium()` in afterAll.
 */
export async function plainPage(options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  plain ??= chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  const context = await (await plain).newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  await blockRemote(context, []);
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(() => undefined));
  return page;
}

/** Closes the shared plain browser, if it was started. */
export async function closePlainChromium(): Promise<void> {
  const b = plain;
  plain = null;
  if (b) await (await b).close().catch(() => undefined);
}
