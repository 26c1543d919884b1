/**
 * A small structural validator for JSON data, just what the pack schemas need (texts,
 * numbers, booleans, one-of values, lists, strict objects, refinements), with every
 * problem said in plain words at its field path. It replaced zod (about 50 KB of the
 * options page's bundle, and a `Function` constructor probe that `web-ext lint` flags).
 *
 * Semantics: a value of the wrong type gets one problem, `<expected>; got <what it is>` (or
 * `; is missing`), and its refinements do not run; otherwise every failing refinement adds
 * its problem. An optional field may be absent or `undefined`. Strict objects report each
 * unknown field after the known ones.
 */

/** One problem: where (`['facts', 2, 'source']`) and what, in plain words. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

/** A validator: adds the problems of `value` (found at `path`) to `out`. */
export interface Schema {
  readonly isOptional: boolean;
  check(value: unknown, path: PropertyKey[], out: Issue[]): void;
}

/** A problem message: fixed, or made from the value that failed. */
type Message = string | ((input: unknown) => string);

const say = (m: Message, input: unknown): string => (typeof m === 'string' ? m : m(input));

/** What a value is, for "got …": `a text "Tbilisi"`, `a list`, `null`, `nothing`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `a text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** A schema for values of one type, with refinements run in order once the type is right. */
export class Typed<T> implements Schema {
  constructor(
    private readonly expected: string,
    private readonly is: (v: unknown) => v is T,
    private readonly rules: readonly { test: (v: T) => boolean; message: Message }[] = [],
    readonly isOptional = false,
    private readonly inner?: (v: T, path: PropertyKey[], out: Issue[]) => void,
  ) {}

  check(value: unknown, path: PropertyKey[], out: Issue[]): void {
    if (value === undefined && this.isOptional) return;
    if (!this.is(value)) {
      out.push({ path, message: `${this.expected}; ${value === undefined ? 'is missing' : `got ${describeValue(value)}`}` });
      return;
    }
    this.inner?.(value, path, out);
    for (const r of this.rules) if (!r.test(value)) out.push({ path, message: say(r.message, value) });
  }

  /** The same schema with one more rule: `test` must hold, else `message`. */
  refine(test: (v: T) => boolean, message: Message): Typed<T> {
    return new Typed(this.expected, this.is, [...this.rules, { test, message }], this.isOptional, this.inner);
  }

  optional(): Typed<T> {
    return new Typed(this.expected, this.is, this.rules, true, this.inner);
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A text; `expected` starts with "expected …". */
export const string = (expected: string): Typed<string> => new Typed(expected, isString);
/** A finite number. */
export const number = (expected: string): Typed<number> => new Typed(expected, isNumber);
export const boolean = (expected: string): Typed<boolean> => new Typed(expected, isBoolean);

/** A list whose every item passes `item` (problems at `[…path, index]`). */
export function array(item: Schema, expected: string): Typed<unknown[]> {
  // A loop, not forEach: a hole in the list is a missing item.
  return new Typed(expected, isArray, [], false, (list, path, out) => {
    for (let i = 0; i < list.length; i++) item.check(list[i], [...path, i], out);
  });
}

/** An object with exactly these fields (absent optional ones aside); any other field is a problem. */
export function strictObject(shape: Record<string, Schema>, expected = 'expected an object'): Typed<Record<string, unknown>> {
  return new Typed(expected, isRecord, [], false, (obj, path, out) => {
    for (const [key, schema] of Object.entries(shape)) schema.check(obj[key], [...path, key], out);
    for (const key of Object.keys(obj)) {
      if (!Object.hasOwn(shape, key)) out.push({ path: [...path, key], message: `unknown field ${JSON.stringify(key)} (check its spelling)` });
    }
  });
}

/** One of `values` (compared with `===`); anything else, absence included, gets `message`. */
export function oneOf(values: readonly unknown[], message: Message): Typed<unknown> {
  return new Typed('', (_v): _v is unknown => true, [{ test: (v) => values.includes(v), message }]);
}

/** Anything (a field whose content is checked elsewhere). */
export const unknown = (): Typed<unknown> => new Typed('', (_v): _v is unknown => true);
