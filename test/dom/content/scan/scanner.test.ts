import { describe, it, expect, beforeEach } from 'vitest';
import { Scanner } from '../../../../src/content/scan/scanner.ts';
import { PROBE_CHUNK } from '../../../../src/content/scan/probe.ts';
import { SCAN_CHUNK } from '../../../../src/content/scan/block-matching.ts';
import { ENTITIES, entity } from '../../../unit/matcher/entities.ts';
import { compileMatcher, createMatcher, namesAnyOf, ProbeAnswers, type Matcher, type MatcherEntity, type PagePart } from '../../../../src/matcher/index.ts';

const compiled = compileMatcher(ENTITIES);

function scanner(): { s: Scanner; passes: () => number } {
  let passes = 0;
  const s = new Scanner(document, { onChange: () => undefined, onPassEnd: () => passes++, onShadowRoot: () => undefined, prober: () => null }, new AbortController().signal);
  s.setMatchers(async () => ({ matchers: [createMatcher(compiled)], setupMs: 0 }));
  return { s, passes: () => passes };
}

const marked = (s: Scanner): string[] => s.store.ordered().map((m) => `${m.range.toString()}=${m.entity.id}`);

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('Scanner', () => {
  it('marks names across inline elements with live Ranges, in document order', async () => {
    document.body.innerHTML = '<p>The <em>Geneva</em> International Discussions met; <b>Mikhail</b> Galuzin spoke.</p><p>Then Tbilisi.</p>';
    const { s } = scanner();
    await s.run();
    expect(marked(s)).toEqual(['Geneva International Discussions=geneva-international-discussions', 'Mikhail Galuzin=mikhail-galuzin', 'Tbilisi=tbilisi']);
    expect(s.stats.passes).toBe(1);
    expect(s.stats.textNodes).toBe(6);
  });

  it('marks Russian and Georgian names in their cases', async () => {
    document.title = 'Галузин в Тбилиси';
    document.body.innerHTML =
      '<p>Galuzin spoke.</p><p>Встреча с Михаилом Галузиным прошла в Женеве, где обсуждали безопасность.</p><p>შეხვედრა თბილისში გაიმართა, სადაც მხარეებმა უსაფრთხოება განიხილეს.</p>';
    const { s } = scanner();
    await s.run();
    expect(marked(s)).toEqual(['Galuzin=mikhail-galuzin', 'Михаилом Галузиным=mikhail-galuzin', 'თბილისში=tbilisi']);
  });

  it('decides an ambiguous name at the end of the pass, from evidence in any block', async () => {
    document.body.innerHTML = '<p>Georgia said it would answer.</p><p>Officials in Tbilisi welcomed it.</p>';
    const { s } = scanner();
    await s.run();
    expect(marked(s)).toEqual(['Georgia=georgia', 'Tbilisi=tbilisi']);
  });

  it('reads the cue words an ambiguous name needs at the end of the pass, from any block', async () => {
    document.body.innerHTML = '<p>Georgia said it would answer.</p><p>The Black Sea coast of the Caucasus was calm.</p>';
    const { s } = scanner();
    await s.run();
    expect(marked(s)).toEqual(['Georgia=georgia']);
    // A cue word against the sense, in a later block, keeps it unmarked.
    document.body.innerHTML = '<p>Georgia said it would answer.</p><p>The Black Sea coast of the Caucasus was calm.</p><p>Atlanta agreed, as did Kemp.</p>';
    const other = scanner();
    await other.s.run();
    expect(marked(other.s)).toEqual([]);
  });

  it('uses the document title as evidence', async () => {
    document.title = 'Russia and Georgia trade barbs';
    document.body.innerHTML = '<p>Georgia said it would answer.</p>';
    const { s } = scanner();
    await s.run();
    expect(marked(s)).toEqual(['Georgia=georgia']);
  });

  it('does not mark an ambiguous name without convincing context', async () => {
    document.body.innerHTML = '<p>Georgia is lovely in spring.</p>';
    const { s } = scanner();
    await s.run();
    expect(marked(s)).toEqual([]);
  });

  it('rescans a changed block: drops what vanished, adds what appeared', async () => {
    document.body.innerHTML = '<p id="a">Galuzin spoke.</p><p id="b">Nothing here.</p>';
    const { s, passes } = scanner();
    await s.run();
    expect(marked(s)).toEqual(['Galuzin=mikhail-galuzin']);
    document.getElementById('a')!.textContent = 'Quiet day.';
    document.getElementById('b')!.firstChild!.textContent = 'Tbilisi replied.';
    s.enqueue(document.getElementById('a')!);
    s.enqueue(document.getElementById('b')!.firstChild!);
    await s.run();
    expect(marked(s)).toEqual(['Tbilisi=tbilisi']);
    expect(passes()).toBe(2);
  });

  it('ignores changes inside editable regions', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p id="e">Draft</p></div>';
    const { s, passes } = scanner();
    await s.run();
    document.getElementById('e')!.textContent = 'Draft about Tbilisi';
    s.enqueue(document.getElementById('e')!.firstChild!);
    await s.run();
    expect(marked(s)).toEqual([]);
    expect(passes()).toBe(1);
  });

  it('falls back to one full rescan when the queue overflows', async () => {
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p id="p${i}">Line ${i}</p>`).join('') + '<p>Moscow</p>';
    const { s } = scanner();
    await s.run();
    for (let i = 0; i < 400; i++) s.enqueue(document.getElementById(`p${i}`)!);
    const before = s.stats.textNodes;
    await s.run();
    expect(s.stats.textNodes - before).toBe(401);
    expect(marked(s)).toEqual(['Moscow=moscow']);
  });
});

describe('Scanner on one huge text node', () => {
  it('reads it in chunks and still finds every name, also one across a chunk edge', async () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(3000); // 81,000 chars
    // "Mikhail Galuzin" starts 5 characters before the first chunk edge.
    const text = `${filler.slice(0, SCAN_CHUNK - 6)} Mikhail Galuzin ${filler}Tbilisi ${filler}Moscow.`;
    document.body.innerHTML = '<p></p>';
    document.querySelector('p')!.textContent = text;
    const { s } = scanner();
    await s.run();
    expect(marked(s)).toEqual(['Mikhail Galuzin=mikhail-galuzin', 'Tbilisi=tbilisi', 'Moscow=moscow']);
    expect(s.stats.textChars).toBe(text.length);
  });
});

describe('Scanner matchers', () => {
  const source =
    (matchers: Matcher[], setupMs: number, wait: Promise<void> = Promise.resolve()) =>
    async () => {
      await wait;
      return { matchers, setupMs };
    };

  it('loads the matchers only when a pass starts, and counts their setup as busy time', async () => {
    document.body.innerHTML = '<p>Galuzin in Tbilisi.</p>';
    const s = new Scanner(document, { onChange: () => undefined, onPassEnd: () => undefined, onShadowRoot: () => undefined, prober: () => null }, new AbortController().signal);
    let loads = 0;
    const get = source([createMatcher(compiled)], 40);
    s.setMatchers(() => {
      loads++;
      return get();
    });
    expect(loads).toBe(0);
    await s.run();
    expect(loads).toBe(1);
    expect(marked(s)).toEqual(['Galuzin=mikhail-galuzin', 'Tbilisi=tbilisi']);
    expect(s.stats.setupMs).toBe(40);
    expect(s.stats.busyMs).toBeGreaterThanOrEqual(40);
    // A rescan keeps them.
    s.requestFull();
    await s.run();
    expect(loads).toBe(1);
  });

  it('starts again with the new matchers when they change while loading', async () => {
    document.body.innerHTML = '<p>Galuzin in Tbilisi.</p>';
    const s = new Scanner(document, { onChange: () => undefined, onPassEnd: () => undefined, onShadowRoot: () => undefined, prober: () => null }, new AbortController().signal);
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    s.setMatchers(source([createMatcher(compiled)], 0, slow));
    const running = s.run();
    // The settings change (e.g. a pack switched off) arrives while the first ones load.
    s.setMatchers(source([createMatcher(compileMatcher(ENTITIES.filter((e) => e.id === 'tbilisi')))], 0));
    release();
    await running;
    await s.run();
    expect(marked(s)).toEqual(['Tbilisi=tbilisi']);
  });

  it('still reads the page when the matchers cannot be loaded', async () => {
    document.body.innerHTML = '<p>Galuzin in Tbilisi.</p>';
    const s = new Scanner(document, { onChange: () => undefined, onPassEnd: () => undefined, onShadowRoot: () => undefined, prober: () => null }, new AbortController().signal);
    s.setMatchers(() => Promise.reject(new Error('storage gone')));
    await s.run();
    expect(s.stats.passes).toBe(1);
    expect(marked(s)).toEqual([]);
  });

  describe('the probe (a page whose text names nothing of the region is not walked)', () => {
    const world = [
      { ...entity('united-states', 'place', { en: ['United States'] }), scope: 'world' as const },
      { ...entity('nato', 'organization', { en: ['NATO'] }), scope: 'world' as const },
    ];
    const withWorld = compileMatcher([...ENTITIES, ...world]);
    const region = (e: MatcherEntity): boolean => e.scope !== 'world';

    /** What the probe asked (the texts), and how often the matchers were made ready. */
    let asked: string[] = [];
    let loads = 0;

    /** A scanner whose probe asks a local matcher (the background's question in the extension); `cannot`: it cannot tell. */
    function probing(wanted: ((e: MatcherEntity) => boolean) | null = region, cannot = false): Scanner {
      asked = [];
      loads = 0;
      const test = wanted && namesAnyOf(createMatcher(withWorld), wanted);
      const answers = new ProbeAnswers();
      const prober = test && ((text: string, page?: PagePart) => (asked.push(text), Promise.resolve(cannot ? null : answers.answer(test, text, page))));
      const s = new Scanner(document, { onChange: () => undefined, onPassEnd: () => undefined, onShadowRoot: () => undefined, prober: () => prober }, new AbortController().signal);
      s.setMatchers(async () => (loads++, { matchers: [createMatcher(withWorld)], setupMs: 0 }));
      return s;
    }

    /** Whether the probe skips a page of this markup. */
    async function skips(html: string): Promise<boolean> {
      document.body.innerHTML = html;
      const s = probing();
      await s.run();
      return s.skipped;
    }

    it('skips a page with world-level names only, without reading a text node; walks it when asked for every name', async () => {
      // Scripts and styles name the region (their long texts are left out; a short one would only let more through).
      const pad = ' '.repeat(200);
      document.body.innerHTML = `<p>The United States and NATO met.</p><script>var topics = ["Tbilisi"];${pad}</script><style>.Galuzin{}${pad}</style>`;
      const s = probing();
      await s.run();
      expect([s.skipped, s.stats.passes, s.stats.textNodes, marked(s), loads]).toEqual([true, 1, 0, [], 0]);
      expect(asked).toEqual(['The United States and NATO met.']);
      expect(s.stats.busyBy?.['probe']).toBeGreaterThan(0);
      const all = probing(null);
      await all.run();
      expect([all.skipped, marked(all)]).toEqual([false, ['United States=united-states', 'NATO=nato']]);
    });

    it('walks a page with a region name anywhere in its text: blocks run together, in a web component’s shadow root', async () => {
      expect(await skips('<ul><li>United States</li><li>Home</li><li>Tbilisi</li></ul><p>NATO met.</p>')).toBe(false);
      document.body.innerHTML = '<p>The United States and NATO met.</p><news-body></news-body>';
      document.querySelector('news-body')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Talks in Tbilisi.</p>';
      const s = probing();
      await s.run();
      expect([s.skipped, marked(s)]).toEqual([false, ['United States=united-states', 'NATO=nato', 'Tbilisi=tbilisi']]);
    });

    it('skips a page whose region names need evidence it does not hold; walks it when the evidence is anywhere in it or in its title', async () => {
      // "Georgia" is ambiguous: a cue entity or two cue words decide it. With one cue word the walk would mark nothing.
      expect(await skips('<p>The United States and NATO met in Georgia.</p>')).toBe(true);
      expect(await skips('<p>The United States and NATO met in Georgia, by the Black Sea.</p>')).toBe(true);
      // The second cue word is in a later question: a page's questions are answered as one.
      document.body.innerHTML = `<p>Georgia and the Black Sea.</p><p>${'x '.repeat(5_000)}</p><p>The Caucasus.</p>`;
      const s = probing();
      await s.run();
      expect(asked.length).toBe(2);
      expect(asked[1]).toContain('Caucasus');
      expect([s.skipped, marked(s)]).toEqual([false, ['Georgia=georgia']]);
      // The walk reads the title's names and cue words, and so does the probe (first).
      document.title = 'Russia and the Caucasus';
      try {
        expect(await skips('<p>The United States and NATO met in Georgia.</p>')).toBe(false);
        expect(asked[0]!.startsWith('Russia and the Caucasus\n')).toBe(true);
      } finally {
        document.title = '';
      }
    });

    it('reads the article first, then the rest of the page around it', async () => {
      expect(await skips('<p>NATO</p><main><p>The United States</p><p>and NATO.</p></main><footer>Tbilisi</footer>')).toBe(false);
      expect(await skips('<header>Tbilisi</header><main><p>The United States</p></main><footer>NATO</footer>')).toBe(false);
      expect(await skips('<header>NATO</header><main><p>The United States</p></main><footer>United States</footer>')).toBe(true);
    });

    /** A script holding more text than the probe copies (SCRIPT_TEXT_LIMIT): the page's text nodes are walked instead. */
    const bigScript = `<script>${'/* x */'.repeat(10_000)}</script>`;

    it('asks about the text a chunk at a time, and finds a name across two chunks', async () => {
      // Read natively, the first question is the first 8,000 characters: "Tbil" ends it and "isi" begins the next.
      document.body.innerHTML = `<p>${'x '.repeat(3_998)}Tbilisi and the United States.</p>`;
      const s = probing();
      await s.run();
      expect(asked.length).toBe(2);
      expect(asked[0]!.endsWith('Tbil')).toBe(true);
      expect(s.skipped).toBe(false);
      expect(marked(s)).toEqual(['Tbilisi=tbilisi', 'United States=united-states']);
      // Walked (a page whose scripts hold much text): 249 text nodes of 40 characters, then
      // "Tbil" ends the first step's 250 nodes (the first question) and "isi" begins the next.
      document.body.innerHTML = `<p>${'<span>x </span>'.repeat(249).replaceAll('x ', 'x '.repeat(20))}<b>Tbil</b>isi and the United States.</p>${bigScript}`;
      const w = probing();
      await w.run();
      expect(asked.length).toBe(2);
      expect(asked[0]!.endsWith('Tbil')).toBe(true);
      expect(asked.join('')).not.toContain('/* x */');
      expect([w.skipped, marked(w)]).toEqual([false, ['Tbilisi=tbilisi', 'United States=united-states']]);
    });

    it('leaves the long texts of scripts and styles out whether it reads the page natively or walks it', async () => {
      const region = '<script>var topics = ["Tbilisi"];' + ' '.repeat(300) + '</script><style>.Galuzin{}' + ' '.repeat(300) + '</style>';
      expect(await skips(`<main><p>NATO met.</p>${region}</main><p>The United States.</p>${region}`)).toBe(true);
      expect(asked).toEqual(['NATO met.The United States.']);
      expect(await skips(`<main><p>NATO met.</p>${region}</main><p>The United States.</p>${region}${bigScript}`)).toBe(true);
      expect(asked).toEqual(['NATO met.The United States.']);
      // A short script is read whatever it holds (more text only lets more through).
      expect(await skips('<p>NATO met.</p><script>var t = "Tbilisi";</script>')).toBe(false);
    });

    it('walks the whole page once a change adds a region name to a skipped page, asking only about the change', async () => {
      document.body.innerHTML = '<p>The United States and NATO met.</p><div id="feed"></div>';
      const s = probing();
      await s.run();
      expect(s.skipped).toBe(true);
      const feed = document.getElementById('feed')!;
      feed.innerHTML = '<p>NATO again.</p>';
      s.enqueue(feed.firstChild!);
      await s.run();
      expect([s.skipped, marked(s), loads, asked.at(-1)]).toEqual([true, [], 0, 'NATO again.']);
      feed.innerHTML += '<p>Then Galuzin in Tbilisi.</p>';
      s.enqueue(feed.lastChild!);
      await s.run();
      expect([s.skipped, loads, asked.at(-1)]).toEqual([false, 1, 'Then Galuzin in Tbilisi.']);
      expect(marked(s)).toEqual(['United States=united-states', 'NATO=nato', 'NATO=nato', 'Galuzin=mikhail-galuzin', 'Tbilisi=tbilisi']);
    });

    it('walks a page when the probe cannot tell or a text is longer than a question, and asks nothing about a page without text', async () => {
      document.body.innerHTML = '<p>The United States and NATO met.</p>';
      const s = probing(region, true);
      await s.run();
      expect([s.skipped, loads, marked(s)]).toEqual([false, 1, ['United States=united-states', 'NATO=nato']]);
      // One text longer than a question: read natively, it is asked about a chunk at a time…
      document.body.innerHTML = `<pre>${'United States '.repeat(10_000)}</pre>`;
      const long = probing();
      await long.run();
      expect([long.skipped, asked.length, loads]).toEqual([true, 3, 0]);
      expect(Math.max(...asked.map((t) => t.length))).toBeLessThanOrEqual(PROBE_CHUNK + 8_400);
      // …and walked, it is left to the walk, which reads it a chunk per step.
      document.body.innerHTML = `<pre>${'United States '.repeat(10_000)}</pre>${bigScript}`;
      const walked = probing();
      await walked.run();
      expect([walked.skipped, asked, loads]).toEqual([false, [], 1]);
      document.body.innerHTML = '<div><img alt="Tbilisi"></div>';
      const empty = probing();
      await empty.run();
      expect([empty.skipped, asked, loads]).toEqual([true, [], 0]);
    });
  });
});
