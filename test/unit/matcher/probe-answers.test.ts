import { describe, expect, it } from 'vitest';
import { ProbeAnswers, type NamesTest } from '../../../src/matcher/index.ts';

/** A test whose page question says yes at a part holding "yes", and decides "maybe" after the last part if any part held it. */
function fakeTest(): NamesTest {
  return {
    part: (text) => text.includes('yes'),
    page: () => {
      let maybe = false;
      return {
        add: (text) => ((maybe ||= text.includes('maybe')), text.includes('yes')),
        decided: () => maybe,
      };
    },
  };
}

describe('ProbeAnswers (the pages being asked about)', () => {
  it('answers a page after its last part from all its parts, and forgets it then', () => {
    const a = new ProbeAnswers();
    const test = fakeTest();
    expect(a.answer(test, 'maybe', { id: 'p', first: true, last: false })).toBe(false);
    expect(a.answer(test, 'no', { id: 'p', first: false, last: true })).toBe(true);
    // Forgotten after its last part: another part of it is not known, so yes (walk it).
    expect(a.answer(test, 'no', { id: 'p', first: false, last: true })).toBe(true);
    expect(a.answer(test, 'no', { id: 'q', first: true, last: true })).toBe(false);
    // A part on its own is answered on its own.
    expect([a.answer(test, 'maybe'), a.answer(test, 'yes')]).toEqual([false, true]);
  });

  it('keeps a few pages at a time: the oldest is forgotten, and its next part answered yes', () => {
    const a = new ProbeAnswers(2);
    const test = fakeTest();
    for (const id of ['1', '2', '3']) expect(a.answer(test, 'no', { id, first: true, last: false })).toBe(false);
    expect(a.answer(test, 'no', { id: '1', first: false, last: true })).toBe(true);
    expect(a.answer(test, 'no', { id: '3', first: false, last: true })).toBe(false);
  });
});
