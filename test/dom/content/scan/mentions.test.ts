import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MatcherEntity } from '../../../../src/matcher/index.ts';
import { MentionStore, type PageMention } from '../../../../src/content/scan/mentions.ts';

const ENTITY: MatcherEntity = { id: 'tbilisi', name: 'Tbilisi', type: 'place', topics: [], scope: 'region' };

function mention(node: Text, start: number, order?: PageMention['order']): PageMention {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + 1);
  return { range, entity: ENTITY, nodes: [node], text: node.data.slice(start, start + 1), order };
}

beforeEach(() => {
  document.body.innerHTML = '<p>first</p><p>second</p>';
});

describe('MentionStore.ordered', () => {
  it('orders the mentions of one walk by where the walk read them, without asking the DOM', () => {
    const [a, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const spy = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    const store = new MentionStore();
    const mb = mention(b!, 0, { reader: 7, block: 1, start: 0 });
    const ma2 = mention(a!, 2, { reader: 7, block: 0, start: 2 });
    const ma0 = mention(a!, 0, { reader: 7, block: 0, start: 0 });
    for (const m of [mb, ma2, ma0]) store.add(m);
    expect(store.ordered()).toEqual([ma0, ma2, mb]);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('asks the DOM for mentions of different walks (the article read first, then the rest)', () => {
    const [a, b] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const store = new MentionStore();
    // The second paragraph was read by the first walk: its keys say nothing of the other walk's.
    const mb = mention(b!, 0, { reader: 1, block: 0, start: 0 });
    const ma = mention(a!, 0, { reader: 2, block: 5, start: 0 });
    const plain = mention(a!, 3);
    for (const m of [mb, ma, plain]) store.add(m);
    expect(store.ordered()).toEqual([ma, plain, mb]);
  });
});
