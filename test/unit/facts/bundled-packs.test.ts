/**
 * The bundled knowledge packs are data, and this test guards them (STYLE.md habit 9):
 * schema, unique ids, related links, declared sources, dates, topics, shared aliases
 * (all via the validator), plus dataset rules the schema cannot express.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBundledPackDirs, loadBundledPacks } from '../../../scripts/lib/packs.ts';
import { validatePacks, formatPackError } from '../../../src/facts/validate.ts';

const dirs = readBundledPackDirs();
const packs = loadBundledPacks();
const entities = packs.flatMap((p) => p.entities);

describe('bundled knowledge packs', () => {
  it('has at least one pack with entities', () => {
    expect(dirs.length).toBeGreaterThan(0);
    expect(entities.length).toBeGreaterThan(0);
  });

  it('passes the validator (schema, ids, links, sources, dates, topics, shared aliases)', () => {
    const result = validatePacks(dirs.map((d) => ({ input: d.raw, file: d.dir, files: d.files })));
    const errors = result.ok ? [] : result.errors.map(formatPackError);
    expect(errors).toEqual([]);
  });

  it('gives every entity at least 3 facts, and the card key facts to show', () => {
    const thin = entities.filter((e) => e.facts.length < 3).map((e) => `${e.id} (${e.facts.length})`);
    expect(thin).toEqual([]);
    const noKey = entities.filter((e) => !e.facts.some((f) => f.key)).map((e) => e.id);
    expect(noKey).toEqual([]);
  });

  it('gives one publisher one source kind throughout (a reader weighs it the same on every card)', () => {
    const kinds = new Map<string, Set<string>>();
    for (const e of entities) for (const s of e.sources) (kinds.get(s.publisher) ?? kinds.set(s.publisher, new Set()).get(s.publisher)!).add(s.kind);
    const mixed = [...kinds].filter(([, k]) => k.size > 1).map(([p, k]) => `${p}: ${[...k].sort().join(', ')}`);
    expect(mixed).toEqual([]);
    // A wire story cited at an outlet that runs it ("France 24 (AFP)") is the agency's work.
    const wire = [...kinds].filter(([p, k]) => /\((Associated Press|AFP|Reuters|dpa)\)$/.test(p) && !k.has('news-agency')).map(([p]) => p);
    expect(wire).toEqual([]);
  });

  it('gives every entity a scope, and every person a gender', () => {
    expect(entities.filter((e) => e.scope === undefined).map((e) => e.id)).toEqual([]);
    expect(entities.filter((e) => e.type === 'person' && e.gender === undefined).map((e) => e.id)).toEqual([]);
  });

  it('stores every file formatted (parse, then JSON.stringify(_, null, 2) + "\\n", round-trips)', () => {
    const unformatted: string[] = [];
    for (const d of dirs) {
      for (const file of [`${d.dir}/pack.json`, ...d.files]) {
        const text = readFileSync(file, 'utf8');
        if (JSON.stringify(JSON.parse(text), null, 2) + '\n' !== text) unformatted.push(file);
      }
    }
    expect(unformatted).toEqual([]);
  });

  it('names each entity file after its id', () => {
    const mismatched: string[] = [];
    for (const d of dirs) {
      const raw = d.raw as { entities: { id?: unknown }[] };
      d.files.forEach((file, i) => {
        const base = file
          .split(/[\\/]/)
          .pop()
          ?.replace(/\.json$/, '');
        if (raw.entities[i]?.id !== base) mismatched.push(file);
      });
    }
    expect(mismatched).toEqual([]);
  });
});
