/**
 * Preact as the build bundles it (scripts/lib/vite-plugin-preact-no-inner-html.ts): it
 * renders, updates and unmounts as before, and an element given dangerouslySetInnerHTML
 * throws instead of getting the markup. The module is the rewritten node_modules copy,
 * loaded from a temporary file under out/ (it imports nothing; Vite serves files of the
 * repository only).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type * as Preact from 'preact';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_INNER_HTML_MESSAGE, stripInnerHtml } from '../../../scripts/lib/vite-plugin-preact-no-inner-html.ts';

const OUT = resolve(import.meta.dirname, '../../../out');
mkdirSync(OUT, { recursive: true });
const dir = mkdtempSync(join(OUT, 'preact-'));
const file = join(dir, 'preact.mjs');
// Without its source-map comment: the map file is not copied.
const code = readFileSync(createRequire(import.meta.url).resolve('preact'), 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
writeFileSync(file, stripInnerHtml(code));
const stripped = (await import(/* @vite-ignore */ file)) as typeof Preact;
const { h, render } = stripped;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The HTML after each step of a render, update, keyed reorder and unmount. */
function steps(p: typeof Preact): string[] {
  const root = document.createElement('div');
  const out: string[] = [];
  const list = (ids: string[]) =>
    p.h(
      'ul',
      null,
      ids.map((id) => p.h('li', { key: id, 'data-id': id }, id)),
    );
  p.render(p.h('p', { class: 'a', title: '<b>x</b>' }, 'one ', p.h('em', null, '<i>two</i>')), root);
  out.push(root.innerHTML);
  p.render(p.h('p', { class: 'b', style: { color: 'red' } }, 'three'), root);
  out.push(root.innerHTML);
  p.render(list(['a', 'b', 'c']), root);
  out.push(root.innerHTML);
  p.render(list(['c', 'a']), root);
  out.push(root.innerHTML);
  p.render(null, root);
  out.push(root.innerHTML);
  return out;
}

describe('Preact without dangerouslySetInnerHTML', () => {
  it('renders, updates, reorders and unmounts exactly as Preact does', async () => {
    const original = await import('preact');
    const seen = steps(stripped);
    expect(seen).toEqual(steps(original));
    expect(seen[0]).toBe('<p class="a" title="<b>x</b>">one <em>&lt;i&gt;two&lt;/i&gt;</em></p>');
    expect(seen.at(-1)).toBe('');
  });

  it('refuses dangerouslySetInnerHTML: an error, and no markup in the DOM', () => {
    const root = document.createElement('div');
    expect(() => render(h('div', { dangerouslySetInnerHTML: { __html: '<img src=x onerror=alert(1)>' } }), root)).toThrow(NO_INNER_HTML_MESSAGE);
    expect(root.querySelector('img')).toBeNull();
  });
});
