/**
 * A pack whose strings carry HTML and script payloads (DESIGN.md: dataset strings are
 * text, never HTML; only http(s) links). Shared by the validator unit test; the e2e
 * security test builds the same shape in the browser.
 */
export const XSS_IMG = '<img src=x onerror="window.__backstoryPwned=1">';
export const XSS_SCRIPT = '<script>window.__backstoryPwned=2</script>';

/** A hostile but valid pack: every string field holds markup, the source URL is https. */
export function hostilePack(url = 'https://example.org/source?q=<b>x</b>'): Record<string, unknown> {
  return {
    id: 'hostile-pack',
    name: `Hostile ${XSS_IMG}`,
    version: '1.0.0',
    description: `Pack with markup ${XSS_SCRIPT}`,
    entities: [
      {
        id: 'zalgo-vartanian',
        name: `Zalgo Vartanian ${XSS_IMG}`,
        type: 'person',
        topics: ['diplomacy'],
        aliases: { en: ['Zalgo Vartanian'] },
        summary: `Summary ${XSS_SCRIPT} ${XSS_IMG}`,
        facts: [{ label: `Label ${XSS_IMG}`, value: `Value ${XSS_SCRIPT}`, asOf: '2024', source: 's1' }],
        timeline: [{ date: '2024-01', text: `Event ${XSS_IMG}`, source: 's1' }],
        sources: [{ id: 's1', title: `Title ${XSS_SCRIPT}`, url, publisher: `Pub ${XSS_IMG}`, kind: 'newspaper', accessed: '2024-01-01' }],
        note: `Note ${XSS_IMG}`,
      },
    ],
  };
}
