/**
 * The pack validator is the gate for imported packs: only http(s) source URLs pass
 * (DESIGN.md "Reliability, privacy, security"), whatever tricks the URL plays. Markup in
 * strings is allowed by the validator (it is data); the UI must show it as text, which
 * the e2e security test checks in the card and the side panel.
 */
import { describe, expect, it } from 'vitest';
import { isHttpUrl, validatePack } from '../../../src/facts/validate.ts';
import { hostilePack } from './hostile-pack.ts';

const BAD_URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript://example.org/%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome-extension://abc/content.js',
  'blob:https://example.org/1',
  'ftp://example.org/x',
  '//example.org/x',
  '/relative/path',
  'https:',
  'http://',
  '',
];

describe('validatePack: source URLs', () => {
  it('accepts the hostile pack with an https URL (markup in strings is data, not code)', () => {
    const r = validatePack(hostilePack(), { file: 'hostile.json' });
    expect(r.ok, r.ok ? '' : JSON.stringify(r.errors)).toBe(true);
  });

  it.each(BAD_URLS)('rejects %j with an error naming the field', (url) => {
    expect(isHttpUrl(url)).toBe(false);
    const r = validatePack(hostilePack(url), { file: 'hostile.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.field.endsWith('sources[0].url'));
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e!.entityId).toBe('zalgo-vartanian');
    expect(e!.message).toMatch(/http|empty/);
  });

  it('keeps http and https URLs', () => {
    for (const url of ['https://example.org/a?b=c#d', 'http://example.org', 'HTTPS://EXAMPLE.ORG/']) expect(isHttpUrl(url)).toBe(true);
  });

  it('rejects a non-string URL and an object smuggled in a string field', () => {
    const p = hostilePack() as { entities: Record<string, unknown>[] };
    const e = p.entities[0]! as { sources: Record<string, unknown>[]; summary: unknown };
    e.sources[0]!.url = { toString: () => 'https://example.org' };
    e.summary = { __html: '<img src=x onerror=alert(1)>' };
    const r = validatePack(p, { file: 'hostile.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.errors.map((x) => x.field);
    expect(
      fields.some((f) => f.endsWith('sources[0].url')),
      fields.join(),
    ).toBe(true);
    expect(
      fields.some((f) => f.endsWith('summary')),
      fields.join(),
    ).toBe(true);
  });
});
