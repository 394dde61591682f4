// Shared helpers for the component tests: render the whole app on a fresh fake backend.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import App from '../App.svelte';
import { createFakeBackend, type FakeOptions } from '../lib/ipc';
import { PRACTICE } from '../lib/ipc/fake';

export const PASSPHRASE = 'paarse olifant danst op het dak';

export function renderApp(options: FakeOptions = {}) {
  const fake = createFakeBackend(options);
  const user = userEvent.setup();
  const result = render(App, { props: { backend: fake } });
  return { fake, user, ...result };
}

/** Renders the app with an open vault and waits for the case list. */
export async function renderUnlocked(options: FakeOptions = {}) {
  const app = renderApp({ state: 'unlocked', passphrase: PASSPHRASE, ...options });
  await screen.findByTestId('case-list');
  return app;
}

export async function createCase(user: ReturnType<typeof userEvent.setup>, label: string): Promise<void> {
  const input = screen.getByTestId('case-create-label');
  await user.clear(input);
  await user.type(input, label);
  await user.click(screen.getByTestId('case-create-submit'));
  // A new case opens at once; these tests then go back to the list.
  await screen.findByRole('heading', { level: 1, name: label });
  await user.click(screen.getByTestId('case-back'));
  await waitFor(() => expect(screen.getByTestId('case-list')).toHaveTextContent(label));
}

export async function openCase(user: ReturnType<typeof userEvent.setup>, label: string): Promise<void> {
  const row = screen.getAllByTestId('case-row').find((r) => r.textContent?.includes(label));
  if (!row) throw new Error(`no row for ${label}`);
  const open = row.querySelector<HTMLElement>('[data-testid="case-open"]');
  await user.click(open!);
  await screen.findByRole('heading', { level: 1, name: label });
}

export async function addPerson(
  user: ReturnType<typeof userEvent.setup>,
  person: { role: string; name: string; year?: string; household?: boolean },
): Promise<void> {
  await user.click(screen.getByTestId('person-add'));
  await user.selectOptions(screen.getByTestId('person-role'), person.role);
  await user.type(screen.getByTestId('person-name'), person.name);
  if (person.year) await user.type(screen.getByTestId('person-year'), person.year);
  const household = screen.getByTestId('person-household') as HTMLInputElement;
  if (person.household === false && household.checked) await user.click(household);
  await user.click(screen.getByTestId('person-save'));
  await waitFor(() => expect(screen.getByTestId('person-list')).toHaveTextContent(person.name));
}

export async function addRelation(
  user: ReturnType<typeof userEvent.setup>,
  relation: { from: string; kind: string; to: string },
): Promise<void> {
  await user.click(screen.getByTestId('relation-add'));
  await user.selectOptions(screen.getByTestId('relation-from'), optionValue('relation-from', relation.from));
  await user.selectOptions(screen.getByTestId('relation-kind'), relation.kind);
  await user.selectOptions(screen.getByTestId('relation-to'), optionValue('relation-to', relation.to));
  await user.click(screen.getByTestId('relation-save'));
}

function optionValue(testid: string, text: string): string {
  const select = screen.getByTestId(testid) as HTMLSelectElement;
  const option = Array.from(select.options).find((o) => o.textContent === text);
  if (!option) throw new Error(`no option ${text} in ${testid}`);
  return option.value;
}

/** Ids of the practice family (fictional), as the Rust fixture has them. */
export const JANSEN = (() => {
  const s = PRACTICE.snapshot;
  const person = (name: string) => s.household.persons.find((p) => p.name === name)!.id;
  const conversationOf = (id: string) => s.conversations.find((c) => c.participants.length === 1 && c.participants[0] === id)!.id;
  const ids = { CASE: s.household.case.id, MARK: person('Mark'), SANNE: person('Sanne'), LOTTE: person('Lotte'), DAAN: person('Daan') };
  return { ...ids, CONV_SANNE: conversationOf(ids.SANNE), CONV_MARK: conversationOf(ids.MARK), CONV_DAAN: conversationOf(ids.DAAN) };
})();
