/**
 * The probe: before a page is walked, one look at all of its text for a name of the region.
 *
 * Most pages name nothing of the region: world-level names at most (the U.S., NATO…),
 * which are not marked without one. On them the walk (every element visited, blocks
 * built, names matched block by block) was the largest cost of ours. The probe reads the
 * page's text instead, run together as `textContent` has it: with one native call per part
 * of the page (the article, the text around it) when the page's scripts and styles hold
 * little text, their long texts cut out of it; else with a native TreeWalker over text
 * nodes only (the floor of any read), which leaves those texts unread. It asks whether
 * that names something of the region (`Ask`: the
 * extension's background answers it, off the page's main thread, with `Matcher.mayName`,
 * which reads leniently: blocks run together there, so a name is taken wherever a word break may have been). No region
 * name in it: the page is not walked, and its automaton is never loaded. The probe never
 * says no where the walk would find one, with three exceptions it cannot see: text in the
 * shadow root of an element that is not a custom element (one whose name has no hyphen), a
 * name broken across a `<br>`, and a name that ends a block whose next block starts with a
 * small letter (`mayName` reads the two as one word).
 */
import type { PagePart } from '../../matcher/index.ts';
import { MAIN_CONTENT, QUERY_LIMIT } from './roots.ts';
import { runSliced, type SliceStats } from './slices.ts';

/**
 * Whether a text (blocks run together) may name something a pass is for: true, false, or
 * null when it cannot tell (the page is then walked).
 */
export type Ask = (text: string, page?: PagePart) => Promise<boolean | null>;

/** Elements whose text is never read (`localName`). */
const UNREAD = new Set(['script', 'style', 'noscript', 'template']);
/**
 * A text node this long is asked what holds it, and left out in a script or a style; a
 * shorter one is read whatever holds it (more text only lets more through), which spares
 * a DOM call per node.
 */
const LONG_TEXT = 200;
/**
 * Text in a page's scripts, styles and noscripts up to which the page is read with one native
 * call per root (`textContent`, their long texts cut out of it): a read of every text node
 * through the DOM, one call per node, costs the most where each call crosses into the page
 * (Firefox's Xray wrappers). Past it, the text nodes are walked, so that megabytes of script
 * are never copied (`textContent` copies them all).
 */
const SCRIPT_TEXT_LIMIT = 65_536;
/** Characters of a text read natively that one step hands on. */
const TEXT_STEP = 8_000;
/** Custom elements (their names have a hyphen): the hosts of web components' shadow roots. */
const CUSTOM = ".//*[contains(local-name(), '-')]";
/** How deep shadow roots inside shadow roots are looked into. */
const SHADOW_DEPTH = 4;
/** Text nodes read per step. */
const NODES_PER_STEP = 250;
/**
 * Characters asked about at once: the first question is small (a page that names the region
 * mostly does so early in its article, and then the rest is not read), each next one four
 * times the last, up to PROBE_CHUNK (sending one is part of a slice of ours).
 */
const FIRST_CHUNK = 8_000;
export const PROBE_CHUNK = 128_000;
/** Characters a question repeats before its chunk, so a name across two chunks is read whole (longer than any name). */
const OVERLAP = 400;

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
 * The scripts, styles and noscripts under `body` whose text is long (LONG_TEXT), in document
 * order; null when all of theirs together pass SCRIPT_TEXT_LIMIT. Lengths only: nothing is copied.
 */
function longUnreadUnder(body: Element): Element[] | null {
  const all = body.querySelectorAll('script, style, noscript');
  const long: Element[] = [];
  let total = 0;
  // From the last: the large ones (a page's data, its bundles) are mostly at the end of the body.
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === Node.TEXT_NODE) n += (c as Text).length;
    total += n;
    if (total > SCRIPT_TEXT_LIMIT) return null;
    if (n > LONG_TEXT) long.push(el);
  }
  return long.reverse();
}

/**
 * The parts of `text` around the texts of the elements `cut` (in it, in document order), each
 * found after the one before, pushed to `out` (slices, not copies: the read is joined only a
 * question at a time). Should an equal text come earlier, that one is cut instead: what is
 * left reads the same.
 */
function pushWithout(out: string[], text: string, cut: readonly Element[]): void {
  let at = 0;
  for (const el of cut) {
    const t = el.textContent ?? '';
    const i = t ? text.indexOf(t, at) : -1;
    if (i < 0) continue;
    if (i > at) out.push(text.slice(at, i));
    at = i + t.length;
  }
  if (at < text.length) out.push(at ? text.slice(at) : text);
}

/**
 * The page's text as `textContent` has it, read natively, without the long texts `cut`
 * (longUnreadUnder), in parts: the article's first, then the rest of the body around it (the
 * text before and after the article, as a Range reads it: every character is copied once).
 */
function nativeText(doc: Document, body: Element, main: Element | null, cut: readonly Element[]): string[] {
  const out: string[] = [];
  if (!main) {
    pushWithout(out, body.textContent ?? '', cut);
    return out;
  }
  const inMain: Element[] = [];
  const before: Element[] = [];
  const after: Element[] = [];
  for (const el of cut) {
    if (main.contains(el)) inMain.push(el);
    else if (main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) before.push(el);
    else after.push(el);
  }
  pushWithout(out, main.textContent ?? '', inMain);
  const range = doc.createRange();
  range.setStart(body, 0);
  range.setEndBefore(main);
  pushWithout(out, range.toString(), before);
  range.setStartAfter(main);
  range.setEnd(body, body.childNodes.length);
  pushWithout(out, range.toString(), after);
  return out;
}

/** A root to read, with its depth in shadow roots (SHADOW_DEPTH: its shadow roots are not looked for). */
interface Root {
  root: Element | ShadowRoot;
  depth: number;
}

/**
 * Reading text as steps for `runSliced`: the page (the article, the rest of the body, then
 * the open shadow roots of its custom elements, and theirs), or the given roots (the blocks
 * a change touched) and the shadow roots under them. `size()`: characters read since the
 * last `take()`, which returns them (after the end of what it took before); `whole()`: false
 * when the page must be walked whatever its text (more than QUERY_LIMIT elements, a text
 * node longer than a question, a DOM that throws).
 */
function textSteps(doc: Document, given?: readonly Node[]): { step: () => boolean; size: () => number; take: () => string; whole: () => boolean } {
  const roots: Root[] = [];
  let started = false;
  let whole = true;
  let next = 0;
  let walker: TreeWalker | null = null;
  // Whether the walker reads the article (kept, not asked of the walker: each DOM read of a content script costs, most in Firefox).
  let inMain = false;
  // The article, and its first and last text nodes once read: the body's walk jumps over them.
  let main: Element | null = null;
  let mainFirst: Text | null = null;
  let mainLast: Text | null = null;
  // A page read natively: the long texts to leave out of it (longUnreadUnder) until it is read,
  // the texts read (nativeText), handed on a step at a time (which one, and where in it), and
  // then the body, whose open shadow roots are looked for in a step of their own.
  let cut: Element[] | null = null;
  let shadowsOf: Element | null = null;
  let texts: string[] = [];
  let textAt = 0;
  let charAt = 0;
  // What was read since the last `take`, after the end of what it took (OVERLAP characters).
  let parts: string[] = [];
  let size = 0;

  const start = (): boolean => {
    started = true;
    if (given) {
      for (const n of given) {
        const r = n.nodeType === Node.DOCUMENT_NODE ? (n as Document).body : n;
        if (r && (r.nodeType === Node.ELEMENT_NODE || r.nodeType === Node.DOCUMENT_FRAGMENT_NODE)) roots.push({ root: r as Element | ShadowRoot, depth: 0 });
      }
      return true;
    }
    const body = doc.body;
    if (!body || body.getElementsByTagName('*').item(QUERY_LIMIT)) return false;
    // A page of normal size (just counted): one native query finds the article.
    main = body.querySelector(MAIN_CONTENT);
    cut = longUnreadUnder(body);
    if (cut) {
      // Read natively, in the steps that follow; then only the open shadow roots are walked.
      shadowsOf = body;
      return true;
    }
    // The article's shadow roots are found with the body's (depth 0 asks for them).
    if (main) roots.push({ root: main, depth: SHADOW_DEPTH });
    roots.push({ root: body, depth: 0 });
    return true;
  };

  const read = (): boolean => {
    if (cut) {
      texts = nativeText(doc, shadowsOf!, main, cut);
      cut = null;
      return true;
    }
    while (textAt < texts.length) {
      const t = texts[textAt]!;
      if (charAt >= t.length) {
        textAt++;
        charAt = 0;
        continue;
      }
      const piece = t.slice(charAt, charAt + TEXT_STEP);
      charAt += piece.length;
      parts.push(piece);
      size += piece.length;
      return true;
    }
    if (shadowsOf) {
      for (const sr of shadowRootsUnder(doc, shadowsOf)) roots.push({ root: sr, depth: 1 });
      shadowsOf = null;
      return true;
    }
    let nodes = 0;
    while (nodes < NODES_PER_STEP) {
      if (!walker) {
        const r = roots[next++];
        if (!r) return false;
        if (r.depth < SHADOW_DEPTH) for (const sr of shadowRootsUnder(doc, r.root)) roots.push({ root: sr, depth: r.depth + 1 });
        walker = doc.createTreeWalker(r.root, NodeFilter.SHOW_TEXT);
        inMain = r.root === main;
      }
      const t = walker.nextNode() as Text | null;
      if (!t) {
        walker = null;
        continue;
      }
      nodes++;
      if (inMain) {
        mainFirst ??= t;
        mainLast = t;
      } else if (t === mainFirst && mainLast && main!.contains(mainLast)) {
        // The article, already read.
        walker.currentNode = mainLast;
        continue;
      }
      // Its length first: reading `data` copies the text, megabytes in a page's scripts.
      const n = t.length;
      if (n > LONG_TEXT && UNREAD.has((t.parentNode as Element | null)?.localName ?? '')) continue;
      // A text longer than a question is read by the walk, a chunk per step: walk the page.
      if (n > PROBE_CHUNK) return (whole = false);
      parts.push(t.data);
      size += n;
    }
    return true;
  };

  return {
    step: () => {
      try {
        // Starting is a step of its own (counting the page, finding the article, its scripts).
        if (!started) return start() || (whole = false);
        return whole && read();
      } catch {
        whole = false;
        return false;
      }
    },
    size: () => size,
    take: () => {
      const text = parts.join('');
      parts = [text.slice(-OVERLAP)];
      size = 0;
      return text;
    },
    whole: () => whole,
  };
}

/** A fresh id for one read of a page: its questions belong together (the asker keeps what their parts hold). */
const newPageId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Whether a full pass should walk the page (or, with `roots`, whether the blocks a change
 * touched may name what it is for): reads the text in slices of ours ('probe') and asks
 * about it a chunk at a time, reading on only after a no. A whole page is asked as one
 * question in parts, its title first (the walk reads the title for evidence too), and its
 * last part is always asked: a name the page's evidence decides is answered then. True when
 * it may name something, when the page must be walked anyway, and when `ask` cannot tell.
 */
export async function probe(doc: Document, ask: Ask, stats: SliceStats, signal: AbortSignal, roots?: readonly Node[]): Promise<boolean> {
  const reader = textSteps(doc, roots);
  const page: PagePart | undefined = roots ? undefined : { id: newPageId(), first: true, last: false };
  let head = page && doc.title ? `${doc.title}\n` : '';
  let chunk = FIRST_CHUNK;
  let done = false;
  while (!done && !signal.aborted) {
    let question: Promise<boolean | null> | null = null;
    await runSliced(
      () => {
        done = !reader.step();
        if (done && !reader.whole()) return false;
        // The last part of a page already asked about is asked even if empty: its answer is the page's.
        if (reader.size() < chunk && !(done && (reader.size() > 0 || head || page?.first === false))) return !done;
        try {
          question = ask(head + reader.take(), page && { ...page, last: done });
        } catch {
          question = Promise.resolve(null);
        }
        head = '';
        if (page) page.first = false;
        chunk = Math.min(chunk * 4, PROBE_CHUNK);
        return false;
      },
      stats,
      signal,
      undefined,
      'probe',
    );
    if (!reader.whole()) return true;
    if (question && (await (question as Promise<boolean | null>).catch(() => null)) !== false) return true;
  }
  return false;
}
