/**
 * Backstory in a Russian and a Georgian Firefox ESR (Chromium has no Georgian UI locale;
 * Firefox does, through Debian's firefox-esr-l10n-ka / -ru language packs, which
 * scripts/ensure-browsers.sh installs). In each: the extension's pages speak the reader's
 * language, and stepping through every name of the demo article, each card is at most
 * 360 px tall with nothing scrolled inside it, and mostly in the reader's script for the
 * entities the pack has translated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledEntities } from '../../scripts/lib/packs.ts';
import {
  axeSource,
  FIREFOX_MISSING,
  offScriptCards,
  tallCards,
  firefoxDiagnostics,
  firefoxPath,
  launchFirefox,
  outDir,
  startServer,
  type Diagnostics,
  type FirefoxBrowser,
  type TestServer,
} from './harness/index.ts';
import ka from '../../public/_locales/ka/messages.json';
import ru from '../../public/_locales/ru/messages.json';

const ENTITIES = new Map(loadBundledEntities().map((e) => [e.id, e]));
const CATALOGUES = { ka, ru } as Record<string, Record<string, { message: string }>>;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const hasFirefox = firefoxPath() !== undefined;
if (!hasFirefox) console.warn(FIREFOX_MISSING);
/** Debian installs language packs as system add-ons here. */
const langpack = (lang: string): boolean => existsSync(`/usr/lib/firefox-esr/browser/extensions/langpack-${lang}@firefox-esr.mozilla.org.xpi`);

for (const lang of ['ka', 'ru'] as const) {
  const ok = hasFirefox && langpack(lang);
  if (hasFirefox && !ok) console.warn(`Skipping the ${lang} Firefox test: no language pack (apt-get install firefox-esr-l10n-${lang}).`);

  describe.skipIf(!ok)(`Backstory in a ${lang} Firefox ESR`, () => {
    let server: TestServer;
    let ff: FirefoxBrowser;
    let probe = '';

    beforeAll(async () => {
      server = await startServer();
      ff = await launchFirefox({
        // The language pack is a system add-on: let it load in a fresh profile, and ask for its language.
        prefs: { 'intl.locale.requested': lang, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 },
      });
      await ff.navigate(server.demoUrl);
      probe = await ff.openExtensionTab('src/sidepanel/index.html');
    });
    afterAll(async () => {
      await ff?.close();
      await server?.close();
    });

    async function demo(): Promise<{ tabId: number; diag: Diagnostics }> {
      const all = await firefoxDiagnostics(ff, probe);
      const d = all.find((x) => x.diag.url === server.demoUrl);
      if (!d) throw new Error(`no diagnostics from the demo tab: ${JSON.stringify(all)}`);
      return { tabId: d.tabId, diag: d.diag as unknown as Diagnostics };
    }

    it('speaks the reader’s language in the extension’s pages', async () => {
      expect(await ff.evaluate<string>('browser.i18n.getUILanguage()', probe)).toMatch(new RegExp(`^${lang}`));
      const catalogue = CATALOGUES[lang]!;
      const end = Date.now() + 10_000;
      let text = '';
      while (Date.now() < end) {
        text = await ff.evaluate<string>('document.body.innerText', probe);
        if (text.includes(catalogue.panelSearchLabel?.message ?? '\u0000') || text.includes(catalogue.panelTitle!.message)) break;
        await sleep(200);
      }
      expect(await ff.evaluate<string>('document.documentElement.lang', probe)).toBe(lang);
      const script = lang === 'ka' ? /[\u10d0-\u10ff]/g : /[\u0400-\u04ff]/g;
      expect((text.match(script) ?? []).length, `the panel shows no ${lang} text:\n${text.slice(0, 400)}`).toBeGreaterThan(20);
      await ff.screenshot(join(outDir('firefox-lang'), `panel-${lang}.png`), probe);
    });

    it('has no accessibility violations (axe-core) on the side panel, the popup and the options page', async () => {
      const found: Record<string, string[]> = {};
      for (const path of ['src/sidepanel/index.html', 'src/popup/index.html', 'src/options/index.html']) {
        const tab = await ff.openExtensionTab(path);
        try {
          // Let the page render its first state.
          for (let i = 0; i < 50 && !(await ff.evaluate<boolean>('document.body.innerText.trim().length > 20', tab)); i++) await sleep(100);
          await ff.evaluate(`${axeSource()}; true`, tab);
          found[path] = await ff.evaluate<string[]>(`axe.run(document).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`, tab);
          if (path.includes('popup')) await ff.screenshot(join(outDir('firefox-lang'), `popup-${lang}.png`), tab);
        } finally {
          await ff.send('browsingContext.close', { context: tab });
        }
      }
      expect(found).toEqual({ 'src/sidepanel/index.html': [], 'src/popup/index.html': [], 'src/options/index.html': [] });
    });

    it('fits every card of the demo article in 360 px without scrolling, mostly in the reader’s script', async () => {
      // A fresh extension tab to ask from (the pages opened above may have taken the old one's place).
      probe = await ff.openExtensionTab('src/sidepanel/index.html');
      let { tabId, diag } = await demo();
      for (const end = Date.now() + 15_000; diag.status !== 'done' && Date.now() < end;) {
        await sleep(100);
        ({ tabId, diag } = await demo());
      }
      expect(diag.status).toBe('done');
      const cards = new Map<string, Diagnostics['card']>();
      for (let i = 0; i < 200 && cards.size < diag.entities.length; i++) {
        await ff.evaluate(`browser.tabs.sendMessage(${tabId}, { type: 'backstory/step', direction: 1 }, { frameId: 0 }).then(() => true)`, probe);
        let last: Diagnostics['card'] | undefined;
        // Wait for the card and its record (which comes from the background a moment later) to settle.
        for (let k = 0; k < 40; k++) {
          await sleep(60);
          const c = (await demo()).diag.card;
          if (c.open && c.height !== undefined && last && c.entityId === last.entityId && c.height === last.height && JSON.stringify(c.letters) === JSON.stringify(last.letters)) break;
          last = c;
        }
        if (last?.entityId) cards.set(last.entityId, last);
      }
      expect([...cards.keys()].sort()).toEqual([...diag.entities].sort());
      await ff.screenshot(join(outDir('firefox-lang'), `card-${lang}.png`));
      expect(tallCards(cards)).toEqual([]);
      const { translated, low } = offScriptCards(cards, lang, ENTITIES);
      expect(translated).toBeGreaterThan(0);
      expect(low).toEqual([]);
    });
  });
}
