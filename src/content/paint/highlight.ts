/**
 * Paints mentions with the CSS Custom Highlight API: one Highlight per purpose,
 * registered under unique `backstory-…` names (rules in page.css). Page nodes are never
 * touched. The registry is shared with the page, which may clear it: `ensure()` puts our
 * names back. Firefox: the registry is never iterated (Xray), only set/get/has/delete.
 * Shadow roots holding marks adopt a sheet with the same rules (shadow-sheets.ts).
 */
import type { HighlightStyle } from '../../shared/settings.ts';
import { ShadowSheets } from './shadow-sheets.ts';

/** Highlight names, one per style; `flash` marks a revealed mention, `active` the one whose card is open. */
export const HIGHLIGHT_NAMES = {
  underline: 'backstory-underline',
  background: 'backstory-background',
  flash: 'backstory-flash',
  active: 'backstory-active',
} as const;

const ALL_NAMES = Object.values(HIGHLIGHT_NAMES);

type Registry = { set(name: string, h: Highlight): unknown; get(name: string): Highlight | undefined; has(name: string): boolean; delete(name: string): boolean };

function registry(): Registry | null {
  const css = globalThis.CSS as unknown as { highlights?: Registry } | undefined;
  return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
}

/** Whether this browser can paint highlights at all. */
export function highlightsSupported(): boolean {
  return registry() !== null;
}

/** The painter for one document. */
export class Painter {
  private readonly marks: Highlight | null;
  private readonly flash: Highlight | null;
  private readonly active: Highlight | null;
  private style: HighlightStyle = 'underline';
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** The ::highlight rules adopted into the shadow roots that hold marks. */
  readonly sheets = new ShadowSheets();

  constructor() {
    const ok = registry() !== null;
    this.marks = ok ? new Highlight() : null;
    this.flash = ok ? new Highlight() : null;
    this.active = ok ? new Highlight() : null;
    if (this.flash) this.flash.priority = 2;
    if (this.active) this.active.priority = 1;
  }

  /** The name the marks are registered under for the current style (none: not registered). */
  private marksName(): string | null {
    return this.style === 'none' ? null : HIGHLIGHT_NAMES[this.style];
  }

  /**
   * Replaces the painted ranges. `shadowRoots`: the open shadow roots the scan read; those
   * a range lies in adopt our rules (only they: a page of web components has many roots).
   */
  paint(ranges: readonly AbstractRange[], style: HighlightStyle, shadowRoots?: ReadonlySet<Node>): void {
    // Nothing painted and nothing to paint (most pages): the registry is not touched.
    if (!this.marks || (!ranges.length && !this.marks.size)) return;
    this.marks.clear();
    const roots = shadowRoots?.size ? shadowRoots : null;
    for (const r of ranges) {
      this.marks.add(r);
      if (roots) {
        const root = r.startContainer.getRootNode();
        if (roots.has(root)) this.sheets.adopt(root as ShadowRoot);
      }
    }
    this.setStyle(style);
  }

  setStyle(style: HighlightStyle): void {
    this.style = style;
    const reg = registry();
    if (!reg) return;
    const name = this.marksName();
    for (const n of [HIGHLIGHT_NAMES.underline, HIGHLIGHT_NAMES.background]) if (n !== name) reg.delete(n);
    this.ensure();
  }

  /**
   * Re-registers any of our highlights the page removed (cheap: a few `get` calls), and our
   * sheet in shadow roots whose page replaced their adopted sheets. Returns how many were restored.
   */
  ensure(): number {
    const reg = registry();
    if (!reg || !this.marks) return 0;
    let restored = this.sheets.ensure();
    const want: [string | null, Highlight | null][] = [
      [this.marksName(), this.marks.size ? this.marks : null],
      [HIGHLIGHT_NAMES.flash, this.flash!.size ? this.flash : null],
      [HIGHLIGHT_NAMES.active, this.active!.size ? this.active : null],
    ];
    for (const [name, h] of want) {
      if (!name || !h) continue;
      // Compared by size, not identity: Firefox hands content scripts a fresh wrapper.
      if (!reg.has(name) || reg.get(name)?.size !== h.size) {
        reg.set(name, h);
        restored++;
      }
    }
    return restored;
  }

  /** Marks the mention whose card is open (null: none). */
  setActive(range: AbstractRange | null): void {
    if (!this.active) return;
    this.active.clear();
    const reg = registry()!;
    if (range) {
      this.active.add(range);
      reg.set(HIGHLIGHT_NAMES.active, this.active);
    } else reg.delete(HIGHLIGHT_NAMES.active);
  }

  /** Flashes a range for ~1.5 s. */
  flashRange(range: AbstractRange, ms = 1500): void {
    if (!this.flash) return;
    clearTimeout(this.flashTimer);
    this.flash.clear();
    this.flash.add(range);
    const reg = registry()!;
    reg.set(HIGHLIGHT_NAMES.flash, this.flash);
    this.flashTimer = setTimeout(() => {
      this.flash!.clear();
      reg.delete(HIGHLIGHT_NAMES.flash);
    }, ms);
  }

  /** Our registered names and their range counts (diagnostics). */
  registered(): Record<string, number> {
    const reg = registry();
    const out: Record<string, number> = {};
    if (!reg) return out;
    // Our names are unique (backstory-…), so whatever is registered under them is ours.
    for (const n of ALL_NAMES) if (reg.has(n)) out[n] = reg.get(n)?.size ?? 0;
    return out;
  }

  /** Removes every highlight of ours from the registry, and our sheet from every shadow root. */
  destroy(): void {
    clearTimeout(this.flashTimer);
    this.sheets.clear();
    const reg = registry();
    if (!reg) return;
    for (const n of ALL_NAMES) reg.delete(n);
    this.marks?.clear();
    this.flash?.clear();
    this.active?.clear();
  }
}
