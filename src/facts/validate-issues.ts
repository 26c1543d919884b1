/** Pack validation, part 2: errors in plain words (field paths, the capped collector). */

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
    return [...this.errors, { file: last?.file ?? '(pack)', field: '(more)', message: `${this.dropped} more error(s) not shown; fix these first` }];
  }
}
