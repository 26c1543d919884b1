/**
 * An entity's name in a reader's language: its first alias in that language where the
 * pack has one, else the canonical name. Shared by the card and the extension pages.
 */
import type { Entity } from './types.ts';

export function entityName(entity: Pick<Entity, 'name' | 'aliases'>, lang: string): string {
  const code = lang.slice(0, 2).toLowerCase();
  if (code === 'ru') return entity.aliases.ru?.[0] ?? entity.name;
  if (code === 'ka') return entity.aliases.ka?.[0] ?? entity.name;
  return entity.name;
}
