/**
 * The foundation, end to end, on the demo article with the built extension: names are
 * marked, hovering one opens its card, the side panel lists the page's entities, the
 * popup's switch turns Backstory off (and the choice survives a restart), and the page's
 * nodes and text are never changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  DEMO_DIR,
  closePlainChromium,
  hoverText,
  innerText,
  bodyText,
  launchChromium,
  openExtensionPage,
  outDir,
  plainPage,
  readWatch,
  startServer,
  tabIdOf,
  tempProfile,
  waitForDiagnostics,
  waitForScan,
  watchPage,
  type Diagnostics,
  type ExtensionBrowser,
  type TestServer,
} from './harness/index.ts';
import { hasChromium } from './harness/suite.ts';

/** Entities the seed article names, as the pack ids them. */
const SEED_ENTITIES = ['mikhail-galuzin', 'tbilisi', 'abkhazia', 'south-ossetia', 'sukhumi', 'geneva-international-discussions'];

const totalRanges = (d: Diagnostics): number => Object.values(d.highlights).reduce((a, b) => a + b, 0);

describe.skipIf(!hasChromium)('Backstory on the demo article (Chromium)', () => {
  let server: TestServer;
  let ctx: ExtensionBrowser;
  let page: Page;
  let scanned: Diagnostics;
  let profile = '';
  const shots = outDir('foundation');

  beforeAll(async () => {
    // The demo article again under /csp/, served with a strict Content-Security-Policy.
    server = await startServer({
      routes: {
        '/csp/article.html': readFileSync(join(DEMO_DIR, 'article.html'), 'utf8'),
        '/csp/article.css': readFileSync(join(DEMO_DIR, 'article.css'), 'utf8'),
      },
      headers: { '/csp/*': { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'" } },
    });
    profile = tempProfile();
    ctx = await launchChromium({ userDataDir: profile });
    page = await ctx.newPage();
    await watchPage(page);
    await page.goto(server.demoUrl);
    scanned = await waitForScan(ctx, page);
  });

  afterAll(async () => {
    await ctx?.close();
    await closePlainChromium();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('marks the names of the seed article', async () => {
    expect(scanned.active).toBe(true);
    expect(scanned.entities).toEqual(expect.arrayContaining(SEED_ENTITIES));
    expect(scanned.mentions).toBeGreaterThan(40);
    expect(totalRanges(scanned)).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'marked.png') });
  });

  it('leaves the page alone: no page-node mutation, same innerText, no errors, no remote request', async () => {
    const seen = await readWatch(page);
    expect(seen.mutations).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(ctx.pageErrors).toEqual([]);
    expect(await bodyText(page)).toBe(seen.textAtDomReady);
    const plain = await plainPage();
    await plain.goto(server.demoUrl);
    expect(await innerText(page)).toBe(await innerText(plain));
    await plain.close();
    expect(ctx.blocked).toEqual([]);
  });

  it('shows the card when the pointer rests on "Galuzin"', async () => {
    await hoverText(page, 'Galuzin', 1);
    const d = await waitForDiagnostics(ctx, page, (x) => x.card.open, { timeout: 5000, what: 'the card to open' });
    expect(d.card.entityId).toBe('mikhail-galuzin');
    await page.screenshot({ path: join(shots, 'card.png') });
    await page.mouse.move(2, 2);
    // Still no page-node mutation after the card came and went.
    expect((await readWatch(page)).mutations).toEqual([]);
  });

  it('marks a page served with a strict CSP and opens its cards', async () => {
    const csp = await ctx.newPage();
    try {
      await csp.goto(server.url('/csp/article.html'));
      const d = await waitForScan(ctx, csp);
      expect(d.mentions).toBeGreaterThan(40);
      expect(d.entities).toEqual(expect.arrayContaining(SEED_ENTITIES));
      await hoverText(csp, 'Tbilisi');
      const c = await waitForDiagnostics(ctx, csp, (x) => x.card.open, { timeout: 5000, what: 'the card to open' });
      expect(c.card.entityId).toBe('tbilisi');
      expect(ctx.pageErrors).toEqual([]);
    } finally {
      await csp.close();
    }
  });

  it('lists the entities of the demo tab in the side panel', async () => {
    const tabId = await tabIdOf(ctx, page);
    const panel = await openExtensionPage(ctx, 'src/sidepanel/index.html', { tab: String(tabId) });
    try {
      // As a tab the panel is itself the active tab, so it is pinned with ?tab=<id>; if it
      // follows the active tab instead, activating the demo tab must update it.
      const shown = async (): Promise<boolean> => /Galuzin/.test(await panel.locator('body').innerText());
      if (
        !(await panel
          .waitForFunction(() => /Galuzin/.test(document.body.innerText), null, { timeout: 3000 })
          .then(
            () => true,
            () => false,
          ))
      ) {
        await page.bringToFront();
        await expect.poll(shown, { timeout: 5000 }).toBe(true);
      }
      const text = await panel.locator('body').innerText();
      for (const name of ['Galuzin', 'Tbilisi', 'Abkhazia', 'South Ossetia', 'Geneva International Discussions']) expect(text).toContain(name);
      await panel.screenshot({ path: join(shots, 'sidepanel.png'), fullPage: true });
    } finally {
      await panel.close();
    }
  });

  it('turns Backstory off from the popup, removes the marks, and keeps it off after a restart', async () => {
    const popup = await openExtensionPage(ctx, 'src/popup/index.html');
    const toggle = popup.getByRole('switch', { name: 'Backstory on', exact: true });
    await expect.poll(() => toggle.isChecked(), { timeout: 5000 }).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await popup.screenshot({ path: join(shots, 'popup-off.png') });
    const off = await waitForDiagnostics(ctx, page, (d) => !d.active && d.mentions === 0, { timeout: 5000, what: 'the marks to go' });
    expect(totalRanges(off)).toBe(0);
    expect((await readWatch(page)).mutations).toEqual([]);

    // Restart on the same profile: still off, nothing marked.
    await ctx.close();
    ctx = await launchChromium({ userDataDir: profile });
    page = await ctx.newPage();
    await page.goto(server.demoUrl);
    const after = await waitForDiagnostics(ctx, page, (d) => d.url === page.url() && d.status !== 'scanning', { what: 'the content script to answer' });
    expect(after.active).toBe(false);
    expect(after.mentions).toBe(0);
    expect(totalRanges(after)).toBe(0);
    const popup2 = await openExtensionPage(ctx, 'src/popup/index.html');
    const toggle2 = popup2.getByRole('switch', { name: 'Backstory on', exact: true });
    await expect.poll(() => toggle2.isChecked(), { timeout: 5000 }).toBe(false);

    // And on again: the open tab is marked at once.
    await toggle2.click();
    const on = await waitForDiagnostics(ctx, page, (d) => d.active && d.status === 'done' && d.mentions > 40, { timeout: 10_000, what: 'the marks to come back' });
    expect(on.entities).toEqual(expect.arrayContaining(SEED_ENTITIES));
    await popup2.close();
  });
});
