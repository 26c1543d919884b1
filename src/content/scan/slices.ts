/**
 * Cooperative time slicing: work runs in slices of about 5 ms and yields to the page
 * in between (`scheduler.yield` where it exists, else a MessageChannel task). The
 * figures (busy time, longest slice) feed the diagnostics.
 */

/**
 * When a slice stops taking steps, ms. The budget is 16 ms (one frame); the rest is room
 * for the step that crosses this line and for what we do not control: a garbage collection
 * of a page with 200,000 nodes, or the machine (slices of 17-18 ms were seen there at 8).
 */
export const SLICE_MS = 5;

/** Time spent in slices, shared by every pass (diagnostics). */
export interface SliceStats {
  busyMs: number;
  maxSliceMs: number;
  /** What the longest slice was doing (see Diagnostics.maxSliceWhat). */
  maxSliceWhat?: string;
  /** Busy time by what the slices did, ms. */
  busyBy?: Record<string, number>;
}

type Yielder = () => Promise<void>;

function makeYield(): Yielder {
  const sched = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (sched?.yield) return () => sched.yield!.call(sched);
  if (typeof MessageChannel === 'function') {
    const channel = new MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    return () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(0);
      });
  }
  return () => new Promise<void>((resolve) => setTimeout(resolve, 0));
}

let yielder: Yielder | undefined;

/** Gives the page's tasks (input, rendering) a turn. */
export function yieldToPage(): Promise<void> {
  yielder ??= makeYield();
  return yielder();
}

/** Waits for an idle period (bounded by `timeout`), for low-priority work such as rescans. */
export function whenIdle(timeout = 500): Promise<void> {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (ric) return new Promise((resolve) => ric(() => resolve(), { timeout }));
  return new Promise((resolve) => setTimeout(resolve, 16));
}

/** Resolves once the document has loaded (its `load` event), or after `cap` ms at most. */
export function whenLoaded(doc: Document, cap: number): Promise<void> {
  if (doc.readyState === 'complete' || !doc.defaultView) return Promise.resolve();
  const win = doc.defaultView;
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      win.removeEventListener('load', done);
      resolve();
    };
    const timer = setTimeout(done, cap);
    win.addEventListener('load', done);
  });
}

/** Work due between slices (a repaint): run in a slice of its own when `due()`. */
export interface Between {
  due(): boolean;
  run(): void;
}

/** Adds one slice's time to the figures. */
export function countSlice(stats: SliceStats, spent: number, what: string): void {
  stats.busyMs += spent;
  const by = (stats.busyBy ??= {});
  by[what] = (by[what] ?? 0) + spent;
  if (spent > stats.maxSliceMs) {
    stats.maxSliceMs = spent;
    stats.maxSliceWhat = what;
  }
}

/**
 * Runs `step` repeatedly in slices until it returns false (no more work) or `signal`
 * aborts. `step` should do a small, bounded unit of work (one block). `between` runs
 * after a slice when it is due, as a slice of its own (its time counts, 'paint').
 */
export async function runSliced(step: () => boolean, stats: SliceStats, signal: AbortSignal, between?: Between, what = 'read'): Promise<void> {
  let more = true;
  while (more && !signal.aborted) {
    const t0 = performance.now();
    let now: number;
    do {
      more = step();
      now = performance.now();
    } while (more && now - t0 < SLICE_MS && !signal.aborted);
    countSlice(stats, now - t0, what);
    if (more) await yieldToPage();
    if (between?.due() && !signal.aborted) {
      const t1 = performance.now();
      between.run();
      countSlice(stats, performance.now() - t1, 'paint');
      if (more) await yieldToPage();
    }
  }
}
