// The household on one screen: "Opslaan en volgende" stores a person and opens the next person's empty
// form with the focus in its first field, so a family is entered without reaching for the mouse.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderUnlocked } from './helpers';

async function newCase(user: Awaited<ReturnType<typeof renderUnlocked>>['user']): Promise<void> {
  await user.clear(screen.getByTestId('case-create-label'));
  await user.type(screen.getByTestId('case-create-label'), 'Gezin B.{Enter}');
  await screen.findByRole('heading', { level: 1, name: 'Gezin B.' });
}

const names = () => screen.queryAllByTestId('person-row').map((r) => r.querySelector('.name')?.textContent);

describe('Opslaan en volgende', () => {
  it('saves, opens an empty form for the next person with the focus in its first field, and Opslaan closes it', async () => {
    const { user, fake } = await renderUnlocked();
    await newCase(user);
    await user.click(screen.getByTestId('person-add'));
    await user.selectOptions(screen.getByTestId('person-role'), 'parent');
    await user.type(screen.getByTestId('person-name'), 'Sanne');
    await user.type(screen.getByTestId('person-year'), '1990');
    await user.click(screen.getByTestId('person-save-next'));

    await waitFor(() => expect(names()).toEqual(['Sanne']));
    expect(screen.getByTestId('person-role')).toHaveFocus();
    expect(screen.getByTestId('person-role')).toHaveValue('parent');
    expect(screen.getByTestId('person-name')).toHaveValue('');
    expect(screen.getByTestId('person-year')).toHaveValue('');
    expect(screen.getByTestId('person-saved-notice')).toHaveTextContent('Sanne is opgeslagen. U kunt nu de volgende persoon invullen.');

    await user.selectOptions(screen.getByTestId('person-role'), 'child');
    await user.type(screen.getByTestId('person-name'), 'Lotte');
    await user.click(screen.getByTestId('person-save'));
    await waitFor(() => expect(names()).toEqual(['Sanne', 'Lotte']));
    expect(screen.queryByTestId('person-name')).toBeNull();
    expect(screen.getByTestId('person-add')).toHaveFocus();
    const caseId = (await fake.casesList())[0]!.id;
    expect((await fake.householdGet({ case_id: caseId })).persons.map((p) => [p.name, p.role, p.year_of_birth])).toEqual([
      ['Sanne', 'parent', 1990],
      ['Lotte', 'child', null],
    ]);
  });

  it('is reached with the keyboard, between Annuleren and Opslaan', async () => {
    const { user } = await renderUnlocked();
    await newCase(user);
    await user.click(screen.getByTestId('person-add'));
    const form = screen.getByTestId('person-name').closest('form')!;
    const actions = form.querySelector('.actions')!;
    expect(within(actions as HTMLElement).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual([
      'Annuleren',
      'Opslaan en volgende',
      'Opslaan',
    ]);

    expect(screen.getByTestId('person-role')).toHaveFocus();
    await user.tab();
    await user.keyboard('Mark');
    await user.click(screen.getByTestId('person-notes'));
    await user.tab(); // Annuleren
    await user.tab();
    expect(screen.getByTestId('person-save-next')).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(names()).toEqual(['Mark']));
    expect(screen.getByTestId('person-role')).toHaveFocus();

    // A wrong entry keeps the form and its words, with the reason; nothing is stored.
    await user.tab();
    await user.keyboard('Daan');
    await user.type(screen.getByTestId('person-year'), '20');
    screen.getByTestId('person-save-next').focus();
    await user.keyboard(' ');
    expect(await screen.findByRole('alert')).toHaveTextContent('Vul een jaar in tussen 1900');
    expect(screen.getByTestId('person-name')).toHaveValue('Daan');
    expect(names()).toEqual(['Mark']);

    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByTestId('person-name')).toBeNull();
    expect(screen.queryByTestId('person-saved-notice')).toBeNull();
  });

  it('is not offered when a stored person is changed', async () => {
    const { user } = await renderUnlocked();
    await newCase(user);
    await user.click(screen.getByTestId('person-add'));
    await user.type(screen.getByTestId('person-name'), 'Sanne');
    await user.click(screen.getByTestId('person-save'));
    await waitFor(() => expect(names()).toEqual(['Sanne']));
    await user.click(screen.getByTestId('person-edit'));
    expect(screen.getByTestId('person-name')).toHaveValue('Sanne');
    expect(screen.queryByTestId('person-save-next')).toBeNull();
  });
});
