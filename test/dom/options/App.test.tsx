import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { fake } = await import('../../fakes/browser.ts');
const { PACKS } = await import('../../fakes/packs.ts');
const { App } = await import('../../../src/options/App.tsx');

const FIXTURES = join(import.meta.dirname, '../../fixtures/packs');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const VALID = fixture('ui-test-pack.json');
const BROKEN = fixture('ui-broken-pack.json');

function choose(text: string, name: string): void {
  const input = screen.getByLabelText('Choose a pack file (JSON)') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const snapshot = (): string => JSON.stringify([...fake.local.data].sort(([a], [b]) => a.localeCompare(b)));

// The pages read the bundled packs from the build's packs file: the fake serves it.
beforeEach(() => {
  fake.reset();
  vi.stubGlobal('fetch', fake.fetch);
});
afterEach(() => cleanup());

describe('options App (packs)', () => {
  it('lists the bundled pack with an on/off switch that saves disabledPacks', async () => {
    render(<App />);
    const bundled = await screen.findByRole('region', { name: 'Included with Backstory' });
    // The bundled packs come from the build's packs file, read when the page opens.
    const sw = await within(bundled).findByRole('switch', { name: new RegExp(PACKS[0]!.name) });
    expect(sw.getAttribute('aria-checked')).toBe('true');
    expect(sw.textContent).toContain(`${PACKS[0]!.entities.length} entries`);
    fireEvent.click(sw);
    await waitFor(() => expect((fake.sync.data.get('settings') as { disabledPacks: string[] }).disabledPacks).toEqual([PACKS[0]!.id]));
  });

  it('imports a valid pack and lists it with version, entries and size', async () => {
    render(<App />);
    choose(VALID, 'ui-test-pack.json');
    expect(await screen.findByText(/Imported “UI test pack \(fictional\)” \(2 entries\)/)).toBeTruthy();
    expect(fake.local.data.get('userPacks')).toEqual(['ui-test-pack']);
    const imported = screen.getByRole('region', { name: 'Imported packs' });
    const sw = await within(imported).findByRole('switch', { name: /UI test pack/ });
    expect(sw.textContent).toMatch(/version 1\.0\.0 · 2 entries · [\d.]+ KB/);
  });

  it('shows every error of a broken pack in plain words and stores nothing', async () => {
    await fake.local.set({ userPacks: [] });
    const before = snapshot();
    render(<App />);
    choose(BROKEN, 'ui-broken-pack.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“ui-broken-pack.json” was not imported; nothing was changed.');
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.some((s) => /Entry “broken-one”, .*type: "planet" is not an entity type/.test(s))).toBe(true);
    expect(items.some((s) => /Entry “broken-one”, .*url: expected an http\(s\) URL/.test(s))).toBe(true);
    expect(items.some((s) => /Entry “broken-two”, .*summary/.test(s))).toBe(true);
    expect(snapshot()).toBe(before);
  });

  it('explains malformed JSON with the line and column of the problem', async () => {
    render(<App />);
    choose('{\n  "id": "x",\n  "name": oops\n}', 'bad.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/bad\.json is not valid JSON \(line 3, column 11\)/);
    expect(fake.local.data.size).toBe(0);
  });

  it('refuses a pack over the storage quota and keeps the packs already there', async () => {
    render(<App />);
    choose(VALID, 'ui-test-pack.json');
    await screen.findByText(/Imported “UI test pack/);
    const before = snapshot();
    fake.local.quotaBytes = fake.local.data.size ? JSON.stringify([...fake.local.data]).length + 200 : 0;
    const big = JSON.parse(VALID) as { id: string; name: string; entities: { summary: string }[] };
    big.id = 'ui-big-pack';
    big.name = 'UI big pack';
    big.entities = big.entities.map((e, i) => ({ ...e, id: `big-${i}`, aliases: { en: [`Bigname ${i}`] }, related: [] })) as never;
    choose(JSON.stringify(big), 'big.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/too large/);
    expect(snapshot()).toBe(before);
    expect(fake.local.data.get('userPacks')).toEqual(['ui-test-pack']);
  });

  it('refuses a pack that reuses the bundled pack’s id', async () => {
    render(<App />);
    const clash = JSON.parse(VALID) as { id: string };
    clash.id = PACKS[0]!.id;
    choose(JSON.stringify(clash), 'clash.json');
    expect((await screen.findByRole('alert')).textContent).toMatch(/comes with Backstory/);
    expect(fake.local.data.size).toBe(0);
  });

  it('switches off, exports and removes an imported pack', async () => {
    const urls: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      urls.push(b);
      return 'blob:fake';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('ui-test-pack-1.0.0.json');
    });
    render(<App />);
    choose(VALID, 'ui-test-pack.json');
    const imported = screen.getByRole('region', { name: 'Imported packs' });
    const sw = await within(imported).findByRole('switch', { name: /UI test pack/ });
    fireEvent.click(sw);
    await waitFor(() => expect((fake.sync.data.get('settings') as { disabledPacks: string[] }).disabledPacks).toEqual(['ui-test-pack']));

    fireEvent.click(within(imported).getByRole('button', { name: 'Export UI test pack (fictional)' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(JSON.parse(await urls[0]!.text())).toMatchObject({ id: 'ui-test-pack', entities: [{ id: 'zephyrine-accord' }, { id: 'orlanda-varnek' }] });

    fireEvent.click(within(imported).getByRole('button', { name: 'Remove UI test pack (fictional)' }));
    await waitFor(() => expect(fake.local.data.get('userPacks')).toEqual([]));
    expect(fake.local.data.has('pack:ui-test-pack')).toBe(false);
    expect(await screen.findByText('Removed “UI test pack (fictional)”.')).toBeTruthy();
    await waitFor(() => expect((fake.sync.data.get('settings') as { disabledPacks: string[] }).disabledPacks).toEqual([]));
    clicked.mockRestore();
  });
});
