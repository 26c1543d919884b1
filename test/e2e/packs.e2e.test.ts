/**
 * Imported packs, end to end in the options page: a broken pack shows its errors and
 * changes nothing; a valid one marks its names on an already open page without a
 * restart; a pack over the storage quota is refused and loses nothing; switching a pack
 * off unmarks it; axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  REPO_ROOT,
  launchChromium,
  openExtensionPage,
  outDir,
  startServer,
  waitForDiagnostics,
  waitForScan,
  type ExtensionBrowser,
  type TestServer,
  axeViolations,
} from './harness/index.ts';
import { hasChromium } from './harness/suite.ts';

const PACKS_DIR = join(REPO_ROOT, 'test/fixtures/packs');

/** An article naming the fictional entities of ui-test-pack.json next to a bundled one. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Accord</title></head><body><article>
<h1>Envoys meet over the accord</h1>
<p>The envoy Orlanda Varnek arrived in Tbilisi on Monday to discuss the Zephyrine Accord with officials.</p>
<p>Varnek said the Zephyrine Accord would be reviewed next year, and that NATO had been informed.</p>
</article></body></html>`;

describe.skipIf(!hasChromium)('imported packs (Chromium)', () => {
  let server: TestServer;
  let ctx: ExtensionBrowser;
  let page: Page;
  let options: Page;
  const shots = outDir('packs');

  const stored = (): Promise<Record<string, unknown>> => ctx.sw.evaluate(() => chrome.storage.local.get(null));
  const choose = async (name: string, buffer: Buffer): Promise<void> => {
    await options.getByLabel('Choose a pack file (JSON)').setInputFiles({ name, mimeType: 'application/json', buffer });
  };

  beforeAll(async () => {
    server = await startServer({ routes: { '/accord.html': ARTICLE } });
    ctx = await launchChromium();
    page = await ctx.newPage();
    await page.goto(server.url('/accord.html'));
    await waitForScan(ctx, page);
    options = await openExtensionPage(ctx, 'src/options/index.html');
    await options.getByRole('heading', { level: 1 }).waitFor();
  });

  afterAll(async () => {
    await ctx?.close();
    await server?.close();
  });

  it('lists the bundled pack; axe finds nothing', async () => {
    await options.getByRole('region', { name: 'Included with Backstory' }).getByRole('switch').first().waitFor();
    await options.screenshot({ path: join(shots, 'options.png'), fullPage: true });
    expect(await axeViolations(options)).toEqual([]);
  });

  it('shows every error of a broken pack and changes nothing', async () => {
    const before = await stored();
    await choose('ui-broken-pack.json', readFileSync(join(PACKS_DIR, 'ui-broken-pack.json')));
    const alert = options.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 5000 }).toContain('was not imported; nothing was changed');
    expect(await alert.locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await alert.innerText()).toMatch(/“broken-one”.*"planet" is not an entity type/);
    expect(await stored()).toEqual(before);
    await options.screenshot({ path: join(shots, 'broken.png'), fullPage: true });
    expect(await axeViolations(options)).toEqual([]);
  });

  it('explains malformed JSON with its line and column', async () => {
    const before = await stored();
    await choose('bad.json', Buffer.from('{\n  "id": "x",\n  "name": oops\n}'));
    await expect.poll(() => options.getByRole('alert').innerText(), { timeout: 5000 }).toMatch(/bad\.json is not valid JSON \(line 3, column 11\)/);
    expect(await stored()).toEqual(before);
  });

  it('imports a valid pack, and the open page marks its names without a restart', async () => {
    expect((await waitForScan(ctx, page)).entities).not.toContain('zephyrine-accord');
    await choose('ui-test-pack.json', readFileSync(join(PACKS_DIR, 'ui-test-pack.json')));
    await expect.poll(() => options.getByRole('status').first().innerText(), { timeout: 5000 }).toMatch(/Imported “UI test pack/);
    await options
      .getByRole('region', { name: 'Imported packs' })
      .getByRole('switch', { name: /UI test pack/ })
      .waitFor();
    const d = await waitForDiagnostics(ctx, page, (x) => x.entities.includes('zephyrine-accord') && x.entities.includes('orlanda-varnek'), {
      timeout: 10_000,
      what: 'the imported names to be marked',
    });
    expect(d.mentions).toBeGreaterThanOrEqual(4);
  });

  it('imports the data engineer’s minimal pack when it is there', async () => {
    const file = join(PACKS_DIR, 'minimal-pack.json');
    if (!existsSync(file)) return;
    await choose('minimal-pack.json', readFileSync(file));
    await expect.poll(() => options.getByRole('status').first().innerText(), { timeout: 5000 }).toMatch(/Imported|Updated/);
  });

  it('refuses a pack over the storage quota and keeps what was stored', async () => {
    const before = await stored();
    const pack = JSON.parse(readFileSync(join(PACKS_DIR, 'ui-test-pack.json'), 'utf8')) as { id: string; name: string; entities: Record<string, unknown>[] };
    const filler = 'Filler text for a pack too large for storage. '.repeat(5);
    const template = pack.entities[1]!;
    pack.id = 'ui-huge-pack';
    pack.name = 'UI huge pack';
    // ~12 MB: over Chrome's 10 MB storage.local quota.
    pack.entities = Array.from({ length: 5200 }, (_, i) => ({
      ...template,
      id: `huge-${i}`,
      name: `Hugename ${i}`,
      aliases: { en: [`Hugename ${i}`] },
      related: [],
      facts: Array.from({ length: 8 }, (_, k) => ({ label: `Fact ${k}`, value: filler, asOf: '2020', source: 'fixture' })),
    }));
    await choose('huge.json', Buffer.from(JSON.stringify(pack)));
    await expect.poll(() => options.getByRole('alert').innerText(), { timeout: 30_000 }).toMatch(/too large/);
    expect(await stored()).toEqual(before);
    expect((await waitForDiagnostics(ctx, page, () => true)).entities).toContain('zephyrine-accord');
  });

  it('switches the imported pack off and removes it', async () => {
    const imported = options.getByRole('region', { name: 'Imported packs' });
    await imported.getByRole('switch', { name: /UI test pack/ }).click();
    await waitForDiagnostics(ctx, page, (x) => !x.entities.includes('zephyrine-accord'), { timeout: 10_000, what: 'the pack’s names to go' });
    await imported.getByRole('button', { name: 'Remove UI test pack (fictional)' }).click();
    await expect.poll(async () => ((await stored()).userPacks as string[] | undefined) ?? []).not.toContain('ui-test-pack');
  });
});
