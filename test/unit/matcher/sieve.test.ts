import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileMatcher, compileMatcherWithoutSieve, createMatcher, surfaceForms } from '../../../src/matcher/index.ts';
import { charFlags, SPACE } from '../../../src/matcher/normalize.ts';
import { loadBundledEntities } from '../../../scripts/lib/packs.ts';
import { REPO_ROOT, sharedDir } from '../../../scripts/lib/evaluate.ts';
import { htmlToText } from '../../../scripts/lib/html-text.ts';

const entities = loadBundledEntities();
const compiled = compileMatcher(entities);
const sieved = createMatcher(compiled);
const plain = createMatcher({ ...compiled, sieve: undefined });
const shared = sharedDir();
const corpus = shared && join(shared, 'corpus', 'pages');

/**
 * The corpus pages' titles and visible texts, read once for every test here. Each page's
 * DOM is closed before the next is parsed (its close is asynchronous): parsing all 80 in
 * one synchronous loop kept every DOM alive at once, several times over across tests.
 */
let corpusTexts: Promise<{ file: string; title: string; text: string }[]> | undefined;
const corpusPages = (): Promise<{ file: string; title: string; text: string }[]> =>
  (corpusTexts ??= (async () => {
    const out = [];
    for (const file of readdirSync(corpus!)) {
      out.push({ file, ...htmlToText(readFileSync(join(corpus!, file), 'utf8')) });
      await new Promise((r) => setImmediate(r));
    }
    return out;
  })());

/** The texts on which the scan with the sieve and without it give different names. */
function differences(texts: Iterable<string>): { text: string; sieved: unknown; plain: unknown }[] {
  const out = [];
  for (const text of texts) {
    const a = sieved.scan(text);
    const b = plain.scan(text);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ text: text.slice(0, 300), sieved: a, plain: b });
  }
  return out;
}

/** Every `.txt` under a folder (evaluation texts). */
function textsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Texts made of the pack's own names in every case, with invisible characters, accents and the words around them varied (deterministic). */
function* namesInDisguise(count: number): Generator<string> {
  const forms = surfaceForms(entities);
  // Among them, the first words of names that may start in lower case ("von der Leyen", "the Caspian", "4 October").
  const before = ['', ' ', 'x', '7', '«', '\u00ad', '\u200b', 'the ', 'von ', 'de ', '4 ', 'a-', '’', '\n\n', 'Ж', 'ა', 'é'];
  const after = ['', ' ', '.', 'ы', 'ში', '-ს', 's', '\u00ad', ' district', ' Municipality,'];
  let seed = 11;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const disguise = (s: string): string => {
    let out = '';
    for (const ch of s) {
      const r = next(40);
      if (r === 0) out += ch.toUpperCase();
      else if (r === 1) out += ch.toLowerCase();
      else if (r === 2) out += ch + '\u00ad';
      else if (r === 3 && ch === 'e') out += 'é';
      else if (r === 4 && ch === 'е') out += 'ё';
      else if (r === 5 && ch === ' ') out += '\u00a0 ';
      else out += ch;
    }
    return out;
  };
  for (let i = 0; i < count; i++) {
    const f = forms[next(forms.length)]!;
    const g = forms[next(forms.length)]!;
    const name = next(3) === 0 ? f.toLowerCase() : next(3) === 0 ? f.toUpperCase() : disguise(f);
    yield before[next(before.length)]! + name + after[next(after.length)]! + ' ' + g + ' and ' + disguise(g.toLowerCase());
  }
}

describe('the sieve', () => {
  it('finds the same names as reading every word start, in the pack’s own names disguised', () => {
    expect(differences(namesInDisguise(20_000))).toEqual([]);
  });

  it('finds a name that starts inside what the sieve matched for another', () => {
    // "von D" is how "von der Leyen" starts.
    const text = 'Aussichten auf einen Wahlsieg von Donald Trump';
    expect(sieved.scan(text).map((h) => text.slice(h.start, h.end))).toEqual(['Donald Trump']);
    expect(differences([text, 'in the Caucasus', 'de Facto Abkhazia'])).toEqual([]);
    // "Moscow–Sukhumi flights": two names joined by a hyphen, each marked.
    const ka = 'მოსკოვი-სოხუმის რეისებისგანში';
    expect(sieved.scan(ka).map((h) => ka.slice(h.start, h.end))).toEqual(['მოსკოვი', 'სოხუმის']);
    expect(differences([ka])).toEqual([]);
  });

  it('is left out when asked (a content script compiling imported packs)', () => {
    expect(compileMatcherWithoutSieve(entities.slice(0, 30)).sieve).toBeUndefined();
    expect(compileMatcher(entities.slice(0, 30)).sieve?.sieve.length).toBeGreaterThan(100);
  });

  it('finds the same names in our labelled texts', () => {
    const texts = textsIn(join(REPO_ROOT, 'test/fixtures/eval'));
    expect(texts.length).toBeGreaterThan(10);
    expect(differences(texts)).toEqual([]);
  });

  it.skipIf(!shared)('finds the same names in the shared evaluation texts', () => {
    expect(differences(textsIn(join(shared!, 'eval')))).toEqual([]);
  });

  it.skipIf(!corpus || !existsSync(corpus))(
    'finds the same names in every block of the 80 corpus pages',
    async () => {
      const blocks = (await corpusPages()).flatMap((p) => p.text.split('\n').filter((t) => t.trim()));
      expect(blocks.length).toBeGreaterThan(10_000);
      expect(differences(blocks)).toEqual([]);
    },
    60_000,
  );

  it('lets through capitals and lower-case starts of names only, and sends text with invisible characters the old way', () => {
    const words = new RegExp(compiled.sieve!.sieve, 'g');
    const irregular = new RegExp(compiled.sieve!.irregular);
    const text = 'the talks in Geneva on Thursday were held in the usual format, and the caspian delegates met in Érd';
    const found = [...text.matchAll(words)].map((m) => text.slice(m.index, m.index + 8));
    expect(found).toEqual(['Geneva o', 'Thursday', 'the casp', 'Érd']);
    expect(irregular.test(text)).toBe(false);
    expect(irregular.test('Tbilisi café, Ёлкин')).toBe(false);
    expect(irregular.test('Gal\u00aduzin')).toBe(true);
    // The sieve writes white space as `[\s\u0085]`: every character the scan takes for a space.
    for (let c = 0; c < 0x10000; c++) if (charFlags(c) & SPACE) expect(/[\s\u0085]/.test(String.fromCharCode(c))).toBe(true);
  });

  it.skipIf(!corpus || !existsSync(corpus))(
    'decides every ambiguous name of the corpus pages alike when only the texts that may hold a needed cue word are read',
    async () => {
      let all = 0;
      let filtered = 0;
      let decided = 0;
      for (const { file: f, text } of await corpusPages()) {
        const blocks = text.split('\n').filter((t) => t.trim());
        const full = sieved.createEvidence();
        const some = sieved.createEvidence();
        const ambiguous = [];
        for (const b of blocks) {
          const hits = sieved.scan(b);
          full.addHits(hits);
          some.addHits(hits);
          ambiguous.push(...hits.filter((h) => h.ambiguous));
        }
        const filter = some.cueFilter();
        expect(filter).not.toBeNull();
        for (const b of blocks) {
          full.addText(b);
          all += b.length;
          if (filter!(b)) {
            some.addText(b);
            filtered += b.length;
          }
        }
        const got = ambiguous.map((h) => sieved.resolve(h, some));
        const want = ambiguous.map((h) => sieved.resolve(h, full));
        expect({ page: f, got }).toEqual({ page: f, got: want });
        decided += ambiguous.filter((h) => some.needsCues(h)).length;
      }
      // Names that needed cue words were decided, and most of the text was not read for them.
      expect(decided).toBeGreaterThan(20);
      expect(filtered).toBeLessThan(all / 2);
    },
    60_000,
  );
});

describe('mayName (the page probe)', () => {
  const region = (i: number): boolean => sieved.entity(i)!.scope !== 'world';
  const namesRegion = (text: string): boolean => sieved.scan(text).some((h) => h.candidates.some(region));

  it('says yes wherever the scan finds a region name: the pack’s names disguised, our labelled texts', () => {
    const texts = [...namesInDisguise(5_000), ...textsIn(join(REPO_ROOT, 'test/fixtures/eval'))];
    const named = texts.filter(namesRegion);
    expect(named.length).toBeGreaterThan(1_000);
    expect(named.filter((t) => !sieved.mayName(t, region)).map((t) => t.slice(0, 120))).toEqual([]);
  });

  it('reads text whose word breaks were lost, as a page’s blocks run together; no on world-level names only', () => {
    expect(sieved.mayName('HomeWorldGeorgiaSport', region)).toBe(true);
    expect(sieved.mayName('Breaking: Tbil\u00adisi', region)).toBe(true);
    expect(sieved.mayName('The United States and NATO met in Brussels.', region)).toBe(false);
    // A break may have been before a capital, beside a digit, a mark or a Georgian letter…
    expect(sieved.mayName('Latest newsTbilisi2024', region)).toBe(true);
    expect(sieved.mayName('ახალი ამბებითბილისში', region)).toBe(true);
    // …but not inside a word that goes on in small letters: Gali, Gori and Baku are not in these.
    for (const t of ['Galileo and Gorillaz played Bakuriani', 'Gali', 'a Gorilla', 'Bakunin']) {
      expect({ t, says: sieved.mayName(t, region) }).toEqual({ t, says: t === 'Gali' });
    }
    expect(sieved.mayName('The United States and NATO met in Brussels.', () => true)).toBe(true);
    // A matcher without a sieve (imported packs) cannot probe: yes.
    expect(plain.mayName('nothing here', region)).toBe(true);
  });

  /** What a page's probe answers: its title, then its blocks run together, asked in parts of 8,000 characters (each repeating the last 400 of the one before). */
  const pageProbe = (title: string, blocks: readonly string[]): boolean => {
    const text = (title ? `${title}\n` : '') + blocks.join('');
    const p = sieved.nameProbe(region);
    for (let at = 0; at < text.length; at += 8_000) if (p.add(text.slice(Math.max(0, at - 400), at + 8_000))) return true;
    return p.decided();
  };
  const scopeOf = new Map(sieved.entities.map((e) => [e.id, e.scope]));
  /** Whether a walk of the page (its blocks, the title read first for evidence) marks a region name. */
  const walkMarksRegion = (title: string, text: string): boolean => sieved.findMentions(text, { title }).some((m) => scopeOf.get(m.entity) !== 'world');

  it('asks a page as one question in parts: a name the page’s evidence decides counts if the evidence may be anywhere in it', () => {
    const ask = (title: string, ...blocks: string[]): boolean => pageProbe(title, blocks);
    // "Formula" (a Georgian channel, or a motor race): only cue words or entities of the region make it the channel.
    expect(ask('', 'Sport', 'Formula 1', 'Formula E')).toBe(false);
    expect(ask('', 'Formula aired a report.', 'x '.repeat(6_000), 'The channel’s broadcaster licence', 'TV')).toBe(true);
    expect(ask('Formula TV channel', 'Formula aired it.')).toBe(true);
    // A bare surname that is not distinctive is marked only beside the person's full name, itself a yes.
    expect(ask('', 'Sport', 'Melia won the match.')).toBe(false);
    expect(ask('', 'Nika Melia said.')).toBe(true);
    // Unambiguous names are a yes at once, as before.
    expect(ask('', 'HomeTbilisi')).toBe(true);
  });

  it('says yes on every text that a walk marks a region name in, read as a page in parts: the pack’s names disguised, our labelled texts', () => {
    const texts = [...namesInDisguise(5_000), ...textsIn(join(REPO_ROOT, 'test/fixtures/eval'))];
    const marked = texts.filter((t) => walkMarksRegion('', t));
    expect(marked.length).toBeGreaterThan(1_000);
    expect(marked.filter((t) => !pageProbe('', t.split('\n'))).map((t) => t.slice(0, 120))).toEqual([]);
  });

  it.skipIf(!corpus || !existsSync(corpus))(
    'says yes on every corpus page a walk marks a region name on, its blocks run together and read in parts, and no on most others',
    async () => {
      let no = 0;
      for (const { file: f, text, title } of await corpusPages()) {
        const says = pageProbe(title, text.split('\n'));
        if (walkMarksRegion(title, text)) expect({ page: f, says }).toEqual({ page: f, says: true });
        if (!says) no++;
      }
      expect(no).toBeGreaterThan(65);
    },
    60_000,
  );

  it.skipIf(!corpus || !existsSync(corpus))(
    'says yes on every corpus page with a region name in a block, given its blocks run together, and no on many others',
    async () => {
      let no = 0;
      for (const { file: f, text } of await corpusPages()) {
        const blocks = text.split('\n');
        const says = sieved.mayName(blocks.join(''), region);
        if (blocks.some(namesRegion)) expect({ page: f, says }).toEqual({ page: f, says: true });
        if (!says) no++;
      }
      // Most pages name nothing of the region, and the probe says so for most of them.
      expect(no).toBeGreaterThan(50);
    },
    60_000,
  );
});
