import { describe, expect, it } from 'vitest';
import { ALL_SCRIPTS, letterScript, scriptPattern } from '../../../src/matcher/index.ts';

describe('scriptPattern', () => {
  it('matches exactly the code units letterScript gives the script, for every script bit and every code unit', () => {
    for (let bit = 1; bit <= ALL_SCRIPTS; bit <<= 1) {
      const re = scriptPattern(bit)!;
      const wrong: string[] = [];
      for (let c = 0; c <= 0xffff; c++) {
        const ch = String.fromCharCode(c);
        re.lastIndex = 0;
        if (re.test(ch) !== (letterScript(c) === bit)) wrong.push(c.toString(16));
      }
      expect(wrong, `script bit ${bit}`).toEqual([]);
    }
  });

  it('joins several scripts into one pattern and has none for no script', () => {
    const re = scriptPattern(1 | 2 | 4)!;
    expect('Tbilisi Тбилиси თბილისი 東京'.replace(re, '')).toBe('   東京');
    expect(scriptPattern(0)).toBeNull();
  });
});
