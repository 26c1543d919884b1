/**
 * The message catalogues: Russian and Georgian cover exactly the English keys with the
 * same substitutions (Georgian with every message translated but the product name), every
 * key the code asks for exists, and the card's built-in English fallbacks say what the
 * catalogue says.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');
type Catalogue = Record<string, { message: string }>;
const load = (lang: string): Catalogue => JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8')) as Catalogue;
const en = load('en');
const ru = load('ru');
const ka = load('ka');
/** Keys whose English text is the product name, so a translation keeps it as it is. */
const SAME_AS_ENGLISH = ['extName', 'actionTitle', 'panelTitle'];
const subs = (m: string): string[] => [...new Set(m.match(/\$\d/g) ?? [])].sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('message catalogues', () => {
  it('Russian has every English key and no other, with the same substitutions', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const [k, { message }] of Object.entries(en)) expect(subs(ru[k]!.message), k).toEqual(subs(message));
  });

  it('Georgian has every English key and no other, with the same substitutions, all translated', () => {
    expect(Object.keys(ka).sort()).toEqual(Object.keys(en).sort());
    for (const [k, { message }] of Object.entries(en)) {
      const got = ka[k]!.message;
      expect(subs(got), k).toEqual(subs(message));
      expect(got.includes('%s'), k).toBe(message.includes('%s'));
      expect(got.trim(), k).not.toBe('');
      if (SAME_AS_ENGLISH.includes(k)) expect(got, k).toBe(message);
      else expect(got, k).not.toBe(message);
    }
  });

  it('has every key the code asks for', () => {
    const asked = new Set<string>();
    for (const file of [...sources(join(root, 'src')), join(root, 'manifest.json')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z_]+)'/g)) asked.add(m[1]!);
      for (const m of text.matchAll(/__MSG_(\w+)__/g)) asked.add(m[1]!);
    }
    expect(asked.size).toBeGreaterThan(30);
    expect([...asked].filter((k) => !(k in en))).toEqual([]);
  });

  it('the card’s English fallbacks match the catalogue', async () => {
    const text = readFileSync(join(root, 'src/content/strings.ts'), 'utf8');
    const block = text.slice(text.indexOf('const EN = {'), text.indexOf('} as const'));
    const pairs = [...block.matchAll(/^\s+(\w+): '([^']*)',$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(pairs.length).toBeGreaterThan(10);
    for (const [k, v] of pairs) expect(en[k]?.message, k).toBe(v);
  });

  it('keeps the store description within the Chrome Web Store’s 132 characters in every language', () => {
    for (const [lang, cat] of Object.entries({ en, ru, ka })) expect(cat.extDescription!.message.length, lang).toBeLessThanOrEqual(132);
  });
});
