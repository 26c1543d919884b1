import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup, within, waitFor } from '@testing-library/preact';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { fake } = await import('../../fakes/browser.ts');
const { serveUi, tabState, onPage } = await import('../../fakes/background.ts');
const { entity } = await import('../../fakes/packs.ts');
const { App } = await import('../../../src/sidepanel/App.tsx');

const kodori = entity('kodori-gorge');
const peskov = entity('dmitry-peskov');
const nato = entity('nato');
const gori = entity('gori');
const kallas = entity('kaja-kallas');

// The pages read the bundled packs from the build's packs file: the fake serves it.
beforeEach(() => {
  fake.reset();
  vi.stubGlobal('fetch', fake.fetch);
});
afterEach(() => cleanup());

describe('side panel App', () => {
  it('groups the page’s entities by type, in order of first appearance, with mention counts', async () => {
    serveUi(tabState([onPage(kodori, 3), onPage(peskov, 2), onPage(nato, 1), onPage(gori, 4), onPage(kallas, 1)]));
    render(<App />);
    const places = await screen.findByRole('region', { name: /Places/ });
    const people = screen.getByRole('region', { name: /People/ });
    expect(
      within(places)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Kodori Gorge3', 'Gori4']);
    expect(
      within(people)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Dmitry Peskov2', 'Kaja Kallas1']);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.replace(/\d+$/, '').trim());
    expect(headings).toEqual(['Places', 'People', 'Organisations']);
  });

  it('shows an entity’s facts with dates and http(s) source links that open safely', async () => {
    serveUi(tabState([onPage(kodori, 3)]));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: /Kodori Gorge/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Kodori Gorge' })).toBeTruthy();
    expect(screen.getByText(kodori.summary)).toBeTruthy();
    expect(screen.getByText(kodori.note!)).toBeTruthy();
    for (const f of kodori.facts) expect(screen.getByText(f.value)).toBeTruthy();
    const links = screen.getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // A standing fact reads "as of …"; a fact that happened shows its date alone.
    expect(screen.queryAllByText(/^as of /).length).toBe(kodori.facts.filter((f) => f.asOf !== undefined).length);
  });

  it('opens a related entity and goes back', async () => {
    serveUi(tabState([onPage(kodori, 1)]));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: /Kodori Gorge/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'UN Observer Mission in Georgia' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'UN Observer Mission in Georgia' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Kodori Gorge' })).toBeTruthy();
  });

  it('asks the page to reveal the entity', async () => {
    const log = serveUi(tabState([onPage(peskov, 2)]));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: /Dmitry Peskov/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show in page' }));
    await waitFor(() => expect(log.messages.some((m) => m.type === 'backstory/reveal' && m.entityId === 'dmitry-peskov' && m.tabId === 1)).toBe(true));
  });

  it('merges the timelines of every entity on the page in date order, each linking to its entity', async () => {
    serveUi(tabState([onPage(kallas, 1), onPage(kodori, 2), onPage(peskov, 1)]));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'This article' }));
    const list = await screen.findByRole('list', { name: 'Timeline of this article' });
    const dates = within(list)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    const expected = [kallas, kodori, peskov].flatMap((e) => (e.timeline ?? []).map((ev) => ev.date.split('/')[0]!));
    expect(dates).toHaveLength(expected.length);
    expect(dates).toEqual([...dates].sort());
    fireEvent.click(within(list).getAllByRole('button', { name: 'Kodori Gorge' })[0]!);
    expect(await screen.findByRole('heading', { level: 2, name: 'Kodori Gorge' })).toBeTruthy();
  });

  it('searches the whole dataset in Latin, Cyrillic and Georgian script, forgiving case and diacritics', async () => {
    serveUi(tabState([]));
    render(<App />);
    const box = await screen.findByRole('searchbox', { name: 'Search all of Backstory' });
    const results = async (q: string): Promise<string[]> => {
      fireEvent.input(box, { target: { value: q } });
      await screen.findByRole('heading', { name: /Results|Nothing/ });
      return screen
        .queryAllByRole('button')
        .filter((b) => b.closest('.sp-list'))
        .map((b) => b.querySelector('.sp-row__name')!.textContent!);
    };
    await waitFor(async () => expect((await results('kodori'))[0]).toBe('Kodori Gorge'));
    expect((await results('ERDOGAN'))[0]).toBe('Recep Tayyip Erdoğan');
    expect((await results('песков'))[0]).toBe('Dmitry Peskov');
    expect((await results('კოდორ'))[0]).toBe('Kodori Gorge');
    expect(await results('zzzz-nothing')).toEqual([]);
    expect(screen.getByText(/Nothing in Backstory matches/)).toBeTruthy();
  });

  it('follows the active tab when the background says another tab changed', async () => {
    const log = serveUi(tabState([onPage(kodori, 1)]));
    render(<App />);
    await screen.findByRole('button', { name: /Kodori Gorge/ });
    const other = tabState([onPage(nato, 5)], { tabId: 2, url: 'https://other.example/' });
    log.state = other;
    await fake.broadcast({ type: 'backstory/tab-updated', state: other });
    expect(await screen.findByRole('button', { name: /NATO/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Kodori Gorge/ })).toBeNull();
  });

  it('keeps a broadcast state over an older answer for the same tab', async () => {
    const log = serveUi(tabState([onPage(kodori, 1)]));
    render(<App />);
    await screen.findByRole('button', { name: /Kodori Gorge/ });
    // A refresh (on focus) is asked; its answer, stale by then, comes after a broadcast.
    let open: (v?: unknown) => void = () => undefined;
    log.gate = new Promise((r) => (open = r));
    const asked = log.messages.length;
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(log.messages.length).toBeGreaterThan(asked));
    await fake.broadcast({ type: 'backstory/tab-updated', state: tabState([onPage(kodori, 1), onPage(nato, 2)]) });
    expect(await screen.findByRole('button', { name: /NATO/ })).toBeTruthy();
    open();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByRole('button', { name: /NATO/ })).toBeTruthy();
  });

  it('opens at the entity or search of a panel intent, on load and when broadcast', async () => {
    serveUi(tabState([]), { entityId: 'dmitry-peskov', at: Date.now() });
    render(<App />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Dmitry Peskov' })).toBeTruthy();
    await fake.broadcast({ type: 'backstory/panel-goto', intent: { query: 'Kodori', at: Date.now() } });
    expect(await screen.findByRole('heading', { name: /Results/ })).toBeTruthy();
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('Kodori');
  });

  it('leaves another panel’s intent request for the background to answer', async () => {
    serveUi(tabState([]));
    render(<App />);
    await screen.findByRole('searchbox');
    const reply = await Promise.race([fake.broadcast({ type: 'backstory/panel-intent' }), new Promise((r) => setTimeout(() => r('no answer'), 50))]);
    // Only the background answers a panel-intent request; the panel listens for panel-goto.
    expect(reply === undefined || reply === 'no answer').toBe(true);
  });

  it('says why nothing is shown, and turns Backstory on from there', async () => {
    await fake.sync.set({ settings: { enabled: false } });
    serveUi(tabState([onPage(kodori, 1)]));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn Backstory on' }));
    await waitFor(() => expect((fake.sync.data.get('settings') as { enabled: boolean }).enabled).toBe(true));
    expect(await screen.findByRole('button', { name: /Kodori Gorge/ })).toBeTruthy();
  });

  it('offers to turn a switched-off site back on', async () => {
    await fake.local.set({ disabledSites: ['news.example'] });
    serveUi(tabState([onPage(kodori, 1)]));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Turn on for news.example' }));
    await waitFor(() => expect(fake.local.data.get('disabledSites')).toEqual([]));
  });

  it('explains a page where extensions cannot run, and a page with nothing found', async () => {
    const log = serveUi({ tabId: 1, url: '', host: '', restricted: true, report: null });
    render(<App />);
    expect(await screen.findByText(/do not let extensions read this kind of page/)).toBeTruthy();
    log.state = tabState([]);
    await fake.broadcast({ type: 'backstory/tab-updated', state: log.state });
    expect(await screen.findByText(/No names from Backstory’s knowledge packs/)).toBeTruthy();
  });

  it('shows entity names in Russian when the UI is Russian', async () => {
    fake.setUiLanguage('ru');
    serveUi(tabState([onPage(peskov, 1)]));
    render(<App />);
    expect(await screen.findByRole('button', { name: /Дмитрий Песков/ })).toBeTruthy();
  });
});
