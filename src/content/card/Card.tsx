/**
 * The hover card, for the glance: type, name, summary (the whole sentences that fit in four lines), at most four key
 * facts (the pack's `key`, as many as fit without scrolling) each with its date and source, the naming note, then "N more facts · Full
 * background" and the actions (pin, close, don't mark this site / undo). Texts in the
 * reader's language where the pack has them. Presentational: state and effects live in
 * controller.tsx. Dataset strings are rendered as text (Preact escapes); links are http(s) only.
 */
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Entity } from '../../facts/types.ts';
import type { MatcherEntity } from '../../matcher/index.ts';
import { FactTable } from '../../ui/FactTable.tsx';
import { EntityTypeTag } from '../../ui/EntityTypeTag.tsx';
import { t, typeLabel, plural } from '../strings.ts';
import { keyFacts, localName, localNote, localSummary } from '../../facts/names.ts';
import { sentencesOf } from './sentences.ts';

/** How many facts the card shows at most (the side panel shows all). */
export const CARD_FACTS = 4;

/** `lang` for a text in `textLang` on a card in `ui`: set only when they differ. */
const langAttr = (textLang: string, ui: string): string | undefined => (textLang === ui.slice(0, 2) ? undefined : textLang);

export interface CardProps {
  /** What the matcher knows (shown at once). */
  entity: MatcherEntity;
  /** The full record: undefined while loading, null when the background has none. */
  record: Entity | null | undefined;
  pinned: boolean;
  /** Set after "Don't mark this site": the site, with an Undo. */
  siteOff: string | null;
  /** A message from the background (e.g. how to open the sidebar in Firefox). */
  hint: string | null;
  lang: string;
  onPin(): void;
  onClose(): void;
  onFullBackground(): void;
  onDisableSite(): void;
  onUndo(): void;
}

export const CARD_TITLE_ID = 'bs-card-title';

/** Whether `el` holds more than it shows: its content is cut off (a line clamp) or scrolls. */
export function overflows(el: HTMLElement): boolean {
  return el.scrollHeight > el.clientHeight + 1;
}

export function Card(p: CardProps): JSX.Element {
  const { entity, record } = p;
  // The card is for the glance: it shows the key facts that fit in its height (360 px, less
  // on a small viewport) without scrolling, the first at least; the rest are counted in
  // "N more facts" and shown in the side panel.
  // Steps, while the body still overflows: one key fact fewer down to one, then the summary
  // and note at three lines ("tight"), then no fact at all.
  const [fit, setFit] = useState({ facts: CARD_FACTS, tight: false });
  // A summary longer than its lines shows the whole sentences that fit (one sentence fewer
  // while it is cut off), never a sentence broken off mid-word; only a first sentence too
  // long on its own ends in an ellipsis. The side panel has the whole summary.
  const [sentences, setSentences] = useState(Infinity);
  const body = useRef<HTMLDivElement>(null);
  const summaryEl = useRef<HTMLParagraphElement>(null);
  const facts = record ? keyFacts(record.facts, fit.facts) : [];
  const more = record ? record.facts.length - facts.length : 0;
  const summary = record ? localSummary(record, p.lang) : undefined;
  const summarySentences = summary ? sentencesOf(summary.text) : [];
  const shownSentences = Math.min(sentences, summarySentences.length);
  useLayoutEffect(() => {
    setFit((f) => (f.facts === CARD_FACTS && !f.tight ? f : { facts: CARD_FACTS, tight: false }));
    setSentences(Infinity);
  }, [record, p.lang]);
  useLayoutEffect(() => {
    const s = summaryEl.current;
    if (s && shownSentences > 1 && overflows(s)) {
      setSentences(shownSentences - 1);
      return;
    }
    const el = body.current;
    if (!el || !overflows(el) || facts.length === 0) return;
    if (facts.length > 1) setFit({ facts: facts.length - 1, tight: false });
    else if (!fit.tight) setFit({ facts: 1, tight: true });
    else setFit({ facts: 0, tight: true });
  });
  const name = record ? localName(record, p.lang) : { text: entity.name, lang: 'en' };
  const note = record ? localNote(record, p.lang) : undefined;
  return (
    <div class={fit.tight ? 'card tight' : 'card'} role="dialog" aria-labelledby={CARD_TITLE_ID} lang={p.lang}>
      <div class="head">
        <div class="title">
          <EntityTypeTag type={entity.type} label={typeLabel(entity.type)} />
          <h2 id={CARD_TITLE_ID} lang={langAttr(name.lang, p.lang)}>
            {name.text}
          </h2>
        </div>
        <div class="tools">
          <button
            type="button"
            class="icon"
            data-action="pin"
            aria-pressed={p.pinned}
            aria-label={p.pinned ? t('cardUnpin') : t('cardPin')}
            title={p.pinned ? t('cardUnpin') : t('cardPin')}
            onClick={p.onPin}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path
                d="M9.5 1.5l5 5-2 .5-2.5 2.5.5 3-1.5 1.5-3-3-3.5 3.5h-1v-1l3.5-3.5-3-3L4.5 5.5l3 .5L10 3.5z"
                fill={p.pinned ? 'currentColor' : 'none'}
                stroke="currentColor"
                stroke-width="1.2"
                stroke-linejoin="round"
              />
            </svg>
          </button>
          <button type="button" class="icon" data-action="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={p.onClose}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
            </svg>
          </button>
        </div>
      </div>
      <div class="body" ref={body}>
        {record === undefined ? <p class="muted">{t('cardLoading')}</p> : null}
        {record === null ? <p class="muted">{t('cardUnavailable')}</p> : null}
        {summary ? (
          <p class="summary" ref={summaryEl} lang={langAttr(summary.lang, p.lang)}>
            {summarySentences.slice(0, shownSentences).join(' ')}
          </p>
        ) : null}
        {facts.length ? (
          <section aria-label={t('cardFacts')}>
            <FactTable entity={{ facts, sources: record!.sources }} lang={p.lang} t={t as (k: string, ...s: string[]) => string} where="card" />
          </section>
        ) : null}
        {note ? (
          <p class="note" role="note">
            <span class="note-label">{t('cardNote')}: </span>
            <span lang={langAttr(note.lang, p.lang)}>{note.text}</span>
          </p>
        ) : null}
      </div>
      <div class="actions">
        {more > 0 ? <span class="more">{plural('cardMoreFacts', more, p.lang)} ·</span> : null}
        <button type="button" class="primary" data-action="full" onClick={p.onFullBackground}>
          {t('cardFullBackground')}
        </button>
        {p.siteOff === null ? (
          <button type="button" class="quiet" data-action="site-off" onClick={p.onDisableSite}>
            {t('cardDontMarkSite')}
          </button>
        ) : (
          <span class="site-off" role="status">
            {t('cardSiteOff', p.siteOff)}{' '}
            <button type="button" class="quiet" data-action="undo" onClick={p.onUndo}>
              {t('cardUndo')}
            </button>
          </span>
        )}
      </div>
      {p.hint ? (
        <p class="hint" role="status">
          {p.hint}
        </p>
      ) : null}
    </div>
  );
}
