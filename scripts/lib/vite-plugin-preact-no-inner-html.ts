/**
 * Preact without `dangerouslySetInnerHTML`. Preact's renderer has one place that writes a
 * string into the DOM as HTML: `dom.innerHTML = props.dangerouslySetInnerHTML.__html`
 * (src/diff/index.js). Backstory never passes that prop (ESLint forbids it in src/), so the
 * build takes the capability out: the assignment in Preact's module is replaced by an error,
 * and a component that passes the prop throws instead of injecting markup. No other code
 * path of Preact changes; nothing else in the bundles assigns `innerHTML` (web-ext lint
 * checks the Firefox package, scripts/test-all.sh and scripts/package.mjs fail on any warning).
 *
 * The rewrite matches Preact's published build (preact/dist/preact.mjs) exactly once, or
 * the build fails: a Preact update that moves the code must be looked at, not slip through.
 */
import type { Plugin } from 'vite';

/** Preact's core module as Vite resolves it (real path, query stripped). */
const PREACT_CORE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;

/** `(t.innerHTML=h.__html)` in the minified renderer, whatever the minifier named them. */
const ASSIGNMENT = /\(([\w$]+)\.innerHTML=([\w$]+)\.__html\)/g;

export const NO_INNER_HTML_MESSAGE = 'dangerouslySetInnerHTML is not supported: Backstory builds Preact without it (scripts/lib/vite-plugin-preact-no-inner-html.ts)';

/** Preact's core module with its one `innerHTML` assignment replaced by a thrown error. */
export function stripInnerHtml(code: string): string {
  const found = code.match(ASSIGNMENT)?.length ?? 0;
  if (found !== 1) {
    throw new Error(`preact/dist/preact.mjs: expected one "(x.innerHTML=y.__html)" assignment, found ${found}; Preact changed: update ${import.meta.filename}`);
  }
  return code.replace(ASSIGNMENT, () => `(()=>{throw new Error(${JSON.stringify(NO_INNER_HTML_MESSAGE)})})()`);
}

export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'backstory-preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_CORE.test(id.split('?')[0] ?? '')) return null;
      return { code: stripInnerHtml(code), map: null };
    },
  };
}
