import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { addPerson, addRelation, createCase, openCase, renderUnlocked } from './helpers';

describe('case list', () => {
  it('explains what to do when there are no cases and suggests the next free label', async () => {
    const { user } = await renderUnlocked();
    expect(screen.getByTestId('case-list')).toHaveTextContent('Maak hierboven uw eerste casus aan');
    expect(screen.getByTestId('case-create-label')).toHaveValue('Gezin A.');
    await user.click(screen.getByTestId('case-create-submit'));
    await screen.findByRole('heading', { level: 1, name: 'Gezin A.' });
    expect(screen.getByTestId('app-status')).toHaveTextContent('Casus aangemaakt.');
    await user.click(screen.getByTestId('case-back'));
    await waitFor(() => expect(screen.getAllByTestId('case-row')).toHaveLength(1));
    expect(screen.getByTestId('case-create-label')).toHaveValue('Gezin B.');
  });

  it('opens a new case at once, on its neutral Gezin page, ready for the first person', async () => {
    const { user } = await renderUnlocked();
    await user.clear(screen.getByTestId('case-create-label'));
    await user.type(screen.getByTestId('case-create-label'), 'Gezin Nieuw{Enter}');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Gezin Nieuw' });
    expect(screen.queryByTestId('case-list')).toBeNull();
    expect(screen.getByTestId('tab-gezin')).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByTestId('person-add')).toBeEnabled();
  });

  it('filters by search text', async () => {
    const { user } = await renderUnlocked();
    await createCase(user, 'Gezin Appel');
    await createCase(user, 'Gezin Peer');
    await user.type(screen.getByTestId('case-search'), 'peer');
    expect(screen.getAllByTestId('case-row')).toHaveLength(1);
    expect(screen.getByTestId('case-list')).toHaveTextContent('Gezin Peer');
    await user.clear(screen.getByTestId('case-search'));
    await user.type(screen.getByTestId('case-search'), 'kers');
    expect(screen.getByTestId('case-list')).toHaveTextContent('Geen casus gevonden met "kers"');
  });

  it('renames a case in a dialog', async () => {
    const { user } = await renderUnlocked();
    await createCase(user, 'Gezin Oud');
    await user.click(screen.getByTestId('case-rename'));
    const dialog = screen.getByRole('dialog', { name: 'Naam van de casus wijzigen' });
    const input = within(dialog).getByTestId('case-rename-label');
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'Gezin Nieuw{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('case-list')).toHaveTextContent('Gezin Nieuw');
    expect(screen.getByTestId('case-list')).not.toHaveTextContent('Gezin Oud');
  });

  it('deletes a case only after typing its label; Escape closes the dialog', async () => {
    const { user, fake } = await renderUnlocked();
    await createCase(user, 'Gezin Weg');
    await user.click(screen.getByTestId('case-delete'));
    expect(screen.getByRole('dialog', { name: 'Casus verwijderen' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('case-delete')).toHaveFocus();

    await user.click(screen.getByTestId('case-delete'));
    const submit = screen.getByTestId('case-delete-submit');
    expect(submit).toBeDisabled();
    await user.type(screen.getByTestId('case-delete-confirm'), 'Gezin We');
    expect(submit).toBeDisabled();
    await user.type(screen.getByTestId('case-delete-confirm'), 'g');
    expect(submit).toBeEnabled();
    await user.click(submit);
    await waitFor(() => expect(screen.queryAllByTestId('case-row')).toHaveLength(0));
    expect(await fake.casesList()).toEqual([]);
  });

  it('keeps Tab inside an open dialog', async () => {
    const { user } = await renderUnlocked();
    await createCase(user, 'Gezin Tab');
    await user.click(screen.getByTestId('case-rename'));
    const dialog = screen.getByRole('dialog');
    for (let i = 0; i < 6; i += 1) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await user.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
  });
});

describe('case view', () => {
  it('creates a case, adds persons and a relation, all by the visible form', async () => {
    const { user, fake } = await renderUnlocked();
    await createCase(user, 'Gezin K.');
    await openCase(user, 'Gezin K.');
    expect(screen.getByTestId('case-view')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Gezin' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('person-list')).toHaveTextContent('Nog geen personen');
    expect(screen.getByTestId('relation-add')).toBeDisabled();

    const year = new Date().getFullYear();
    await addPerson(user, { role: 'parent', name: 'Moeder M', year: '1988' });
    await addPerson(user, { role: 'ex_partner', name: 'Vader V', year: '1985', household: false });
    await addPerson(user, { role: 'child', name: 'Kind K', year: String(year - 8) });

    const list = screen.getByTestId('person-list');
    expect(list).toHaveTextContent('ex-partner');
    expect(list).toHaveTextContent('woont elders');
    expect(list).toHaveTextContent('ongeveer 8 jaar');
    expect(screen.getAllByTestId('person-row')).toHaveLength(3);

    await addRelation(user, { from: 'Vader V', kind: 'ex_partner_of', to: 'Moeder M' });
    await waitFor(() =>
      expect(screen.getByTestId('relation-list')).toHaveTextContent('Vader V is ex-partner van Moeder M'),
    );
    await addRelation(user, { from: 'Moeder M', kind: 'parent_of', to: 'Kind K' });
    await waitFor(() => expect(screen.getByTestId('relation-list')).toHaveTextContent('Moeder M is ouder van Kind K'));

    const [c] = await fake.casesList();
    const household = await fake.householdGet({ case_id: c!.id });
    expect(household.persons.map((p) => p.role)).toEqual(['parent', 'ex_partner', 'child']);
    expect(household.relations.map((r) => r.kind.kind)).toEqual(['ex_partner_of', 'parent_of']);
  });

  it('refuses a relation of a person with itself, and an impossible year', async () => {
    const { user } = await renderUnlocked();
    await createCase(user, 'Gezin R.');
    await openCase(user, 'Gezin R.');
    await user.click(screen.getByTestId('person-add'));
    await user.type(screen.getByTestId('person-name'), 'Een');
    await user.type(screen.getByTestId('person-year'), '1700');
    await user.click(screen.getByTestId('person-save'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Vul een jaar in tussen 1900');
    await user.clear(screen.getByTestId('person-year'));
    await user.click(screen.getByTestId('person-save'));
    await waitFor(() => expect(screen.getByTestId('person-list')).toHaveTextContent('Een'));
    await addPerson(user, { role: 'partner', name: 'Twee' });

    await addRelation(user, { from: 'Een', kind: 'partner_of', to: 'Een' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Kies twee verschillende personen.');
  });

  it('edits and deletes a person; its relations go with it', async () => {
    const { user } = await renderUnlocked();
    await createCase(user, 'Gezin E.');
    await openCase(user, 'Gezin E.');
    await addPerson(user, { role: 'parent', name: 'Ouder O' });
    await addPerson(user, { role: 'child', name: 'Kind Q' });
    await addRelation(user, { from: 'Ouder O', kind: 'step_parent_of', to: 'Kind Q' });
    await waitFor(() => expect(screen.getByTestId('relation-list')).toHaveTextContent('Ouder O is stiefouder van Kind Q'));

    await user.click(screen.getAllByTestId('person-edit')[1]!);
    const name = screen.getByTestId('person-name');
    expect(name).toHaveValue('Kind Q');
    await user.clear(name);
    await user.type(name, 'Kind R');
    await user.click(screen.getByTestId('person-save'));
    await waitFor(() => expect(screen.getByTestId('relation-list')).toHaveTextContent('stiefouder van Kind R'));

    await user.click(screen.getAllByTestId('person-delete')[1]!);
    await user.click(screen.getByTestId('person-delete-confirm'));
    await waitFor(() => expect(screen.getByTestId('person-list')).not.toHaveTextContent('Kind R'));
    expect(screen.getByTestId('relation-list')).toHaveTextContent('Nog geen relaties');
  });
});

describe('settings', () => {
  it('saves auto-lock minutes and switches the language', async () => {
    const { user, fake } = await renderUnlocked();
    await user.click(screen.getByRole('button', { name: 'Instellingen' }));
    const minutes = await screen.findByTestId('settings-autolock');
    await user.clear(minutes);
    await user.type(minutes, '45');
    await user.click(screen.getByTestId('settings-save'));
    expect(await screen.findByRole('alert')).toHaveTextContent('tussen 1 en 30');

    await user.clear(minutes);
    await user.type(minutes, '12');
    await user.selectOptions(screen.getByTestId('settings-language'), 'en');
    await user.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await fake.settingsGet()).toEqual({ autoLockMinutes: 12, language: 'en' });
    expect(screen.getByRole('heading', { level: 1, name: 'Cases' })).toBeInTheDocument();
    expect(screen.getByTestId('btn-hide')).toHaveTextContent('Hide');
  });

  it('changes the passphrase after checking the old one', async () => {
    const { user, fake } = await renderUnlocked();
    await user.click(screen.getByRole('button', { name: 'Instellingen' }));
    await user.type(screen.getByLabelText('Huidige wachtwoordzin'), 'fout');
    await user.type(screen.getByLabelText('Nieuwe wachtwoordzin'), 'de nieuwe zin is lang genoeg');
    await user.type(screen.getByLabelText('Herhaal de nieuwe wachtwoordzin'), 'de nieuwe zin is lang genoeg');
    await user.click(screen.getByTestId('settings-change-passphrase'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze wachtwoordzin opent de kluis niet');

    await user.clear(screen.getByLabelText('Huidige wachtwoordzin'));
    await user.type(screen.getByLabelText('Huidige wachtwoordzin'), 'paarse olifant danst op het dak');
    await user.click(screen.getByTestId('settings-change-passphrase'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('app-status')).toHaveTextContent('Wachtwoordzin gewijzigd.');
    await fake.vaultLock();
    await fake.vaultUnlock({ passphrase: 'de nieuwe zin is lang genoeg' });
  });
});
