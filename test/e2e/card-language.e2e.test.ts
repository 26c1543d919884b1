/**
 * The card for the glance, in the reader's language (Chromium, 1280×900): stepping through
 * every name marked on the demo article, each card is at most 360 px tall with nothing
 * scrolled inside it; under a Russian or Georgian browser, the card of an entity the pack
 * has translated is mostly in that script. Each language runs in a browser of its own
 * (Chromium takes its UI language from the environment at launch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadBundledEntities } from '../../scripts/lib/packs.ts';
import {
  offScriptCards,
  tallCards,
  diagnostics,
  launchChromium,
  outDir,
  startServer,
  tabIdOf,
  waitForDiagnostics,
  waitForScan,
  hasChromiumLocale,
  type Diagnostics,
  type ExtensionBrowser,
  type TestServer,
} from './harness/index.ts';
import { hasChromium } from './harness/suite.ts';

const ENTITIES = new Map(loadBundledEntities().map((e) => [e.id, e]));
/** Debian's chromium ships only en-US; other UI languages need the chromium-l10n package. */

type Card = Diagnostics['card'];

for (const lang of ['en', 'ru', 'ka'] as const) {
  const ok = hasChromium && hasChromiumLocale(lang);
  if (hasChromium && !ok) console.warn(`Skipping the ${lang} card test: Chromium has no ${lang} locale (apt-get install chromium-l10n).`);

  describe.skipIf(!ok)(`the card in ${lang} (Chromium)`, () => {
    let server: TestServer;
    let ctx: ExtensionBrowser;

    beforeAll(async () => {
      server = await startServer();
      ctx = await launchChromium({ lang });
    });
    afterAll(async () => {
      await ctx?.close();
      await server?.close();
    });

    it('fits every card of the demo article in 360 px without scrolling, in the reader’s script', async () => {
      const page = await ctx.newPage();
      await page.goto(server.demoUrl);
      const scanned = await waitForScan(ctx, page);
      const tabId = await tabIdOf(ctx, page);
      const step = () => ctx.sw.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'backstory/step', direction: 1 }, { frameId: 0 }), tabId);
      const cards = new Map<string, Card>();
      // Step until every entity on the page has shown its card (the step wraps around).
      for (let i = 0; i < 200 && cards.size < scanned.entities.length; i++) {
        await step();
        const d = await waitForDiagnostics(ctx, page, (x) => x.card.open && x.card.height !== undefined, { what: 'next card' });
        // The record comes from the background a moment after the card opens: wait for its text to settle.
        let c = d.card;
        for (let k = 0; k < 20; k++) {
          await new Promise((r) => setTimeout(r, 50));
          const again = (await diagnostics(ctx, page))!.card;
          if (again.entityId === c.entityId && again.height === c.height && JSON.stringify(again.letters) === JSON.stringify(c.letters)) break;
          c = again;
        }
        if (c.entityId) cards.set(c.entityId, c);
      }
      expect([...cards.keys()].sort()).toEqual([...scanned.entities].sort());
      await page.screenshot({ path: join(outDir('card-language'), `${lang}.png`) });
      expect(tallCards(cards)).toEqual([]);
      if (lang === 'en') return;
      const { translated, low } = offScriptCards(cards, lang, ENTITIES);
      expect(translated).toBeGreaterThan(0);
      expect(low).toEqual([]);
    });
  });
}
