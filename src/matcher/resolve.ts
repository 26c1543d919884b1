/**
 * Disambiguation from page context. Each candidate of an ambiguous hit gets a score in
 * log-odds: its prior, plus the entity itself named unambiguously elsewhere on the
 * page, its cue entities and cue words, minus words pointing to another sense. The best
 * candidate wins only above a threshold and by a margin; otherwise nothing is marked
 * (a wrong card is worse than no card).
 */
import type { CompiledDisambiguation, Evidence, Hit } from './types.ts';

/** Score needed to mark: log-odds of 0.8. */
export const THRESHOLD = Math.log(0.8 / 0.2);
/** Lead over the runner-up candidate needed to mark. */
export const MARGIN = 1;
const W_SELF = 3;
const W_CUE_ENTITY = 1.5;
const W_CUE = 1;
const W_AGAINST = 2.5;
const MAX_POSITIVE = 3;

function logit(p: number): number {
  const q = Math.min(0.99, Math.max(0.01, p));
  return Math.log(q / (1 - q));
}

/** Evidence for one page: cue words seen, entities named unambiguously, ambiguous hits. */
export class PageEvidence implements Evidence {
  /** Cue numbers seen on the page. */
  readonly cues = new Set<number>();
  /** Entities named by an unambiguous hit. */
  readonly seen = new Set<number>();
  /** Ambiguous hits, kept for the second round. */
  private readonly pending: Hit[] = [];
  private settled: Set<number> | undefined;
  readonly byEntity = new Map<number, CompiledDisambiguation>();

  constructor(
    disambiguation: readonly CompiledDisambiguation[],
    private readonly findCues: (text: string, found: (cue: number) => void) => void,
    /** A test for texts that may hold one of these cues (null: none available). */
    private readonly mayHold: (cues: ReadonlySet<number>) => ((text: string) => boolean) | null = () => null,
  ) {
    for (const d of disambiguation) this.byEntity.set(d.entity, d);
  }

  addText(text: string): void {
    this.findCues(text, (c) => this.addCue(c));
  }

  /** A cue word seen on the page (Matcher.scanBlock finds them with the names). */
  addCue(cue: number): void {
    this.cues.add(cue);
    this.settled = undefined;
  }

  addHits(hits: readonly Hit[]): void {
    for (const h of hits) {
      // A bare surname does not show that its person is on the page; their full name does.
      if (!h.ambiguous && h.surname) continue;
      if (!h.ambiguous) this.seen.add(h.candidates[0]!);
      else if (this.pending.length < 10000) this.pending.push(h);
    }
    this.settled = undefined;
  }

  needsCues(hit: Hit): boolean {
    if (!hit.ambiguous || hit.continued) return false;
    const ds = hit.candidates.map((e) => this.byEntity.get(e));
    // Only candidates with cue words (for or against) are moved by them.
    if (!ds.some((d) => d && (d.cues.length > 0 || d.against.length > 0))) return false;
    // A lone candidate with no cue words against it, convincing on its prior alone: cue words only add to it.
    const [d] = ds;
    return !(ds.length === 1 && d && d.against.length === 0 && logit(d.prior) >= THRESHOLD);
  }

  /**
   * A test for texts that may hold a cue word some ambiguous hit needs (its candidates' cue
   * words, for and against). Decisions read only those cues (`score`), and a hit that does
   * not need cues resolves the same without them, so reading only such texts decides alike.
   */
  cueFilter(): ((text: string) => boolean) | null {
    const needed = new Set<number>();
    for (const h of this.pending) {
      if (!this.needsCues(h)) continue;
      for (const e of h.candidates) {
        const d = this.byEntity.get(e);
        if (!d) continue;
        for (const c of d.cues) needed.add(c);
        for (const c of d.against) needed.add(c);
      }
    }
    return this.mayHold(needed);
  }

  /** Entities present on the page: unambiguous ones plus ambiguous hits decided from them. */
  present(): Set<number> {
    if (this.settled) return this.settled;
    let present = new Set(this.seen);
    // Two rounds: an entity decided in the first can support another in the second.
    for (let round = 0; round < 2; round++) {
      const next = new Set(present);
      for (const h of this.pending) {
        const e = this.choose(h, present);
        if (e >= 0) next.add(e);
      }
      present = next;
    }
    this.settled = present;
    return present;
  }

  /** Log-odds that `hit` names `entity`, given the entities known to be present. */
  score(hit: Hit, entity: number, present: ReadonlySet<number>): number {
    const d = this.byEntity.get(entity);
    let s = logit(d ? d.prior : 1 / (hit.candidates.length + 1));
    if (this.seen.has(entity)) s += W_SELF;
    if (!d) return s;
    s += support(d, entity, present, this.cues);
    for (const c of d.against) if (this.cues.has(c)) s -= W_AGAINST;
    return s;
  }

  /** Entity number for `hit`, or -1 when no candidate is convincing. */
  choose(hit: Hit, present: ReadonlySet<number>): number {
    let best = -1;
    let bestScore = -Infinity;
    let second = -Infinity;
    for (const e of hit.candidates) {
      const s = this.score(hit, e, present);
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = e;
      } else if (s > second) {
        second = s;
      }
    }
    if (bestScore < THRESHOLD || bestScore - second < MARGIN) return -1;
    return best;
  }
}

/** What the cue entities on the page (other than `entity` itself) and its cue words add to `entity`'s score, capped. */
function support(d: CompiledDisambiguation, entity: number, present: ReadonlySet<number>, cues: ReadonlySet<number>): number {
  let pos = 0;
  for (const e of d.cueEntities) if (e !== entity && present.has(e)) pos += W_CUE_ENTITY;
  for (const c of d.cues) if (cues.has(c)) pos += W_CUE;
  return Math.min(pos, MAX_POSITIVE * W_CUE_ENTITY);
}

/**
 * Whether `entity` (with disambiguation record `d`) could win an ambiguous hit on a page whose
 * evidence is at most this: the entities that may be on it and the cue words that may be on
 * it (what a lenient read of its text found). An upper bound of `choose`: its prior and every
 * cue that may be there count, nothing against it, no runner-up. The entity's own unambiguous
 * name is left out (a caller that read one has its answer already). An entity without a
 * record scores a lone candidate's prior and nothing more, which never wins: callers leave it out.
 */
export function couldWin(d: CompiledDisambiguation, entity: number, mayBeOn: ReadonlySet<number>, cues: ReadonlySet<number>): boolean {
  return logit(d.prior) + support(d, entity, mayBeOn, cues) >= THRESHOLD;
}

/** Decides an ambiguous hit against the page's evidence. */
export function decide(hit: Hit, evidence: PageEvidence): number {
  return evidence.choose(hit, evidence.present());
}
