/**
 * The entities found on the followed page, grouped by type (groups in order of their
 * first entity), each with its mention count, in order of first appearance.
 */
import type { JSX } from 'preact';
import type { EntityOnPage } from '../shared/messages.ts';
import type { EntityType } from '../facts/types.ts';
import { t } from '../ui/i18n.ts';
import { typePluralLabel } from '../ui/labels.ts';

export interface PageEntitiesProps {
  entities: EntityOnPage[];
  nameOf: (e: EntityOnPage) => string;
  onOpen: (id: string) => void;
}

/** Groups entities by type, keeping first-appearance order inside and between groups. */
export function groupByType(entities: EntityOnPage[]): { type: EntityType; entities: EntityOnPage[] }[] {
  const groups = new Map<EntityType, EntityOnPage[]>();
  for (const e of entities) {
    const g = groups.get(e.type);
    if (g) g.push(e);
    else groups.set(e.type, [e]);
  }
  return [...groups].map(([type, list]) => ({ type, entities: list }));
}

export function PageEntities({ entities, nameOf, onOpen }: PageEntitiesProps): JSX.Element {
  return (
    <div class="sp-groups">
      {groupByType(entities).map((g) => (
        <section class="sp-group" key={g.type} aria-labelledby={`sp-group-${g.type}`}>
          <h2 id={`sp-group-${g.type}`} class="sp-kicker">
            {typePluralLabel(g.type)} <span class="sp-count">{g.entities.length}</span>
          </h2>
          <ul class="sp-list">
            {g.entities.map((e) => (
              <li key={e.id}>
                <button type="button" class="sp-row" onClick={() => onOpen(e.id)}>
                  <span class="sp-row__name">{nameOf(e)}</span>
                  <span class="sp-row__count" aria-label={t('mentionsCount', e.count)} title={t('mentionsCount', e.count)}>
                    {e.count}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
