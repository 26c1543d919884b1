import { describe, it, expect, beforeEach } from 'vitest';
import { BlockReader, rangeOf, spanOf, type TextBlock } from '../../../../src/content/scan/blocks.ts';
import { isInsideSkipped } from '../../../../src/content/scan/skip.ts';

function readAll(root: Node = document.body): TextBlock[] {
  const reader = new BlockReader(root);
  const out: TextBlock[] = [];
  for (let b = reader.next(); b; b = reader.next()) out.push(b);
  return out;
}
const texts = (root?: Node): string[] =>
  readAll(root)
    .map((b) => b.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('BlockReader', () => {
  it('joins a name split across inline elements into one block', () => {
    document.body.innerHTML = '<p>The <a href="#">Geneva <em>International</em></a> Discussions met.</p>';
    expect(texts()).toEqual(['The Geneva International Discussions met.']);
  });

  it('keeps blocks apart: paragraphs, list items, line breaks and nested blocks', () => {
    document.body.innerHTML = '<div>Moscow<p>Tbilisi</p>Sokhumi<br>Gori</div><ul><li>Baku</li><li>Kyiv</li></ul>';
    expect(texts()).toEqual(['Moscow', 'Tbilisi', 'Sokhumi', 'Gori', 'Baku', 'Kyiv']);
  });

  it('skips code, form controls, editable regions, aria-hidden, hidden and SVG text', () => {
    document.body.innerHTML = `
      <p>Visible Moscow</p>
      <script>var Moscow = 1</script><style>.Moscow{}</style><noscript>Moscow</noscript>
      <template><p>Moscow</p></template>
      <textarea>Moscow</textarea><select><option>Moscow</option></select>
      <code>Moscow</code><pre>Moscow</pre><kbd>Moscow</kbd><samp>Moscow</samp>
      <div contenteditable="true"><p>Moscow in an editor</p></div>
      <div contenteditable="false"><p>Read-only Tbilisi</p></div>
      <div contenteditable><p>Moscow in a bare editor</p></div>
      <div contenteditable="plaintext-only">Moscow</div>
      <div role="textbox">Moscow</div>
      <div aria-hidden="false" class="x">Shown Batumi</div>
      <div aria-hidden="true">Moscow</div>
      <div hidden>Moscow</div>
      <svg><text>Moscow</text></svg>
      <backstory-root>Moscow</backstory-root>`;
    expect(texts()).toEqual(['Visible Moscow', 'Read-only Tbilisi', 'Shown Batumi']);
  });

  it('does not join text across a skipped inline element', () => {
    document.body.innerHTML = '<p>Geneva <code>x</code> International Discussions</p>';
    expect(texts()).toEqual(['Geneva', 'International Discussions']);
  });

  it('lets the caller skip subtrees (already read this pass)', () => {
    document.body.innerHTML = '<article><p>One</p></article><p>Two</p>';
    const article = document.querySelector('article')!;
    const reader = new BlockReader(document.body, (el) => el === article);
    const got: string[] = [];
    for (let b = reader.next(); b; b = reader.next()) got.push(b.text.trim());
    expect(got.filter(Boolean)).toEqual(['Two']);
  });

  it('skips by attribute after nested and skipped matches: hidden inside hidden, aria-hidden SVG, inside a subtree the caller skips', () => {
    document.body.innerHTML = `
      <div hidden><p aria-hidden="true">Moscow</p><p>Moscow</p></div>
      <p>One Tbilisi</p>
      <svg aria-hidden="true"><g hidden><text>Moscow</text></g></svg>
      <pre><span hidden>Moscow</span></pre>
      <article><div aria-hidden="true">Moscow</div><p>Read before</p></article>
      <p>Two Gori</p>
      <div role="textbox"><div contenteditable="true">Moscow</div></div>
      <p>Three <span aria-hidden="true">Moscow</span>Batumi</p>
      <div aria-hidden="true">Moscow</div>`;
    const article = document.querySelector('article')!;
    const reader = new BlockReader(document.body, (el) => el === article);
    const got: string[] = [];
    for (let b = reader.next(); b; b = reader.next()) got.push(b.text.replace(/\s+/g, ' ').trim());
    expect(got.filter(Boolean)).toEqual(['One Tbilisi', 'Two Gori', 'Three', 'Batumi']);
  });

  it('keeps skipping by attribute when the page moves or removes elements between two steps', () => {
    document.body.innerHTML = `
      <p>One Tbilisi</p>
      <div id="gone" aria-hidden="true">Moscow</div>
      <div id="moved" hidden>Moscow</div>
      <p>Two Gori</p>
      <div aria-hidden="true">Moscow</div>
      <p>Three Batumi</p>`;
    const reader = new BlockReader(document.body);
    const got: string[] = [reader.next()!.text.trim()];
    // Between two steps: the next listed element is removed, the one after moved before where the walk is.
    document.getElementById('gone')!.remove();
    document.body.prepend(document.getElementById('moved')!);
    for (let b = reader.next(); b; b = reader.next()) got.push(b.text.replace(/\s+/g, ' ').trim());
    expect(got.filter(Boolean)).toEqual(['One Tbilisi', 'Two Gori', 'Three Batumi']);
  });

  it('counts the text nodes and characters it reads', () => {
    document.body.innerHTML = '<p>ab<b>cd</b></p><p>ef</p>';
    const reader = new BlockReader(document.body);
    while (reader.next());
    expect(reader.textNodes).toBe(3);
    expect(reader.textChars).toBe(6);
  });
});

describe('rangeOf / spanOf', () => {
  it('maps block offsets to a Range that spans text nodes', () => {
    document.body.innerHTML = '<p>The Geneva <em>International</em> Discussions met.</p>';
    const [block] = readAll();
    const start = block!.text.indexOf('Geneva');
    const end = block!.text.indexOf(' met');
    const range = rangeOf(block!, start, end);
    expect(range.toString()).toBe('Geneva International Discussions');
    const span = spanOf(block!, start, end);
    expect(span.nodes.length).toBe(3);
    expect(span.startNode.data).toBe('The Geneva ');
    expect(span.endNode.data).toBe(' Discussions met.');
  });

  it('starts in the next node when a name begins exactly where a node ends', () => {
    document.body.innerHTML = '<p>In <b>Moscow</b> today</p>';
    const [block] = readAll();
    const start = block!.text.indexOf('Moscow');
    const span = spanOf(block!, start, start + 6);
    expect(span.startNode.data).toBe('Moscow');
    expect(span.startOffset).toBe(0);
    expect(span.nodes).toEqual([span.startNode]);
    expect(rangeOf(block!, start, start + 6).toString()).toBe('Moscow');
  });
});

describe('isInsideSkipped', () => {
  it('is true inside editors, inputs and hidden regions, false in ordinary text', () => {
    document.body.innerHTML = '<div contenteditable><p><b>x</b></p></div><p><i>y</i></p><div aria-hidden="true"><span>z</span></div>';
    expect(isInsideSkipped(document.querySelector('[contenteditable] b')!.firstChild!)).toBe(true);
    expect(isInsideSkipped(document.querySelector('i')!.firstChild!)).toBe(false);
    expect(isInsideSkipped(document.querySelector('[aria-hidden] span')!)).toBe(true);
  });
});
