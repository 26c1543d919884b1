/** "This article": the merged timeline of every entity on the page, each row linking back to its entity. */
import type { JSX } from 'preact';
import type { Entity } from '../facts/types.ts';
import { t, entityName } from '../ui/i18n.ts';
import { TimelineList } from '../ui/TimelineList.tsx';
import { mergeTimelines } from './merge-timeline.ts';
import { localEvent } from '../facts/names.ts';

export interface ArticleTimelineProps {
  entities: Entity[];
  lang: string;
  onOpen: (id: string) => void;
}

export function ArticleTimeline({ entities, lang, onOpen }: ArticleTimelineProps): JSX.Element {
  const events = mergeTimelines(entities);
  if (!events.length) return <p class="sp-empty__text">{t('timelineEmpty')}</p>;
  return (
    <TimelineList
      label={t('articleTimeline')}
      lang={lang}
      rows={events.map((ev, i) => {
        const tx = localEvent(ev, lang);
        return {
          key: `${ev.entity.id}-${i}`,
          date: ev.date,
          text: tx.text,
          textLang: tx.lang === lang.slice(0, 2) ? undefined : tx.lang,
          source: ev.sourceRecord,
          extra: (
            <button type="button" class="sp-link sp-link--small" onClick={() => onOpen(ev.entity.id)}>
              {entityName(ev.entity, lang)}
            </button>
          ),
        };
      })}
    />
  );
}
