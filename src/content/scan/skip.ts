/**
 * Where Backstory never marks (DESIGN.md "Never mark inside"): code and form controls,
 * editable regions, hidden and aria-hidden content, SVG text and our own host.
 */

/** The tag of the one element Backstory adds to a page. */
export const HOST_TAG = 'backstory-root';

/** Elements whose text is never scanned (lower-case local names). */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'math',
  HOST_TAG,
]);

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Phrasing elements that do not end a block: text on both sides of them joins, so a name
 * split across `<em>` still matches. Anything else (p, div, li, td, button, br…) is a
 * boundary.
 */
export const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  'rb',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

/** True when an element is rendered nowhere (display:none itself or inside such a subtree). */
function isHidden(el: Element): boolean {
  if ((el as HTMLElement).hidden) return true;
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  if (!check) return false;
  if (check.call(el)) return false;
  // display:contents (e.g. <slot>) has no box of its own but its children render.
  return getComputedStyle(el).display !== 'contents';
}

/**
 * The attribute rules of `skippedByMarkup`, as one selector: asked of one element, or of a
 * whole tree at once (`BlockReader` lists a root's matching elements before it walks).
 */
export const SKIP_ATTRIBUTES = '[hidden],[aria-hidden="true"],[role="textbox"],[contenteditable]:not([contenteditable="false"])';

/**
 * The tag rules of `skippedByMarkup` for an element whose parent was read by the same walk
 * (so it is inside an `<svg>` only if it is one).
 */
export function skippedByTag(localName: string): boolean {
  return SKIP_TAGS.has(localName) || localName === 'svg';
}

/**
 * The markup rules (tag, namespace, attributes, the `hidden` attribute) for an element met
 * on its own: a walk's root, or the ancestors of a changed node. A walk asks the elements it
 * enters by `skippedByTag` and its list of `SKIP_ATTRIBUTES` matches instead. Whether text
 * is rendered (CSS) is asked only where a name was found (`isRendered`): asking it of every
 * element would compute styles page-wide.
 */
export function skippedByMarkup(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName) || el.namespaceURI === SVG_NS) return true;
  return el.hasAttributes() && el.matches(SKIP_ATTRIBUTES);
}

/** True when the text of `node` is rendered (no display:none on it or above it). */
export function isRendered(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : composedParent(node);
  return !el || !isHidden(el);
}

/** The parent element of a node, stepping out of a shadow root to its host. */
export function composedParent(node: Node): Element | null {
  const p = node.parentNode;
  if (!p) return null;
  if (p.nodeType === Node.ELEMENT_NODE) return p as Element;
  return p instanceof ShadowRoot ? p.host : null;
}

/**
 * True when a node lies inside a region that is never scanned: checked for the roots
 * of mutation rescans (typing in an editor must cost next to nothing).
 */
export function isInsideSkipped(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : composedParent(node);
  if (!el) return false;
  // checkVisibility looks at every ancestor, so one call covers display:none above.
  if (isHidden(el)) return true;
  for (; el; el = composedParent(el)) if (skippedByMarkup(el)) return true;
  return false;
}

/** Elements `attachShadow` accepts (DOM standard), besides custom elements. */
const SHADOW_HOSTS = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/**
 * Whether an element of this local name can have a shadow root (a custom element, or one of
 * the elements `attachShadow` accepts): the others are never asked for one.
 */
export function canHostShadow(localName: string): boolean {
  return SHADOW_HOSTS.has(localName) || localName.includes('-');
}
