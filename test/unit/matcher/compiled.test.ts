import { describe, expect, it } from 'vitest';
import { compileMatcher, createMatcher, createMatcherIncremental } from '../../../src/matcher/index.ts';
import { ENTITIES, entity, hitsOf, mentionsOf } from './entities.ts';

describe('compiled matcher format', () => {
  const compiled = compileMatcher(ENTITIES);

  it('ships aliases uninflected and expands the declined forms when hydrating', () => {
    expect(compiled.v).toBe(2);
    expect(compiled.aliases).toContain('Галузин');
    expect(compiled.aliases).not.toContain('Галузина');
    const m = createMatcher(compiled);
    expect(m.forms).toContain('Галузина');
    expect(m.forms).toContain('თბილისში');
    expect(hitsOf(m, 'встреча с Михаилом Галузиным')).toEqual(['Михаилом Галузиным=mikhail-galuzin']);
  });

  it('keeps the entity table: ids, names, types and topics in order', () => {
    const ents = [
      { ...entity('a', 'person', { en: ['Alpha Person'] }), name: 'Alpha Person', topics: ['media', 'diplomacy', 'energy'] as const },
      { ...entity('b', 'place', { en: ['Bravo'] }), name: 'Bravo Place (city)', topics: ['energy'] as const },
      { ...entity('c', 'event', {}), name: 'Charlie', topics: [] },
    ].map((e) => ({ ...e, topics: [...e.topics] }));
    const m = createMatcher(JSON.parse(JSON.stringify(compileMatcher(ents))) as ReturnType<typeof compileMatcher>);
    expect(m.entities).toEqual([
      { id: 'a', name: 'Alpha Person', type: 'person', topics: ['media', 'diplomacy', 'energy'] },
      { id: 'b', name: 'Bravo Place (city)', type: 'place', topics: ['energy'] },
      { id: 'c', name: 'Charlie', type: 'event', topics: [] },
    ]);
  });

  it('drops demonyms and descriptions at compile time', () => {
    expect(compiled.aliases).not.toContain('Ossetian');
    expect(compiled.aliases).not.toContain('Russian');
    expect(compiled.aliases).not.toContain('Georgian government');
  });

  it('hydrates in small steps to the same matcher as createMatcher', () => {
    const b = createMatcherIncremental(compiled);
    let steps = 0;
    while (b.step(-Infinity)) steps++;
    expect(steps).toBeGreaterThan(2);
    expect(b.done).toBe(true);
    const stepped = b.matcher();
    const whole = createMatcher(compiled);
    expect(stepped.forms).toEqual(whole.forms);
    const text = 'Galuzin met officials in Georgia, near the Black Sea; Moscow, Idaho. Михаила Галузина в Тбилиси.';
    expect(mentionsOf(stepped, text)).toEqual(mentionsOf(whole, text));
    expect(mentionsOf(stepped, text).length).toBeGreaterThan(3);
  });

  it('finishes the remaining work when the matcher is asked for early', () => {
    const b = createMatcherIncremental(compiled);
    b.step(-Infinity);
    expect(b.done).toBe(false);
    expect(hitsOf(b.matcher(), 'Tbilisi')).toEqual(['Tbilisi=tbilisi']);
  });
});
