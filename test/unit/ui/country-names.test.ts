/**
 * Country names on Georgian cards where the browser's Intl has no Georgian data
 * (Chromium): the build writes the names of every country the bundled sources are tied to.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { countryNames, loadValidatedPacks } from '../../../scripts/lib/vite-plugin-packs.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('built-in country names', () => {
  it('name every country of the bundled sources in Georgian, as Intl with Georgian data does', () => {
    const packs = loadValidatedPacks();
    const codes = new Set(packs.flatMap((p) => p.entities.flatMap((e) => e.sources.map((s) => s.country ?? ''))).filter(Boolean));
    const ka = countryNames(packs).ka!;
    expect(Object.keys(ka).sort()).toEqual([...codes].sort());
    expect(ka.RU).toBe(new Intl.DisplayNames(['ka'], { type: 'region' }).of('RU'));
    expect(Object.values(ka).every((n) => /^[\u10d0-\u10ff -]+$/.test(n))).toBe(true);
  });

  it('are used when the browser cannot name countries in Georgian, never over a browser that can', async () => {
    const Real = Intl.DisplayNames;
    // A browser without Georgian data: its DisplayNames for ['ka', 'en'] resolve to English.
    class English extends Real {
      constructor(_locales: string[], options: Intl.DisplayNamesOptions) {
        super(['en'], options);
      }
    }
    vi.stubGlobal('Intl', { ...Intl, DisplayNames: English });
    const withoutKa = await import('../../../src/ui/source-kind.ts');
    expect(withoutKa.countryName('RU', 'ka')).toBe('რუსეთი');
    expect(withoutKa.countryName('RU', 'en')).toBe('Russia');
    expect(withoutKa.countryName('ZW', 'ka')).toBe('Zimbabwe'); // not a country of the packs: English
    vi.unstubAllGlobals();
    vi.resetModules();
    const withKa = await import('../../../src/ui/source-kind.ts');
    expect(withKa.countryName('RU', 'ka')).toBe('რუსეთი');
    expect(withKa.countryName('ZW', 'ka')).toBe(new Real(['ka'], { type: 'region' }).of('ZW'));
  });
});
