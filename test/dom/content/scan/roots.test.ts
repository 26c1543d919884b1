import { describe, expect, it, vi } from 'vitest';
import { firstRoot, MAIN_LOOK, QUERY_LIMIT } from '../../../../src/content/scan/roots.ts';

/** A loaded document with `bodyHtml`, in a window that is or is not the top one; hit-testing finds a <p> in a section. */
function loadedDoc(top: boolean, bodyHtml = '<div><nav>Menu</nav></div>'): { doc: Document; body: HTMLElement; elementFromPoint: ReturnType<typeof vi.fn> } {
  const block = document.createElement('p');
  const wrapper = document.createElement('div');
  const section = document.createElement('section');
  section.append(wrapper);
  wrapper.append(block);
  const elementFromPoint = vi.fn(() => block);
  const view = { innerWidth: 800, innerHeight: 600 } as { innerWidth: number; innerHeight: number; top?: unknown };
  view.top = top ? view : {};
  const body = document.createElement('body');
  body.innerHTML = bodyHtml;
  const doc = { readyState: 'complete', defaultView: view, body, documentElement: document.documentElement, elementFromPoint };
  return { doc: doc as unknown as Document, body, elementFromPoint };
}

describe('firstRoot', () => {
  it('starts a top page at the block in the upper middle of the viewport', () => {
    const { doc, elementFromPoint } = loadedDoc(true);
    expect(firstRoot(doc)?.localName).toBe('section');
    expect(elementFromPoint).toHaveBeenCalledTimes(1);
  });

  it('never hit-tests in a subframe (that forces the layout of the frame and its parent)', () => {
    const { doc, elementFromPoint } = loadedDoc(false);
    expect(firstRoot(doc)).toBeNull();
    expect(elementFromPoint).not.toHaveBeenCalled();
  });

  it('takes the first article or main content of the page, without hit-testing', () => {
    const { doc, elementFromPoint } = loadedDoc(true, '<header><nav>Menu</nav></header><div id="app"><div><main id="m"><article>Text</article></main></div></div>');
    expect(firstRoot(doc)?.id).toBe('m');
    const other = loadedDoc(true, '<div><aside></aside><div role="main" id="r"><p>Text</p></div></div>');
    expect(firstRoot(other.doc)?.id).toBe('r');
    const late = loadedDoc(true, `${'<p>w <i>x</i></p>'.repeat(700)}<article id="a">Late</article>`);
    expect(firstRoot(late.doc)?.id).toBe('a');
    expect(elementFromPoint).not.toHaveBeenCalled();
    expect(late.elementFromPoint).not.toHaveBeenCalled();
  });

  it('searches a huge page breadth first among its first elements only (one query would walk it all)', () => {
    const filler = '<p><i>x</i></p>'.repeat(QUERY_LIMIT / 2 + 1);
    const shallow = loadedDoc(true, `<header><nav>Menu</nav></header><main id="m">Text</main>${filler}`);
    expect(firstRoot(shallow.doc)?.id).toBe('m');
    // Past the breadth-first bound: the block in the viewport instead.
    const deep = loadedDoc(true, `${'<div></div>'.repeat(MAIN_LOOK)}${filler}<article id="a">Late</article>`);
    expect(firstRoot(deep.doc)?.localName).toBe('section');
    expect(deep.elementFromPoint).toHaveBeenCalledTimes(1);
  });
});
