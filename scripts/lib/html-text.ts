/**
 * Node-only: the visible text of an HTML document, roughly as a reader sees it (what the
 * content script would walk). Script, style and the other never-mark elements, hidden
 * elements and SVG are left out; block elements start a new line.
 */
import { Window } from 'happy-dom';

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'svg',
  'TITLE',
  'META',
  'LINK',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'BUTTON',
]);
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'BLOCKQUOTE',
  'FIGURE',
  'FIGCAPTION',
  'BR',
  'HR',
  'FORM',
  'FIELDSET',
  'LEGEND',
  'DETAILS',
  'SUMMARY',
  'ADDRESS',
  'CAPTION',
]);

/** Minimal structural view of a DOM node, so this file does not depend on DOM lib types. */
interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
  getAttribute?: (name: string) => string | null;
}

/** Visible text and title of an HTML document. */
export function htmlToText(html: string): { title: string; text: string } {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    // Drop never-visible elements before parsing: faster on script-heavy pages, and no
    // <link> preloads (happy-dom resolves their URLs and throws on protocol-relative ones).
    const lean = html.replace(/<(script|style|noscript|template|svg|iframe|textarea|object)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<(link|meta|base)\b[^>]*>/gi, '');
    const doc = new window.DOMParser().parseFromString(lean, 'text/html');
    const parts: string[] = [];
    const walk = (node: NodeLike): void => {
      if (node.nodeType === 3) {
        parts.push(node.textContent ?? '');
        return;
      }
      if (node.nodeType !== 1) return;
      const name = node.nodeName.toUpperCase();
      if (SKIP.has(name)) return;
      const get = node.getAttribute?.bind(node);
      if (get && (get('hidden') !== null || get('aria-hidden') === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(get('style') ?? ''))) return;
      const block = BLOCK.has(name);
      if (block) parts.push('\n');
      const kids = node.childNodes;
      for (let i = 0; i < kids.length; i++) walk(kids[i]!);
      if (block) parts.push('\n');
    };
    if (doc.body) walk(doc.body as unknown as NodeLike);
    const text = parts
      .join('')
      .replace(/[ \t\r\f]*\n[\s]*/g, '\n')
      .replace(/[ \t\f\r]{2,}/g, ' ')
      .trim();
    return { title: (doc.title ?? '').trim(), text };
  } finally {
    void window.happyDOM.close();
  }
}
