/**
 * The build's Preact without dangerouslySetInnerHTML (scripts/lib/vite-plugin-preact-no-inner-html.ts),
 * on the Preact module in node_modules: its one innerHTML assignment is gone and nothing
 * else of Preact changed; a Preact whose code moved fails the build instead of slipping by.
 * The rendering behaviour is checked in test/dom/ui/preact-no-inner-html.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { preactWithoutInnerHtml, stripInnerHtml } from '../../../scripts/lib/vite-plugin-preact-no-inner-html.ts';

/** The module `import 'preact'` loads: node_modules/preact/dist/preact.mjs. */
const PREACT = createRequire(import.meta.url).resolve('preact');
const original = readFileSync(PREACT, 'utf8');

describe('stripInnerHtml', () => {
  it('leaves no innerHTML assignment in Preact, and changes nothing else', () => {
    expect(PREACT).toMatch(/node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/);
    const out = stripInnerHtml(original);
    expect(original).toMatch(/\.innerHTML=/);
    expect(out).not.toMatch(/\.innerHTML\s*=/);
    // Only the assignment differs: what is before and after it is the same text.
    const at = original.search(/\([\w$]+\.innerHTML=[\w$]+\.__html\)/);
    expect(out.slice(0, at)).toBe(original.slice(0, at));
    const tail = original.slice(original.indexOf(')', at) + 1);
    expect(out.endsWith(tail)).toBe(true);
    expect(out.slice(at, out.length - tail.length)).toMatch(/^\(\(\)=>\{throw new Error\("dangerouslySetInnerHTML is not supported/);
  });

  it('fails when the assignment is not there exactly once (Preact changed)', () => {
    expect(() => stripInnerHtml('export const x = 1;')).toThrow(/found 0/);
    expect(() => stripInnerHtml('(a.innerHTML=b.__html);(c.innerHTML=d.__html)')).toThrow(/found 2/);
  });
});

describe('preactWithoutInnerHtml', () => {
  const transform = preactWithoutInnerHtml().transform as (code: string, id: string) => { code: string } | null;

  it('rewrites Preact’s core module only', () => {
    expect(transform(original, PREACT)?.code).not.toMatch(/\.innerHTML\s*=/);
    expect(transform(original, `${PREACT}?v=1`)?.code).not.toMatch(/\.innerHTML\s*=/);
    expect(transform('el.innerHTML=x.__html', '/repo/node_modules/preact/hooks/dist/hooks.mjs')).toBeNull();
    expect(transform('el.innerHTML=x.__html', '/repo/src/content/app.ts')).toBeNull();
  });
});
