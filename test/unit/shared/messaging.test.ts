import { describe, it, expect, beforeAll } from 'vitest';

type Listener = (message: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => unknown;
const listeners = new Set<Listener>();
const ID = 'our-extension-id';

beforeAll(() => {
  // The promise-based namespace as Firefox exposes it (with `chrome` beside it): the polyfill
  // then hands it over as it is.
  const runtime = {
    id: ID,
    onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
  };
  (globalThis as { browser?: unknown }).browser = { runtime };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
});

/** Delivers like a browser that only knows `sendResponse` (Chrome before 148): a returned promise is ignored. */
function deliver(message: unknown, sender: { id?: string } = { id: ID }): Promise<unknown> | 'no answer' {
  for (const l of listeners) {
    let answer: (v: unknown) => void = () => undefined;
    const later = new Promise((resolve) => (answer = resolve));
    if (l(message, sender, answer) === true) return later;
  }
  return 'no answer';
}

describe('handle', () => {
  it('answers through sendResponse, so every browser gets the reply', async () => {
    const { handle } = await import('../../../src/shared/messaging.ts');
    const off = handle<{ 'backstory/x': { request: { n: number }; response: { doubled: number } } }>({
      'backstory/x': async ({ n }) => ({ doubled: n * 2 }),
    });
    expect(await deliver({ type: 'backstory/x', n: 21 })).toEqual({ ok: true, doubled: 42 });
    off();
    expect(deliver({ type: 'backstory/x', n: 1 })).toBe('no answer');
  });

  it('reports a throwing or rejecting handler as an error result', async () => {
    const { handle } = await import('../../../src/shared/messaging.ts');
    const off = handle<{ 'backstory/a': { request: object; response: object }; 'backstory/b': { request: object; response: object } }>({
      'backstory/a': () => {
        throw new Error('boom');
      },
      'backstory/b': () => Promise.reject(new Error('late boom')),
    });
    expect(await deliver({ type: 'backstory/a' })).toEqual({ ok: false, error: 'boom' });
    expect(await deliver({ type: 'backstory/b' })).toEqual({ ok: false, error: 'late boom' });
    off();
  });

  it('leaves foreign messages, unknown types and other senders unanswered', async () => {
    const { handle } = await import('../../../src/shared/messaging.ts');
    const off = handle<{ 'backstory/x': { request: object; response: object } }>({ 'backstory/x': () => ({}) });
    expect(deliver({ type: 'something/else' })).toBe('no answer');
    expect(deliver({ type: 'backstory/unknown' })).toBe('no answer');
    expect(deliver({ type: 'backstory/x' }, { id: 'another-extension' })).toBe('no answer');
    expect(deliver('backstory/x')).toBe('no answer');
    off();
  });
});
