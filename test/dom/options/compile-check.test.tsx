/**
 * A user pack that passes validation but fails to compile into a matcher (what a content
 * script would silently skip) reaches the reader on the options page: refused at import,
 * and named when a stored pack fails.
 */
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as MatcherModule from '../../../src/matcher/index.ts';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));
// The validator refuses every pack the compiler is known to fail on; this stands in for a
// future compiler limit: any pack naming "orlanda-varnek" fails to compile.
vi.mock('../../../src/matcher/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof MatcherModule>();
  return {
    ...real,
    compileMatcherWithoutSieve: (entities: Parameters<typeof real.compileMatcherWithoutSieve>[0]) => {
      if (entities.some((e) => e.id === 'orlanda-varnek')) throw new Error('entity "orlanda-varnek" cannot be compiled');
      return real.compileMatcherWithoutSieve(entities);
    },
  };
});

const { fake } = await import('../../fakes/browser.ts');
const { App } = await import('../../../src/options/App.tsx');

const VALID = readFileSync(join(import.meta.dirname, '../../fixtures/packs/ui-test-pack.json'), 'utf8');

function choose(text: string, name: string): void {
  const input = screen.getByLabelText('Choose a pack file (JSON)') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
}

// The pages read the bundled packs from the build's packs file: the fake serves it.
beforeEach(() => {
  fake.reset();
  vi.stubGlobal('fetch', fake.fetch);
});
afterEach(() => cleanup());

describe('options: packs that do not compile', () => {
  it('refuses to import a valid pack that fails to compile, says why, and stores nothing', async () => {
    await fake.local.set({ userPacks: [] });
    render(<App />);
    choose(VALID, 'ui-test-pack.json');
    const alerts = await screen.findAllByRole('alert');
    const alert = alerts.find((a) => a.textContent?.includes('was not imported'))!;
    expect(alert.textContent).toContain('“ui-test-pack.json” was not imported; nothing was changed.');
    const items = within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(items).toEqual([expect.stringMatching(/UI test pack \(fictional\).*could not be prepared for marking: entity "orlanda-varnek" cannot be compiled/)]);
    expect(fake.local.data.get('userPacks')).toEqual([]);
    expect(fake.local.data.has('pack:ui-test-pack')).toBe(false);
  });

  it('names a stored pack that fails to compile (one the real compiler refuses), and drops the notice when it is switched off', async () => {
    const pack = JSON.parse(VALID) as { id: string; entities: { id: string; topics: string[] }[] };
    // Stored by hand, as an older version might have: topics repeated past what the compiled matcher encodes.
    pack.entities = pack.entities.filter((e) => e.id !== 'orlanda-varnek');
    pack.entities[0]!.topics = Array.from({ length: 80 }, () => 'diplomacy');
    await fake.local.set({ userPacks: [pack.id], [`pack:${pack.id}`]: pack });
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/UI test pack \(fictional\).*too many topics/);
    await fake.sync.set({ settings: { disabledPacks: [pack.id] } });
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
