/** The import control: a file input for a pack's JSON, and what became of the last import. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { Notice } from '../ui/Notice.tsx';
import { importPackText, type ImportOutcome } from './import-pack.ts';

export function PackImport(): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<(ImportOutcome & { file: string }) | null>(null);

  const onFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const text = await file.text();
      setOutcome({ ...(await importPackText(text, file.name)), file: file.name });
    } catch (e) {
      setOutcome({ ok: false, errors: [t('importUnreadable', file.name, e instanceof Error ? e.message : String(e))], file: file.name });
    } finally {
      setBusy(false);
      // Let the same file be chosen again after a fix.
      input.value = '';
    }
  };

  return (
    <section class="op-card" aria-labelledby="op-import-h">
      <h2 id="op-import-h">{t('importHeading')}</h2>
      <p class="op-help">{t('importHelp')}</p>
      <div class="op-file">
        <label for="op-file">{t('importChoose')}</label>
        <input id="op-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void onFile(e.currentTarget)} />
      </div>
      {outcome?.ok ? <Notice kind="ok">{t(outcome.replaced ? 'importReplaced' : 'importDone', outcome.pack.name, outcome.pack.entities.length)}</Notice> : null}
      {outcome && !outcome.ok ? (
        <Notice kind="error">
          <p>{t('importFailed', outcome.file)}</p>
          <ul class="op-errors">
            {outcome.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </section>
  );
}
