import { describe, expect, it, vi } from 'vitest';
import { firstRoot } from '../../../../src/content/scan/roots.ts';

/** A loaded document without an article element, in a window that is or is not the top one. */
function loadedDoc(top: boolean): { doc: Document; elementFromPoint: ReturnType<typeof vi.fn> } {
  const block = document.createElement('p');
  const wrapper = document.createElement('div');
  const section = document.createElement('section');
  section.append(wrapper);
  wrapper.append(block);
  const elementFromPoint = vi.fn(() => block);
  const view = { innerWidth: 800, innerHeight: 600 } as { innerWidth: number; innerHeight: number; top?: unknown };
  view.top = top ? view : {};
  const doc = { querySelector: () => null, readyState: 'complete', defaultView: view, body: document.body, documentElement: document.documentElement, elementFromPoint };
  return { doc: doc as unknown as Document, elementFromPoint };
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

  it('takes the article when the page marks one, without hit-testing', () => {
    const article = document.createElement('article');
    const { doc, elementFromPoint } = loadedDoc(true);
    (doc as unknown as { querySelector: () => Element }).querySelector = () => article;
    expect(firstRoot(doc)).toBe(article);
    expect(elementFromPoint).not.toHaveBeenCalled();
  });
});
