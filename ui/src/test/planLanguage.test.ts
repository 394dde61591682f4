// The reader's language (issue 15.3) in the person form: a labelled "Voorkeurstaal" select with the six
// languages by their own names, Dutch unless chosen, reached with the keyboard, stored with the person.
import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderUnlocked } from './helpers';

describe('Voorkeurstaal', () => {
  it('lists the six languages by their own names, starts at Dutch and is stored with the person', async () => {
    const { user, fake } = await renderUnlocked();
    await user.clear(screen.getByTestId('case-create-label'));
    await user.type(screen.getByTestId('case-create-label'), 'Gezin T.{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Gezin T.' });
    await user.click(screen.getByTestId('person-add'));

    const select = screen.getByLabelText('Voorkeurstaal') as HTMLSelectElement;
    expect(select).toBe(screen.getByTestId('person-language'));
    expect(select).toHaveValue('nl');
    expect([...select.options].map((o) => [o.value, o.lang])).toEqual([
      ['nl', 'nl'],
      ['en', 'en'],
      ['tr', 'tr'],
      ['ar', 'ar'],
      ['pl', 'pl'],
      ['uk', 'uk'],
    ]);
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Nederlands',
      'English (Engels)',
      'Türkçe (Turks)',
      'العربية (Arabisch)',
      'Polski (Pools)',
      'Українська (Oekraïens)',
    ]);
    expect(select).toHaveAccessibleDescription(/eigen versie van het veiligheidsplan/);

    await user.type(screen.getByTestId('person-name'), 'Leyla');
    select.focus();
    await user.selectOptions(select, 'ar');
    await user.click(screen.getByTestId('person-save'));
    const caseId = (await fake.casesList())[0]!.id;
    await waitFor(async () =>
      expect((await fake.householdGet({ case_id: caseId })).persons.map((p) => [p.name, p.language])).toEqual([['Leyla', 'ar']]),
    );

    // The print dialog names the language of her version.
    await user.click(screen.getByTestId('tab-veiligheidsplan'));
    const reader = await screen.findByTestId('plan-reader');
    await waitFor(() =>
      expect([...(reader as HTMLSelectElement).options].map((o) => o.textContent)).toContain('Leyla (ouder) — العربية (Arabisch)'),
    );
  });
});
