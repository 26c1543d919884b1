/**
 * Firefox ESR smoke test: dist/firefox installed as a temporary add-on over WebDriver BiDi
 * marks the demo article (seen from the page's main world through the shared
 * `CSS.highlights` registry and through the diagnostics contract), and its sidebar page
 * renders. Skipped without firefox-esr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIREFOX_MISSING, firefoxDiagnostics, firefoxPath, launchFirefox, outDir, startServer, type FirefoxBrowser, type TestServer } from './harness/index.ts';

const hasFirefox = firefoxPath() !== undefined;
if (!hasFirefox) console.warn(FIREFOX_MISSING);

/** Our highlights as the page sees them: name → number of ranges (main world may iterate). */
const HIGHLIGHTS = `(() => {
  const out = {};
  for (const [name, h] of CSS.highlights) if (name.startsWith('backstory')) out[name] = h.size;
  return out;
})()`;

describe.skipIf(!hasFirefox)('Backstory in Firefox ESR (smoke)', () => {
  let server: TestServer;
  let ff: FirefoxBrowser;
  const shots = outDir('firefox');
  let demoTabId = 0;

  beforeAll(async () => {
    server = await startServer();
    ff = await launchFirefox();
  });

  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('installs as a temporary add-on with its gecko id', () => {
    expect(ff.extensionId).toBe('backstory@backstory.invalid');
  });

  it('marks the demo article', async () => {
    await ff.navigate(server.demoUrl);
    let marks: Record<string, number> = {};
    const end = Date.now() + 15_000;
    while (Date.now() < end) {
      marks = await ff.evaluate<Record<string, number>>(HIGHLIGHTS);
      if (Object.values(marks).reduce((a, b) => a + b, 0) > 40) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await ff.screenshot(join(shots, 'demo.png'));
    expect(Object.keys(marks).length, `no backstory highlight registered; Firefox log:\n${ff.log().slice(-2000)}`).toBeGreaterThan(0);
    expect(Object.values(marks).reduce((a, b) => a + b, 0)).toBeGreaterThan(40);
    // The page's text is untouched (marks are highlights, not elements).
    expect(await ff.evaluate<number>(`document.querySelectorAll('mark, [data-backstory]').length`)).toBe(0);
  });

  it('reports diagnostics for the demo tab to an extension page', async () => {
    const probe = await ff.openExtensionTab('src/sidepanel/index.html');
    try {
      const all = await firefoxDiagnostics(ff, probe);
      const demo = all.find((x) => x.diag.url === server.demoUrl);
      expect(demo, `no diagnostics from the demo tab: ${JSON.stringify(all)}`).toBeDefined();
      demoTabId = demo!.tabId;
      expect(demo!.diag.status).toBe('done');
      expect(demo!.diag.mentions as number).toBeGreaterThan(40);
      expect(demo!.diag.entities).toEqual(expect.arrayContaining(['mikhail-galuzin', 'tbilisi']));
    } finally {
      await ff.send('browsingContext.close', { context: probe });
    }
  });

  it('renders the sidebar page with the entities of the demo tab', async () => {
    expect(demoTabId, 'needs the demo tab id from the previous test').toBeGreaterThan(0);
    // As a tab the panel would follow itself; ?tab=<id> pins it to the demo tab.
    const panel = await ff.openExtensionTab(`src/sidepanel/index.html?tab=${demoTabId}`);
    try {
      let text = '';
      const end = Date.now() + 10_000;
      while (Date.now() < end) {
        text = await ff.evaluate<string>('document.body ? document.body.innerText : ""', panel);
        if (text.includes('Galuzin')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      await ff.screenshot(join(shots, 'sidebar-page.png'), panel);
      expect(text).toContain('Galuzin');
      expect(text).toContain('Tbilisi');
    } finally {
      await ff.send('browsingContext.close', { context: panel });
    }
  });

  it('opens its sidebar', async () => {
    expect(await ff.openSidebar()).toBe(ff.extensionUrl('src/sidepanel/index.html'));
  });
});
