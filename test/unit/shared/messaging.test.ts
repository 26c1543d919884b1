import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';

type Listener = (message: unknown, sender: { id?: string; url?: string; tab?: { id: number } }, sendResponse: (r: unknown) => void) => unknown;
const listeners = new Set<Listener>();
const ID = 'our-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
/** A popup or side panel of ours, and a content script in a tab. */
const PAGE = { id: ID, url: `${ORIGIN}src/popup/index.html` };
const CONTENT = { id: ID, url: 'https://news.example/story', tab: { id: 7 } };

beforeAll(() => {
  // The promise-based namespace as Firefox exposes it (with `chrome` beside it): the polyfill
  // then hands it over as it is.
  const runtime = {
    id: ID,
    getURL: (path: string) => ORIGIN + path,
    onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
  };
  (globalThis as { browser?: unknown }).browser = { runtime };
  (globalThis as { chrome?: unknown }).chrome = { runtime };
});

/** Delivers like a browser that only knows `sendResponse` (Chrome before 148): a returned promise is ignored. */
function deliver(message: unknown, sender: { id?: string; url?: string; tab?: { id: number } } = PAGE): Promise<unknown> | 'no answer' {
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
    const off = handle<{ 'backstory/x': { request: { n: number }; response: { doubled: number } } }>('extension', {
      'backstory/x': async ({ n }) => ({ doubled: n * 2 }),
    });
    expect(await deliver({ type: 'backstory/x', n: 21 })).toEqual({ ok: true, doubled: 42 });
    off();
    expect(deliver({ type: 'backstory/x', n: 1 })).toBe('no answer');
  });

  it('reports a throwing or rejecting handler as an error result', async () => {
    const { handle } = await import('../../../src/shared/messaging.ts');
    const off = handle<{ 'backstory/a': { request: object; response: object }; 'backstory/b': { request: object; response: object } }>('extension', {
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
    const off = handle<{ 'backstory/x': { request: object; response: object } }>('extension', { 'backstory/x': () => ({}) });
    expect(deliver({ type: 'something/else' })).toBe('no answer');
    expect(deliver({ type: 'backstory/unknown' })).toBe('no answer');
    expect(deliver({ type: 'backstory/x' }, { id: 'another-extension' })).toBe('no answer');
    expect(deliver('backstory/x')).toBe('no answer');
    off();
  });

  it('handles a message once, by the map for the context that sent it', async () => {
    const { handle } = await import('../../../src/shared/messaging.ts');
    type Map = { 'backstory/x': { request: object; response: { by: string } } };
    let calls = 0;
    const offContent = handle<Map>('content', { 'backstory/x': () => (calls++, { by: 'content' }) });
    const offPages = handle<Map>('extension', { 'backstory/x': () => (calls++, { by: 'pages' }) });
    expect(await deliver({ type: 'backstory/x' }, CONTENT)).toEqual({ ok: true, by: 'content' });
    expect(calls).toBe(1);
    expect(await deliver({ type: 'backstory/x' }, PAGE)).toEqual({ ok: true, by: 'pages' });
    expect(calls).toBe(2);
    // A tab showing one of our pages is not a content script; a sender without a tab is not one either.
    expect(await deliver({ type: 'backstory/x' }, { ...PAGE, tab: { id: 3 } })).toEqual({ ok: true, by: 'pages' });
    offPages();
    expect(deliver({ type: 'backstory/x' }, { id: ID, url: 'https://news.example/' })).toBe('no answer');
    offContent();
  });
});

describe('the background’s route maps', () => {
  it('share no message name, so no message is handled by both', () => {
    const text = readFileSync(new URL('../../../src/shared/messages.ts', import.meta.url), 'utf8');
    const names = (map: string): string[] => {
      const body = text.slice(text.indexOf(`export type ${map} = {`), text.indexOf('\n};', text.indexOf(`export type ${map} = {`)));
      return [...body.matchAll(/^\s+'(backstory\/[\w-]+)'/gm)].map((m) => m[1]!);
    };
    const content = names('ContentToBackground');
    const pages = names('UiToBackground');
    expect(content).toContain('backstory/report');
    expect(pages).toContain('backstory/tab-state');
    expect(content.filter((n) => pages.includes(n))).toEqual([]);
  });
});
