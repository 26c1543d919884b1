import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));
const { MAX_PROBE_TEXT, entitiesOn, probeText } = await import('../../../src/background/probe.ts');
const { fake } = await import('../../fakes/browser.ts');

describe('the background’s answer to the page probe', () => {
  it('says yes on a region name, blocks run together; no on world-level names only', () => {
    expect(probeText('HomeWorldTbilisiSport', []).names).toBe(true);
    expect(probeText('Галузин прибыл в Женеву.', []).names).toBe(true);
    expect(probeText('The United States and NATO met in Brussels.', []).names).toBe(false);
    const { ms } = probeText('Sokhumi', []);
    expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('counts only the packs switched on', () => {
    // The background passes the ids of the bundled entities still on (`entitiesOn`).
    expect(probeText('Talks in Tbilisi.', ['russia-georgia'], undefined, new Set()).names).toBe(false);
    expect(probeText('Talks in Tbilisi.', ['some-imported-pack'], undefined, new Set(['tbilisi'])).names).toBe(true);
    expect(probeText('Talks in Tbilisi.', []).names).toBe(true);
  });

  it('answers a whole page asked in parts once it has read them all, when only the page’s evidence can decide a name', () => {
    const part = (id: string, first: boolean, last: boolean) => ({ id, first, last });
    // "Formula" alone names a motor race; with the channel's cue words elsewhere on the page, the Georgian channel.
    expect(probeText('Formula aired a report.', [], part('a', true, false)).names).toBe(false);
    expect(probeText('The channel and its broadcaster', [], part('a', false, false)).names).toBe(false);
    expect(probeText('TV', [], part('a', false, true)).names).toBe(true);
    expect(probeText('Formula 1 and Formula E', [], part('b', true, false)).names).toBe(false);
    expect(probeText('Sport', [], part('b', false, true)).names).toBe(false);
    // An unambiguous name is a yes at once.
    expect(probeText('Talks in Tbilisi.', [], part('c', true, false)).names).toBe(true);
    // A part of a page this background does not know (restarted in between, or forgotten): yes, walk it.
    expect(probeText('Sport', [], part('never-started', false, true)).names).toBe(true);
    // The same id with other packs switched off is another page's question.
    expect(probeText('Formula aired a report.', [], part('d', true, false)).names).toBe(false);
    expect(probeText('channel broadcaster TV', ['russia-georgia'], part('d', false, true), new Set()).names).toBe(true);
  });

  it('refuses what is not a page text: not a string, or longer than a question can be', () => {
    expect(() => probeText(42, [])).toThrow(/probe/);
    expect(() => probeText('x'.repeat(MAX_PROBE_TEXT + 1), [])).toThrow(/probe/);
  });
  it('knows which bundled entities are on from the build’s packs file, and reads it again after a failed read', async () => {
    // The first read fails (the file could not be fetched): the next call tries again.
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
    await expect(entitiesOn(['some-imported-pack'])).rejects.toThrow(/bundled packs could not be read \(404\)/);
    vi.stubGlobal('fetch', fake.fetch);
    expect(await entitiesOn([])).toBeNull();
    expect(await entitiesOn(['russia-georgia'])).toEqual(new Set());
    const on = await entitiesOn(['some-imported-pack']);
    expect(on?.has('tbilisi')).toBe(true);
    expect(probeText('Talks in Tbilisi.', ['russia-georgia'], undefined, await entitiesOn(['russia-georgia'])).names).toBe(false);
    vi.unstubAllGlobals();
  });
});
