import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_SCRIPTS, firstLook, MIN_FRAME_TEXT } from '../../../../src/content/run/frame.ts';
import { SCRIPT_CYRILLIC, SCRIPT_GEORGIAN, SCRIPT_LATIN } from '../../../../src/matcher/index.ts';

const PACK = SCRIPT_LATIN | SCRIPT_CYRILLIC | SCRIPT_GEORGIAN;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('firstLook', () => {
  it('reads a top page with any text in a script of the names', () => {
    document.body.innerHTML = '<p>Galuzin spoke.</p>';
    expect(firstLook(document, PACK)).toBe(true);
    document.body.innerHTML = '<p>Галузин выступил.</p>';
    expect(firstLook(document, PACK)).toBe(true);
    expect(firstLook(document, SCRIPT_LATIN)).toBe(false);
  });

  it('skips a page with no text, or only script and style text', () => {
    expect(firstLook(document, PACK)).toBe(false);
    document.body.innerHTML = '<script>var Galuzin = 1;</script><style>p{}</style><p>  </p>';
    expect(firstLook(document, PACK)).toBe(false);
  });

  it('skips a page written in a script the names are not in, unless the pack may have any', () => {
    const han = '格鲁吉亚总统今天在第比利斯会见了俄罗斯代表团，双方讨论了地区安全问题。'.repeat(20);
    document.body.innerHTML = `<nav>Home · News · English</nav><p>${han}</p>`;
    expect(firstLook(document, PACK)).toBe(false);
    expect(firstLook(document, ALL_SCRIPTS)).toBe(true);
    // A long English block on the same page is worth reading whatever its share.
    document.body.innerHTML += `<p>${'Officials met in Tbilisi and Moscow to discuss the talks. '.repeat(5)}</p>`;
    expect(firstLook(document, PACK)).toBe(true);
  });

  it('samples the start of a huge text node, not all of it', () => {
    document.body.innerHTML = `<p>${'格鲁吉亚总统今天在第比利斯会见了俄罗斯代表团。'.repeat(200)}${'Officials met in Tbilisi. '.repeat(20_000)}</p>`;
    // Past the sample: the English at the end of the node is not looked at.
    expect(firstLook(document, PACK)).toBe(false);
  });

  it('asks a subframe for a few hundred characters before reading it', () => {
    document.body.innerHTML = '<p>Ad: visit Tbilisi!</p>';
    expect(firstLook(document, PACK, false)).toBe(false);
    expect(firstLook(document, PACK, true)).toBe(true);
    document.body.innerHTML = `<p>${'Talks on Abkhazia resumed in Geneva. '.repeat(Math.ceil(MIN_FRAME_TEXT / 30))}</p>`;
    expect(firstLook(document, PACK, false)).toBe(true);
  });
});
