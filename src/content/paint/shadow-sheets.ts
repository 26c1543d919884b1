/**
 * The `::highlight()` rules inside open shadow roots. A rule in the document does not
 * match inside a shadow tree: Chromium still paints marks there (highlight inheritance
 * from the host), Firefox leaves them unpainted (TOOLCHAIN.md §3d). So every shadow root
 * that holds a mark adopts one constructed sheet with the same rules as the page
 * stylesheet: page.css, imported here as a string, is the one source. The sheet is
 * appended after the page's own adopted sheets (never replacing them) and adds no node;
 * `clear()` takes it out of every root again (switching off leaves nothing behind).
 * Firefox content scripts reach `adoptedStyleSheets` through Xray wrappers; length,
 * index, `push` and `splice` work there (checked in Firefox ESR 153).
 */
import pageCss from './page.css?inline';

export class ShadowSheets {
  private sheet: CSSStyleSheet | null = null;
  private readonly roots = new Set<ShadowRoot>();

  constructor(private readonly css: string = pageCss) {}

  /** Roots that hold our sheet (tests, diagnostics). */
  get size(): number {
    return this.roots.size;
  }

  /** Adds our sheet to a shadow root once; false when it was there already or cannot be added. */
  adopt(root: ShadowRoot): boolean {
    if (this.roots.has(root)) return false;
    this.roots.add(root);
    return this.attach(root);
  }

  /** Puts our sheet back into roots whose page replaced their adopted sheets (cheap: a scan per root); returns how many. */
  ensure(): number {
    let restored = 0;
    for (const root of this.roots) if (this.attach(root)) restored++;
    return restored;
  }

  /** Removes our sheet from every root it was added to; the page's own sheets stay as they are. */
  clear(): void {
    const sheet = this.sheet;
    for (const root of this.roots) {
      try {
        const list = root.adoptedStyleSheets;
        // From the end: ours was appended, and removing the last item is the cheapest change.
        for (let i = list.length - 1; i >= 0; i--) if (list[i] === sheet) list.splice(i, 1);
      } catch {
        /* a root we can no longer change: nothing to leave behind there either */
      }
    }
    this.roots.clear();
  }

  /** Appends the sheet to a root that lacks it; true when added. */
  private attach(root: ShadowRoot): boolean {
    try {
      const sheet = (this.sheet ??= this.make());
      const list = root.adoptedStyleSheets;
      for (let i = 0; i < list.length; i++) if (list[i] === sheet) return false;
      list.push(sheet);
      return true;
    } catch {
      // No constructable sheets here, or the page froze the list: marks there stay as
      // the browser paints them without our rules (Chromium: inherited from the host).
      return false;
    }
  }

  private make(): CSSStyleSheet {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(this.css);
    return sheet;
  }
}
