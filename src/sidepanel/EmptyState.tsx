/** Why the panel has nothing to show for this tab, with the one action that helps, if any. */
import type { JSX } from 'preact';
import { t } from '../ui/i18n.ts';

/** The reasons, in the order they are checked. */
export type EmptyReason = 'loading' | 'restricted' | 'off' | 'site-off' | 'reading' | 'nothing';

export interface EmptyStateProps {
  reason: EmptyReason;
  host: string;
  onTurnOn?: () => void;
}

export function EmptyState({ reason, host, onTurnOn }: EmptyStateProps): JSX.Element {
  const text: Record<EmptyReason, string> = {
    loading: t('panelLoading'),
    restricted: t('panelRestricted'),
    off: t('panelOff'),
    'site-off': t('panelSiteOff', host),
    reading: t('panelReading'),
    nothing: t('panelNothing'),
  };
  return (
    <div class="sp-empty" role="status">
      <p class="sp-empty__text">{text[reason]}</p>
      {reason === 'off' && onTurnOn ? (
        <button type="button" class="bs-button bs-button--primary" onClick={onTurnOn}>
          {t('turnOn')}
        </button>
      ) : null}
      {reason === 'site-off' && onTurnOn ? (
        <button type="button" class="bs-button bs-button--primary" onClick={onTurnOn}>
          {t('turnOnForSite', host)}
        </button>
      ) : null}
      {reason === 'nothing' || reason === 'restricted' ? <p class="sp-empty__hint">{t('panelSearchHint')}</p> : null}
    </div>
  );
}
