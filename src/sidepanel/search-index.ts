/**
 * Search over every alias of every entity, in any script: case, diacritics, ё/е,
 * apostrophes and dashes are folded, and a query matches an alias by its start, the
 * start of one of its words, or anywhere inside it (in that order of rank).
 * Measured against minisearch and fuse.js on our dataset (see the report in the commit
 * that chose it): this small index is both faster to build and to query, and ranks exact
 * and prefix matches first, which is what a reader typing a name expects.
 */
import type { Entity } from '../facts/types.ts';
import type { SearchHit } from '../shared/messages.ts';

/** Folds a string for matching: lower case, no diacritics, ё→е, unified apostrophes/dashes and spaces. */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

interface Row {
  id: string;
  alias: string;
  key: string;
  /** Offsets in `key` where a word starts. */
  starts: number[];
}

/** A search index over a set of entities. */
export interface SearchIndex {
  /** Best hits first (one per entity), at most `limit`. */
  search(query: string, limit?: number): SearchHit[];
  size: number;
}

function wordStarts(key: string): number[] {
  const out = [0];
  for (let i = 1; i < key.length; i++) if (/[\s\-'.,()«»"/]/.test(key[i - 1]!)) out.push(i);
  return out;
}

function allAliases(e: Entity): string[] {
  const a = e.aliases;
  return [e.name, ...(a.en ?? []), ...(a.ru ?? []), ...(a.ka ?? []), ...(a.other ?? [])];
}

/** Builds the index; `nameOf` chooses the name shown for a hit (the UI language's). */
export function buildSearchIndex(entities: Iterable<Entity>, nameOf: (e: Entity) => string = (e) => e.name): SearchIndex {
  const rows: Row[] = [];
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    byId.set(e.id, e);
    const seen = new Set<string>();
    for (const alias of allAliases(e)) {
      const key = foldForSearch(alias);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      rows.push({ id: e.id, alias, key, starts: wordStarts(key) });
    }
  }
  return {
    size: rows.length,
    search(query, limit = 20) {
      const q = foldForSearch(query);
      if (!q) return [];
      const best = new Map<string, { rank: number; row: Row }>();
      for (const row of rows) {
        const at = row.key.indexOf(q);
        if (at < 0) continue;
        let rank: number;
        if (at === 0) rank = row.key.length === q.length ? 0 : 1;
        else if (row.starts.includes(at)) rank = 2;
        else {
          // A later occurrence may start a word ("…ская Осетия" for "осет").
          let i = at;
          rank = 3;
          while ((i = row.key.indexOf(q, i + 1)) >= 0) if (row.starts.includes(i)) { rank = 2; break; }
        }
        // Shorter aliases first within a rank: the query covers more of them.
        const score = rank * 1000 + Math.min(row.key.length, 999);
        const prev = best.get(row.id);
        if (!prev || score < prev.rank) best.set(row.id, { rank: score, row });
      }
      return [...best.values()]
        .sort((a, b) => a.rank - b.rank || a.row.key.localeCompare(b.row.key))
        .slice(0, limit)
        .map(({ row }) => {
          const e = byId.get(row.id)!;
          return { id: e.id, name: nameOf(e), type: e.type, matched: row.alias };
        });
    },
  };
}
