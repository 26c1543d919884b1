/**
 * Firefox ESR with dist/firefox installed as a temporary add-on, driven over Firefox's
 * built-in WebDriver BiDi (TOOLCHAIN.md §4; no geckodriver, Playwright cannot drive stock
 * Firefox). Offline: the profile sends every non-local request to a closed proxy port.
 *
 * The extension's moz-extension:// UUID is pinned before launch through the profile pref
 * `extensions.webextensions.uuids`, so extension pages have a known URL (`extensionUrl`).
 * BiDi refuses `browsingContext.navigate` to moz-extension:// URLs ("not allowed in this
 * context"), so Firefox starts with system access (MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1) and
 * `openExtensionTab` opens the page from the browser window (`gBrowser.addTab` with the
 * system principal); `openSidebar` shows the real sidebar. Extension pages opened this way
 * can be evaluated in, with the `browser.*` APIs (e.g. `firefoxDiagnostics`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { FIREFOX_MISSING, firefoxPath, requireDist } from './paths.ts';
import { GECKO_ID } from '../../../manifest.config.ts';

export interface FirefoxOptions {
  /** Default dist/firefox (must be built). */
  dist?: string;
  viewport?: { width: number; height: number };
}

/** A running Firefox with the extension, and a small BiDi client. */
export interface FirefoxBrowser {
  /** Sends one BiDi command and resolves to its result (rejects on a BiDi error). */
  send<T = Record<string, unknown>>(method: string, params?: object): Promise<T>;
  /** The top-level browsing context (tab) opened at start. */
  tab: string;
  /** The add-on id returned by `webExtension.install`. */
  extensionId: string;
  /** The pinned internal UUID (moz-extension://<uuid>/). */
  uuid: string;
  /** moz-extension://<uuid>/<path> */
  extensionUrl(path: string): string;
  /** Navigates a tab and waits for `load`. */
  navigate(url: string, context?: string): Promise<void>;
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
  /** Firefox's stderr so far (for failure messages). */
  log(): string;
  close(): Promise<void>;
}

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
};

/** Starts Firefox ESR headless, installs the extension, opens one tab. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxBrowser> {
  const bin = firefoxPath();
  if (!bin) throw new Error(FIREFOX_MISSING);
  const dist = options.dist ?? requireDist('firefox');
  const profile = mkdtempSync(join(tmpdir(), 'backstory-ff-'));
  const uuid = randomUUID();
  const prefs = { ...PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) };
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n');

  const { width, height } = options.viewport ?? { width: 1280, height: 900 };
  const proc: ChildProcess = spawn(bin, ['--headless', '--remote-debugging-port', '0', '--profile', profile, '--no-remote', '--width', String(width), '--height', String(height), 'about:blank'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1', MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
  });
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
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void; method: string }>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; type?: string; result?: unknown; error?: string; message?: string };
    if (msg.id === undefined) return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'error') p.fail(new Error(`${p.method}: ${msg.error}: ${msg.message}`));
    else p.ok(msg.result);
  });
  const send = <T,>(method: string, params: object = {}): Promise<T> =>
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
    rmSync(profile, { recursive: true, force: true });
  };

  try {
    await send('session.new', { capabilities: {} });
    const installed = await send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: dist } });
    const tree = await send<{ contexts: { context: string }[] }>('browsingContext.getTree', { maxDepth: 0 });
    const tab = tree.contexts[0]!.context;
    const evaluate = async <T,>(expression: string, context = tab): Promise<T> => {
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
    const extensionUrl = (path: string): string => `moz-extension://${uuid}/${path.replace(/^\//, '')}`;
    const chromeEvaluate = async <T,>(expression: string): Promise<T> => {
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
    return {
      send,
      tab,
      chromeEvaluate,
      openExtensionTab,
      openSidebar,
      extensionId: installed.extension,
      uuid,
      extensionUrl,
      navigate: async (url, context = tab) => {
        await send('browsingContext.navigate', { context, url, wait: 'complete' });
      },
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
