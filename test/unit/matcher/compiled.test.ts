import { describe, expect, it } from 'vitest';
import { compileMatcher, createMatcher, createMatcherIncremental } from '../../../src/matcher/index.ts';
import { foldChar, scriptGroup } from '../../../src/matcher/normalize.ts';
import { georgianForms, russianForms } from '../../../src/matcher/inflect.ts';
import { loadBundledEntities } from '../../../scripts/lib/packs.ts';
import { ENTITIES, entity, hitsOf, mentionsOf } from './entities.ts';

describe('compiled matcher format', () => {
  const compiled = compileMatcher(ENTITIES);

  it('ships aliases uninflected and expands the declined forms when hydrating', () => {
    expect(compiled.v).toBe(3);
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
      { ...entity('b', 'place', { en: ['Bravo'] }), name: 'Bravo Place (city)', topics: ['energy'] as const, scope: 'world' as const },
      { ...entity('c', 'event', {}), name: 'Charlie', topics: [] },
    ].map((e) => ({ ...e, topics: [...e.topics] }));
    const m = createMatcher(JSON.parse(JSON.stringify(compileMatcher(ents))) as ReturnType<typeof compileMatcher>);
    expect(m.entities).toEqual([
      { id: 'a', name: 'Alpha Person', type: 'person', topics: ['media', 'diplomacy', 'energy'], scope: 'region' },
      { id: 'b', name: 'Bravo Place (city)', type: 'place', topics: ['energy'], scope: 'world' },
      { id: 'c', name: 'Charlie', type: 'event', topics: [], scope: 'region' },
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
    const text =
      'Galuzin met officials in Georgia, near the Black Sea; Moscow, Idaho. Михаила Галузина встретили в Тбилиси, где обсуждали безопасность. თბილისში გაიმართა შეხვედრა, სადაც უსაფრთხოება განიხილეს.';
    expect(mentionsOf(stepped, text)).toEqual(mentionsOf(whole, text));
    expect(stepped.forms).toEqual(whole.forms);
    expect(mentionsOf(stepped, text).length).toBeGreaterThan(4);
  });

  it('builds the Russian and Georgian names only once a text needs them, a step at a time', () => {
    const m = createMatcherIncremental(compiled).matcher();
    expect(m.forms).not.toContain('Галузина');
    expect(m.missing('Galuzin in Tbilisi')).toBe(false);
    expect(hitsOf(m, 'Galuzin in Tbilisi')).toEqual(['Galuzin=mikhail-galuzin', 'Tbilisi=tbilisi']);
    // A language menu's few letters do not build a script; a few words of it do.
    expect(m.missing('English · Русский · ქართული')).toBe(false);
    const ru = 'Встреча с Галузиным прошла в Женеве, где обсуждали безопасность.';
    expect(m.missing(ru)).toBe(true);
    expect(m.forms).not.toContain('Галузина');
    let steps = 0;
    while (m.hydrateStep()) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(m.missing(ru)).toBe(false);
    expect(m.forms).toContain('Галузина');
    expect(m.forms).not.toContain('თბილისში');
    // Georgian is still missing; scan builds it on the spot when not asked beforehand.
    const ka = 'შეხვედრა თბილისში გაიმართა, სადაც მხარეებმა უსაფრთხოება განიხილეს.';
    expect(m.missing(ka)).toBe(true);
    expect(hitsOf(m, ka)).toEqual(['თბილისში=tbilisi']);
    expect(m.missing(ka)).toBe(false);
  });

  it('keeps every inflected form of the bundled aliases in the script of its alias (the tries are split by script)', () => {
    const group = (f: string): number => scriptGroup(foldChar(f.charCodeAt(0)));
    let checked = 0;
    for (const e of loadBundledEntities()) {
      for (const alias of e.aliases.ru ?? []) {
        for (const f of [...russianForms(alias, true), ...russianForms(alias, false)]) expect(group(f), f).toBe(group(alias));
        checked++;
      }
      for (const alias of e.aliases.ka ?? []) {
        for (const f of georgianForms(alias)) expect(group(f), f).toBe(group(alias));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('finishes the remaining work when the matcher is asked for early', () => {
    const b = createMatcherIncremental(compiled);
    b.step(-Infinity);
    expect(b.done).toBe(false);
    expect(hitsOf(b.matcher(), 'Tbilisi')).toEqual(['Tbilisi=tbilisi']);
  });
});
