/**
 * The card's life: mounts our host on first use, renders <Card> into a `popover="manual"`
 * element (top layer: page z-indexes cannot cover it), positions it against the
 * mention, pins, closes (returning focus when it had it), and keeps the state the
 * diagnostics expose. Pointer and keyboard intent live in interaction.ts.
 */
import { render } from 'preact';
import type { Entity } from '../../facts/types.ts';
import type { Diagnostics } from '../../shared/messages.ts';
import { mountHost, type Mounted } from './mount.ts';
import type { PageMention } from '../scan/mentions.ts';
import { Card, overflows } from './Card.tsx';
import { anchorCard } from './position.ts';
import css from './card.css?inline';

/** What the card needs from the rest of the content script. */
export interface CardDeps {
  /** The full record: undefined while loading, null when there is none. */
  record(id: string): Entity | null | undefined;
  /** Asks the background to open the side panel; resolves to a hint when it could not. */
  openPanel(entityId: string): Promise<string | null>;
  /** The key of this site (what "Don't mark this site" switches off). */
  siteKey(): string;
  /** Switches Backstory off (false) or back on (true) for this site. */
  setSiteEnabled(enabled: boolean): Promise<void>;
  /** The card opened or closed (to mark the active mention). */
  onChange(open: PageMention | null): void;
  lang: string;
}

export type CardState = Diagnostics['card'];

const FOCUSABLE = 'button, a[href], [tabindex]:not([tabindex="-1"])';

export class CardController {
  private mounted: Mounted | null = null;
  private pop: HTMLElement | null = null;
  private stopPosition: (() => void) | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private returnFocus: HTMLElement | null = null;
  private retired = false;
  /** The mention whose card is open. */
  mention: PageMention | null = null;
  pinned = false;
  private siteOff: string | null = null;
  private hint: string | null = null;

  constructor(
    private readonly doc: Document,
    private readonly deps: CardDeps,
  ) {}

  get isOpen(): boolean {
    return this.mention !== null;
  }

  /** Our host element, if mounted. */
  get host(): HTMLElement | null {
    return this.mounted?.host ?? null;
  }

  /** True when an event happened inside our UI. */
  owns(e: Event): boolean {
    const host = this.mounted?.host;
    return Boolean(host && e.composedPath().includes(host));
  }

  /** Diagnostics view of the card. */
  state(): CardState {
    const root = this.mounted?.root;
    const state: CardState = {
      open: this.isOpen,
      entityId: this.mention?.entity.id ?? null,
      pinned: this.pinned,
      focused: Boolean(root && root.activeElement),
    };
    const card = this.isOpen ? this.pop?.querySelector<HTMLElement>('.card') : null;
    if (card) {
      const body = card.querySelector<HTMLElement>('.body');
      const text = card.textContent ?? '';
      const count = (re: RegExp): number => text.match(re)?.length ?? 0;
      state.height = Math.round(card.getBoundingClientRect().height);
      state.scrolls = body ? overflows(body) : false;
      state.letters = { latin: count(/[A-Za-z]/g), cyrillic: count(/[\u0400-\u04ff]/g), georgian: count(/[\u10a0-\u10ff]/g) };
      const summary = card.querySelector<HTMLElement>('.summary');
      if (summary) state.summary = { text: summary.textContent ?? '', cut: overflows(summary) };
    }
    return state;
  }

  private ensureMounted(): HTMLElement {
    if (this.pop && this.mounted?.host.isConnected) return this.pop;
    this.mounted?.destroy();
    this.mounted = mountHost(this.doc, css);
    const pop = this.doc.createElement('div');
    pop.className = 'pop';
    if (typeof (pop as { showPopover?: unknown }).showPopover === 'function') pop.setAttribute('popover', 'manual');
    else pop.classList.add('no-popover');
    pop.addEventListener('keydown', (e) => this.trapTab(e));
    this.mounted.root.append(pop);
    this.pop = pop;
    return pop;
  }

  /** Opens (or moves) the card to a mention. `focus`: move focus into it (keyboard). */
  open(m: PageMention, opts: { focus?: boolean; point?: { x: number; y: number } | null } = {}): void {
    this.cancelHide();
    const same = this.mention === m;
    if (!same) {
      this.siteOff = null;
      this.hint = null;
      this.pinned = false;
    }
    const pop = this.ensureMounted();
    this.mention = m;
    // Shown before it renders (no paint in between): the card fits its facts to the height it
    // measures, and a hidden popover measures nothing (a card opened from closed scrolled).
    if (pop.hasAttribute('popover') && !pop.matches(':popover-open')) {
      try {
        pop.showPopover();
      } catch {
        /* already shown or detached */
      }
    }
    this.rerender();
    if (!same || !this.stopPosition) {
      this.stopPosition?.();
      this.stopPosition = anchorCard(m.range, pop, opts.point ?? null);
    }
    if (opts.focus) {
      const active = this.doc.activeElement;
      // Where focus goes back to on close: where it was before the card first took it (kept
      // while the card stays open, even if a re-render dropped the element focused inside it).
      if (!this.mounted!.root.activeElement && !this.returnFocus) this.returnFocus = active instanceof HTMLElement ? active : null;
      (pop.querySelector<HTMLElement>('[data-action="full"]') ?? pop.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    }
    this.deps.onChange(m);
  }

  /** Re-renders with fresh records (e.g. when they arrive). */
  rerender(): void {
    if (!this.pop || !this.mention) return;
    const m = this.mention;
    render(
      <Card
        entity={m.entity}
        record={this.deps.record(m.entity.id)}
        pinned={this.pinned}
        siteOff={this.siteOff}
        hint={this.hint}
        lang={this.deps.lang}
        onPin={() => this.togglePin()}
        onClose={() => this.close(true)}
        onFullBackground={() => this.fullBackground()}
        onDisableSite={() => this.setSite(false)}
        onUndo={() => this.setSite(true)}
      />,
      this.pop,
    );
  }

  togglePin(): void {
    this.pinned = !this.pinned;
    this.cancelHide();
    this.rerender();
  }

  private fullBackground(): void {
    const m = this.mention;
    if (!m) return;
    // No await before the message: the background needs the click's user gesture.
    void this.deps.openPanel(m.entity.id).then((hint) => {
      if (hint && this.mention === m) {
        this.hint = hint;
        this.rerender();
      }
    });
  }

  private setSite(enabled: boolean): void {
    if (!this.mention) return;
    const hadFocus = Boolean(this.mounted?.root.activeElement);
    // Set before the switch is stored: the settings watcher retires the card only when
    // it is not showing the Undo.
    this.siteOff = enabled ? null : this.deps.siteKey();
    this.pinned = this.pinned || !enabled;
    this.rerender();
    if (hadFocus) this.pop?.querySelector<HTMLElement>(enabled ? '[data-action="site-off"]' : '[data-action="undo"]')?.focus();
    void this.deps.setSiteEnabled(enabled);
  }

  /** Points the open card at an equal mention found by a rescan (same text position). */
  follow(m: PageMention): void {
    if (this.mention) this.mention = m;
  }

  /** Hides after `ms` unless cancelled (pointer left the mention and the card). */
  scheduleHide(ms: number): void {
    if (!this.isOpen || this.pinned || this.hideTimer !== undefined) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = undefined;
      this.close(false);
    }, ms);
  }

  cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  get hidePending(): boolean {
    return this.hideTimer !== undefined;
  }

  /** Closes the card; `restoreFocus`: give focus back to where it was before the card took it. */
  close(restoreFocus: boolean): void {
    this.cancelHide();
    if (!this.mention) return;
    const hadFocus = Boolean(this.mounted?.root.activeElement);
    this.mention = null;
    this.pinned = false;
    this.siteOff = null;
    this.hint = null;
    this.stopPosition?.();
    this.stopPosition = null;
    if (this.pop) {
      if (this.pop.hasAttribute('popover') && this.pop.matches(':popover-open')) this.pop.hidePopover();
      render(null, this.pop);
    }
    if (hadFocus && restoreFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    else if (hadFocus) (this.mounted!.root.activeElement as HTMLElement | null)?.blur();
    this.returnFocus = null;
    this.deps.onChange(null);
    if (this.retired) this.destroy();
  }

  /** Tab and Shift+Tab cycle inside the card. */
  private trapTab(e: KeyboardEvent): void {
    if (e.key !== 'Tab' || !this.pop) return;
    const items = [...this.pop.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (!items.length) return;
    const active = this.mounted!.root.activeElement;
    const i = items.indexOf(active as HTMLElement);
    const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 || i < 0 ? 0 : i + 1;
    e.preventDefault();
    items[next]!.focus();
  }

  /** Makes our UI transparent to hit-testing for the duration of `fn`. */
  withoutHitTesting<T>(fn: () => T): T {
    const pop = this.pop;
    if (!pop || !this.isOpen) return fn();
    pop.classList.add('ghost');
    try {
      return fn();
    } finally {
      pop.classList.remove('ghost');
    }
  }

  /**
   * Backstory was switched off here: remove the UI now, or, when the card is showing the
   * "off for this site" Undo, once that card closes.
   */
  retire(): void {
    if (this.isOpen && this.siteOff !== null) this.retired = true;
    else this.destroy();
  }

  /** Back in service (switched on again). */
  unretire(): void {
    this.retired = false;
  }

  destroy(): void {
    this.retired = false;
    const wasOpen = this.isOpen;
    this.cancelHide();
    this.stopPosition?.();
    this.stopPosition = null;
    if (this.pop) render(null, this.pop);
    this.mounted?.destroy();
    this.mounted = null;
    this.pop = null;
    this.mention = null;
    this.pinned = false;
    if (wasOpen) this.deps.onChange(null);
  }
}
