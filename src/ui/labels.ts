/** Names of entity types and topics in the UI language. */
import type { EntityType } from '../facts/types.ts';
import { t } from './i18n.ts';

/** "Person", "Place"… */
export const typeLabel = (type: EntityType): string => t(`type_${type}`);

/** "People", "Places"… (group headings and filters). */
export const typePluralLabel = (type: EntityType): string => t(`types_${type}`);

/** A topic's name ("Diplomacy"). */
export const topicLabel = (topic: string): string => t(`topic_${topic.replace(/-/g, '_')}`);
