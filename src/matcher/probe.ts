/**
 * The question a page's probe asks of the pack (src/content/scan/probe.ts): whether a text,
 * blocks run together, may name an entity of some kind. `Matcher.mayName` answers it for a
 * part of a page, `Matcher.nameProbe` for a whole page read in parts; this asks the entity
 * test once per entity.
 */
import type { Matcher, MatcherEntity, NameProbe } from './types.ts';

/** The probe's tests for entities that `wanted` takes: never false where a scan would find one. */
export interface NamesTest {
  /** Whether a part of a page may name one. */
  part(text: string): boolean;
  /** A whole page's question, its parts read in order (title first). */
  page(): NameProbe;
}

export function namesAnyOf(matcher: Matcher, wanted: (entity: MatcherEntity) => boolean): NamesTest {
  const memo = new Map<number, boolean>();
  const want = (e: number): boolean => {
    let w = memo.get(e);
    if (w === undefined) {
      const entity = matcher.entity(e);
      memo.set(e, (w = entity !== undefined && wanted(entity)));
    }
    return w;
  };
  return { part: (text) => matcher.mayName(text, want), page: () => matcher.nameProbe(want) };
}

/** Where a question stands in its page's: a whole page is asked in parts (title first), in order. */
export interface PagePart {
  /** The page's question: the asker's id for one read of its page. */
  id: string;
  first: boolean;
  last: boolean;
}

/** Whether `p` is a PagePart (a message's field). */
export function isPagePart(p: unknown): p is PagePart {
  if (typeof p !== 'object' || p === null) return false;
  const { id, first, last } = p as Record<string, unknown>;
  return typeof id === 'string' && id.length <= 64 && typeof first === 'boolean' && typeof last === 'boolean';
}

/**
 * Answers the probe's questions, keeping the pages being asked about (a few at a time, by
 * id). A text without `page` is a part of a page on its own (the blocks a change touched).
 * With it, the text is the next part of a whole page: a name the page's evidence decides is
 * answered only after the last part (`false` before it means "read on"), and a part of a
 * page not known here (forgotten, or the asker restarted) is answered yes.
 */
export class ProbeAnswers {
  private readonly pages = new Map<string, NameProbe>();

  constructor(private readonly max = 32) {}

  answer(test: NamesTest, text: string, page?: PagePart): boolean {
    if (!page) return test.part(text);
    let asked = this.pages.get(page.id);
    if (!asked && page.first) {
      if (this.pages.size >= this.max) this.pages.delete(this.pages.keys().next().value!);
      this.pages.set(page.id, (asked = test.page()));
    }
    const names = !asked || asked.add(text) || (page.last && asked.decided());
    if (names || page.last) this.pages.delete(page.id);
    return names;
  }
}
