/** The full background of one entity, rendered on its own. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/preact';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));

const { entity } = await import('../../fakes/packs.ts');
const { EntityDetail } = await import('../../../src/sidepanel/EntityDetail.tsx');

afterEach(cleanup);

describe('EntityDetail', () => {
  it("shows an entity's timeline in date order, whatever the order of its file (imported packs need not sort)", () => {
    const kodori = entity('kodori-gorge');
    const events = kodori.timeline ?? [];
    expect(events.length).toBeGreaterThan(1);
    const reversed = { ...kodori, timeline: [...events].reverse() };
    render(<EntityDetail entity={reversed} lang="en" lookup={() => undefined} onOpen={() => {}} mentions={0} onReveal={() => Promise.resolve(false)} />);
    const list = screen.getByRole('list', { name: 'Timeline' });
    const dates = within(list)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('time')!.getAttribute('datetime')!);
    expect(dates).toHaveLength(events.length);
    expect(dates).toEqual([...dates].sort());
  });
});
