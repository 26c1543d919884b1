/**
 * The records cache: full entity records for the card, asked of the background once per
 * entity. `null`: the background has none (e.g. its pack is off). A reset (packs changed)
 * starts a new generation; answers for an older one are dropped.
 */
import type { Entity } from '../../facts/types.ts';
import type { ContentToBackground } from '../../shared/messages.ts';
import { sendToBackground } from '../../shared/messaging.ts';

export class RecordsCache {
  private records = new Map<string, Entity | null>();
  private requested = new Set<string>();

  /** The record, `null` when the background has none, undefined while unknown. */
  get(id: string): Entity | null | undefined {
    return this.records.get(id);
  }

  /** Forgets everything (the background re-reads its packs). */
  reset(): void {
    this.records = new Map();
    this.requested = new Set();
  }

  /** Asks for the records of `ids` not asked yet; `onArrive` runs when they are in. */
  fetch(ids: Iterable<string>, onArrive: () => void): void {
    const wanted = [...new Set(ids)].filter((id) => !this.requested.has(id));
    if (!wanted.length) return;
    wanted.forEach((id) => this.requested.add(id));
    const generation = this.records;
    void sendToBackground<ContentToBackground, 'backstory/entities'>('backstory/entities', { ids: wanted }).then((r) => {
      if (generation !== this.records) return;
      if (!r.ok) {
        wanted.forEach((id) => this.requested.delete(id));
        return;
      }
      const got = new Map(r.entities.map((e) => [e.id, e]));
      for (const id of wanted) this.records.set(id, got.get(id) ?? null);
      onArrive();
    });
  }
}
