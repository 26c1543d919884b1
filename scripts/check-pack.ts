/**
 * Validates the bundled pack together with entity files that are not in it yet, for pack
 * authors: `npm run check:pack -- DIR…` reads every `*.json` in each DIR as one entity,
 * lets a file there replace the bundled entity of the same id, and prints every problem
 * (file, entity, field), or OK. Exits 1 on a problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readBundledPackDirs } from './lib/packs.ts';
import { validatePacks, formatPackError } from '../src/facts/validate.ts';

const [pack] = readBundledPackDirs();
if (!pack) throw new Error('no bundled pack found');
const raw = pack.raw as { entities: unknown[] };
const byId = new Map<string, { entity: unknown; file: string }>();
raw.entities.forEach((e, i) => byId.set((e as { id: string }).id, { entity: e, file: pack.files[i] ?? pack.dir }));
let extra = 0;
for (const dir of process.argv.slice(2).filter((a) => a !== '--')) {
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = resolve(join(dir, f));
    let entity: unknown;
    try {
      entity = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      console.log(`${file}: not valid JSON: ${(err as Error).message}`);
      process.exitCode = 1;
      continue;
    }
    const id = (entity as { id?: unknown }).id;
    byId.set(typeof id === 'string' ? id : file, { entity, file });
    extra++;
  }
}
const items = [...byId.values()];
const res = validatePacks([{ input: { ...raw, entities: items.map((x) => x.entity) }, file: pack.dir, files: items.map((x) => x.file) }], {
  maxErrors: 1000,
});
if (res.ok) console.log(`OK — ${items.length} entities (${extra} from the folders given) valid`);
else {
  for (const e of res.errors) console.log(formatPackError(e));
  console.log(`${res.errors.length} problem(s)`);
  process.exitCode = 1;
}
