/** axe-core accessibility checks for pages driven by the e2e tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

let source: string | undefined;
/** axe-core's script, to evaluate in a page. */
export const axeSource = (): string => (source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/**
 * Runs axe-core in a page (script tag, or evaluated when the page's CSP refuses the tag),
 * on the whole document or only on the elements matching `selector` and what they hold.
 */
export async function axeViolations(page: Page, selector?: string): Promise<{ id: string; nodes: string[] }[]> {
  const has = (): Promise<boolean> => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!(await has())) {
    await page.addScriptTag({ content: axeSource() }).catch(() => undefined);
    if (!(await has())) await page.evaluate(axeSource());
  }
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(selector ? { include: [[selector]] } : document);
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, selector);
}

/**
 * axe-core on Backstory's card. Its shadow root is closed, so axe (page script) cannot see
 * into it: Chromium's DevTools protocol can (DOM.getDocument with `pierce`), and hands the
 * root to the page, where it is set as the host's `shadowRoot` property. That is a change
 * to this test page only; the extension's root stays closed. Chromium only.
 *
 * axe leaves the card's colour contrast "incomplete" (it cannot find the backgrounds of a
 * popover in the top layer under a 0×0 host), so the contrast of every text in the card
 * is checked here too, from computed colours (WCAG AA: 4.5:1, 3:1 for large text), and
 * reported as `color-contrast` violations.
 */
export async function cardAxeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { localName?: string; children?: Node[]; shadowRoots?: (Node & { backendNodeId: number })[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (n: Node): Node | undefined => (n.localName === 'backstory-root' ? n : n.children?.map(find).find(Boolean));
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) throw new Error('no backstory-root with a shadow root on the page (is a card open?)');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { const root = this; Object.defineProperty(root.host, "shadowRoot", { configurable: true, get: () => root }); }',
    });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  const low = await page.evaluate(() => {
    const root = (document.querySelector('backstory-root') as HTMLElement & { shadowRoot: ShadowRoot }).shadowRoot;
    const rgba = (c: string): number[] | null => {
      const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const over = (top: number[], under: number[]): number[] => [0, 1, 2].map((i) => top[i]! * top[3]! + under[i]! * (1 - top[3]!)).concat(1);
    const luminance = (c: number[]): number =>
      [0, 1, 2]
        .map((i) => c[i]! / 255)
        .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const out: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue!.trim())) continue;
      const layers: number[][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) layers.push(rgba(getComputedStyle(e).backgroundColor) ?? [0, 0, 0, 0]);
      // The page under the card is white; the card's own background is opaque in both schemes.
      const bg = layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
      const style = getComputedStyle(el);
      const fg = rgba(style.color);
      if (!fg) {
        out.push(`${el.localName}.${el.className}: unreadable colour ${style.color}`);
        continue;
      }
      const [a, b] = [luminance(over(fg, bg)), luminance(bg)].sort((x, y) => y - x);
      const ratio = (a! + 0.05) / (b! + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`${el.localName}.${el.className} "${el.textContent!.trim().slice(0, 20)}": ${ratio.toFixed(2)}:1`);
    }
    return out;
  });
  const found = await axeViolations(page, 'backstory-root');
  return low.length ? [...found, { id: 'color-contrast', nodes: low }] : found;
}
