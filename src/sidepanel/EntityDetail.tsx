/**
 * The full background of one entity: name and aliases, type, topics, summary, the
 * contested-naming note, every fact with its date and source, timeline, related
 * entities, sources, and "Show in page" when it is on the followed page.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Entity } from '../facts/types.ts';
import { t, entityName } from '../ui/i18n.ts';
import { typeLabel, topicLabel } from '../ui/labels.ts';
import { EntityTypeTag } from '../ui/EntityTypeTag.tsx';
import { FactTable } from '../ui/FactTable.tsx';
import { TimelineList } from '../ui/TimelineList.tsx';
import { SourceLink } from '../ui/SourceLink.tsx';
import { sourceKindLabel } from '../ui/source-kind.ts';
import { groupedFacts, localEvent, localNote, localSummary } from '../facts/names.ts';
import { inDateOrder } from './merge-timeline.ts';

/** `lang` for a text written in `textLang` shown in a `ui` page: set only when they differ. */
const langAttr = (textLang: string, ui: string): string | undefined => (textLang === ui.slice(0, 2) ? undefined : textLang);

export interface EntityDetailProps {
  entity: Entity;
  lang: string;
  /** Looks up a related entity (undefined when its pack is not installed or is off). */
  lookup: (id: string) => Entity | undefined;
  onOpen: (id: string) => void;
  /** Mentions on the followed page; 0 hides "Show in page". */
  mentions: number;
  onReveal: () => Promise<boolean>;
}

function otherNames(e: Entity, shown: string): string[] {
  const all = [e.name, ...(e.aliases.en ?? []), ...(e.aliases.ru ?? []), ...(e.aliases.ka ?? []), ...(e.aliases.other ?? [])];
  return [...new Set(all)].filter((n) => n !== shown);
}

export function EntityDetail({ entity, lang, lookup, onOpen, mentions, onReveal }: EntityDetailProps): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  const [revealMsg, setRevealMsg] = useState('');
  const name = entityName(entity, lang);
  const aliases = otherNames(entity, name);
  const sources = new Map(entity.sources.map((s) => [s.id, s]));
  const summary = localSummary(entity, lang);
  const note = localNote(entity, lang);
  const tt = t as (key: string, ...subs: string[]) => string;

  useEffect(() => {
    heading.current?.focus();
    setRevealMsg('');
  }, [entity.id]);

  const reveal = async (): Promise<void> => {
    const found = await onReveal();
    setRevealMsg(found ? '' : t('revealNotFound'));
  };

  return (
    <article class="sp-entity" aria-labelledby="sp-entity-name">
      <header class="sp-entity__head">
        <EntityTypeTag type={entity.type} label={typeLabel(entity.type)} />
        <h2 id="sp-entity-name" ref={heading} tabIndex={-1}>
          {name}
        </h2>
        {aliases.length ? (
          <p class="sp-aliases">
            <span class="bs-visually-hidden">{t('alsoKnownAs')} </span>
            {aliases.join(' · ')}
          </p>
        ) : null}
        {entity.topics.length ? (
          <ul class="sp-topics" aria-label={t('topicsHeading')}>
            {entity.topics.map((tp) => (
              <li key={tp}>{topicLabel(tp)}</li>
            ))}
          </ul>
        ) : null}
      </header>

      {mentions > 0 ? (
        <div class="sp-reveal">
          <button type="button" class="bs-button" onClick={() => void reveal()}>
            {t('showInPage')}
          </button>
          <span class="sp-reveal__count">{t('mentionsOnPage', mentions)}</span>
          {revealMsg ? (
            <span role="status" class="sp-reveal__msg">
              {revealMsg}
            </span>
          ) : null}
        </div>
      ) : null}

      <p class="sp-summary" lang={langAttr(summary.lang, lang)}>
        {summary.text}
      </p>

      {note ? (
        <aside class="sp-note" aria-label={t('noteHeading')}>
          <h3>{t('noteHeading')}</h3>
          <p lang={langAttr(note.lang, lang)}>{note.text}</p>
        </aside>
      ) : null}

      {entity.facts.length ? (
        <section class="sp-section" aria-labelledby="sp-facts-h">
          <h3 id="sp-facts-h">{t('factsHeading')}</h3>
          <FactTable entity={{ facts: groupedFacts(entity.facts), sources: entity.sources }} lang={lang} t={tt} where="panel" />
        </section>
      ) : null}

      {entity.timeline?.length ? (
        <section class="sp-section" aria-labelledby="sp-timeline-h">
          <h3 id="sp-timeline-h">{t('timelineHeading')}</h3>
          <TimelineList
            label={t('timelineHeading')}
            lang={lang}
            rows={inDateOrder(entity.timeline).map((ev, i) => {
              const tx = localEvent(ev, lang);
              return { key: String(i), date: ev.date, text: tx.text, textLang: langAttr(tx.lang, lang), source: sources.get(ev.source) };
            })}
          />
        </section>
      ) : null}

      {entity.related?.length ? (
        <section class="sp-section" aria-labelledby="sp-related-h">
          <h3 id="sp-related-h">{t('relatedHeading')}</h3>
          <ul class="sp-related">
            {entity.related.map((r) => {
              const other = lookup(r.id);
              return (
                <li key={r.id}>
                  <span class="sp-related__rel">{r.relation}</span>{' '}
                  {other ? (
                    <button type="button" class="sp-link" onClick={() => onOpen(other.id)}>
                      {entityName(other, lang)}
                    </button>
                  ) : (
                    <span class="sp-related__missing">{r.id}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <section class="sp-section" aria-labelledby="sp-sources-h">
        <h3 id="sp-sources-h">{t('sourcesHeading')}</h3>
        <ul class="sp-sources">
          {entity.sources.map((s) => (
            <li key={s.id}>
              <SourceLink source={s} kind={sourceKindLabel(s, tt, lang, 'panel')} />
              <span class="bs-meta">{s.title}</span>
            </li>
          ))}
        </ul>
        <p class="bs-meta sp-kinds-help">{t('sourceKindsHelp')}</p>
      </section>
    </article>
  );
}
