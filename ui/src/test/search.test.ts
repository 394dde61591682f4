// Zoeken (issue 13): Ctrl+K opens the search from the case list and from a case, never in conversation
// mode; results are what Rust's `search` answered (fixtures), with the case, the date and the matched
// words marked; arrow keys and Enter open a hit. On the fake backend.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../lib/ipc';
import { SEARCHES } from '../lib/ipc/fake';
import { JANSEN, PASSPHRASE, renderUnlocked } from './helpers';

describe('search dialog', () => {
  it('opens with Ctrl+K from the case list, shows the marked snippets, and opens a note by keyboard', async () => {
    const { user } = await renderUnlocked();
    await user.click(screen.getByTestId('practice-case'));
    await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
    await user.click(screen.getByTestId('case-back'));
    await screen.findByTestId('case-list');
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByTestId('search-dialog');
    const input = within(dialog).getByTestId('search-input');
    expect(input).toHaveFocus();
    expect(within(dialog).queryByTestId('search-scope-case')).toBeNull();
    await user.keyboard('schreeuw');
    const expected = SEARCHES['*|schreeuw']!;
    expect(expected.hits.length).toBeGreaterThan(1);
    const hits = await within(dialog).findAllByTestId('search-hit');
    expect(hits).toHaveLength(expected.hits.length);
    expected.hits.forEach((h, i) => expect(hits[i]).toHaveTextContent(h.case_label));
    const marked = within(dialog).getAllByTestId('search-snippet').flatMap((s) => [...s.querySelectorAll('mark')].map((m) => m.textContent));
    expect(marked).toEqual(expected.hits.flatMap((h) => h.snippet.filter((p) => p.mark).map((p) => p.text)));
    expect(marked.every((m) => m!.toLowerCase().startsWith('schreeuw'))).toBe(true);
    // The first hit is active; arrow keys move, wrapping around.
    expect(hits[0]).toHaveAttribute('aria-selected', 'true');
    expect(input).toHaveAttribute('aria-activedescendant', 'search-hit-0');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', 'search-hit-1');
    await user.keyboard('{ArrowUp}');
    const practice = expected.hits.findIndex((h) => h.case_id === JANSEN.CASE && h.kind === 'note');
    for (let i = 0; i < practice; i++) await user.keyboard('{ArrowDown}');
    await user.keyboard('{Enter}');
    // The practice note opens in its case, on Notities, selected.
    await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
    expect(screen.queryByTestId('search-dialog')).toBeNull();
    expect(screen.getByTestId('tab-notities')).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByTestId('note-title')).toHaveValue(expected.hits[practice]!.title));
  });

  it('searches within the open case, or in all, and says when nothing is found', async () => {
    const { user } = await renderUnlocked();
    await user.click(screen.getByTestId('practice-case'));
    await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
    await user.click(screen.getByTestId('btn-search'));
    const dialog = await screen.findByTestId('search-dialog');
    expect(within(dialog).getByTestId('search-scope-case')).toBeChecked();
    await user.type(within(dialog).getByTestId('search-input'), 'schreeuw');
    await waitFor(() => expect(within(dialog).getAllByTestId('search-hit')).toHaveLength(SEARCHES[`${JANSEN.CASE}|schreeuw`]!.hits.length));
    await user.click(within(dialog).getByTestId('search-scope-all'));
    await waitFor(() => expect(within(dialog).getAllByTestId('search-hit')).toHaveLength(SEARCHES['*|schreeuw']!.hits.length));
    await user.clear(within(dialog).getByTestId('search-input'));
    await user.type(within(dialog).getByTestId('search-input'), 'vuurwerk');
    await waitFor(() => expect(within(dialog).getByTestId('search-count')).toHaveTextContent('Niets gevonden.'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('search-dialog')).toBeNull();
  });

  it('a behaviour record hit names the behaviour and opens Wie doet wat', async () => {
    const { user } = await renderUnlocked();
    await user.click(screen.getByTestId('practice-case'));
    await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByTestId('search-dialog');
    await user.keyboard('drinken');
    const expected = SEARCHES[`${JANSEN.CASE}|drinken`]!;
    expect(expected.hits[0]!.kind).toBe('behaviour_record');
    const [hit] = await within(dialog).findAllByTestId('search-hit');
    expect(hit).toHaveTextContent('Gedrag');
    expect(within(hit!).getByTestId('search-snippet').querySelector('mark')).toHaveTextContent('gedronken');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('tab-wiedoetwat')).toHaveAttribute('aria-selected', 'true'));
  });

  it('is not offered in conversation mode', async () => {
    const { user } = await renderUnlocked();
    await user.click(screen.getByTestId('practice-case'));
    await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
    await user.click(await screen.findByTestId('tab-gesprekken'));
    const rows = await screen.findAllByTestId('conversation-row');
    await user.click(within(rows[0]!).getByTestId('conversation-open'));
    await screen.findByRole('heading', { level: 1, name: /^Gesprek met/ });
    expect(screen.queryByTestId('btn-search')).toBeNull();
    await user.keyboard('{Control>}k{/Control}');
    expect(screen.queryByTestId('search-dialog')).toBeNull();
  });

  it('closes on lock and leaves no result on screen', async () => {
    const { user, fake } = await renderUnlocked();
    await user.click(screen.getByTestId('practice-case'));
    await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('schreeuw');
    await screen.findAllByTestId('search-hit');
    fake.simulateLock('idle');
    await waitFor(() => expect(screen.queryByTestId('search-dialog')).toBeNull());
    expect(document.body).not.toHaveTextContent('schreeuw');
  });

  it('comes from Rust: the fake replays the recorded answer and finds nothing for another query', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: PASSPHRASE });
    const recorded = SEARCHES['*|schreeuw']!;
    expect(await fake.search({ query: 'schreeuw', case_id: null })).toEqual(recorded);
    SEARCHES['*|schreeuw'] = { hits: [], more: true };
    try {
      expect(await fake.search({ query: 'schreeuw', case_id: null })).toEqual({ hits: [], more: true });
    } finally {
      SEARCHES['*|schreeuw'] = recorded;
    }
    expect(await fake.search({ query: 'schreeuwen', case_id: null })).toEqual({ hits: [], more: false });
  });
});
