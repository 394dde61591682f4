// The WebDriver suite relies on these data-testid hooks: each must be on exactly
// one element while its screen is shown.
import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { addPerson, createCase, openCase, PASSPHRASE, renderApp, renderUnlocked } from './helpers';

function expectOnce(...ids: string[]): void {
  for (const id of ids) {
    expect(document.querySelectorAll(`[data-testid="${id}"]`), id).toHaveLength(1);
  }
}

function expectAbsent(...ids: string[]): void {
  for (const id of ids) expect(document.querySelectorAll(`[data-testid="${id}"]`), id).toHaveLength(0);
}

describe('data-testid hooks', () => {
  it('first start and recovery key', async () => {
    const { user } = renderApp();
    await screen.findByTestId('create-passphrase');
    expectOnce('create-passphrase', 'create-passphrase-repeat', 'create-submit', 'btn-hide', 'app-status');
    expectAbsent('btn-lock', 'unlock-screen', 'recovery-key');
    await user.type(screen.getByTestId('create-passphrase'), PASSPHRASE);
    await user.type(screen.getByTestId('create-passphrase-repeat'), PASSPHRASE);
    await user.click(screen.getByTestId('create-submit'));
    await screen.findByTestId('recovery-key');
    expectOnce('recovery-key', 'recovery-confirm', 'recovery-continue', 'btn-hide', 'app-status');
    expectAbsent('create-passphrase', 'btn-lock');
  });

  it('unlock screen', async () => {
    renderApp({ state: 'locked', passphrase: PASSPHRASE });
    await screen.findByTestId('unlock-screen');
    expectOnce('unlock-screen', 'unlock-passphrase', 'unlock-submit', 'btn-hide', 'app-status');
    expectAbsent('btn-lock', 'case-list');
  });

  it('case list and case view with its forms', async () => {
    const { user } = await renderUnlocked();
    expectOnce('case-create-label', 'case-create-submit', 'case-list', 'btn-hide', 'btn-lock', 'app-status');
    await createCase(user, 'Gezin T.');
    expect(screen.getAllByTestId('case-row')).toHaveLength(1);
    expectOnce('case-open');
    await openCase(user, 'Gezin T.');
    expectOnce('case-view', 'person-add', 'person-list', 'relation-add', 'relation-list', 'btn-hide', 'btn-lock');
    await user.click(screen.getByTestId('person-add'));
    expectOnce('person-role', 'person-name', 'person-year', 'person-household', 'person-save');
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    await addPerson(user, { role: 'parent', name: 'A' });
    await addPerson(user, { role: 'child', name: 'B' });
    await user.click(screen.getByTestId('relation-add'));
    expectOnce('relation-from', 'relation-to', 'relation-kind', 'relation-save');
  });

  it('neutral screen holds nothing else', async () => {
    await renderUnlocked();
    screen.getByTestId('btn-hide').click();
    await waitFor(() => expectOnce('neutral-screen'));
    expectAbsent('btn-hide', 'btn-lock', 'app-status', 'case-list', 'unlock-screen');
  });
});
