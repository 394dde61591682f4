// lock_clears_ui (security.md): after quick hide, lock or a lock by the backend,
// no case text may remain anywhere in the DOM.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { createFakeBackend } from '../lib/ipc';
import { PRACTICE } from '../lib/ipc/fake';
import { addPerson, addRelation, createCase, openCase, PASSPHRASE, renderUnlocked } from './helpers';

const MARKERS = {
  label: 'Casus-Qx7Marker',
  mother: 'Mzq-Moeder-Ülla',
  father: 'Fzq-Vader-Øystein',
  child: 'Kzq-Kind-Zoë',
};

function expectNoCaseText(): void {
  const html = document.body.innerHTML;
  for (const marker of Object.values(MARKERS)) {
    expect(html).not.toContain(marker);
  }
  // Attributes (aria-label, value) count too: innerHTML holds attributes, and inputs are checked here.
  for (const input of Array.from(document.querySelectorAll('input, textarea, select'))) {
    const value = (input as HTMLInputElement).value;
    for (const marker of Object.values(MARKERS)) expect(value).not.toContain(marker);
  }
}

/** An unlocked app with one case open, full of marker text, and a half-typed form. */
async function appWithCaseOpen() {
  const app = await renderUnlocked();
  const { user } = app;
  await createCase(user, MARKERS.label);
  await openCase(user, MARKERS.label);
  await addPerson(user, { role: 'parent', name: MARKERS.mother, year: '1990' });
  await addPerson(user, { role: 'ex_partner', name: MARKERS.father, year: '1987', household: false });
  await addPerson(user, { role: 'child', name: MARKERS.child, year: '2015' });
  await addRelation(user, { from: MARKERS.mother, kind: 'parent_of', to: MARKERS.child });
  await waitFor(() => expect(screen.getByTestId('relation-list')).toHaveTextContent(MARKERS.child));
  // A form with unsaved case text is open too.
  await user.click(screen.getAllByTestId('person-edit')[0]!);
  expect(screen.getByTestId('person-name')).toHaveValue(MARKERS.mother);
  expect(document.body.innerHTML).toContain(MARKERS.father);
  return app;
}

describe('lock_clears_ui', () => {
  it('quick hide (button) shows the neutral screen at once, with no case text, then locks', async () => {
    const { fake } = await appWithCaseOpen();
    // A plain DOM click: no awaiting anything. The neutral screen must be there synchronously.
    screen.getByTestId('btn-hide').click();
    expect(screen.getByTestId('neutral-screen')).toBeInTheDocument();
    expectNoCaseText();
    expect(screen.queryByTestId('btn-hide')).toBeNull();
    expect(screen.queryByTestId('app-status')).toBeNull();
    await waitFor(async () => expect((await fake.vaultStatus()).state).toBe('locked'));
    expect(fake.calls).toContain('vault_lock');
    // The vault-locked event that follows keeps the neutral screen.
    expect(screen.getByTestId('neutral-screen')).toBeInTheDocument();
    expectNoCaseText();
  });

  it('leaving the neutral screen asks for the passphrase, and shows the case again only after unlock', async () => {
    const { user } = await appWithCaseOpen();
    screen.getByTestId('btn-hide').click();
    await user.click(screen.getByRole('button', { name: 'Doorgaan' }));
    expect(await screen.findByTestId('unlock-screen')).toBeInTheDocument();
    expectNoCaseText();
    await user.type(screen.getByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    await waitFor(() => expect(screen.getByTestId('case-list')).toHaveTextContent(MARKERS.label));
  });

  it('Shift pressed three times hides, like the button', async () => {
    const { fake } = await appWithCaseOpen();
    fireEvent.keyDown(window, { key: 'Shift' });
    fireEvent.keyDown(window, { key: 'Shift' });
    expect(screen.queryByTestId('neutral-screen')).toBeNull();
    fireEvent.keyDown(document.activeElement ?? window, { key: 'Shift' });
    expect(screen.getByTestId('neutral-screen')).toBeInTheDocument();
    expectNoCaseText();
    await waitFor(async () => expect((await fake.vaultStatus()).state).toBe('locked'));
  });

  it('Shift, a, Shift, Shift does not hide', async () => {
    const { fake } = await appWithCaseOpen();
    for (const key of ['Shift', 'a', 'Shift', 'Shift']) fireEvent.keyDown(window, { key });
    expect(screen.queryByTestId('neutral-screen')).toBeNull();
    expect(document.body.innerHTML).toContain(MARKERS.child);
    expect(fake.calls).not.toContain('vault_lock');
  });

  it('Vergrendelen shows the unlock screen at once, with no case text', async () => {
    const { fake } = await appWithCaseOpen();
    screen.getByTestId('btn-lock').click();
    expect(screen.getByTestId('unlock-screen')).toBeInTheDocument();
    expectNoCaseText();
    await waitFor(async () => expect((await fake.vaultStatus()).state).toBe('locked'));
    expect(screen.getByTestId('app-status')).toHaveTextContent('De kluis is vergrendeld.');
    expectNoCaseText();
  });

  it('a vault-locked event from the backend (idle) drops all case data and shows unlock', async () => {
    const { fake } = await appWithCaseOpen();
    fake.simulateLock('idle');
    expect(screen.getByTestId('unlock-screen')).toBeInTheDocument();
    expect(screen.getByTestId('unlock-screen')).toHaveTextContent('omdat er een tijd niets gebeurde');
    expectNoCaseText();
  });

  it('a vault-locked event closes open dialogs too', async () => {
    const { user, fake } = await appWithCaseOpen();
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    await user.click(screen.getAllByTestId('person-delete')[2]!);
    expect(screen.getByRole('dialog')).toHaveTextContent(MARKERS.child);
    fake.simulateLock('suspend');
    expect(screen.queryByRole('dialog')).toBeNull();
    expectNoCaseText();
  });

  it('data that arrives after a hide is thrown away, and does not bring the case list back', async () => {
    const fake = createFakeBackend({ state: 'unlocked', passphrase: PASSPHRASE, latencyMs: 40 });
    const created = await fake.caseCreate({ label: MARKERS.label });
    await fake.personAdd({ case_id: created.id, input: {
      role: 'child',
      name: MARKERS.child,
      year_of_birth: 2015,
      gender: null,
      lives_in_household: true,
      notes: '',
      language: 'nl',
    } });
    await fake.vaultLock();
    const user = userEvent.setup();
    render(App, { props: { backend: fake } });
    await user.type(await screen.findByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    // The case list is on its way from the backend: hide now.
    await waitFor(() => expect(fake.calls).toContain('cases_list'));
    screen.getByTestId('btn-hide').click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.getByTestId('neutral-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('case-list')).toBeNull();
    expectNoCaseText();
  });
});

describe('activity', () => {
  it('tells the backend about user input at most once per 20 seconds', async () => {
    const { fake } = await renderUnlocked();
    const before = fake.activityCount;
    fireEvent.keyDown(window, { key: 'a' });
    fireEvent.pointerDown(window);
    fireEvent.wheel(window);
    await waitFor(() => expect(fake.activityCount).toBe(before + 1));
  });
});

describe('lock_clears_ui: conversation mode, behaviour records and analysis', () => {
  const CASE_TEXT = [
    'Jansen-de Vries',
    'Ik dacht dat ik doodging.',
    'Ik durf niks meer te zeggen',
    'wurgen',
    'Intieme terreur',
    'Mogelijk acute onveiligheid',
    'Sanne',
    'Kzq-Eigen-Antwoord-Ülla',
  ];

  function expectNoPracticeText(): void {
    const values = Array.from(document.querySelectorAll('input, textarea, select'))
      .map((el) => (el as HTMLInputElement).value)
      .join(' ');
    for (const text of CASE_TEXT) {
      expect(document.body.innerHTML).not.toContain(text);
      expect(values).not.toContain(text);
    }
  }

  async function practiceOpen(worked = false) {
    const app = await renderUnlocked();
    if (worked) app.fake.storePlan(PRACTICE.workedPlan);
    await app.user.click(screen.getByTestId('practice-case'));
    await screen.findByTestId('acute-marker');
    return app;
  }

  it('lock in conversation mode removes the answers, records and the half-typed answer', async () => {
    const { user, fake } = await practiceOpen();
    await user.click(screen.getByTestId('tab-gesprekken'));
    const row = (await screen.findAllByTestId('conversation-row')).find((r) => r.textContent?.includes('Sanne'))!;
    await user.click(row.querySelector<HTMLElement>('[data-testid="conversation-open"]')!);
    await screen.findByTestId('conversation-mode');
    await user.click(screen.getByTestId('question-vol.start.aanleiding'));
    await user.type(screen.getByTestId('answer-text'), 'Kzq-Eigen-Antwoord-Ülla');
    expect(document.body.innerHTML).toContain('wurgen');
    screen.getByTestId('btn-lock').click();
    expect(screen.getByTestId('unlock-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('conversation-mode')).toBeNull();
    expectNoPracticeText();
    await waitFor(async () => expect((await fake.vaultStatus()).state).toBe('locked'));
    expectNoPracticeText();
  });

  it('quick hide on the matrix and the overview removes records and analysis', async () => {
    const { user } = await practiceOpen();
    await user.click(screen.getByTestId('tab-wiedoetwat'));
    await user.click(screen.getByTestId('view-matrix'));
    expect(screen.getByTestId('matrix')).toHaveTextContent('wurgen');
    screen.getByTestId('btn-hide').click();
    expect(screen.getByTestId('neutral-screen')).toBeInTheDocument();
    expectNoPracticeText();
  });

  it('lock on the safety plan removes the plan text, the half-typed item and the preview', async () => {
    const { user, fake } = await practiceOpen(true);
    await user.click(screen.getByTestId('tab-veiligheidsplan'));
    await screen.findByTestId('plan-editor');
    await screen.findAllByTestId('plan-page');
    await user.click(screen.getByTestId('plan-add-signals'));
    const item = screen.getByTestId('plan-section-signals').querySelector<HTMLElement>('[data-testid="plan-item-text"]')!;
    await user.type(item, 'Kzq-Plan-Signaal-Ülla');
    expect(document.body.innerHTML).toContain('Verteld door Daan');
    screen.getByTestId('btn-lock').click();
    expect(screen.getByTestId('unlock-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('plan-editor')).toBeNull();
    expect(document.body.innerHTML).not.toContain('Kzq-Plan-Signaal-Ülla');
    expect(document.body.innerHTML).not.toContain('Verteld door Daan');
    expect(document.querySelectorAll('img[src^="data:"]')).toHaveLength(0);
    expectNoPracticeText();
    await waitFor(async () => expect((await fake.vaultStatus()).state).toBe('locked'));
    expectNoPracticeText();
  });

  it('quick hide on the safety plan preview removes the plan', async () => {
    const { user } = await practiceOpen();
    await user.click(screen.getByTestId('tab-veiligheidsplan'));
    await screen.findAllByTestId('plan-page');
    const planValues = () =>
      Array.from(document.querySelectorAll('textarea'))
        .map((el) => el.value)
        .join(' ');
    expect(planValues()).toContain('Mark tegen Sanne');
    screen.getByTestId('btn-hide').click();
    expect(screen.getByTestId('neutral-screen')).toBeInTheDocument();
    expect(planValues()).not.toContain('Mark tegen Sanne');
    expect(document.querySelectorAll('img[src^="data:"]')).toHaveLength(0);
    expectNoPracticeText();
  });

  it('an idle lock during the acute decision form drops the analysis', async () => {
    const { user, fake } = await practiceOpen();
    await user.click(screen.getByTestId('acute-marker'));
    await user.type(await screen.findByTestId('acute-decision'), 'Kzq-Eigen-Antwoord-Ülla');
    fake.simulateLock('idle');
    expect(screen.getByTestId('unlock-screen')).toBeInTheDocument();
    expectNoPracticeText();
  });
});
