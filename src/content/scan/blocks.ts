/**
 * Page text as blocks: the text nodes of one block (a paragraph, a heading, a list item)
 * joined into one string, so a name split across inline elements
 * (`Geneva <em>International</em> Discussions`) is one run of text for the matcher.
 * Offsets into a block's text map back to live DOM Ranges that may span text nodes.
 */
import { INLINE_TAGS, SKIP_ATTRIBUTES, skippedByMarkup, skippedByTag } from './skip.ts';

/** The joined text of consecutive text nodes in one block. */
export interface TextBlock {
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
  /** The reader that read it (unique per walk), and the block's place in that walk's document order. */
  reader?: number;
  index?: number;
}

/** Readers made so far (each walk's id). */
let readers = 0;

/** A block longer than this is cut (at a text-node boundary) so one matcher call stays short. */
const MAX_BLOCK_CHARS = 8_192;
/** Likewise for a block of very many tiny text nodes (one step stays well under a slice). */
const MAX_BLOCK_NODES = 512;
/** Text nodes of blank blocks one `next` passes over at most (then it returns a blank one: a step stays small). */
const MAX_BLANK_NODES = 64;
/** Text that is not blank (blank blocks, the white space between elements, are most of a page's text nodes). */
const NOT_BLANK = /\S/;

/** The nearest ancestor of `parent` or itself that is not an inline element (the block of a text node whose parent it is). */
function blockOfParent(parent: Node): Node {
  let p: Node | null = parent;
  // A document or shadow root has no local name: the loop stops there.
  while (p && INLINE_TAGS.has((p as Element).localName)) p = p.parentNode;
  return p ?? parent;
}

/**
 * Reads the text blocks of a subtree one at a time, so the caller can stop between
 * blocks when its time slice is used up. Subtrees skipped by their markup (skip.ts) are
 * never entered; text hidden by CSS is read, and its names are dropped where found
 * (block-matching.ts), so styles are only asked of the few elements that hold a name.
 */
export class BlockReader {
  private readonly walker: TreeWalker;
  private started = false;
  private done = false;
  /** A text node read ahead that belongs to the next block. */
  private carry: Text | null = null;
  /** Set by `advance`. */
  private boundary = false;
  /** The parent of the last text node read, and its block (text nodes share parents: one lookup each). */
  private lastParent: Node | null = null;
  private lastBlock: Node | null = null;
  /**
   * The elements of the root's tree that its attributes exclude (`SKIP_ATTRIBUTES`), in
   * document order, listed once by the engine when the walk starts, and the next of them
   * the walk will meet: an element entered is compared with it, instead of asking every
   * element for its attributes (two calls into the DOM each, which Firefox's wrappers make
   * dear). The list is of the tree as it was then; what a page changes later is read
   * again by the rescan its mutation queues.
   */
  private skips: NodeListOf<Element> | null = null;
  private skipAt = 0;
  private nextSkip: Element | null = null;
  /** This walk's id, and blocks read so far. */
  private readonly id = ++readers;
  private blocks = 0;
  /** Text nodes visited so far. */
  textNodes = 0;
  /** Characters in those text nodes. */
  textChars = 0;

  /**
   * @param root where to read (an element, a document or a shadow root)
   * @param visit called for each element entered (with its local name); return true to
   *   skip its subtree (e.g. already scanned this pass); used also to find open shadow roots.
   */
  constructor(
    private readonly root: Node,
    private readonly visit: (el: Element, localName: string) => boolean = () => false,
  ) {
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  }

  /** Moves past the current node's subtree; false at the end of the root. */
  private skipSubtree(): boolean {
    const w = this.walker;
    // Listed elements inside the subtree are never met: the next one is past it.
    const el = w.currentNode;
    while (this.nextSkip && el.contains(this.nextSkip)) this.passSkip();
    for (;;) {
      if (w.nextSibling()) return true;
      if (!w.parentNode() || w.currentNode === this.root) return false;
    }
  }

  /**
   * The next text node in document order, skipping excluded subtrees; null at the end.
   * Sets `boundary`: whether a block boundary lies between it and the one before.
   */
  private advance(): Text | null {
    const w = this.walker;
    this.boundary = false;
    if (!this.started) {
      this.started = true;
      const rootEl = this.root.nodeType === Node.ELEMENT_NODE ? (this.root as Element) : null;
      if (rootEl && skippedByMarkup(rootEl)) return null;
      this.skips = (this.root as ParentNode).querySelectorAll(SKIP_ATTRIBUTES);
      this.nextSkip = this.skips[0] ?? null;
    }
    let node = w.nextNode();
    while (node) {
      // Only elements have a local name: one property read tells a text node and names an element.
      const el = node as Element;
      const name = el.localName as string | undefined;
      if (name === undefined) return node as Text;
      if (!INLINE_TAGS.has(name)) this.boundary = true;
      if (this.visit(el, name) || el === this.nextSkip || skippedByTag(name)) {
        this.boundary = true;
        node = this.skipSubtree() ? w.currentNode : null;
        continue;
      }
      node = w.nextNode();
    }
    return null;
  }

  /**
   * Drops listed elements the walk can no longer meet: between two calls the page may have
   * moved or removed one (one engine call per block; the mutation's rescan reads the rest).
   */
  private resyncSkips(): void {
    const at = this.walker.currentNode;
    while (this.nextSkip && (!this.nextSkip.isConnected || at.compareDocumentPosition(this.nextSkip) & Node.DOCUMENT_POSITION_PRECEDING)) this.passSkip();
  }

  /** The next listed element becomes the one the walk waits for. */
  private passSkip(): void {
    this.nextSkip = this.skips![++this.skipAt] ?? null;
  }

  /** The block a text node belongs to. */
  private blockOf(t: Text): Node {
    const parent = t.parentNode;
    if (!parent) return t;
    if (parent !== this.lastParent) {
      this.lastParent = parent;
      this.lastBlock = blockOfParent(parent);
    }
    return this.lastBlock!;
  }

  /**
   * The next block with at least one text node and some text that is not blank, or null
   * when the subtree is read. Blank blocks are passed over as long as one call has read
   * fewer than MAX_BLANK_NODES text nodes (a call stays one small step), then one is returned.
   */
  next(): TextBlock | null {
    const from = this.textNodes;
    this.resyncSkips();
    for (;;) {
      const block = this.read();
      if (!block || this.textNodes - from >= MAX_BLANK_NODES || NOT_BLANK.test(block.text)) return block;
    }
  }

  /** The next block with at least one text node, or null when the subtree is read. */
  private read(): TextBlock | null {
    if (this.done) return null;
    const nodes: Text[] = [];
    const starts: number[] = [];
    let text = '';
    let block: Node | null = null;
    const add = (t: Text): void => {
      const data = t.data;
      this.textNodes++;
      this.textChars += data.length;
      nodes.push(t);
      starts.push(text.length);
      text += data;
      block ??= this.blockOf(t);
    };
    if (this.carry) {
      add(this.carry);
      this.carry = null;
    }
    for (;;) {
      const t = this.advance();
      if (!t) {
        this.done = true;
        break;
      }
      if (nodes.length && (this.boundary || this.blockOf(t) !== block || text.length > MAX_BLOCK_CHARS || nodes.length >= MAX_BLOCK_NODES)) {
        this.carry = t;
        break;
      }
      add(t);
    }
    return nodes.length ? { nodes, starts, text, reader: this.id, index: this.blocks++ } : null;
  }
}

/** Index of the node holding character `offset` of the block (binary search). */
export function nodeAt(block: TextBlock, offset: number): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text nodes a span of the block covers, and its start/end within them. */
export interface BlockSpan {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Every text node the span touches, in order. */
  nodes: Text[];
}

/** Maps [start, end) of a block's text to DOM positions (end > start). */
export function spanOf(block: TextBlock, start: number, end: number): BlockSpan {
  let i = nodeAt(block, start);
  // A start exactly at the end of a node belongs to the next one.
  while (i + 1 < block.nodes.length && block.starts[i + 1]! <= start) i++;
  const j = nodeAt(block, end - 1);
  return {
    startNode: block.nodes[i]!,
    startOffset: start - block.starts[i]!,
    endNode: block.nodes[j]!,
    endOffset: end - block.starts[j]!,
    nodes: block.nodes.slice(i, j + 1),
  };
}

/** A live Range over [start, end) of a block's text. */
export function rangeOf(block: TextBlock, start: number, end: number): Range {
  const s = spanOf(block, start, end);
  const range = s.startNode.ownerDocument.createRange();
  range.setStart(s.startNode, s.startOffset);
  range.setEnd(s.endNode, s.endOffset);
  return range;
}
