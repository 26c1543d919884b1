/**
 * The launch / skip / tear-down block every Chromium e2e file repeated, as one call:
 *   const chrome = chromiumSuite();            // beforeAll: server + browser; afterAll: both closed
 *   describe.skipIf(!hasChromium)('…', () => { it('…', async () => chrome.ctx.newPage() …) });
 * Not re-exported from index.ts: the benchmarks import the harness outside vitest.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type ExtensionBrowser, type LaunchOptions } from './chromium.ts';
import { CHROMIUM_MISSING, chromiumPath } from './paths.ts';
import { startServer, type TestServer } from './server.ts';

/** Whether Chromium is installed (the reason is printed once when it is not). */
export const hasChromium = chromiumPath() !== undefined;
if (!hasChromium) console.warn(CHROMIUM_MISSING);

export interface ChromiumSuite {
  readonly ctx: ExtensionBrowser;
  readonly server: TestServer;
}

/** Starts the fixture server and Chromium with the extension before the file's tests, closes both after. */
export function chromiumSuite(options: LaunchOptions = {}): ChromiumSuite {
  let ctx: ExtensionBrowser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    server = await startServer();
    ctx = await launchChromium(options);
  });
  afterAll(async () => {
    await ctx?.close();
    await server?.close();
  });
  return {
    get ctx() {
      if (!ctx) throw new Error('chromiumSuite: the browser is not running (used outside a test, or Chromium is missing)');
      return ctx;
    },
    get server() {
      if (!server) throw new Error('chromiumSuite: the server is not running');
      return server;
    },
  };
}
