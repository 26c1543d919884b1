/** Pack validation, part 2: errors in plain words (paths, zod issues, the capped collector). */
import type { z } from 'zod';

/** One problem: the file, the entity, the field, and what was expected. */
export interface PackError {
  /** The file the error is in (entity file when known, else the pack file). */
  file: string;
  /** The entity's id, when the error is inside an entity that has a readable id. */
  entityId?: string;
  /** Path inside the entity (or the pack when there is no entity): `facts[2].source`. */
  field: string;
  /** What was expected, in plain words. */
  message: string;
}

/** `['facts', 2, 'source']` → `facts[2].source`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(root)' : out;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `a text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `a ${typeof v}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** Turns zod issues into plain-word messages (zod's own are fine for our custom refinements). */
export function issueMessages(issues: readonly z.core.$ZodIssue[], root: unknown): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const iss of issues) {
    const path = iss.path as PropertyKey[];
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) out.push({ path: [...path, k], message: `unknown field ${JSON.stringify(k)} (check its spelling)` });
      continue;
    }
    if (iss.code === 'invalid_type') {
      const got = valueAt(root, path);
      const base = got === undefined ? 'is missing' : `got ${describe(got)}`;
      const expected =
        iss.expected === 'array' ? 'a list (array)' : iss.expected === 'object' ? 'an object' : `a ${iss.expected}`;
      out.push({ path, message: iss.message.startsWith('expected ') ? `${iss.message}; ${base}` : `expected ${expected}; ${base}` });
      continue;
    }
    out.push({ path, message: iss.message });
  }
  return out;
}

/** Errors up to a maximum, then a count of the rest. */
export class Collector {
  readonly errors: PackError[] = [];
  dropped = 0;
  constructor(private readonly max: number) {}
  add(e: PackError): void {
    if (this.errors.length < this.max) this.errors.push(e);
    else this.dropped++;
  }
  result(): PackError[] {
    if (this.dropped === 0) return this.errors;
    const last = this.errors[this.errors.length - 1];
    return [
      ...this.errors,
      { file: last?.file ?? '(pack)', field: '(more)', message: `${this.dropped} more error(s) not shown; fix these first` },
    ];
  }
}
