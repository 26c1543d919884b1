/**
 * The corpus oracle shared by the Chromium and Firefox corpus tests
 * (corpus.e2e.test.ts, corpus-firefox.e2e.test.ts): what a page did by itself or with
 * Backstory (`Seen`), which of Backstory's run's mutations and errors the page's own runs
 * explain (`judge`, which looks again where they differ), and the named pages whose
 * verdict is known.
 */
import type { PageMutation } from './watch.ts';

/** How long a page's own scripts get to settle before the comparison, ms. */
export const SETTLE_MS = 300;
/** A second, longer look at the page without the extension when the first one differs. */
export const SECOND_LOOK_MS = 1500;

/**
 * Pages about the region (Georgia, the South Caucasus), and general news that names only
 * world-level names the pack has (Russia, the US, NATO, Ukraine…): checked with `npm run annotate`.
 */
export const REGION_PAGES: ReadonlySet<string> = new Set(['euronews-1.html', 'panarmenian-1.html', 'bbc-1.html']);
export const WORLD_ONLY_PAGES: ReadonlySet<string> = new Set(['guardian-1.html', 'kommersant-1.html', 'rt-1.html', 'sputnik-1.html', 'polygraph-1.html', 'nytimes-1.html', 'reuters-1.html']);

/**
 * An error about a remote resource the harness blocked (every request off 127.0.0.1 fails):
 * the page's own loaders hit it whenever their timers fire, with or without Backstory.
 */
export const blockedFetch = (e: string): boolean => /\b(fetch|load|import)\w*\b.*https?:\/\/(?!127\.0\.0\.1|localhost)/i.test(e);

export const signature = (m: PageMutation): string => `${m.type} ${m.target} ${m.attributeName ?? ''} +${m.added.join('|')}`;

/** What a page did by itself or with Backstory: its mutations, errors and text. */
export interface Seen {
  mutations: PageMutation[];
  /** The signatures of its mutations and of its changes before DOMContentLoaded (WatchReport.early). */
  signatures: Set<string>;
  errors: string[];
  text: string;
  /** Every `parent +child` pair of elements in the final DOM, described as the watcher does. */
  pairs: Set<string>;
  /** How long the page lived, from navigation to the read, ms. */
  livedMs: number;
}

/**
 * Runs in the page: the final DOM's parent/child pairs, text nodes included and described
 * as the watcher does (a page that inserts a node before DOMContentLoaded in one load and
 * after it in another still has it). Self-contained, so it can be passed to
 * `page.evaluate` or serialised for BiDi.
 */
export function domPairsInPage(): string[] {
  const describe = (e: Element): string => e.localName + (e.id ? `#${e.id}` : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
  const out: string[] = [];
  for (const e of document.querySelectorAll('*')) {
    if (e.parentElement) out.push(`${describe(e.parentElement)} +${describe(e)}`);
    for (const n of e.childNodes) if (n.nodeType === Node.TEXT_NODE) out.push(`${describe(e)} +#text "${(n.textContent ?? '').slice(0, 40)}"`);
  }
  return out;
}

/**
 * A mutation of Backstory's run that one of the page's own runs explains: every node added
 * outside our host, text nodes too, must be one the page has without us.
 */
export const explained = (m: PageMutation, own: Seen[]): boolean =>
  own.some((o) => o.signatures.has(signature(m))) || (m.type === 'childList' && !m.removed.length && m.added.every((a) => own.some((o) => o.pairs.has(`${m.target} +${a}`))));

export interface Unexplained {
  mutations: string[];
  errors: string[];
}

/**
 * What Backstory's run did that the page's own runs do not explain. `blocked` tells an
 * error about a blocked remote request (default `blockedFetch`, Chromium's wording).
 */
export const unexplained = (mine: Seen, own: Seen[], blocked: (e: string) => boolean = blockedFetch): Unexplained => ({
  mutations: mine.mutations.filter((m) => !explained(m, own)).map(signature),
  errors: mine.errors.filter((e) => !own.some((o) => o.errors.includes(e)) && !blocked(e)),
});

export const clean = (u: Unexplained): boolean => !u.mutations.length && !u.errors.length;

/** How a corpus test loads a page: without the extension (settling `settleMs`), and once more with it. */
export interface Looks {
  without(settleMs: number): Promise<Seen>;
  withExtension(): Promise<Seen>;
}

/** What Backstory's run did that the page's own runs do not explain, and the text both ended with. */
export interface Judgement {
  unexplained: Unexplained;
  /** Both innerTexts, compared only when neither run saw a mutation (null: the page's own scripts changed it). */
  text: { mine: string; own: string } | null;
}

/**
 * Judges Backstory's run of a page (`mine`) against the page's own runs. Pages run timers,
 * lazy loaders and ads of their own, and race with their own DOMContentLoaded (what the page
 * did before it, in `early`, explains the same change after it): a difference must show up
 * again, against a longer look without the extension and in a second load with it, to
 * count. The longer look lives at least as long as the page did with Backstory (which waited
 * for the scan): a page's own timer, say a streamed section revealed 2.3 s after navigation,
 * then gets its chance without us too. `blocked` as in `unexplained`.
 */
export async function judge(mine: Seen, looks: Looks, blocked: (e: string) => boolean = blockedFetch): Promise<Judgement> {
  const own = [await looks.without(SETTLE_MS)];
  if (!clean(unexplained(mine, own, blocked))) {
    own.push(await looks.without(Math.max(SECOND_LOOK_MS, mine.livedMs + SETTLE_MS)));
    const first = unexplained(mine, own, blocked);
    if (!clean(first)) {
      const again = await looks.withExtension();
      const second = unexplained(again, own, blocked);
      mine = { ...again, mutations: again.mutations.filter((m) => first.mutations.includes(signature(m))), errors: second.errors.filter((e) => first.errors.includes(e)) };
    }
  }
  const text = !own[0]!.mutations.length && !mine.mutations.length ? { mine: mine.text, own: own[0]!.text } : null;
  return { unexplained: unexplained(mine, own, blocked), text };
}
