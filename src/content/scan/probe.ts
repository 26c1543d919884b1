/**
 * The probe: before a page is walked, one look at all of its text for a name of the region.
 *
 * Most pages name nothing of the region: world-level names at most (the U.S., NATO…),
 * which are not marked without one. On them the walk (every element visited, blocks
 * built, names matched block by block) was the largest cost of ours. The probe reads the
 * page's text nodes instead, with a native TreeWalker over text only (the floor of any
 * read), runs them together as `textContent` has them, leaves out the long texts of
 * scripts and styles, and the matchers read that leniently (`Matcher.mayName`: no word
 * breaks asked, since blocks run together there). No region name in it: the page is not
 * walked. The probe never says no where the walk would find one, with two exceptions it
 * cannot see: text in the shadow root of an element that is not a custom element (one
 * whose name has no hyphen), and a name broken across a `<br>`.
 */
import type { Matcher, MatcherEntity } from '../../matcher/index.ts';
import { MAIN_CONTENT, QUERY_LIMIT } from './roots.ts';

/** Elements whose text is never read (`localName`). */
const UNREAD = new Set(['script', 'style', 'noscript', 'template']);
/**
 * A text node this long is asked what holds it, and left out in a script or a style; a
 * shorter one is read whatever holds it (more text only lets more through), which spares
 * a DOM call per node.
 */
const LONG_TEXT = 200;
/** Custom elements (their names have a hyphen): the hosts of web components' shadow roots. */
const CUSTOM = ".//*[contains(local-name(), '-')]";
/** How deep shadow roots inside shadow roots are looked into. */
const SHADOW_DEPTH = 4;
/** Text nodes read per step. */
const NODES_PER_STEP = 250;
/** Characters the matchers read per step (a step is a few ms cold). */
export const PROBE_CHUNK = 8_000;
/** Characters a step reads again before its chunk, so a name across two chunks is read whole (longer than any name). */
const OVERLAP = 400;

/** The entities a page is walked for (the region's, of the packs switched on). */
export type Wanted = (entity: MatcherEntity) => boolean;

/**
 * The open shadow roots of the custom elements under `root`: found by one native XPath query
 * in the document; a shadow root (not a context XPath takes) and a DOM without XPath are
 * asked element by element.
 */
function shadowRootsUnder(doc: Document, root: Element | ShadowRoot): ShadowRoot[] {
  const hosts: Element[] = [];
  if (root.nodeType === Node.ELEMENT_NODE && typeof doc.evaluate === 'function') {
    const found = doc.evaluate(CUSTOM, root, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let k = 0; k < found.snapshotLength; k++) hosts.push(found.snapshotItem(k) as Element);
  } else {
    for (const el of root.querySelectorAll('*')) if (el.localName.includes('-')) hosts.push(el);
  }
  const out: ShadowRoot[] = [];
  for (const h of hosts) if (h.shadowRoot) out.push(h.shadowRoot);
  return out;
}

/**
 * The probe as steps for `runSliced`: each reads the next text nodes of the page (the
 * article, the rest of the body, then the open shadow roots of its custom elements, and
 * theirs), or one chunk of what was
 * read with every matcher. `found()`: a matcher named an entity `wanted` takes, or the
 * page must be walked anyway (more than QUERY_LIMIT elements, a matcher that cannot probe,
 * a DOM that throws).
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
  let found = false;
  // What is left to read (the article first: a page that names the region mostly does so
  // there), each root with its depth in shadow roots, and the walk of the current one.
  const roots: { root: Element | ShadowRoot; depth: number }[] = [];
  let next = 0;
  let walker: TreeWalker | null = null;
  let reading = true;
  // The article, and its first and last text nodes once read: the body's walk jumps over them.
  let main: Element | null = null;
  let mainFirst: Text | null = null;
  let mainLast: Text | null = null;
  // The text read and not yet matched is buf.slice(at); what was matched before `at` stays for the overlap.
  let buf = '';
  let at = 0;

  const start = (): void => {
    const body = doc.body;
    if (!body || body.getElementsByTagName('*').item(QUERY_LIMIT)) {
      found = true;
      return;
    }
    // A page of normal size (just counted): one native query finds the article.
    main = body.querySelector(MAIN_CONTENT);
    // The article's shadow roots are found with the body's (depth 0 asks for them).
    if (main) roots.push({ root: main, depth: SHADOW_DEPTH });
    roots.push({ root: body, depth: 0 });
  };

  const read = (): void => {
    const parts: string[] = [];
    let nodes = 0;
    while (nodes < NODES_PER_STEP) {
      if (!walker) {
        const r = roots[next++];
        if (!r) {
          reading = false;
          break;
        }
        if (r.depth < SHADOW_DEPTH) for (const sr of shadowRootsUnder(doc, r.root)) roots.push({ root: sr, depth: r.depth + 1 });
        walker = doc.createTreeWalker(r.root, NodeFilter.SHOW_TEXT);
      }
      const t = walker.nextNode() as Text | null;
      if (!t) {
        walker = null;
        continue;
      }
      nodes++;
      if (walker.root === main) {
        mainFirst ??= t;
        mainLast = t;
      } else if (t === mainFirst && mainLast && main!.contains(mainLast)) {
        // The article, already read.
        walker.currentNode = mainLast;
        continue;
      }
      const d = t.data;
      if (d.length > LONG_TEXT && UNREAD.has((t.parentNode as Element | null)?.localName ?? '')) continue;
      parts.push(d);
    }
    buf += parts.join('');
  };

  const match = (): void => {
    const end = Math.min(buf.length, at + PROBE_CHUNK);
    const chunk = buf.slice(Math.max(0, at - OVERLAP), end);
    at = end;
    found = tests.some((t) => t(chunk));
    if (at === buf.length) {
      buf = buf.slice(-OVERLAP);
      at = buf.length;
    }
  };

  return {
    step: () => {
      try {
        if (!roots.length && !found) start();
        if (found) return false;
        if (buf.length - at >= PROBE_CHUNK || (!reading && at < buf.length)) match();
        else if (reading) read();
        return !found && (reading || at < buf.length);
      } catch {
        found = true;
        return false;
      }
    },
    found: () => found,
  };
}
