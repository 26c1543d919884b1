/**
 * The settings popup, end to end (opened as a tab pinned to the demo tab with ?tab=):
 * every control changes what the page shows (read through diagnostics), per-site off is
 * undone, choices survive a restart, and axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadBundledEntities } from '../../scripts/lib/packs.ts';
import {
  hoverText,
  launchChromium,
  openExtensionPage,
  outDir,
  startServer,
  tabIdOf,
  tempProfile,
  waitForDiagnostics,
  waitForScan,
  type Diagnostics,
  type ExtensionBrowser,
  type TestServer,
  axeViolations,
} from './harness/index.ts';
import { hasChromium } from './harness/suite.ts';

const ENTITIES = new Map(loadBundledEntities().map((e) => [e.id, e]));
const TYPE_LABEL: Record<string, string> = { person: 'People', place: 'Places', organization: 'Organisations', event: 'Events', agreement: 'Agreements', topic: 'Topics' };
const TOPIC_LABEL: Record<string, string> = {
  'conflict-security': 'Conflict & security',
  diplomacy: 'Diplomacy',
  'politics-elections': 'Politics & elections',
  'economy-trade': 'Economy & trade',
  energy: 'Energy',
  transport: 'Transport',
  media: 'Media',
  'law-rights': 'Law & rights',
};

const ranges = (d: Diagnostics, name: string): number => d.highlights[name] ?? 0;

describe.skipIf(!hasChromium)('settings popup (Chromium)', () => {
  let server: TestServer;
  let ctx: ExtensionBrowser;
  let page: Page;
  let popup: Page;
  let base: Diagnostics;
  let profile = '';
  const shots = outDir('popup');

  const openPopup = async (): Promise<Page> => {
    const p = await openExtensionPage(ctx, 'src/popup/index.html', { tab: String(await tabIdOf(ctx, page)) });
    await p.getByRole('switch', { name: 'Backstory on', exact: true }).waitFor({ timeout: 10_000 });
    return p;
  };
  const settle = (what: string, until: (d: Diagnostics) => boolean): Promise<Diagnostics> => waitForDiagnostics(ctx, page, until, { timeout: 8000, what });

  beforeAll(async () => {
    server = await startServer();
    profile = tempProfile();
    ctx = await launchChromium({ userDataDir: profile });
    page = await ctx.newPage();
    await page.goto(server.demoUrl);
    base = await waitForScan(ctx, page);
    popup = await openPopup();
  });

  afterAll(async () => {
    await ctx?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('shows how many mentions on the page each type and topic covers; axe finds nothing', async () => {
    const types = popup.getByRole('group', { name: 'Types' });
    await expect.poll(async () => (await types.locator('.pp-count').allInnerTexts()).reduce((n, s) => n + (parseInt(s, 10) || 0), 0), { timeout: 5000 }).toBe(base.mentions);
    await popup.screenshot({ path: join(shots, 'popup.png'), fullPage: true });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: join(shots, 'popup-dark.png'), fullPage: true });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('hides a type and brings it back', async () => {
    const id = base.entities[0]!;
    const type = ENTITIES.get(id)!.type;
    const box = popup.getByRole('group', { name: 'Types' }).getByRole('checkbox', { name: new RegExp(TYPE_LABEL[type]!) });
    await box.uncheck();
    const hidden = await settle(`type ${type} hidden`, (d) => !d.entities.includes(id) && d.mentions < base.mentions);
    expect(hidden.entities.every((e) => ENTITIES.get(e)?.type !== type)).toBe(true);
    await box.check();
    await settle('all back', (d) => d.mentions === base.mentions);
  });

  it('hides a topic and brings it back', async () => {
    const topic = ENTITIES.get(base.entities.find((e) => ENTITIES.get(e)?.topics.length)!)!.topics[0]!;
    const box = popup.getByRole('group', { name: 'Topics' }).getByRole('checkbox', { name: new RegExp(TOPIC_LABEL[topic]!.replace('&', '\\&')) });
    await box.uncheck();
    await settle(`topic ${topic} hidden`, (d) => d.mentions < base.mentions);
    await box.check();
    await settle('all back', (d) => d.mentions === base.mentions);
  });

  it('changes the highlight style: background, none, underline', async () => {
    await popup.getByRole('radio', { name: 'Background' }).check();
    await settle('background style', (d) => ranges(d, 'backstory-background') > 0 && ranges(d, 'backstory-underline') === 0);
    await popup.getByRole('radio', { name: 'None' }).check();
    await settle('no style', (d) => ranges(d, 'backstory-background') === 0 && ranges(d, 'backstory-underline') === 0);
    await popup.getByRole('radio', { name: 'Underline' }).check();
    await settle('underline style', (d) => ranges(d, 'backstory-underline') > 0);
  });

  it('marks the first mention only, and every mention again', async () => {
    const box = popup.getByRole('checkbox', { name: 'Mark the first mention only' });
    await box.check();
    await settle('first mentions only', (d) => d.mentions === d.entities.length && d.mentions < base.mentions);
    await box.uncheck();
    await settle('all mentions', (d) => d.mentions === base.mentions);
  });

  it('opens cards on click only, and after the chosen delay', async () => {
    const name = ENTITIES.get(base.entities[0]!)!.name;
    await popup.getByRole('combobox', { name: 'Show cards' }).selectOption('click');
    await page.bringToFront();
    await new Promise((r) => setTimeout(r, 300));
    await hoverText(page, name);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await settle('card state', () => true)).card.open).toBe(false);
    await page.mouse.down();
    await page.mouse.up();
    await settle('card open on click', (d) => d.card.open);
    await page.keyboard.press('Escape');
    await page.mouse.move(2, 2);
    await settle('card closed', (d) => !d.card.open);

    await popup.getByRole('combobox', { name: 'Show cards' }).selectOption('hover');
    const delay = popup.getByRole('spinbutton', { name: 'Show after' });
    await delay.fill('1500');
    await delay.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    await page.bringToFront();
    await hoverText(page, name);
    await new Promise((r) => setTimeout(r, 700));
    expect((await settle('card state', () => true)).card.open).toBe(false);
    await settle('card open after the delay', (d) => d.card.open);
    await page.mouse.move(2, 2);
    await delay.fill('250');
    await delay.press('Enter');
  });

  it('switches the site off and back on', async () => {
    const site = popup.getByRole('switch', { name: /On for this site/ });
    await expect.poll(() => site.getAttribute('aria-checked')).toBe('true');
    await site.click();
    await settle('site off', (d) => !d.active && d.mentions === 0);
    await expect.poll(() => site.getAttribute('aria-checked')).toBe('false');
    await site.click();
    await settle('site on', (d) => d.active && d.mentions === base.mentions);
  });

  it('keeps its choices after a restart, and resets to the defaults', async () => {
    await popup.getByRole('radio', { name: 'Background' }).check();
    await popup.getByRole('checkbox', { name: 'Mark the first mention only' }).check();
    await settle('first mentions, background', (d) => d.mentions === d.entities.length && ranges(d, 'backstory-background') > 0);

    await ctx.close();
    ctx = await launchChromium({ userDataDir: profile });
    page = await ctx.newPage();
    await page.goto(server.demoUrl);
    const after = await waitForScan(ctx, page);
    expect(after.mentions).toBe(after.entities.length);
    expect(ranges(after, 'backstory-background')).toBeGreaterThan(0);
    popup = await openPopup();
    expect(await popup.getByRole('radio', { name: 'Background' }).isChecked()).toBe(true);
    expect(await popup.getByRole('checkbox', { name: 'Mark the first mention only' }).isChecked()).toBe(true);

    await popup.getByRole('button', { name: 'Reset to defaults' }).click();
    await settle('defaults', (d) => d.mentions === base.mentions && ranges(d, 'backstory-underline') > 0);
    expect(await popup.getByRole('radio', { name: 'Underline' }).isChecked()).toBe(true);
  });
});
