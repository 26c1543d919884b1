/**
 * Node-side loading of the bundled packs (build, CLI, evaluation, benchmarks).
 * A pack folder holds `pack.json` (id, name, version, description) and `entities/*.json`,
 * one entity per file so that reviews and merges stay small.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entity, Pack } from '../../src/facts/types.ts';

/** Absolute path of `src/facts/packs`. */
export const PACKS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../src/facts/packs');

/** A pack as read from disk, with the file each entity came from (for error messages). */
export interface PackOnDisk {
  dir: string;
  /** Raw JSON of pack.json plus `entities`, not yet validated. */
  raw: unknown;
  /** File name of each entity, in the same order as `raw.entities`. */
  files: string[];
}

/** Reads one pack folder without validating it. */
export function readPackDir(dir: string): PackOnDisk {
  const meta = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as Record<string, unknown>;
  const entDir = join(dir, 'entities');
  const files = existsSync(entDir)
    ? readdirSync(entDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const entities = files.map((f) => JSON.parse(readFileSync(join(entDir, f), 'utf8')) as unknown);
  return { dir, raw: { ...meta, entities }, files: files.map((f) => join(entDir, f)) };
}

/** Every pack folder under `src/facts/packs`, read without validation. */
export function readBundledPackDirs(root = PACKS_DIR): PackOnDisk[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => readPackDir(join(root, d.name)));
}

/** The bundled packs as typed objects (unvalidated: the build and tests validate them). */
export function loadBundledPacks(root = PACKS_DIR): Pack[] {
  return readBundledPackDirs(root).map((p) => p.raw as Pack);
}

/** All entities of all bundled packs. */
export function loadBundledEntities(root = PACKS_DIR): Entity[] {
  return loadBundledPacks(root).flatMap((p) => p.entities);
}
