/**
 * Installed packs: the bundled ones (on/off only) and the imported ones (on/off,
 * export, remove), with version, entity count and size.
 */
import type { JSX } from 'preact';
import { t } from '../ui/i18n.ts';
import { Switch } from '../ui/Switch.tsx';

/** One row of the list. */
export interface PackRow {
  id: string;
  name: string;
  version: string;
  entities: number;
  bytes?: number;
}

export interface PackListProps {
  heading: string;
  packs: PackRow[];
  disabled: readonly string[];
  onSwitch: (id: string, on: boolean) => void;
  onExport?: (id: string) => void;
  onRemove?: (id: string) => void;
  empty?: string;
}

const size = (bytes: number): string => (bytes < 1024 ? t('sizeBytes', bytes) : t('sizeKb', (bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)));

export function PackList({ heading, packs, disabled, onSwitch, onExport, onRemove, empty }: PackListProps): JSX.Element {
  const hid = `op-h-${heading.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section class="op-card" aria-labelledby={hid}>
      <h2 id={hid}>{heading}</h2>
      {packs.length === 0 && empty ? <p class="op-help">{empty}</p> : null}
      <ul class="op-packs">
        {packs.map((p) => (
          <li key={p.id} class="op-pack">
            <Switch
              label={p.name}
              hint={[t('packVersion', p.version), t('packEntities', p.entities), p.bytes !== undefined ? size(p.bytes) : ''].filter(Boolean).join(' · ')}
              checked={!disabled.includes(p.id)}
              onChange={(on) => onSwitch(p.id, on)}
            />
            {onExport || onRemove ? (
              <div class="op-pack__actions">
                {onExport ? (
                  <button type="button" class="bs-button" onClick={() => onExport(p.id)} aria-label={t('exportPackNamed', p.name)}>
                    {t('exportPack')}
                  </button>
                ) : null}
                {onRemove ? (
                  <button type="button" class="bs-button bs-button--danger" onClick={() => onRemove(p.id)} aria-label={t('removePackNamed', p.name)}>
                    {t('removePack')}
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
