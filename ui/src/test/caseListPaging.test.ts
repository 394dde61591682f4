// The case list of a large practice shows 50 rows at a time (issue 16, point 6: all 1,000 rows in the
// page cost about 105 MB in WebKit's web process): "Meer tonen" adds the next rows and moves the focus
// to the first of them, a status line says how many are shown, and a new search starts at the top.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { createFakeBackend } from '../lib/ipc';
import { PASSPHRASE } from './helpers';

async function renderWith(count: number) {
  const fake = createFakeBackend({ state: 'unlocked', passphrase: PASSPHRASE });
  for (let i = 1; i <= count; i += 1) await fake.caseCreate({ label: `Gezin ${String(i).padStart(3, '0')}` });
  const user = userEvent.setup();
  render(App, { props: { backend: fake } });
  await screen.findByTestId('case-list');
  await waitFor(() => expect(screen.getAllByTestId('case-row').length).toBeGreaterThan(0));
  return user;
}

const rows = () => screen.getAllByTestId('case-row');

describe('case list: shown in parts', () => {
  it('shows 50 of 120, then 50 more with the focus on the first new row, then the last 20', async () => {
    const user = await renderWith(120);
    expect(rows()).toHaveLength(50);
    const count = screen.getByTestId('case-list-count');
    expect(count).toHaveAttribute('role', 'status');
    expect(count).toHaveTextContent('50 van 120 casussen getoond');
    const more = screen.getByRole('button', { name: 'Meer tonen (50)' });
    more.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rows()).toHaveLength(100));
    expect(document.activeElement).toBe(within(rows()[50]!).getByTestId('case-open'));
    expect(count).toHaveTextContent('100 van 120 casussen getoond');
    await user.click(screen.getByRole('button', { name: 'Meer tonen (20)' }));
    await waitFor(() => expect(rows()).toHaveLength(120));
    expect(screen.queryByTestId('case-list-more')).toBeNull();
    expect(count).toHaveTextContent('120 casussen');
  });

  it('searches all cases, not only the rows shown, and a new search starts with the first 50', async () => {
    const user = await renderWith(120);
    await user.type(screen.getByTestId('case-search'), 'Gezin 11');
    await waitFor(() => expect(rows()).toHaveLength(10)); // Gezin 110–119
    expect(screen.getByTestId('case-list-count')).toHaveTextContent('10 casussen');
    await user.clear(screen.getByTestId('case-search'));
    await waitFor(() => expect(rows()).toHaveLength(50));
    await user.click(screen.getByTestId('case-list-more'));
    await waitFor(() => expect(rows()).toHaveLength(100));
    await user.selectOptions(screen.getByLabelText('Volgorde'), 'label');
    await waitFor(() => expect(rows()).toHaveLength(50));
    expect(within(rows()[0]!).getByTestId('case-open')).toHaveTextContent('Gezin 001');
  });

  it('says "1 casus" for one case and shows no button', async () => {
    await renderWith(1);
    expect(screen.getByTestId('case-list-count')).toHaveTextContent('1 casus');
    expect(screen.queryByTestId('case-list-more')).toBeNull();
  });
});
