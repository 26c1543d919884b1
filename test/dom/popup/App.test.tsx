import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, waitFor, within } from '@testing-library/preact';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { fake } = await import('../../fakes/browser.ts');
const { serveUi, tabState, onPage } = await import('../../fakes/background.ts');
const { entity } = await import('../../fakes/packs.ts');
const { App } = await import('../../../src/popup/App.tsx');

type Stored = Record<string, unknown>;
const stored = (): Stored => (fake.sync.data.get('settings') ?? {}) as Stored;
const kodori = entity('kodori-gorge'); // place; conflict-security
const peskov = entity('dmitry-peskov'); // person

beforeEach(() => {
  fake.reset();
  serveUi(tabState([onPage(kodori, 3), onPage(peskov, 2)]));
});
afterEach(() => cleanup());

describe('popup App', () => {
  it('switches Backstory off and on with an accessible switch', async () => {
    render(<App />);
    const sw = await screen.findByRole('switch', { name: 'Backstory on' });
    expect(sw.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(sw);
    await waitFor(() => expect(stored().enabled).toBe(false));
    await waitFor(() => expect(sw.getAttribute('aria-checked')).toBe('false'));
    fireEvent.click(sw);
    await waitFor(() => expect(stored().enabled).toBe(true));
  });

  it('switches the current site off and on, remembered in storage.local', async () => {
    render(<App />);
    const sw = await screen.findByRole('switch', { name: /On for this site/ });
    await waitFor(() => expect(sw.textContent).toContain('news.example'));
    fireEvent.click(sw);
    await waitFor(() => expect(fake.local.data.get('disabledSites')).toEqual(['news.example']));
    await waitFor(() => expect(sw.getAttribute('aria-checked')).toBe('false'));
    fireEvent.click(sw);
    await waitFor(() => expect(fake.local.data.get('disabledSites')).toEqual([]));
  });

  it('shows per-filter mention counts from the page report and saves topic and type filters', async () => {
    render(<App />);
    const topics = await screen.findByRole('group', { name: 'Topics' });
    const conflict = within(topics).getByRole('checkbox', { name: /Conflict & security/ });
    const expected = [kodori, peskov].filter((e) => e.topics.includes('conflict-security')).reduce((n, e) => n + (e === kodori ? 3 : 2), 0);
    await waitFor(() => expect(conflict.closest('li')!.querySelector('.pp-count')!.textContent).toMatch(new RegExp(`^${expected}`)));
    fireEvent.click(conflict);
    await waitFor(() => expect(stored().hiddenTopics).toEqual(['conflict-security']));

    const types = screen.getByRole('group', { name: 'Types' });
    const people = within(types).getByRole('checkbox', { name: /People/ });
    expect(people.closest('li')!.querySelector('.pp-count')!.textContent).toMatch(/^2/);
    expect(
      within(types)
        .getByRole('checkbox', { name: /Places/ })
        .closest('li')!
        .querySelector('.pp-count')!.textContent,
    ).toMatch(/^3/);
    fireEvent.click(people);
    await waitFor(() => expect(stored().hiddenTypes).toEqual(['person']));
    fireEvent.click(people);
    await waitFor(() => expect(stored().hiddenTypes).toEqual([]));
  });

  it('keeps a report that was broadcast while its first question was still being answered', async () => {
    fake.reset();
    const log = serveUi(tabState([], { report: null }));
    let open: (v?: unknown) => void = () => undefined;
    log.gate = new Promise((r) => (open = r));
    render(<App />);
    await screen.findByRole('switch', { name: 'Backstory on' });
    await waitFor(() => expect(log.messages.some((m) => m.type === 'backstory/tab-state')).toBe(true));
    await fake.broadcast({ type: 'backstory/tab-updated', state: tabState([onPage(kodori, 3), onPage(peskov, 2)]) });
    const people = within(screen.getByRole('group', { name: 'Types' })).getByRole('checkbox', { name: /People/ });
    await waitFor(() => expect(people.closest('li')!.querySelector('.pp-count')!.textContent).toMatch(/^2/));
    // The stale answer (asked before the report came in) arrives last and changes nothing.
    open();
    await new Promise((r) => setTimeout(r, 20));
    expect(people.closest('li')!.querySelector('.pp-count')!.textContent).toMatch(/^2/);
  });

  it('saves highlight style, first mention only, show mode and both delays', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Background' }));
    await waitFor(() => expect(stored().highlightStyle).toBe('background'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mark the first mention only' }));
    await waitFor(() => expect(stored().firstMentionOnly).toBe(true));
    fireEvent.change(screen.getByRole('combobox', { name: 'Show cards' }), { target: { value: 'click' } });
    await waitFor(() => expect(stored().showMode).toBe('click'));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Show after' }), { target: { value: '600' } });
    await waitFor(() => expect(stored().showDelayMs).toBe(600));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Hide after' }), { target: { value: '99999' } });
    await waitFor(() => expect(stored().hideDelayMs).toBe(5000));
  });

  it('resets to the defaults', async () => {
    await fake.sync.set({ settings: { enabled: false, highlightStyle: 'none' } });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reset to defaults' }));
    await waitFor(() => expect(stored().enabled).toBe(true));
    expect(stored().highlightStyle).toBe('underline');
    expect(await screen.findByText('Defaults restored.')).toBeTruthy();
  });

  it('falls back to defaults with a notice when stored settings are corrupted', async () => {
    await fake.sync.set({ settings: { enabled: 'yes', highlightStyle: 'sparkles', showDelayMs: -3 } });
    render(<App />);
    const sw = await screen.findByRole('switch', { name: 'Backstory on' });
    expect(sw.getAttribute('aria-checked')).toBe('true');
    // Named as the popup labels them, not by their storage keys.
    expect(
      screen
        .getAllByRole('status')
        .map((n) => n.textContent)
        .join(' '),
    ).toMatch(/setting “Backstory on” was not valid/);
    expect(screen.getByText(/setting “Highlight” was not valid/)).toBeTruthy();
    expect(screen.getByText(/setting “Show after” was not valid/)).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Underline' }) as HTMLInputElement).checked).toBe(true);
  });

  it('falls back to defaults with a notice when the whole stored value is unreadable', async () => {
    await fake.sync.set({ settings: 'garbage' });
    render(<App />);
    expect(await screen.findByText(/could not be read/)).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Backstory on' })).toBeTruthy();
  });

  it('opens Chrome’s side panel for the window straight from the click', async () => {
    fake.useChromeSidePanel();
    render(<App />);
    const btn = await screen.findByRole('button', { name: 'Open side panel' });
    await waitFor(() => expect(screen.getByRole('switch', { name: /On for this site/ }).textContent).toContain('news.example'));
    fireEvent.click(btn);
    // Called synchronously inside the click (the user gesture), not after an await.
    expect(fake.panelCalls).toEqual([{ api: 'sidePanel', options: { windowId: 10 } }]);
  });

  it('opens Firefox’s sidebar straight from the click', async () => {
    fake.useFirefoxSidebar();
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Open side panel' }));
    expect(fake.panelCalls).toEqual([{ api: 'sidebarAction' }]);
  });

  it('opens the options page to manage packs', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Manage packs' }));
    await waitFor(() => expect(fake.optionsOpened).toBe(1));
  });

  it('disables the site switch where extensions cannot run', async () => {
    fake.reset();
    serveUi({ tabId: 1, url: '', host: '', restricted: true, report: null });
    render(<App />);
    const sw = await screen.findByRole('switch', { name: /On for this site/ });
    await waitFor(() => expect((sw as HTMLButtonElement).disabled).toBe(true));
  });

  it('renders in Russian', async () => {
    fake.setUiLanguage('ru');
    render(<App />);
    expect(await screen.findByRole('switch', { name: 'Backstory включён' })).toBeTruthy();
  });
});
