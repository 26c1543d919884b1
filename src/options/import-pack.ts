/**
 * Importing a pack from a file's text: parse, validate (entity links may point to the
 * bundled packs), refuse a clash with a bundled pack, compile it with the other imported
 * packs as a content script will (compile-check.ts), then store. Any failure leaves the
 * stored packs as they were and comes back as plain sentences.
 */
import type { Pack } from '../facts/types.ts';
import { validatePack, type PackError } from '../facts/validate.ts';
import { bundledPacks, entityIdsOf } from '../shared/bundled-packs.ts';
import { storeUserPack, loadUserPacks } from '../shared/user-packs.ts';
import { loadSettings } from '../shared/settings.ts';
import { t } from '../ui/i18n.ts';
import { compileProblem } from './compile-check.ts';
import { parseJson } from './parse-json.ts';

export type ImportOutcome = { ok: true; pack: Pack; replaced: boolean } | { ok: false; errors: string[] };

/** One validation error as a sentence: where (entry and field) and what was expected. */
export function plainError(e: PackError): string {
  // The entry is named already, so its index in `entities` adds nothing for a reader.
  const field = (e.entityId ? e.field.replace(/^entities\[\d+\]\.?/, '') : e.field) || t('importFieldWhole');
  return e.entityId ? t('importErrorEntity', e.entityId, field, e.message) : t('importErrorPack', field, e.message);
}

export async function importPackText(text: string, file: string): Promise<ImportOutcome> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const where = parsed.line !== undefined ? t('importJsonWhere', parsed.line, parsed.column ?? 1) : '';
    return { ok: false, errors: [t('importBadJson', file, where, parsed.message)] };
  }
  // Entity links may point to the bundled packs.
  const bundled = await bundledPacks();
  const bundledIds = entityIdsOf(bundled);
  const result = validatePack(parsed.value, { file, knownEntityIds: bundledIds });
  if (!result.ok) return { ok: false, errors: result.errors.map(plainError) };
  const pack = result.pack;
  if (bundled.some((p) => p.id === pack.id)) return { ok: false, errors: [t('importClashBundled', pack.id)] };
  const stored0 = await loadUserPacks();
  const replaced = stored0.some((p) => p.id === pack.id);
  // Compiled with the other imported packs that are on, as a content script will compile them.
  const { settings } = await loadSettings();
  const problem = compileProblem([...stored0.filter((p) => p.id !== pack.id), pack], settings.disabledPacks, bundledIds);
  if (problem) return { ok: false, errors: [problem] };
  const stored = await storeUserPack(pack);
  if (!stored.ok) return { ok: false, errors: [stored.error] };
  return { ok: true, pack, replaced };
}
