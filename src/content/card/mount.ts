/**
 * The one node Backstory adds to a page: `<backstory-root>` (no custom element
 * definition: `customElements` is null in Chromium's isolated world) on
 * `document.documentElement`, with a closed shadow root holding our styles and UI.
 */
import { HOST_TAG } from '../scan/skip.ts';

/** Our host and its closed shadow root. */
export interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  /** Removes the host (and everything in it). */
  destroy(): void;
}

/** Creates the host with `css` applied inside its shadow root. */
export function mountHost(doc: Document, css: string): Mounted {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  let adopted = false;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    adopted = true;
  } catch {
    /* Firefox may refuse a sheet built in the content script's compartment. */
  }
  if (!adopted) {
    const style = doc.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  doc.documentElement.append(host);
  return {
    host,
    root,
    destroy: () => host.remove(),
  };
}
