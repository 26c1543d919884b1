/**
 * JSON.parse with an error a reader can act on: the parser's message plus the line and
 * column of the problem. Firefox names them; V8 names at most a position (and recent V8
 * only quotes the text around it), so the position is found by a small scan of our own.
 */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number };

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(pos, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Offset of the first syntax error in `s` (assumes JSON.parse already failed), or -1. */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const fail = (at = i): never => {
    throw at;
  };
  const lit = (word: string): void => {
    for (const c of word) {
      if (s[i] !== c) fail();
      i++;
    }
  };
  const str = (): void => {
    if (s[i] !== '"') fail();
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s.charCodeAt(i) < 0x20) fail();
      if (s[i] === '\\') {
        i++;
        if (s[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(s[i + k] ?? '')) fail(i + k);
          i += 4;
        } else if (!'"\\/bfnrt'.includes(s[i] ?? 'x')) fail();
      }
      i++;
    }
    if (s[i] !== '"') fail();
    i++;
  };
  const num = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
    if (!m || !m[0]) fail();
    i += m![0].length;
  };
  /** The items of an object or array after its opening bracket, separated by commas, up to `close`. */
  const items = (close: '}' | ']', item: () => void): void => {
    i++;
    ws();
    if (s[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (s[i] === ',') i++;
      else if (s[i] === close) return void i++;
      else fail();
    }
  };
  const member = (): void => {
    ws();
    str();
    ws();
    if (s[i] !== ':') fail();
    i++;
    value();
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') items('}', member);
    else if (c === '[') items(']', value);
    else if (c === '"') str();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else num();
  };
  try {
    value();
    ws();
    return i < s.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? at : -1;
  }
}

export function parseJson(text: string): ParsedJson {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (lc) return { ok: false, message, line: Number(lc[1]), column: Number(lc[2]) };
    const pos = /position (\d+)/.exec(message);
    const at = pos ? Number(pos[1]) : jsonErrorOffset(body);
    return at >= 0 ? { ok: false, message, ...lineColumn(body, at) } : { ok: false, message };
  }
}
