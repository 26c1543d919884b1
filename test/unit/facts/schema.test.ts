/**
 * The small validator behind the pack schemas (src/facts/schema.ts): one problem for a
 * value of the wrong type (its rules not run), every failing rule otherwise, optional
 * fields, strict objects, lists with holes, one-of values. The pack-level messages are in
 * validate.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { array, boolean, describeValue, number, oneOf, strictObject, string, unknown, type Issue, type Schema } from '../../../src/facts/schema.ts';

function problems(schema: Schema, value: unknown): [string, string][] {
  const out: Issue[] = [];
  schema.check(value, [], out);
  return out.map((i) => [i.path.map(String).join('.'), i.message]);
}

const text = string('expected a text').refine((s) => s.trim() !== '', 'must not be empty');

describe('typed values and their rules', () => {
  it('says what was expected and what came, and runs no rule on a value of the wrong type', () => {
    expect(problems(text, 5)).toEqual([['', 'expected a text; got a number']]);
    expect(problems(text, undefined)).toEqual([['', 'expected a text; is missing']]);
    expect(problems(text, null)).toEqual([['', 'expected a text; got null']]);
    expect(problems(text, ['a'])).toEqual([['', 'expected a text; got a list']]);
    expect(problems(text, 'x'.repeat(50))).toEqual([]);
  });

  it('runs every rule of a value of the right type, each adding its own problem', () => {
    const kebab = text.refine(
      (s) => /^[a-z-]+$/.test(s),
      (input) => `${JSON.stringify(input)} is not kebab-case`,
    );
    expect(problems(kebab, ' ')).toEqual([
      ['', 'must not be empty'],
      ['', '" " is not kebab-case'],
    ]);
    expect(problems(kebab, 'Ab')).toEqual([['', '"Ab" is not kebab-case']]);
    expect(problems(kebab, 'a-b')).toEqual([]);
  });

  it('takes finite numbers and booleans only', () => {
    const prior = number('expected a number from 0 to 1').refine((n) => n <= 1, 'at most 1');
    expect(problems(prior, Number.NaN)).toEqual([['', 'expected a number from 0 to 1; got a number']]);
    expect(problems(prior, Infinity)).toEqual([['', 'expected a number from 0 to 1; got a number']]);
    expect(problems(prior, '0.5')).toEqual([['', 'expected a number from 0 to 1; got a text "0.5"']]);
    expect(problems(prior, 2)).toEqual([['', 'at most 1']]);
    expect(problems(boolean('expected true or false'), 'true')).toEqual([['', 'expected true or false; got a text "true"']]);
    expect(problems(boolean('expected true or false'), false)).toEqual([]);
  });

  it('one of a list of values, absence included in what it refuses', () => {
    const kind = oneOf(['a', 'b'], (input) => `${JSON.stringify(input)} is not a kind`);
    expect(problems(kind, 'c')).toEqual([['', '"c" is not a kind']]);
    expect(problems(kind, undefined)).toEqual([['', 'undefined is not a kind']]);
    expect(problems(kind, 'b')).toEqual([]);
    expect(problems(kind.optional(), undefined)).toEqual([]);
    expect(problems(unknown(), Symbol.iterator)).toEqual([]);
  });
});

describe('lists and strict objects', () => {
  it('checks every item of a list at its index, holes as missing items', () => {
    const list = array(text, 'expected a list');
    expect(problems(list, 'x')).toEqual([['', 'expected a list; got a text "x"']]);
    // eslint-disable-next-line no-sparse-arrays
    expect(problems(list, ['a', 3, , ''])).toEqual([
      ['1', 'expected a text; got a number'],
      ['2', 'expected a text; is missing'],
      ['3', 'must not be empty'],
    ]);
    expect(
      problems(
        list.refine((l) => l.length > 0, 'expected at least one'),
        [],
      ),
    ).toEqual([['', 'expected at least one']]);
  });

  it('checks the known fields in order, then names every unknown field; optional ones may be absent', () => {
    const entity = strictObject({ id: text, note: text.optional(), facts: array(strictObject({ label: text }), 'expected a list') });
    expect(problems(entity, { id: 'a', facts: [] })).toEqual([]);
    expect(problems(entity, { id: 'a', note: undefined, facts: [] })).toEqual([]);
    expect(problems(entity, { Id: 'a', note: '', facts: [{ label: 1, lable: 'x' }], x: 1 })).toEqual([
      ['id', 'expected a text; is missing'],
      ['note', 'must not be empty'],
      ['facts.0.label', 'expected a text; got a number'],
      ['facts.0.lable', 'unknown field "lable" (check its spelling)'],
      ['Id', 'unknown field "Id" (check its spelling)'],
      ['x', 'unknown field "x" (check its spelling)'],
    ]);
    expect(problems(entity, [])).toEqual([['', 'expected an object; got a list']]);
    expect(problems(entity, null)).toEqual([['', 'expected an object; got null']]);
  });

  it('keeps a field named like an Object.prototype member unknown', () => {
    expect(problems(strictObject({}), JSON.parse('{"constructor": 1, "__proto__": 2}'))).toEqual([
      ['constructor', 'unknown field "constructor" (check its spelling)'],
      ['__proto__', 'unknown field "__proto__" (check its spelling)'],
    ]);
  });
});

describe('describeValue', () => {
  it('names a value for "got …", cutting long texts', () => {
    expect(describeValue('Tbilisi')).toBe('a text "Tbilisi"');
    expect(describeValue('x'.repeat(41))).toBe(`a text "${'x'.repeat(40)}…"`);
    expect(describeValue({})).toBe('an object');
    expect(describeValue(true)).toBe('a boolean');
  });
});
