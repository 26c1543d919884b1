/**
 * The card for the glance, in the reader's language (Chromium, 1280×900): stepping through
 * every name marked on the demo article, each card is at most 360 px tall with nothing
 * scrolled inside it, axe-core finds nothing in it, and in Russian or Georgian the card of
 * an entity the pack has translated is mostly in that script.
 *
 * The UI language comes from the browser (Chromium takes it from the environment at
 * launch: en, ru) or from Backstory's language setting: Georgian always (Chromium has no
 * Georgian UI locale, so a reader launches it with --lang=ka and gets English), and Russian
 * in an English browser. Under the setting, the popup, the side panel and the options page
 * speak that language too, with nothing for axe-core to report. The Russian setting case
 * runs in dark mode (prefers-color-scheme), so the colour contrast checks cover both
 * schemes. Each case runs in a browser of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadBundledEntities } from '../../scripts/lib/packs.ts';
import { localSummary } from '../../src/facts/names.ts';
import { sentencesOf } from '../../src/content/card/sentences.ts';
import {
  axeViolations,
  cardAxeViolations,
  lettersOf,
  offScriptCards,
  openExtensionPage,
  scriptShare,
  setSettings,
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
import ka from '../../public/_locales/ka/messages.json';
import ru from '../../public/_locales/ru/messages.json';

const ENTITIES = new Map(loadBundledEntities().map((e) => [e.id, e]));
const CATALOGUES: Record<'ru' | 'ka', Record<string, { message: string }>> = { ru, ka };

type Card = Diagnostics['card'];

/**
 * Cards whose summary is not the whole sentences of the entity's summary in `lang` that fit,
 * or is cut off (an ellipsis) with more than its first sentence shown: "id: shown".
 */
function summariesCutMidSentence(cards: ReadonlyMap<string, Card>, lang: string): string[] {
  const bad: string[] = [];
  for (const [id, c] of cards) {
    const entity = ENTITIES.get(id);
    if (!c.summary || !entity) continue;
    const sentences = sentencesOf(localSummary(entity, lang).text);
    const prefixes = sentences.map((_, k) => sentences.slice(0, k + 1).join(' '));
    if (!prefixes.includes(c.summary.text) || (c.summary.cut && c.summary.text !== prefixes[0])) bad.push(`${id}: ${c.summary.text}`);
  }
  return bad;
}
type Case = { lang: 'en' | 'ru' | 'ka'; via: 'browser' | 'setting'; scheme: 'light' | 'dark' };

const CASES: Case[] = [
  { lang: 'en', via: 'browser', scheme: 'light' },
  { lang: 'ru', via: 'browser', scheme: 'light' },
  { lang: 'ka', via: 'setting', scheme: 'light' },
  { lang: 'ru', via: 'setting', scheme: 'dark' },
];

for (const { lang, via, scheme } of CASES) {
  // Debian's chromium ships only en-US; other UI languages need the chromium-l10n package.
  const ok = hasChromium && (via === 'setting' || hasChromiumLocale(lang));
  if (hasChromium && !ok) console.warn(`Skipping the ${lang} card test: Chromium has no ${lang} locale (apt-get install chromium-l10n).`);
  const name = `${lang}-${via}-${scheme}`;

  describe.skipIf(!ok)(`the card in ${lang}, from the ${via === 'browser' ? 'browser’s UI language' : 'language setting'}, ${scheme} (Chromium)`, () => {
    let server: TestServer;
    let ctx: ExtensionBrowser;
    let page: Page;

    beforeAll(async () => {
      server = await startServer();
      // Under the setting, Georgian is launched as a Georgian reader would (--lang=ka: Chromium
      // falls back to English), Russian in an English browser.
      ctx = via === 'browser' ? await launchChromium({ lang }) : await launchChromium({ args: lang === 'ka' ? ['--lang=ka'] : [] });
      if (via === 'setting') await setSettings(ctx, { language: lang });
      page = await ctx.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(server.demoUrl);
    });
    afterAll(async () => {
      await ctx?.close();
      await server?.close();
    });

    it('fits every card of the demo article in 360 px without scrolling, its summary in whole sentences, in the reader’s script, with nothing for axe', async () => {
      const scanned = await waitForScan(ctx, page);
      const tabId = await tabIdOf(ctx, page);
      const step = () => ctx.sw.evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'backstory/step', direction: 1 }, { frameId: 0 }), tabId);
      const cards = new Map<string, Card>();
      const axe: Record<string, string[]> = {};
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
        if (!c.entityId || cards.has(c.entityId)) continue;
        cards.set(c.entityId, c);
        const found = await cardAxeViolations(page);
        if (found.length) axe[c.entityId] = found.map((v) => `${v.id}: ${v.nodes.join(', ')}`);
      }
      expect([...cards.keys()].sort()).toEqual([...scanned.entities].sort());
      await page.screenshot({ path: join(outDir('card-language'), `${name}.png`) });
      expect(tallCards(cards)).toEqual([]);
      expect(summariesCutMidSentence(cards, lang)).toEqual([]);
      expect(axe).toEqual({});
      if (lang === 'en') return;
      const { translated, low } = offScriptCards(cards, lang, ENTITIES);
      expect(translated).toBeGreaterThan(0);
      expect(low).toEqual([]);
    });

    if (via === 'setting' && lang !== 'en')
      it('speaks the chosen language in the popup, the side panel and the options page, with nothing for axe', async () => {
        const catalogue = CATALOGUES[lang];
        const tab = String(await tabIdOf(ctx, page));
        const found: Record<string, string[]> = {};
        for (const [path, title] of [
          ['src/popup/index.html', 'popupTitle'],
          ['src/sidepanel/index.html', 'panelTitle'],
          ['src/options/index.html', 'optionsTitle'],
        ] as const) {
          const p = await ctx.newPage();
          await p.emulateMedia({ colorScheme: scheme });
          await openExtensionPage(ctx, path, { tab }, p);
          try {
            await p.waitForFunction((lang) => document.documentElement.lang === lang && document.body.innerText.trim().length > 40, lang, { timeout: 10_000 });
            await p.waitForTimeout(300); // the tab's report and the packs arrive a moment later
            expect(await p.title(), path).toBe(catalogue[title]!.message);
            const text = await p.evaluate(() => document.body.innerText);
            // Entity names the pack has only in English, "Backstory" and the English menu entry stay Latin.
            expect(scriptShare(lettersOf(text), lang), `${path}:\n${text.slice(0, 300)}`).toBeGreaterThan(0.6);
            if (path === 'src/popup/index.html') {
              expect(await p.locator('#pp-language').inputValue()).toBe(lang);
              expect(await p.getByRole('combobox', { name: catalogue.language!.message }).count()).toBe(1);
            }
            await p.screenshot({ path: join(outDir('card-language'), `${name}-${path.split('/')[1]}.png`), fullPage: true });
            const v = await axeViolations(p);
            if (v.length) found[path] = v.map((x) => `${x.id}: ${x.nodes.join(', ')}`);
          } finally {
            await p.close();
          }
        }
        expect(found).toEqual({});
      });
  });
}
