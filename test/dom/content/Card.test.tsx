import { describe, it, expect, vi, afterEach } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/preact';
import type { Entity } from '../../../src/facts/types.ts';

vi.mock('../../../src/shared/browser.ts', () => import('../../fakes/browser.ts'));
const { Card, CARD_FACTS } = await import('../../../src/content/card/Card.tsx');

const HOSTILE = '<img src=x onerror="alert(1)">';

function entity(over: Partial<Entity> = {}): Entity {
  return {
    id: 'mikhail-galuzin',
    name: 'Mikhail Galuzin',
    type: 'person',
    topics: ['diplomacy'],
    aliases: { en: ['Galuzin'] },
    summary: `Russian diplomat ${HOSTILE}`,
    facts: [
      { label: 'Office', value: 'Deputy foreign minister', asOf: '2022-11', source: 'mfa' },
      { label: 'Born', value: '1960', asOf: '1960-06-14', source: 'bad' },
      { label: 'Earlier', value: `Ambassador ${HOSTILE}`, asOf: '2018', source: 'http' },
      { label: 'Four', value: 'four', asOf: '2019', source: 'mfa' },
      { label: 'Five', value: 'five', asOf: '2020', source: 'mfa' },
      { label: 'Six', value: 'six', asOf: '2021', source: 'mfa' },
    ],
    sources: [
      { id: 'mfa', title: 'MFA', url: 'https://mid.ru/en/', publisher: 'MFA of Russia', kind: 'official', country: 'RU', accessed: '2025-01-01' },
      { id: 'bad', title: 'Bad', url: 'javascript:alert(1)', publisher: 'Evil source', kind: 'newspaper', accessed: '2025-01-01' },
      { id: 'http', title: 'Plain', url: 'http://example.org/a', publisher: 'Example', kind: 'newspaper', accessed: '2025-01-01' },
    ],
    note: `Naming note ${HOSTILE}`,
    ...over,
  };
}

const noop = (): void => undefined;
const props = (record: Entity | null | undefined) => ({
  entity: { id: 'mikhail-galuzin', name: 'Mikhail Galuzin', type: 'person' as const, topics: ['diplomacy'], scope: 'region' as const },
  record,
  pinned: false,
  siteOff: null,
  hint: null,
  lang: 'en',
  onPin: noop,
  onClose: noop,
  onFullBackground: noop,
  onDisableSite: noop,
  onUndo: noop,
});

afterEach(() => cleanup());

describe('Card', () => {
  it('is headed with the name in the reader’s language where the pack has it', () => {
    const ru = entity({ aliases: { en: ['Galuzin'], ru: ['Михаил Галузин', 'Галузин'] } });
    render(<Card {...props(ru)} lang="ru-RU" />);
    expect(screen.getByRole('dialog', { name: 'Михаил Галузин' })).toBeTruthy();
    cleanup();
    render(<Card {...props(entity())} lang="ru" />);
    expect(screen.getByRole('dialog', { name: 'Mikhail Galuzin' })).toBeTruthy();
  });

  it('is a dialog labelled by the entity name, with its type', () => {
    render(<Card {...props(entity())} />);
    const dialog = screen.getByRole('dialog', { name: 'Mikhail Galuzin' });
    expect(dialog).toBeTruthy();
    expect(screen.getByText('Person')).toBeTruthy();
  });

  it(`shows at most ${CARD_FACTS} facts, each with its as-of date`, () => {
    const { container } = render(<Card {...props(entity())} />);
    const facts = container.querySelectorAll('.bs-fact');
    expect(facts.length).toBe(CARD_FACTS);
    expect(screen.getByText('Deputy foreign minister')).toBeTruthy();
    expect(screen.queryByText('six')).toBeNull();
    const times = [...container.querySelectorAll('time')].map((t) => t.textContent);
    expect(times[0]).toMatch(/^as of .*2022/);
    expect(times[1]).toMatch(/1960/);
  });

  it('links only http(s) sources, in a new tab without opener or referrer', () => {
    const { container } = render(<Card {...props(entity())} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // The javascript: source is shown as plain text, not a link.
    const evil = screen.getByText('Evil source');
    expect(evil.tagName).not.toBe('A');
  });

  it('renders dataset strings as text, never as markup', () => {
    const { container } = render(<Card {...props(entity())} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(HOSTILE);
    expect(screen.getByRole('note').textContent).toContain('Naming note');
  });

  it('shows a loading line until the record arrives, and a notice when there is none', () => {
    const { rerender } = render(<Card {...props(undefined)} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    rerender(<Card {...props(null)} />);
    expect(screen.getByText(/No details/)).toBeTruthy();
  });

  it('offers full background, pin, close and the site switch with undo', () => {
    const calls: string[] = [];
    const p = {
      ...props(entity()),
      onPin: () => calls.push('pin'),
      onClose: () => calls.push('close'),
      onFullBackground: () => calls.push('full'),
      onDisableSite: () => calls.push('site'),
    };
    const { rerender } = render(<Card {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'Full background' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep this card open' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    fireEvent.click(screen.getByRole('button', { name: /Don.t mark this site/ }));
    expect(calls).toEqual(['full', 'pin', 'close', 'site']);
    rerender(<Card {...p} siteOff="example.org" pinned={true} onUndo={() => calls.push('undo')} />);
    expect(screen.getByRole('status').textContent).toContain('Backstory is off for example.org.');
    expect(screen.getByRole('button', { name: 'Let this card close' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(calls.at(-1)).toBe('undo');
  });
});
