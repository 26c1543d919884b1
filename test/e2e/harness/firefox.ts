/**
 * Firefox ESR with dist/firefox (or $BACKSTORY_EXT_FIREFOX: a folder or a zip) installed
 * as a temporary add-on, driven over Firefox's built-in WebDriver BiDi (TOOLCHAIN.md §4;
 * no geckodriver, Playwright cannot drive stock Firefox). Offline: the profile sends every
 * non-local request to a closed proxy port.
 *
 * The extension's moz-extension:// UUID is pinned before launch through the profile pref
 * `extensions.webextensions.uuids`, so extension pages have a known URL (`extensionUrl`).
 * BiDi refuses `browsingContext.navigate` to moz-extension:// URLs ("not allowed in this
 * context"), so Firefox starts with system access (MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1) and
 * `openExtensionTab` opens the page from the browser window (`gBrowser.addTab` with the
 * system principal); `openSidebar` shows the real sidebar. Extension pages opened this way
 * can be evaluated in, with the `browser.*` APIs (e.g. `firefoxDiagnostics`).
 *
 * Input goes through BiDi `input.performActions` (real events from the browser, trusted,
 * hit-tested like a user's): `pointerMove(x, y, { steps, stepMs })` moves the mouse to a
 * viewport point (CSS px), in `steps` evenly spaced moves from where it last was, with a
 * pause of `stepMs` after each one but the last (so a test can approach slowly);
 * `pointerClick(x, y)` moves there and presses and releases the left button;
 * `keyPress(key)` presses and releases one key (a character, or a name such as
 * 'Escape', 'Tab', 'Enter'); `releaseInput()` (`input.releaseActions`) lets go of
 * anything still pressed and forgets the pointer position. Input needs the tab to be the
 * selected one: a background tab runs no animation frames and throttles its timers.
 * `shadowRect(host, selector)` finds an element inside a host's shadow root, closed ones
 * included (BiDi serialises an element's shadow root whatever its mode), and returns its
 * viewport rect: where to point at our card's buttons without a screenshot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { FIREFOX_MISSING, firefoxPath, isArchive, requireDist } from './paths.ts';
import type { Diagnostics } from './diagnostics.ts';

/** The add-on id, from manifest.json. */
const GECKO_ID = (JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } }).browser_specific_settings
  .gecko.id;

export interface FirefoxOptions {
  /** A folder, or a .zip/.xpi package; default `requireDist('firefox')` (dist/firefox, or $BACKSTORY_EXT_FIREFOX). */
  dist?: string;
  viewport?: { width: number; height: number };
  /** Extra preferences for the profile (e.g. `intl.locale.requested` for a UI language). */
  prefs?: Record<string, string | number | boolean>;
  /**
   * Install the extension (default true). `false` gives a plain Firefox with the same
   * prefs, for with/without comparisons (`extensionId` and `uuid` are then empty, and
   * `openExtensionTab`/`openSidebar` have nothing to open).
   */
  extension?: boolean;
  /**
   * A profile folder to use and keep (default: a fresh temporary one, deleted on close).
   * With `uuid`, a relaunch on the same folder finds the extension's stored settings
   * again (a restart test): a temporary add-on is uninstalled when Firefox quits, and the
   * profile keeps its storage (`extensions.webextensions.keepStorageOnUninstall`).
   */
  profile?: string;
  /** The moz-extension:// UUID to pin (default: a random one). */
  uuid?: string;
}

/** A running Firefox with the extension, and a small BiDi client. */
export interface FirefoxBrowser {
  /** Sends one BiDi command and resolves to its result (rejects on a BiDi error). */
  send<T = Record<string, unknown>>(method: string, params?: object): Promise<T>;
  /**
   * Calls `handler` with the params of every BiDi event named `method` (e.g.
   * 'log.entryAdded'; subscribe first with `send('session.subscribe', { events: [...] })`).
   * Returns a function that removes the handler.
   */
  onEvent(method: string, handler: (params: Record<string, unknown>) => void): () => void;
  /** The top-level browsing context (tab) opened at start. */
  tab: string;
  /** The add-on id returned by `webExtension.install`. */
  extensionId: string;
  /** The pinned internal UUID (moz-extension://<uuid>/). */
  uuid: string;
  /** moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  /** Navigates a tab and waits for its `load` (rejects after `timeout`, default 30 s). */
  navigate(url: string, context?: string, timeout?: number): Promise<void>;
  /** Evaluates an expression in the page's main world; returns the deserialised value. */
  evaluate<T = unknown>(expression: string, context?: string): Promise<T>;
  /** Writes a PNG of the tab's viewport. */
  screenshot(file: string, context?: string): Promise<void>;
  /** Evaluates privileged JS in the browser window (chrome scope). */
  chromeEvaluate<T = unknown>(expression: string): Promise<T>;
  /** Opens an extension page (e.g. src/sidepanel/index.html) in a new tab; resolves to its context id. */
  openExtensionTab(path: string): Promise<string>;
  /** Shows the extension's sidebar; resolves to the URL loaded in it. */
  openSidebar(): Promise<string>;
  /** Moves the mouse to a viewport point (CSS px) of a tab, in `steps` moves from its last position. */
  pointerMove(x: number, y: number, options?: PointerMoveOptions): Promise<void>;
  /** Moves the mouse to a viewport point and clicks the left button there. */
  pointerClick(x: number, y: number, options?: { context?: string }): Promise<void>;
  /** Presses and releases one key: a single character or a name from `KEYS` ('Escape', 'Tab', …). */
  keyPress(key: string, context?: string): Promise<void>;
  /** `input.releaseActions`: releases pressed keys and buttons, forgets the pointer position. */
  releaseInput(context?: string): Promise<void>;
  /** Viewport rect of `selector` inside the shadow root (open or closed) of the first `hostSelector`; null if absent. */
  shadowRect(hostSelector: string, selector: string, context?: string): Promise<ViewportRect | null>;
  /** Firefox's stderr so far (for failure messages). */
  log(): string;
  close(): Promise<void>;
}

export interface PointerMoveOptions {
  /** Default the first tab. */
  context?: string;
  /** Evenly spaced moves from the last position (default 1: one jump; ignored when the position is unknown). */
  steps?: number;
  /** Pause after each move but the last, ms (default 16). */
  stepMs?: number;
}

export interface ViewportRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** WebDriver key codes for the named keys `keyPress` accepts. */
export const KEYS: Readonly<Record<string, string>> = {
  Escape: '\uE00C',
  Enter: '\uE007',
  Tab: '\uE004',
  Backspace: '\uE003',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

type BiDiValue = { type: string; value?: unknown };

/** Turns a BiDi remote value into plain JSON-ish data. */
export function fromBiDi(v: BiDiValue | undefined): unknown {
  if (!v) return undefined;
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      return typeof v.value === 'number' ? v.value : Number(v.value);
    case 'array':
      return (v.value as BiDiValue[]).map(fromBiDi);
    case 'object':
      return Object.fromEntries((v.value as [string | BiDiValue, BiDiValue][]).map(([k, val]) => [typeof k === 'string' ? k : fromBiDi(k), fromBiDi(val)]));
    default:
      return `[${v.type}]`;
  }
}

const PREFS: Record<string, string | number | boolean> = {
  // Offline: every non-local request goes to a closed port and fails at once.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.aboutConfig.showWarning': false,
  // A restart on the same profile keeps the temporary add-on's storage and UUID.
  'extensions.webextensions.keepStorageOnUninstall': true,
  'extensions.webextensions.keepUuidOnUninstall': true,
};

/** Starts Firefox ESR headless, installs the extension, opens one tab. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxBrowser> {
  const bin = firefoxPath();
  if (!bin) throw new Error(FIREFOX_MISSING);
  const dist = options.extension === false ? '' : (options.dist ?? requireDist('firefox'));
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'backstory-ff-'));
  const uuid = options.uuid ?? randomUUID();
  const prefs = { ...PREFS, ...options.prefs, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) };
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n') + '\n',
  );

  const { width, height } = options.viewport ?? { width: 1280, height: 900 };
  const proc: ChildProcess = spawn(
    bin,
    ['--headless', '--remote-debugging-port', '0', '--profile', profile, '--no-remote', '--width', String(width), '--height', String(height), 'about:blank'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    },
  );
  let stderr = '';
  const wsUrl = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Firefox did not start BiDi within 30 s:\n${stderr}`)), 30_000);
    const onData = (b: Buffer): void => {
      stderr += b.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    proc.stderr!.on('data', onData);
    proc.stdout!.on('data', onData);
    proc.on('exit', (code) => fail(new Error(`Firefox exited (${code}) before BiDi started:\n${stderr}`)));
  });

  const ws = new WebSocket(`${wsUrl}/session`);
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  let nextId = 0;
  const listeners = new Map<string, Set<(params: Record<string, unknown>) => void>>();
  const onEvent = (method: string, handler: (params: Record<string, unknown>) => void): (() => void) => {
    const set = listeners.get(method) ?? new Set();
    listeners.set(method, set);
    set.add(handler);
    return () => set.delete(handler);
  };
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void; method: string }>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; type?: string; method?: string; params?: Record<string, unknown>; result?: unknown; error?: string; message?: string };
    if (msg.id === undefined) {
      if (msg.type === 'event' && msg.method) for (const h of listeners.get(msg.method) ?? []) h(msg.params ?? {});
      return;
    }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'error') p.fail(new Error(`${p.method}: ${msg.error}: ${msg.message}`));
    else p.ok(msg.result);
  });
  const send = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise<T>((ok, fail) => {
      const id = ++nextId;
      pending.set(id, { ok: ok as (v: unknown) => void, fail, method });
      ws.send(JSON.stringify({ id, method, params }));
    });

  const close = async (): Promise<void> => {
    try {
      await Promise.race([send('browser.close'), new Promise((r) => setTimeout(r, 3000))]);
    } catch {
      /* already gone */
    }
    ws.close();
    if (proc.exitCode === null) {
      await Promise.race([new Promise((r) => proc.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    }
    if (!options.profile) rmSync(profile, { recursive: true, force: true });
  };

  try {
    await send('session.new', { capabilities: {} });
    const installed =
      options.extension === false
        ? { extension: '' }
        : await send<{ extension: string }>('webExtension.install', { extensionData: { type: isArchive(dist) ? 'archivePath' : 'path', path: dist } });
    const tree = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
    const tab = tree.contexts[0]!.context;
    const evaluate = async <T>(expression: string, context = tab): Promise<T> => {
      const r = await send<{ type: string; result?: BiDiValue; exceptionDetails?: { text?: string } }>('script.evaluate', {
        expression,
        target: { context },
        awaitPromise: true,
        resultOwnership: 'none',
        serializationOptions: { maxObjectDepth: 10 },
      });
      if (r.type === 'exception') throw new Error(`evaluate failed: ${r.exceptionDetails?.text ?? 'exception'} in ${expression.slice(0, 80)}`);
      return fromBiDi(r.result) as T;
    };
    /**
     * `browsingContext.navigate` with `wait: 'complete'` rejects with "Address rejected"
     * when one of the page's iframes fails to load (every off-line frame does here), though
     * the page itself loads: so navigate without waiting and wait for this navigation's
     * `browsingContext.load` event instead.
     */
    await send('session.subscribe', { events: ['browsingContext.load'] });
    const navigate = async (url: string, context = tab, timeout = 30_000): Promise<void> => {
      const loaded = new Set<string>();
      let check = (): void => undefined;
      const off = onEvent('browsingContext.load', (p) => {
        if (p.context !== context) return;
        loaded.add(String(p.navigation));
        check();
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const r = await send<{ navigation: string | null }>('browsingContext.navigate', { context, url, wait: 'none' });
        await new Promise<void>((ok, fail) => {
          check = () => {
            if (r.navigation === null || loaded.has(r.navigation)) ok();
          };
          timer = setTimeout(() => fail(new Error(`${url} did not load within ${timeout} ms`)), timeout);
          check();
        });
      } finally {
        clearTimeout(timer);
        off();
      }
    };
    const extensionUrl = (path: string): string => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
    const chromeEvaluate = async <T>(expression: string): Promise<T> => {
      const t = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', { maxDepth: 0, 'moz:scope': 'chrome' });
      return evaluate<T>(expression, t.contexts[0]!.context);
    };
    const openExtensionTab = async (path: string): Promise<string> => {
      const url = extensionUrl(path);
      await chromeEvaluate(
        `(() => { const t = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); gBrowser.selectedTab = t; return true })()`,
      );
      const end = Date.now() + 10_000;
      for (;;) {
        const t = await send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
        const hit = t.contexts.find((c) => c.url === url);
        if (hit) {
          // Wait for the document to finish loading before handing it out.
          const ready = await evaluate<string>('document.readyState', hit.context).catch(() => 'loading');
          if (ready === 'complete') return hit.context;
        }
        if (Date.now() > end) throw new Error(`extension tab ${url} did not load`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    // Firefox's widget id for an extension: the add-on id with non-alphanumerics as "_".
    const widget = `${installed.extension.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;
    const openSidebar = (): Promise<string> =>
      chromeEvaluate<string>(
        `SidebarController.show(${JSON.stringify(widget)}).then(() => new Promise((ok) => {
          const t0 = Date.now();
          const poll = () => {
            const b = SidebarController.browser.contentDocument?.getElementById('webext-panels-browser');
            const url = b?.currentURI?.spec ?? '';
            if (url.startsWith('moz-extension:') || Date.now() - t0 > 5000) ok(url); else setTimeout(poll, 50);
          };
          poll();
        }))`,
      );
    // Where the mouse was last moved to, per tab (forgotten by releaseInput).
    const pointerAt = new Map<string, { x: number; y: number }>();
    const pointer = (context: string, actions: object[]): Promise<unknown> =>
      send('input.performActions', { context, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
    const pointerMove = async (x: number, y: number, options: PointerMoveOptions = {}): Promise<void> => {
      const { context = tab, stepMs = 16 } = options;
      const from = pointerAt.get(context);
      const steps = from ? Math.max(1, Math.round(options.steps ?? 1)) : 1;
      const actions: object[] = [];
      for (let i = 1; i <= steps; i++) {
        const px = from ? from.x + ((x - from.x) * i) / steps : x;
        const py = from ? from.y + ((y - from.y) * i) / steps : y;
        actions.push({ type: 'pointerMove', x: Math.round(px), y: Math.round(py), origin: 'viewport' });
        if (i < steps && stepMs > 0) actions.push({ type: 'pause', duration: stepMs });
      }
      await pointer(context, actions);
      pointerAt.set(context, { x: Math.round(x), y: Math.round(y) });
    };
    const pointerClick = async (x: number, y: number, options: { context?: string } = {}): Promise<void> => {
      const { context = tab } = options;
      await pointer(context, [
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ]);
      pointerAt.set(context, { x: Math.round(x), y: Math.round(y) });
    };
    const keyPress = async (key: string, context = tab): Promise<void> => {
      const value = KEYS[key] ?? key;
      if ([...value].length !== 1) throw new Error(`keyPress: unknown key ${JSON.stringify(key)} (one character or one of ${Object.keys(KEYS).join(', ')})`);
      await send('input.performActions', {
        context,
        actions: [
          {
            type: 'key',
            id: 'keyboard',
            actions: [
              { type: 'keyDown', value },
              { type: 'keyUp', value },
            ],
          },
        ],
      });
    };
    const releaseInput = async (context = tab): Promise<void> => {
      await send('input.releaseActions', { context });
      pointerAt.delete(context);
    };
    const shadowRect = async (hostSelector: string, selector: string, context = tab): Promise<ViewportRect | null> => {
      const host = await send<{ type: string; result?: { type: string; value?: { shadowRoot?: { sharedId?: string } | null } } }>('script.evaluate', {
        expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
        serializationOptions: { maxDomDepth: 0 },
      });
      const root = host.result?.type === 'node' ? host.result.value?.shadowRoot?.sharedId : undefined;
      if (!root) return null;
      const r = await send<{ type: string; result?: BiDiValue; exceptionDetails?: { text?: string } }>('script.callFunction', {
        functionDeclaration: `(root, selector) => {
          const el = root.querySelector(selector);
          if (!el) return null;
          const b = el.getBoundingClientRect();
          return { left: b.left, top: b.top, width: b.width, height: b.height };
        }`,
        arguments: [{ sharedId: root }, { type: 'string', value: selector }],
        target: { context },
        awaitPromise: false,
        resultOwnership: 'none',
      });
      if (r.type === 'exception') throw new Error(`shadowRect failed: ${r.exceptionDetails?.text ?? 'exception'}`);
      return fromBiDi(r.result) as ViewportRect | null;
    };
    return {
      send,
      onEvent,
      tab,
      shadowRect,
      pointerMove,
      pointerClick,
      keyPress,
      releaseInput,
      chromeEvaluate,
      openExtensionTab,
      openSidebar,
      extensionId: installed.extension,
      uuid: options.extension === false ? '' : uuid,
      extensionUrl,
      navigate,
      evaluate,
      screenshot: async (file, context = tab) => {
        const r = await send<{ data: string }>('browsingContext.captureScreenshot', { context });
        await writeFile(file, Buffer.from(r.data, 'base64'));
      },
      log: () => stderr,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Diagnostics of every tab's content script, read from an extension page context (opened
 * with `openExtensionTab`) through `browser.tabs.sendMessage`; tabs without an answer are
 * left out. Firefox hides no tab urls from extension pages here, so match on `url`.
 */
export function firefoxDiagnostics(ff: FirefoxBrowser, extensionPageContext: string): Promise<{ tabId: number; diag: Record<string, unknown> }[]> {
  return ff.evaluate(
    `browser.tabs.query({}).then((tabs) => Promise.all(tabs.map((t) =>
      browser.tabs.sendMessage(t.id, { type: 'backstory/diagnostics' }, { frameId: 0 }).then((d) => ({ tabId: t.id, diag: d }), () => null)
    ))).then((all) => all.filter((x) => x && x.diag && x.diag.ok))`,
    extensionPageContext,
  );
}

/**
 * Reads the diagnostics of the content script of `ff.tab`'s top frame from an extension page
 * (`probe`, opened with `openExtensionTab`): `diag(url)` answers for the document at `url`
 * (null when its content script does not answer yet), `waitForScan(url)` polls until that
 * document reports `status: 'done'`. The tab's id is found on the first answer and kept.
 */
export function firefoxScanWaiter(ff: FirefoxBrowser, probe: string): { diag(url: string): Promise<Diagnostics | null>; waitForScan(url: string, timeout?: number): Promise<Diagnostics> } {
  let tabId: number | undefined;
  const diag = async (url: string): Promise<Diagnostics | null> => {
    if (tabId === undefined) {
      const hit = (await firefoxDiagnostics(ff, probe)).find((x) => x.diag.url === url);
      if (!hit) return null;
      tabId = hit.tabId;
    }
    return ff.evaluate<Diagnostics | null>(`browser.tabs.sendMessage(${tabId}, { type: 'backstory/diagnostics' }, { frameId: 0 }).then((d) => (d && d.ok ? d : null), () => null)`, probe);
  };
  const waitForScan = async (url: string, timeout = 30_000): Promise<Diagnostics> => {
    const end = Date.now() + timeout;
    for (;;) {
      const last = await diag(url).catch(() => null);
      if (last && last.url === url && last.status === 'done') return last;
      if (Date.now() > end)
        throw new Error(
          `timed out after ${timeout} ms waiting for status 'done' on ${url}; last diagnostics: ${last ? JSON.stringify({ ...last, entities: last.entities.slice(0, 20) }) : 'no answer from the content script'}\nFirefox log:\n${ff.log().slice(-1500)}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { diag, waitForScan };
}

/**
 * Merges `patch` into the stored settings (as the popup does), from an extension page
 * opened with `openExtensionTab`: the Firefox twin of `setSettings` in control.ts.
 */
export async function firefoxSetSettings(ff: FirefoxBrowser, extensionPageContext: string, patch: Record<string, unknown>): Promise<void> {
  await ff.evaluate(
    `browser.storage.sync.get('settings').then((got) => {
      const cur = got.settings && typeof got.settings === 'object' && !Array.isArray(got.settings) ? got.settings : {};
      return browser.storage.sync.set({ settings: { ...cur, ...${JSON.stringify(patch)} } });
    }).then(() => true)`,
    extensionPageContext,
  );
}
