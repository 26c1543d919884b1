/**
 * Node-only: turns our labelled sources `test/fixtures/eval/src/NAME.marked.txt` into
 * `NAME.txt` + `NAME.gold.json` (the shared gold format). In a source, a mention is
 * written `[[surface text|entity-id]]`; header lines `#title: …` and `#forbid: id, id`
 * set the page title and forbidden ids. Run: `npx tsx scripts/lib/make-gold.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './evaluate.ts';

const DIR = join(REPO_ROOT, 'test/fixtures/eval');

for (const f of readdirSync(join(DIR, 'src'))
  .filter((x) => x.endsWith('.marked.txt'))
  .sort()) {
  const name = f.replace(/\.marked\.txt$/, '');
  let src = readFileSync(join(DIR, 'src', f), 'utf8');
  let title: string | undefined;
  let forbid: string[] = [];
  const header = /^#(title|forbid):\s*(.*)\n/;
  for (let m = header.exec(src); m; m = header.exec(src)) {
    if (m[1] === 'title') title = m[2]!.trim();
    else
      forbid = m[2]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    src = src.slice(m[0].length);
  }
  let text = '';
  const mentions: Array<{ start: number; end: number; text: string; entity: string }> = [];
  const re = /\[\[([^|\]]+)\|([a-z0-9-]+)\]\]/g;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    text += src.slice(last, m.index);
    mentions.push({ start: text.length, end: text.length + m[1]!.length, text: m[1]!, entity: m[2]! });
    text += m[1];
    last = m.index + m[0].length;
  }
  text += src.slice(last);
  writeFileSync(join(DIR, `${name}.txt`), text);
  const gold = { text_file: `${name}.txt`, source: `written for the Backstory evaluation (src/${f})`, ...(title ? { title } : {}), mentions, ...(forbid.length ? { forbid } : {}) };
  writeFileSync(join(DIR, `${name}.gold.json`), `${JSON.stringify(gold, null, 1)}\n`);
  console.log(`${name}: ${mentions.length} mentions${forbid.length ? `, forbid ${forbid.join(', ')}` : ''}`);
}
