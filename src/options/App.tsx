/**
 * The options page: knowledge packs. Import a pack from a JSON file, switch packs off and
 * on, export or remove imported ones. Open pages pick up every change without a reload
 * (the content script and background watch storage).
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Pack } from '../facts/types.ts';
import { bundledPacks, entityIdsOf } from '../shared/bundled-packs.ts';
import { errorMessage } from '../shared/result.ts';
import { listUserPacks, loadUserPacks, removeUserPack, watchUserPacks, type UserPackInfo } from '../shared/user-packs.ts';
import { saveSettings } from '../shared/settings.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { useSettings } from '../ui/use-settings.ts';
import { Notice } from '../ui/Notice.tsx';
import { PackImport } from './PackImport.tsx';
import { PackList } from './PackList.tsx';
import { exportPack } from './export-pack.ts';
import { compileProblem } from './compile-check.ts';

export function App(): JSX.Element {
  const { settings, notices } = useSettings();
  const [imported, setImported] = useState<UserPackInfo[] | null>(null);
  const [status, setStatus] = useState('');
  const [stored, setStored] = useState<Pack[]>([]);
  // The bundled packs, read from the build's packs file when the page opens.
  const [bundled, setBundled] = useState<readonly Pack[] | null>(null);
  useEffect(() => {
    let alive = true;
    bundledPacks().then(
      (packs) => alive && setBundled(packs),
      (e: unknown) => alive && setStatus(errorMessage(e)),
    );
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => {
    let alive = true;
    const load = (): void => {
      void listUserPacks().then((list) => alive && setImported(list));
      void loadUserPacks().then((packs) => alive && setStored(packs));
    };
    load();
    const off = watchUserPacks(load);
    return () => {
      alive = false;
      off();
    };
  }, []);

  const disabled = settings?.disabledPacks ?? [];
  // A stored pack the content scripts cannot compile (stored by an older version, or a
  // combination of packs that fails together) is named here, not silently never marked.
  const problem = useMemo(() => (settings && bundled ? compileProblem(stored, disabled, entityIdsOf(bundled)) : null), [stored, disabled.join('\n'), settings !== null, bundled, uiLang()]);
  const onSwitch = (id: string, on: boolean): void => {
    const next = on ? disabled.filter((x) => x !== id) : [...new Set([...disabled, id])];
    void saveSettings({ disabledPacks: next });
  };
  const onExport = (id: string): void => {
    void loadUserPacks().then((packs) => {
      const pack = packs.find((p) => p.id === id);
      if (pack) exportPack(pack);
    });
  };
  const onRemove = (id: string): void => {
    const name = imported?.find((p) => p.id === id)?.name ?? id;
    void removeUserPack(id).then(() => {
      if (disabled.includes(id)) void saveSettings({ disabledPacks: disabled.filter((x) => x !== id) });
      setStatus(t('packRemoved', name));
    });
  };

  return (
    <main class="op">
      <header class="op-head">
        <h1>{t('optionsTitle')}</h1>
        <p class="op-help">{t('optionsIntro')}</p>
      </header>
      {notices.map((n) => (
        <Notice key={n}>{n}</Notice>
      ))}
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <PackImport />
      <PackList
        heading={t('bundledPacks')}
        packs={(bundled ?? []).map((p) => ({ id: p.id, name: p.name, version: p.version, entities: p.entities.length }))}
        disabled={disabled}
        onSwitch={onSwitch}
      />
      <PackList
        heading={t('importedPacks')}
        packs={imported ?? []}
        disabled={disabled}
        onSwitch={onSwitch}
        onExport={onExport}
        onRemove={onRemove}
        empty={imported ? t('noImportedPacks') : t('panelLoading')}
      />
      <p class="op-status" role="status">
        {status}
      </p>
    </main>
  );
}
