import { describe, expect, it, vi } from 'vitest';
import { createMatcher } from '../../../src/matcher/index.ts';
import type { Pack } from '../../../src/facts/types.ts';
import { entity } from '../matcher/entities.ts';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));
const { compileImported } = await import('../../../src/background/imported.ts');
const { loadContentState } = await import('../../../src/shared/content-state.ts');
const { fake } = await import('../../fakes/browser.ts');

const pack = (id: string, entities: Pack['entities']): Pack => ({ id, name: id, version: '1', description: '', entities });

describe('the imported packs’ matcher, compiled in the background for every frame', () => {
  const kutaisi = entity('kutaisi', 'place', { en: ['Kutaisi'] });
  const tbilisi = entity('tbilisi', 'place', { en: ['Tbilisi'] });
  const zugdidi = entity('zugdidi', 'place', { en: ['Zugdidi'] });
  const packs = [pack('a', [kutaisi, tbilisi]), pack('b', [zugdidi])];
  const names = (packsOff: string[], bundled: string[]) => {
    const compiled = compileImported(packs, packsOff, new Set(bundled));
    return compiled
      ? createMatcher(compiled)
          .findMentions('Kutaisi, Tbilisi and Zugdidi.')
          .map((m) => m.entity)
      : null;
  };

  it('holds the entities of the packs switched on, and leaves a bundled id to the bundled matcher', () => {
    expect(names([], [])).toEqual(['kutaisi', 'tbilisi', 'zugdidi']);
    expect(names(['b'], ['tbilisi'])).toEqual(['kutaisi']);
  });

  it('is null when no imported entity is left', () => {
    expect(names(['a', 'b'], [])).toBeNull();
    expect(names([], ['kutaisi', 'tbilisi', 'zugdidi'])).toBeNull();
  });
});

describe('the state a frame starts from', () => {
  it('carries the imported packs’ ids, and their matcher only when a compiler is given (the background’s)', async () => {
    fake.reset();
    expect((await loadContentState()).imported).toEqual({ ids: [], compiled: null });
    const stored = pack('a', [entity('kutaisi', 'place', { en: ['Kutaisi'] })]);
    fake.local.data.set('userPacks', ['a']);
    fake.local.data.set('pack:a', stored);
    // A frame reading storage itself (the background did not answer): the ids, no matcher.
    expect((await loadContentState()).imported).toEqual({ ids: ['a'], compiled: null });
    // The background's answer: the matcher too, made by the compiler it passes.
    const { imported } = await loadContentState((packs, off) => compileImported(packs, off, new Set()));
    expect(imported.ids).toEqual(['a']);
    expect(
      createMatcher(imported.compiled!)
        .findMentions('In Kutaisi.')
        .map((m) => m.entity),
    ).toEqual(['kutaisi']);
  });
});
