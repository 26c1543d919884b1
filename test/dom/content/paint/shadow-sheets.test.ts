import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pageCss from '../../../../src/content/paint/page.css?inline';
import { ShadowSheets } from '../../../../src/content/paint/shadow-sheets.ts';
import { HIGHLIGHT_NAMES, Painter } from '../../../../src/content/paint/highlight.ts';

/** A host with an open shadow root holding `html`, and (optionally) a sheet of the page's own. */
function shadowHost(html: string, ownRules?: string): { root: ShadowRoot; own: CSSStyleSheet | null } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  let own: CSSStyleSheet | null = null;
  if (ownRules) {
    own = new CSSStyleSheet();
    own.replaceSync(ownRules);
    root.adoptedStyleSheets = [own];
  }
  return { root, own };
}

/** A root's adopted sheets, as a plain array. */
const sheetsOf = (root: ShadowRoot | Document): CSSStyleSheet[] => [...root.adoptedStyleSheets];

beforeEach(() => {
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

describe('ShadowSheets', () => {
  it('adopts the page stylesheet rules: every highlight name of ours is in the one source', () => {
    for (const name of Object.values(HIGHLIGHT_NAMES)) expect(pageCss).toContain(`::highlight(${name})`);
  });

  it('appends one sheet after the page’s own sheets, once, and adds no node', () => {
    const { root, own } = shadowHost('<p>Tbilisi</p>', 'p { color: black; }');
    const before = root.innerHTML;
    const sheets = new ShadowSheets();
    expect(sheets.adopt(root)).toBe(true);
    expect(sheets.adopt(root)).toBe(false);
    const list = sheetsOf(root);
    expect(list).toHaveLength(2);
    expect(list[0]).toBe(own);
    expect(list[1]).not.toBe(own);
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('style')).toBeNull();
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });

  it('uses one sheet for every root', () => {
    const a = shadowHost('<p>a</p>').root;
    const b = shadowHost('<p>b</p>').root;
    const sheets = new ShadowSheets();
    sheets.adopt(a);
    sheets.adopt(b);
    expect(sheetsOf(a)[0]).toBe(sheetsOf(b)[0]);
    expect(sheets.size).toBe(2);
  });

  it('clear() removes only ours, everywhere, and a later adopt works again', () => {
    const { root, own } = shadowHost('<p>Tbilisi</p>', 'p { color: black; }');
    const bare = shadowHost('<p>Moscow</p>').root;
    const sheets = new ShadowSheets();
    sheets.adopt(root);
    sheets.adopt(bare);
    // The page adds a sheet after ours: it stays, in its place.
    const later = new CSSStyleSheet();
    root.adoptedStyleSheets.push(later);
    sheets.clear();
    expect(sheetsOf(root)).toEqual([own, later]);
    expect(sheetsOf(bare)).toEqual([]);
    expect(sheets.size).toBe(0);
    sheets.clear();
    expect(sheetsOf(root)).toEqual([own, later]);
    expect(sheets.adopt(bare)).toBe(true);
    expect(sheetsOf(bare)).toHaveLength(1);
  });

  it('ensure() puts ours back where the page replaced the list, and nowhere twice', () => {
    const { root, own } = shadowHost('<p>Tbilisi</p>', 'p { color: black; }');
    const sheets = new ShadowSheets();
    sheets.adopt(root);
    expect(sheets.ensure()).toBe(0);
    root.adoptedStyleSheets = [own!];
    expect(sheets.ensure()).toBe(1);
    expect(sheetsOf(root)).toHaveLength(2);
    expect(sheetsOf(root)[0]).toBe(own);
    expect(sheets.ensure()).toBe(0);
    expect(sheetsOf(root)).toHaveLength(2);
  });

  it('gives up quietly where the list cannot change', () => {
    const { root } = shadowHost('<p>x</p>');
    Object.defineProperty(root, 'adoptedStyleSheets', {
      get: () => {
        throw new Error('denied');
      },
    });
    const sheets = new ShadowSheets();
    expect(sheets.adopt(root)).toBe(false);
    expect(() => sheets.clear()).not.toThrow();
  });
});

describe('Painter and shadow roots', () => {
  /** A stand-in for the Custom Highlight API, which happy-dom lacks. */
  class FakeHighlight extends Set<AbstractRange> {
    priority = 0;
  }
  const registry = new Map<string, FakeHighlight>();

  beforeEach(() => {
    registry.clear();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: registry });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const rangeOn = (node: Node): Range => {
    const r = document.createRange();
    r.selectNodeContents(node);
    return r;
  };

  it('adopts into the shadow roots a painted range lies in, only those, and destroy() removes it', () => {
    document.body.innerHTML = '<p>Galuzin</p>';
    const marked = shadowHost('<p>Tbilisi</p>', 'p { color: black; }');
    const unmarked = shadowHost('<p>Nothing here</p>');
    const inner = shadowHost('<p>Moscow</p>');
    // Nested: the inner host lives inside the marked root.
    marked.root.append(inner.root.host);
    const painter = new Painter();
    const ranges = [rangeOn(document.body.querySelector('p')!), rangeOn(marked.root.querySelector('p')!), rangeOn(inner.root.querySelector('p')!)];
    painter.paint(ranges, 'background', new Set<Node>([marked.root, unmarked.root, inner.root]));
    expect(registry.get(HIGHLIGHT_NAMES.background)?.size).toBe(3);
    expect(sheetsOf(marked.root)).toHaveLength(2);
    expect(sheetsOf(marked.root)[0]).toBe(marked.own);
    expect(sheetsOf(inner.root)).toHaveLength(1);
    expect(sheetsOf(unmarked.root)).toHaveLength(0);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    // Repainting does not adopt twice.
    painter.paint(ranges, 'underline', new Set<Node>([marked.root, inner.root]));
    expect(sheetsOf(marked.root)).toHaveLength(2);
    // The page drops ours: ensure() (pointer activity, the restore timer) puts it back.
    marked.root.adoptedStyleSheets = [marked.own!];
    expect(painter.ensure()).toBeGreaterThan(0);
    expect(sheetsOf(marked.root)).toHaveLength(2);
    painter.destroy();
    expect(registry.size).toBe(0);
    expect(sheetsOf(marked.root)).toEqual([marked.own]);
    expect(sheetsOf(inner.root)).toEqual([]);
  });

  it('without shadow roots, never looks for one', () => {
    document.body.innerHTML = '<p>Galuzin</p>';
    const painter = new Painter();
    const r = rangeOn(document.body.querySelector('p')!);
    const spy = vi.spyOn(r.startContainer, 'getRootNode');
    painter.paint([r], 'background', new Set());
    painter.paint([r], 'background');
    expect(spy).not.toHaveBeenCalled();
    expect(painter.sheets.size).toBe(0);
    painter.destroy();
  });
});
