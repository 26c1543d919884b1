/** The diagnostics a frame answers with (the contract in src/shared/messages.ts). */
import type { Diagnostics } from '../../shared/messages.ts';
import type { CardController } from '../card/controller.tsx';
import { cardTiming } from '../input/interaction.ts';
import { pageVerdict } from '../scan/filters.ts';
import type { Run } from './run.ts';

const tenth = (ms: number): number => Math.round(ms * 10) / 10;

/** `decided`: the settings were read and the frame chose to run or not. */
export function diagnosticsOf(win: Window, run: Run | null, decided: boolean, card: CardController, known: (id: string) => boolean): Diagnostics {
  const s = run?.scanner.stats;
  const status = !decided ? 'idle' : run?.busy ? 'scanning' : 'done';
  return {
    status,
    mentions: run?.visible.length ?? 0,
    entities: [...new Set(run?.visible.map((m) => m.entity.id) ?? [])],
    textNodes: s?.textNodes ?? 0,
    textChars: s?.textChars ?? 0,
    scanMs: s && s.lastEnd ? tenth(s.lastEnd - s.firstStart) : 0,
    busyMs: s ? tenth(s.busyMs) : 0,
    maxSliceMs: s ? tenth(s.maxSliceMs) : 0,
    maxSliceWhat: s?.maxSliceWhat ?? '',
    busyBy: Object.fromEntries(Object.entries(s?.busyBy ?? {}).map(([k, v]) => [k, tenth(v)])),
    setupMs: s ? Math.round(s.setupMs * 100) / 100 : 0,
    read: run?.reading ?? false,
    firstMarkMs: run?.firstMarkAt ? tenth(run.firstMarkAt) : 0,
    passes: s?.passes ?? 0,
    verdict: run ? pageVerdict(run.scanner.store.ordered(), known) : 'none',
    skipped: run?.scanner.skipped ?? false,
    probeElsewhereMs: run ? Math.round(run.probeElsewhereMs * 100) / 100 : 0,
    active: run !== null,
    highlights: run ? run.painter.registered() : {},
    url: win.location.href,
    card: card.state(),
    ...(cardTiming.lastMs !== undefined ? { lastCardMs: cardTiming.lastMs } : {}),
  };
}
