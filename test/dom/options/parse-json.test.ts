import { describe, it, expect } from 'vitest';
import { parseJson, jsonErrorOffset } from '../../../src/options/parse-json.ts';

describe('parseJson', () => {
  it('parses good JSON, a byte-order mark included', () => {
    expect(parseJson('\uFEFF{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('gives the line and column of a syntax error', () => {
    const r = parseJson('{\n  "id": "x",\n  "name": oops\n}');
    expect(r).toMatchObject({ ok: false, line: 3, column: 11 });
  });

  it('finds a missing comma, a trailing comma, a bad escape and truncated input', () => {
    expect(jsonErrorOffset('{"a":1 "b":2}')).toBe(7);
    expect(jsonErrorOffset('[1,2,]')).toBe(5);
    expect(jsonErrorOffset('"\\x"')).toBe(2);
    expect(jsonErrorOffset('{"a":')).toBe(5);
    expect(jsonErrorOffset('{} x')).toBe(3);
  });
});
