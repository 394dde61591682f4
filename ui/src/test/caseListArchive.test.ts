// The case list for a practice (issue 13, point 4, part): archive a case (it stays in the vault) and
// take it out again, archived cases hidden unless asked for, and the order by last change or by name.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { createCase, renderUnlocked } from './helpers';

const labels = () => screen.getAllByTestId('case-row').map((r) => within(r).getByTestId('case-open').querySelector('.label')?.textContent);

describe('case list: archive and order', () => {
  it('archives a case through Rust, hides it, shows it on request, and takes it out again', async () => {
    const { user, fake } = await renderUnlocked();
    await createCase(user, 'Gezin Aalbes');
    await createCase(user, 'Gezin Berk');
    const row = screen.getAllByTestId('case-row').find((r) => r.textContent?.includes('Gezin Aalbes'))!;
    await user.click(within(row).getByTestId('case-archive'));
    await waitFor(() => expect(labels()).not.toContain('Gezin Aalbes'));
    expect(fake.calls).toContain('case_set_archived');
    expect(screen.getByTestId('app-status')).toHaveTextContent('Casus gearchiveerd.');
    expect(screen.getByTestId('case-archived-hidden')).toHaveTextContent('1 gearchiveerde casus(sen) verborgen.');

    await user.click(screen.getByLabelText('Toon gearchiveerde casussen'));
    const shown = screen.getAllByTestId('case-row').find((r) => r.textContent?.includes('Gezin Aalbes'))!;
    expect(shown).toHaveTextContent('gearchiveerd');
    const back = within(shown).getByTestId('case-archive');
    expect(back).toHaveTextContent('Terugzetten uit archief');
    await user.click(back);
    await waitFor(() => expect(screen.queryByTestId('case-show-archived')).toBeNull());
    expect(labels()).toContain('Gezin Aalbes');
  });

  it('orders by last change first, or by name', async () => {
    const { user } = await renderUnlocked();
    await createCase(user, 'Gezin Zwaluw');
    await createCase(user, 'Gezin Appel');
    expect(labels().slice(0, 2)).toEqual(['Gezin Appel', 'Gezin Zwaluw']);
    await user.selectOptions(screen.getByLabelText('Volgorde'), 'label');
    const byName = labels();
    expect(byName.indexOf('Gezin Appel')).toBeLessThan(byName.indexOf('Gezin Zwaluw'));
    expect([...byName].sort((a, b) => (a ?? '').localeCompare(b ?? '', 'nl'))).toEqual(byName);
  });
});
