import { describe, it, expect, beforeEach } from 'vitest';
import { Scanner } from '../../../../src/content/scan/scanner.ts';
import { ENTITIES } from '../../../unit/matcher/entities.ts';
import { compileMatcher, createMatcherIncremental, type MatcherBuilder } from '../../../../src/matcher/index.ts';

const compiled = compileMatcher(ENTITIES);

function scanner(): { s: Scanner; passes: () => number } {
  let passes = 0;
  const s = new Scanner(document, { onChange: () => undefined, onPassEnd: () => passes++, onShadowRoot: () => undefined }, new AbortController().signal);
  s.setMatchers(() => [createMatcherIncremental(compiled)]);
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

  it('builds the Russian and Georgian names as the scan reaches them, and marks them', async () => {
    document.title = 'Галузин в Тбилиси';
    document.body.innerHTML =
      '<p>Galuzin spoke.</p><p>Встреча с Михаилом Галузиным прошла в Женеве, где обсуждали безопасность.</p><p>შეხვედრა თბილისში გაიმართა, სადაც მხარეებმა უსაფრთხოება განიხილეს.</p>';
    const inner = createMatcherIncremental(compiled);
    // Every text reaches `scan` with its scripts already built (in the scanner's own steps,
    // not by scan's build-on-the-spot fallback, which would be one long slice).
    const unprepared: string[] = [];
    const builder: MatcherBuilder = {
      step: (d) => inner.step(d),
      get done() {
        return inner.done;
      },
      matcher() {
        const m = inner.matcher();
        return {
          ...m,
          scan: (text: string) => {
            if (m.missing(text)) unprepared.push(text);
            return m.scan(text);
          },
        };
      },
    };
    const s = new Scanner(document, { onChange: () => undefined, onPassEnd: () => undefined, onShadowRoot: () => undefined }, new AbortController().signal);
    s.setMatchers(() => [builder]);
    await s.run();
    expect(marked(s)).toEqual(['Galuzin=mikhail-galuzin', 'Михаилом Галузиным=mikhail-galuzin', 'თბილისში=tbilisi']);
    expect(unprepared).toEqual([]);
    expect(inner.matcher().missing('Галузин თბილისი')).toBe(false);
  });

  it('decides an ambiguous name at the end of the pass, from evidence in any block', async () => {
    document.body.innerHTML = '<p>Georgia said it would answer.</p><p>Officials in Tbilisi welcomed it.</p>';
    const { s } = scanner();
    await s.run();
    expect(marked(s)).toEqual(['Georgia=georgia', 'Tbilisi=tbilisi']);
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
    // "Mikhail Galuzin" starts 5 characters before the first chunk edge (32,768).
    const text = `${filler.slice(0, 32_768 - 6)} Mikhail Galuzin ${filler}Tbilisi ${filler}Moscow.`;
    document.body.innerHTML = '<p></p>';
    document.querySelector('p')!.textContent = text;
    const { s } = scanner();
    await s.run();
    expect(marked(s)).toEqual(['Mikhail Galuzin=mikhail-galuzin', 'Tbilisi=tbilisi', 'Moscow=moscow']);
    expect(s.stats.textChars).toBe(text.length);
  });
});

describe('Scanner hydration', () => {
  /** A builder whose every step busy-waits `ms`, `steps` times, then hands over a real matcher. */
  function slowBuilder(steps: number, ms: number): MatcherBuilder & { taken: () => number } {
    const real = createMatcherIncremental(compiled);
    let taken = 0;
    return {
      step: () => {
        if (taken >= steps) return real.step(-Infinity);
        const end = performance.now() + ms;
        while (performance.now() < end) {
          /* busy */
        }
        taken++;
        return true;
      },
      get done() {
        return taken >= steps && real.done;
      },
      matcher: () => real.matcher(),
      taken: () => taken,
    };
  }

  it('hydrates the matchers in slices and counts the time as busy', async () => {
    document.body.innerHTML = '<p>Galuzin in Tbilisi.</p>';
    const s = new Scanner(document, { onChange: () => undefined, onPassEnd: () => undefined, onShadowRoot: () => undefined }, new AbortController().signal);
    const b = slowBuilder(20, 2);
    s.setMatchers(() => [b]);
    await s.run();
    expect(b.taken()).toBe(20);
    expect(marked(s)).toEqual(['Galuzin=mikhail-galuzin', 'Tbilisi=tbilisi']);
    expect(s.stats.busyMs).toBeGreaterThanOrEqual(40);
    expect(s.stats.maxSliceMs).toBeLessThan(30);
  });

  it('starts again with the new matchers when they change during hydration', async () => {
    document.body.innerHTML = '<p>Galuzin in Tbilisi.</p>';
    const s = new Scanner(document, { onChange: () => undefined, onPassEnd: () => undefined, onShadowRoot: () => undefined }, new AbortController().signal);
    const first = slowBuilder(20, 2);
    const only = compileMatcher(ENTITIES.filter((e) => e.id === 'tbilisi'));
    // The settings change (e.g. a pack switched off) arrives between two slices of hydration.
    const step = first.step;
    first.step = (deadline) => {
      if (first.taken() === 5) s.setMatchers(() => [createMatcherIncremental(only)]);
      return step(deadline);
    };
    s.setMatchers(() => [first]);
    await s.run();
    expect(marked(s)).toEqual(['Tbilisi=tbilisi']);
    expect(first.taken()).toBeLessThan(20);
  });
});
