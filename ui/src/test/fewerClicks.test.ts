// Issue 10, "fewer clicks": a new case opens at once; the relations come as proposals from the roles
// (Rust's `propose_relations`, replayed by the fake) and are stored only when accepted; a behaviour is
// recorded from a conversation in four actions, with who did it to whom filled in by Rust.
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addPerson, JANSEN, renderUnlocked } from './helpers';

type User = ReturnType<typeof userEvent.setup>;

/** Counts what the professional does: one click, one typed entry (with its Enter), one key. */
function counted(user: User) {
  let actions = 0;
  return {
    get actions() {
      return actions;
    },
    click: async (el: Element) => {
      actions += 1;
      await user.click(el);
    },
    keyboard: async (keys: string) => {
      actions += 1;
      await user.keyboard(keys);
    },
  };
}

async function newCaseWithFourPersons(user: User): Promise<void> {
  await user.clear(screen.getByTestId('case-create-label'));
  await user.type(screen.getByTestId('case-create-label'), 'Gezin V.{Enter}');
  await screen.findByRole('heading', { level: 1, name: 'Gezin V.' });
  await addPerson(user, { role: 'parent', name: 'Sanne', year: '1990' });
  await addPerson(user, { role: 'parent', name: 'Mark', year: '1987' });
  await addPerson(user, { role: 'child', name: 'Lotte', year: '2020' });
  await addPerson(user, { role: 'child', name: 'Daan', year: '2013' });
}

describe('relations proposed from the roles', () => {
  it('shows the proposals with their reason, stores nothing, and stores all with one click', async () => {
    const { user, fake } = await renderUnlocked();
    await newCaseWithFourPersons(user);
    const region = await screen.findByTestId('relation-proposals');
    const rows = within(region).getAllByTestId('relation-proposal');
    expect(rows.map((r) => r.querySelector('.sentence')?.textContent)).toEqual([
      'Sanne is ouder van Lotte',
      'Sanne is ouder van Daan',
      'Mark is ouder van Lotte',
      'Mark is ouder van Daan',
      'Sanne is partner van Mark',
    ]);
    expect(rows[0]).toHaveTextContent('Sanne heeft de rol ouder en Lotte is een kind in dit gezin.');
    expect(rows[4]).toHaveTextContent('Sanne en Mark hebben allebei de rol ouder en wonen samen.');
    const caseId = (await fake.casesList())[0]!.id;
    expect((await fake.householdGet({ case_id: caseId })).relations).toEqual([]);

    const clicks = counted(user);
    await clicks.click(within(region).getByTestId('relation-proposals-accept-all'));
    await waitFor(() => expect(screen.getAllByTestId('relation-row')).toHaveLength(5));
    expect(clicks.actions).toBe(1);
    expect(screen.queryByTestId('relation-proposals')).toBeNull();
    const household = await fake.householdGet({ case_id: caseId });
    expect(household.relations).toHaveLength(5);
    expect(household.proposals).toEqual([]);
    expect(screen.getByTestId('relation-list')).toHaveTextContent('Sanne is partner van Mark');
  });

  it('accepts one, and changes one (partner → ex-partner with a separation date) before it is stored', async () => {
    const { user, fake } = await renderUnlocked();
    await newCaseWithFourPersons(user);
    const rows = () => within(screen.getByTestId('relation-proposals')).getAllByTestId('relation-proposal');
    await user.click(within(rows()[0]!).getByTestId('relation-proposal-accept'));
    await waitFor(() => expect(screen.getAllByTestId('relation-row')).toHaveLength(1));
    expect(rows()).toHaveLength(4);

    const couple = rows().find((r) => r.textContent?.includes('partner van'))!;
    await user.click(within(couple).getByTestId('relation-proposal-edit'));
    expect(screen.getByRole('heading', { name: 'Voorstel aanpassen en bewaren' })).toBeInTheDocument();
    expect(screen.getByTestId('relation-kind')).toHaveValue('partner_of');
    await user.selectOptions(screen.getByTestId('relation-kind'), 'ex_partner_of');
    await user.type(screen.getByTestId('relation-separation'), '01-09-2025');
    await user.click(screen.getByTestId('relation-save'));
    await waitFor(() => expect(screen.getAllByTestId('relation-row')).toHaveLength(2));
    expect(screen.getByTestId('relation-list')).toHaveTextContent('Sanne is ex-partner van Mark (uit elkaar sinds 1 september 2025)');
    // The changed couple is recorded, so it is no longer proposed; the other parent links still are.
    expect(rows()).toHaveLength(3);
    expect(rows().every((r) => r.textContent?.includes('ouder van'))).toBe(true);
    const caseId = (await fake.casesList())[0]!.id;
    const stored = (await fake.householdGet({ case_id: caseId })).relations.find((r) => r.kind.kind === 'ex_partner_of');
    expect(stored?.kind).toEqual({ kind: 'ex_partner_of', separation_date: '2025-09-01' });
  });

  it('proposes for the practice family what Rust proposed for it', async () => {
    const { fake } = await renderUnlocked();
    await fake.practiceCaseCreate();
    const { PRACTICE } = await import('../lib/ipc/fake');
    expect((await fake.householdGet({ case_id: JANSEN.CASE })).proposals).toEqual(PRACTICE.household.proposals);
  });
});

async function openConversationOf(user: User, name: string): Promise<void> {
  await user.click(screen.getByTestId('practice-case'));
  await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
  await user.click(screen.getByTestId('tab-gesprekken'));
  const rows = await screen.findAllByTestId('conversation-row');
  const row = rows.find((r) => r.querySelector('.name')?.textContent === name);
  if (!row) throw new Error(`no conversation of ${name}`);
  await user.click(within(row).getByTestId('conversation-open'));
  await screen.findByRole('heading', { level: 1, name: `Gesprek met ${name}` });
}

describe('recording a behaviour in four actions', () => {
  it('opens pre-filled, picks the behaviour by typing and Enter, the frequency by one key, saves with Ctrl+Enter', async () => {
    const { user, fake } = await renderUnlocked();
    await openConversationOf(user, 'Sanne');
    const act = counted(user);
    await act.keyboard('{Alt>}g{/Alt}'); // 1: open
    const search = await screen.findByTestId('behaviour-search');
    expect(search).toHaveFocus();
    expect(screen.getByTestId('behaviour-actor')).toHaveValue(JANSEN.MARK);
    expect(screen.getByTestId('behaviour-target')).toHaveValue(JANSEN.SANNE);
    expect(screen.getByTestId('behaviour-source')).toHaveValue(JANSEN.SANNE);
    expect(screen.getByTestId('behaviour-prefill-note')).toHaveTextContent('Mark tegen Sanne');

    await act.keyboard('schreeuw{Enter}'); // 2: type-ahead, Enter picks the highlighted one
    expect(search).toHaveValue('schreeuwen tegen de ander');
    const frequency = screen.getByTestId('behaviour-frequency');
    await waitFor(() => expect(frequency).toHaveFocus());
    expect(frequency.getAttribute('aria-keyshortcuts')).toContain('2');
    expect(within(frequency).getByRole('option', { name: '2 keer (toets 2)' })).toBeInTheDocument();

    await act.keyboard('2'); // 3: one key per frequency
    expect(frequency).toHaveValue('twice');
    await act.keyboard('{Control>}{Enter}{/Control}'); // 4: save
    await waitFor(() => expect(screen.queryByTestId('behaviour-form')).toBeNull());
    expect(act.actions).toBe(4);
    const saved = (await fake.behavioursList({ case_id: JANSEN.CASE })).find(
      (r) => r.behaviour_id === 'psy.schreeuwen' && r.conversation_id === JANSEN.CONV_SANNE && r.stance.stance === 'reported' && r.stance.frequency === 'twice',
    );
    expect(saved).toMatchObject({ actors: [JANSEN.MARK], targets: [JANSEN.SANNE], source_person: JANSEN.SANNE });
  });

  it('swaps the direction with one control, and Enter in the frequency saves', async () => {
    const { user, fake } = await renderUnlocked();
    await openConversationOf(user, 'Sanne');
    await user.keyboard('{Alt>}g{/Alt}');
    await screen.findByTestId('behaviour-search');
    await user.click(screen.getByTestId('behaviour-swap'));
    expect(screen.getByTestId('behaviour-actor')).toHaveValue(JANSEN.SANNE);
    expect(screen.getByTestId('behaviour-target')).toHaveValue(JANSEN.MARK);
    await user.click(screen.getByTestId('behaviour-search'));
    await user.keyboard('schreeuw{Enter}');
    await waitFor(() => expect(screen.getByTestId('behaviour-frequency')).toHaveFocus());
    await user.keyboard('0');
    expect(screen.getByTestId('behaviour-frequency')).toHaveValue('not_last_year_but_before');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByTestId('behaviour-form')).toBeNull());
    const saved = (await fake.behavioursList({ case_id: JANSEN.CASE })).find(
      (r) => r.behaviour_id === 'psy.schreeuwen' && r.stance.stance === 'reported' && r.stance.frequency === 'not_last_year_but_before',
    );
    expect(saved).toMatchObject({ actors: [JANSEN.SANNE], targets: [JANSEN.MARK], source_person: JANSEN.SANNE });
  });

  it("guesses nobody in a child's conversation: the child is only the source", async () => {
    const { user } = await renderUnlocked();
    await openConversationOf(user, 'Daan');
    await user.keyboard('{Alt>}g{/Alt}');
    await screen.findByTestId('behaviour-search');
    expect(screen.getByTestId('behaviour-source')).toHaveValue(JANSEN.DAAN);
    expect(screen.getByTestId('behaviour-actor')).toHaveValue('');
    expect(screen.getByTestId('behaviour-target')).toHaveValue('');
    expect(screen.queryByTestId('behaviour-prefill-note')).toBeNull();
  });
});
