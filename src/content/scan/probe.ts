/**
 * The probe: before a page is walked, one look at all of its text for a name of the region.
 *
 * Most pages name nothing of the region: world-level names at most (the U.S., NATO…),
 * which are not marked without one. On them the walk (every element visited, blocks
 * built, names matched block by block) was the largest cost of ours. The browser hands
 * over the page's text in one native call instead (`textContent`), the text of scripts and
 * styles is cut out of it, and the matchers read it leniently (`Matcher.mayName`: no word
 * breaks asked, since blocks run together there). No region name in it: the page is not
 * walked. The probe never says no where the walk would find one, with two exceptions it
 * cannot see: text in the shadow root of an element that is not a custom element (one
 * whose name has no hyphen), and a name broken across a `<br>`.
 */
import type { Matcher, MatcherEntity } from '../../matcher/index.ts';
import { QUERY_LIMIT } from './roots.ts';

/** Elements whose text is never read and may be cut out of the page's text. */
const UNREAD = 'script, style, noscript, template';
/** Custom elements (their names have a hyphen): the hosts of web components' shadow roots. */
const CUSTOM = ".//*[contains(local-name(), '-')]";
/** How deep shadow roots inside shadow roots are looked into. */
const SHADOW_DEPTH = 4;
/** Characters the probe reads per step (a step is a few ms cold). */
export const PROBE_CHUNK = 40_000;
/** Characters a step reads past its chunk, so a name across two chunks is read whole (longer than any name). */
const OVERLAP = 400;

/** The entities a page is walked for (the region's, of the packs switched on). */
export type Wanted = (entity: MatcherEntity) => boolean;

/** `root`'s text without the text of the scripts, styles… inside it (the parts joined by a space). */
function readableText(root: Element | ShadowRoot): string {
  const text = root.textContent ?? '';
  const unread = root.querySelectorAll(UNREAD);
  if (!unread.length) return text;
  const parts: string[] = [];
  let at = 0;
  let last: Element | null = null;
  for (const el of unread) {
    // A script inside a cut element (rare: markup in <noscript> is text) went with it.
    if (last?.contains(el)) continue;
    const t = el.textContent;
    if (!t) continue;
    // Found from where the last cut ended: its own place, or an identical text before it,
    // whose cut leaves the same characters in.
    const i = text.indexOf(t, at);
    if (i < 0) continue;
    parts.push(text.slice(at, i));
    at = i + t.length;
    last = el;
  }
  parts.push(text.slice(at));
  return parts.join(' ');
}

/**
 * The custom elements under `root`: found by one native XPath query in the document; a
 * shadow root (not a context XPath takes) and a DOM without XPath are asked element by element.
 */
function customElements(doc: Document, root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  if (root.nodeType === Node.ELEMENT_NODE && typeof doc.evaluate === 'function') {
    const found = doc.evaluate(CUSTOM, root, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let k = 0; k < found.snapshotLength; k++) out.push(found.snapshotItem(k) as Element);
  } else {
    for (const el of root.querySelectorAll('*')) if (el.localName.includes('-')) out.push(el);
  }
  return out;
}

/** The text in the open shadow roots of the custom elements under `root`, and in theirs. */
function shadowText(doc: Document, root: Element | ShadowRoot, depth: number, out: string[]): void {
  if (depth > SHADOW_DEPTH) return;
  for (const host of customElements(doc, root)) {
    const sr = host.shadowRoot;
    if (!sr) continue;
    out.push(readableText(sr));
    shadowText(doc, sr, depth + 1, out);
  }
}

/**
 * The text of the page the probe reads: the body's, without scripts and styles, then the
 * open shadow roots' of its custom elements. Null when the page is too big to read in one
 * call without a long slice (more than QUERY_LIMIT elements: it is walked in slices as ever).
 */
export function probeText(doc: Document): string | null {
  const body = doc.body;
  if (!body || body.getElementsByTagName('*').item(QUERY_LIMIT)) return null;
  const parts = [readableText(body)];
  shadowText(doc, body, 1, parts);
  return parts.join(' ');
}

/**
 * The probe as steps for `runSliced`: the first reads the page's text, each next one chunk
 * of it with every matcher. `found()`: a matcher named an entity `wanted` takes, or the
 * page must be walked anyway (too big to read at once, a matcher that cannot probe, a DOM
 * that throws).
 */
export function probeSteps(doc: Document, matchers: readonly Matcher[], wanted: Wanted): { step: () => boolean; found: () => boolean } {
  const tests = matchers.map((m) => {
    const memo = new Map<number, boolean>();
    const want = (e: number): boolean => {
      let w = memo.get(e);
      if (w === undefined) {
        const entity = m.entity(e);
        memo.set(e, (w = entity !== undefined && wanted(entity)));
      }
      return w;
    };
    return (chunk: string): boolean => m.mayName(chunk, want);
  });
  let text: string | null | undefined;
  let at = 0;
  let found = false;
  return {
    step: () => {
      try {
        if (text === undefined) {
          text = probeText(doc);
          found = text === null;
          return !found;
        }
        if (found || text === null || at >= text.length) return false;
        const chunk = text.length <= PROBE_CHUNK ? text : text.slice(at, at + PROBE_CHUNK + OVERLAP);
        at += PROBE_CHUNK;
        found = tests.some((t) => t(chunk));
        return !found && at < text.length;
      } catch {
        found = true;
        return false;
      }
    },
    found: () => found,
  };
}
