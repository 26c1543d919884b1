/** axe-core accessibility checks for pages driven by the e2e tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

let source: string | undefined;
/** axe-core's script, to evaluate in a page. */
export const axeSource = (): string => (source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** Runs axe-core in a page (script tag, or evaluated when the page's CSP refuses the tag). */
export async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  const has = (): Promise<boolean> => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!(await has())) {
    await page.addScriptTag({ content: axeSource() }).catch(() => undefined);
    if (!(await has())) await page.evaluate(axeSource());
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
