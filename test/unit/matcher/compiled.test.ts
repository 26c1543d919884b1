import { describe, expect, it } from 'vitest';
import { compileMatcher, compiledScripts, createMatcher, surfaceForms, SCRIPT_CYRILLIC, SCRIPT_GEORGIAN, SCRIPT_LATIN } from '../../../src/matcher/index.ts';
import { georgianForms, georgianStems, KA_CONSONANT, KA_DROPPED_VOWEL, KA_VOWEL, KA_WHOLE } from '../../../src/matcher/inflect.ts';
import { cleanForm } from '../../../src/matcher/normalize.ts';
import { dashSpacing } from '../../../src/matcher/compile.ts';
import { loadBundledEntities } from '../../../scripts/lib/packs.ts';
import { ENTITIES, entity, hitsOf, mentionsOf } from './entities.ts';

describe('compiled matcher format', () => {
  const compiled = compileMatcher(ENTITIES);

  it('is plain JSON that matches the same after a round trip through storage', () => {
    expect(compiled.v).toBe(4);
    const copy = JSON.parse(JSON.stringify(compiled)) as typeof compiled;
    const text = 'Galuzin met officials in Georgia, near the Black Sea. Михаила Галузина встретили в Тбилиси. თბილისში გაიმართა შეხვედრა.';
    expect(mentionsOf(createMatcher(copy), text)).toEqual(mentionsOf(createMatcher(compiled), text));
    expect(mentionsOf(createMatcher(copy), text).length).toBe(5);
  });

  it('holds the declined Russian forms and the Georgian stems, not the spelled-out Georgian forms', () => {
    const m = createMatcher(compiled);
    expect(hitsOf(m, 'встреча с Михаилом Галузиным')).toEqual(['Михаилом Галузиным=mikhail-galuzin']);
    expect(hitsOf(m, 'შეხვედრა თბილისში და რუსეთის')).toEqual(['თბილისში=tbilisi', 'რუსეთის=russia']);
    // The table has far fewer forms than the names have spellings.
    const spelled = surfaceForms(ENTITIES);
    expect(spelled).toContain('თბილისში');
    expect(spelled).toContain('Галузина');
    expect(compiled.forms.count).toBeLessThan(spelled.length / 2);
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

  it('builds an entry of the entity table when it is asked for, the same one the whole table holds', () => {
    const m = createMatcher(compiled);
    expect(m.ids).toEqual(ENTITIES.map((e) => e.id));
    const i = m.ids.indexOf('tbilisi');
    const one = m.entity(i)!;
    expect(one).toMatchObject({ id: 'tbilisi', type: 'place' });
    expect(m.entities[i]).toBe(one);
    expect(m.entity(-1)).toBeUndefined();
    expect(m.entity(m.ids.length)).toBeUndefined();
    // A page never builds the whole table: a fresh matcher answers `entity` without it.
    const fresh = createMatcher(compiled);
    expect(fresh.entity(i)).toEqual(one);
  });

  it('finds a name whose dash the press spaces the other way', () => {
    expect(dashSpacing('Unity – National Movement')).toBe('Unity–National Movement');
    expect(dashSpacing('Strong Georgia–Lelo')).toBe('Strong Georgia – Lelo');
    expect(dashSpacing('Shida-Kartli')).toBeNull();
    const m2 = createMatcher(compileMatcher([entity('unm', 'organization', { en: ['Unity – National Movement'] })]));
    expect(hitsOf(m2, 'Unity–National Movement and Unity - National Movement')).toEqual(['Unity–National Movement=unm', 'Unity - National Movement=unm']);
  });

  it('drops demonyms and descriptions at compile time', () => {
    const spelled = surfaceForms(ENTITIES);
    expect(spelled).not.toContain('Ossetian');
    expect(spelled).not.toContain('Russian');
    expect(spelled).not.toContain('Georgian government');
    expect(spelled).toContain('Georgian Foreign Ministry');
  });

  it('keeps a foreign name of a place that reads like a demonym of another of its names', () => {
    // "Georgien" (German) beside "Géorgie" (French) is the country, not "Géorgie" + n; "Abkhazian" beside "Abkhazia" is a demonym.
    const spelled = surfaceForms([entity('ge', 'place', { en: ['Georgia'], other: ['Géorgie', 'Georgien'] }), entity('ab', 'place', { en: ['Abkhazia', 'Abkhazian', 'Abkhazians'] })]);
    expect(spelled).toContain('Georgien');
    expect(spelled).not.toContain('Abkhazian');
    expect(spelled).not.toContain('Abkhazians');
  });

  it('names the scripts its names start in', () => {
    expect(compiledScripts(compiled)).toBe(SCRIPT_LATIN | SCRIPT_CYRILLIC | SCRIPT_GEORGIAN);
    expect(compiledScripts(compileMatcher([entity('x', 'place', { en: ['Xanadu'] })]))).toBe(SCRIPT_LATIN);
  });

  it('refuses a stored automaton whose columns do not fit together', () => {
    const broken = JSON.parse(JSON.stringify(compiled)) as typeof compiled;
    broken.forms.trie.first.s = broken.forms.trie.first.s.slice(2);
    expect(() => createMatcher(broken)).toThrow(/columns/);
  });
});

describe('Georgian stems', () => {
  it('stand for exactly the forms spelled out: every form of every bundled Georgian name matches, whole', () => {
    const ents = loadBundledEntities();
    const m = createMatcher(compileMatcher(ents));
    let checked = 0;
    for (const e of ents) {
      for (const alias of e.aliases.ka ?? []) {
        for (const f of georgianForms(cleanForm(alias), e.type === 'person')) {
          const hits = m.scan(f);
          // Each form is found whole (another entity may claim it too, or a longer name).
          expect(hits.length, f).toBe(1);
          expect(hits[0]!.end - hits[0]!.start, f).toBe(f.length);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('take only their own endings, and only at the end of a word', () => {
    const m = createMatcher(compileMatcher(ENTITIES));
    expect(georgianStems('თბილისი')).toEqual([['თბილის', KA_CONSONANT]]);
    expect(georgianStems('ნატო')).toEqual([['ნატო', KA_VOWEL]]);
    expect(georgianStems('ბი')).toEqual([['ბი', KA_WHOLE]]);
    // An -ი after a vowel is the stem's own: "თუდეიმ", never "თუდემა".
    expect(georgianStems('რაშა თუდეი')).toEqual([['რაშა თუდეი', KA_VOWEL]]);
    expect(georgianForms('რაშა თუდეი')).toEqual(expect.arrayContaining(['რაშა თუდეის', 'რაშა თუდეიმ', 'რაშა თუდეიში']));
    expect(georgianForms('რაშა თუდეი')).not.toContain('რაშა თუდემა');
    expect(hitsOf(m, 'თბილისიდან')).toEqual(['თბილისიდან=tbilisi']);
    // Not an ending of the stem, or a word that goes on past one.
    expect(hitsOf(m, 'თბილისურ')).toEqual([]);
    expect(hitsOf(m, 'თბილისშიცა')).toEqual([]);
    // The particle "also" after an ending: -ც after a vowel, -აც after a consonant.
    expect(hitsOf(m, 'თბილისშიც')).toEqual(['თბილისშიც=tbilisi']);
    expect(hitsOf(m, 'თბილისთანაც')).toEqual(['თბილისთანაც=tbilisi']);
    expect(hitsOf(m, 'თბილისთანც')).toEqual([]);
    expect(hitsOf(m, 'თბილისშიაც')).toEqual([]);
    // A bare stem heads a compound before a hyphen ("Tbilisi–Moscow"), nowhere else.
    expect(hitsOf(m, 'თბილის-მოსკოვის')).toEqual(['თბილის=tbilisi']);
    expect(hitsOf(m, 'თბილის მოსკოვის')).toEqual([]);
    // A consonant stem never matches bare.
    expect(hitsOf(m, 'თბილის ქუჩა')).toEqual([]);
  });

  it('decline the adjectives in -ი before the noun, beside words that keep their form', () => {
    // "the occupation dividing line": the vowel-final adjective stays, the one in -ი loses it.
    expect(georgianForms('საოკუპაციო გამყოფი ხაზი')).toEqual(expect.arrayContaining(['საოკუპაციო გამყოფ ხაზთან', 'საოკუპაციო გამყოფმა ხაზმა', 'საოკუპაციო გამყოფი ხაზის']));
    expect(georgianForms('საოკუპაციო გამყოფი ხაზი')).not.toContain('საოკუპაცი გამყოფ ხაზთან');
  });

  it('keep the -ი of a Slavic surname in -სკი before the endings, and drop the -ა of a three-letter noun inside a longer name', () => {
    expect(georgianForms('ვოლოდიმირ ზელენსკი', true)).toEqual(expect.arrayContaining(['ვოლოდიმირ ზელენსკიმ', 'ვოლოდიმირ ზელენსკის']));
    expect(georgianForms('საავტომობილო გზა')).toContain('საავტომობილო გზის');
    expect(georgianForms('გზა')).not.toContain('გზის');
  });

  it('drop the -ა of a noun or place, and the -ე of any name, in the genitive and instrumental', () => {
    expect(georgianForms('ირაკლი კობახიძე', true)).toEqual(expect.arrayContaining(['ირაკლი კობახიძის', 'ირაკლი კობახიძემ', 'ირაკლი კობახიძეს', 'ირაკლი კობახიძით']));
    expect(georgianStems('ქართული ოცნება')).toEqual(expect.arrayContaining([['ქართული ოცნებ', KA_DROPPED_VOWEL]]));
    expect(georgianForms('ქართული ოცნება')).toEqual(expect.arrayContaining(['ქართული ოცნების', 'ქართული ოცნებით', 'ქართული ოცნებისთვის', 'ქართული ოცნებას', 'ქართულმა ოცნებამ']));
    expect(georgianForms('ბადრა გუნბა', true)).not.toContain('ბადრა გუნბის');
    expect(georgianForms('ბადრა გუნბა', true)).toContain('ბადრა გუნბას');
    const m = createMatcher(compileMatcher([entity('gd', 'organization', { ka: ['ქართული ოცნება'] }), { ...entity('bg', 'person', { ka: ['ბადრა გუნბა'] }) }]));
    expect(hitsOf(m, 'ქართული ოცნების')).toEqual(['ქართული ოცნების=gd']);
    expect(hitsOf(m, 'ქართული ოცნებისა და')).toEqual(['ქართული ოცნებისა=gd']);
    expect(hitsOf(m, 'ბადრა გუნბის')).toEqual([]);
    // Not a dropped-ა ending: the word goes on.
    expect(hitsOf(m, 'ქართული ოცნებიანი')).toEqual([]);
  });
});
