// The WebDriver suite relies on these data-testid hooks: each must be on exactly
// one element while its screen is shown.
import { screen, within, waitFor } from '@testing-library/svelte';
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

describe('data-testid hooks of conversations, behaviours, analysis and Meldcode', () => {
  it('case tabs, conversation mode, behaviour form and views', async () => {
    const { user } = await renderUnlocked();
    await user.click(screen.getByTestId('practice-case'));
    await screen.findByTestId('acute-marker');
    expectOnce('tab-gezin', 'start-section');
    await user.click(screen.getByTestId('tab-overzicht'));
    await screen.findByTestId('acute-banner');
    expectOnce('tab-overzicht', 'tab-gesprekken', 'tab-wiedoetwat', 'tab-meldcode', 'acute-banner', 'pattern');
    expect(screen.getAllByTestId('profile')).toHaveLength(5);
    await user.click(screen.getByTestId('tab-gesprekken'));
    expectOnce('conversation-new');
    expect(screen.getAllByTestId('conversation-row')).toHaveLength(3);
    expect(screen.getAllByTestId('conversation-open')).toHaveLength(3);
    await user.click(screen.getByTestId('conversation-new'));
    expectOnce('conversation-person', 'conversation-person-0', 'conversation-person-3', 'conversation-start');
    await user.click(screen.getByTestId('conversation-person-3'));
    await user.click(screen.getByTestId('conversation-start'));
    expectOnce('precheck-form', 'precheck-save');
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    // Both partners together: Rust's joint check warns (control, fear and strangulation between them).
    await user.click(screen.getByTestId('conversation-person-0'));
    await user.click(screen.getByTestId('conversation-person-1'));
    await screen.findByTestId('joint-warning');
    expectOnce('joint-warning');
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    await user.click(screen.getAllByTestId('conversation-open')[0]!);
    await screen.findByTestId('conversation-mode');
    expectOnce('conversation-mode', 'save-status', 'conversation-end', 'question-vol.start.aanleiding', 'btn-hide', 'btn-lock');
    await user.click(screen.getByTestId('question-vol.start.aanleiding'));
    expectOnce('answer-text', 'answer-pane', 'mode-progress', 'question-prev', 'question-next');
    await user.click(screen.getByTestId('question-vol.angst.levensgevaar'));
    expectOnce('answer-yesno', 'answer-words');
    // Who may see it is asked once there is something to protect.
    await user.click(within(screen.getByTestId('answer-yesno')).getByLabelText('Ja'));
    expectOnce('answer-confidential');
    await user.click(screen.getByTestId('conversation-end'));
    await user.click(screen.getByTestId('conversation-end-confirm'));
    // The guide for 12–17 (Daan's conversation) has a choice and a 0–10 scale.
    const daan = (await screen.findAllByTestId('conversation-row')).find((r) => r.querySelector('.name')?.textContent === 'Daan')!;
    await user.click(within(daan).getByTestId('conversation-open'));
    await screen.findByTestId('conversation-mode');
    await user.click(screen.getByTestId('question-k12.veilig.cijfer'));
    expectOnce('answer-scale');
    await user.click(screen.getByTestId('question-k12.afspraken.regels'));
    expectOnce('answer-choice');
    await user.click(screen.getByTestId('conversation-end'));
    await user.click(screen.getByTestId('conversation-end-confirm'));
    await user.click(await screen.findByTestId('tab-wiedoetwat'));
    expectOnce('behaviour-add');
    expect(screen.getAllByTestId('behaviour-row').length).toBeGreaterThan(0);
    await user.click(screen.getByTestId('behaviour-add'));
    expectOnce('behaviour-search', 'behaviour-actor', 'behaviour-target', 'behaviour-stance', 'behaviour-frequency', 'behaviour-source', 'behaviour-save');
    expect(screen.getAllByTestId('behaviour-option').length).toBeGreaterThan(5);
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    await user.click(screen.getAllByTestId('behaviour-trash')[0]!);
    await waitFor(() => expectOnce('trash-restore'));
    await user.click(screen.getByTestId('view-matrix'));
    expectOnce('matrix');
    expect(screen.getAllByTestId('matrix-cell')).toHaveLength(16);
    await user.click(screen.getByTestId('view-perspectives'));
    expectOnce('perspectives');
    expect(screen.getAllByTestId('perspective-row').length).toBeGreaterThan(0);
    await user.click(screen.getByTestId('view-severity'));
    expectOnce('severity', 'severity-category');
    await user.click(screen.getByTestId('tab-meldcode'));
    expectOnce('meldcode');
  });
});
