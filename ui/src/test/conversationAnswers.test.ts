// Conversation mode, issue 10 point 2: every question can be answered in the person's own words; who
// may see it is asked once there is something to protect; previous/next and progress; the answer stays
// next to the question. On the fake backend with the fictional practice family.
import { screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FakeBackend } from '../lib/ipc';
import { JANSEN, renderUnlocked } from './helpers';

type User = ReturnType<typeof userEvent.setup>;

async function openConversationOf(name: string) {
  const app = await renderUnlocked();
  const { user } = app;
  await user.click(screen.getByTestId('practice-case'));
  await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
  await user.click(await screen.findByTestId('tab-gesprekken'));
  const rows = await screen.findAllByTestId('conversation-row');
  const row = rows.find((r) => r.querySelector('.name')?.textContent === name)!;
  await user.click(within(row).getByTestId('conversation-open'));
  await screen.findByRole('heading', { level: 1, name: `Gesprek met ${name}` });
  return app;
}

async function savedAnswer(fake: FakeBackend, question: string) {
  const detail = await fake.conversationOpen({ case_id: JANSEN.CASE, conversation_id: JANSEN.CONV_SANNE });
  return detail.answers.find((a) => a.question_id === question);
}

async function reopen(user: User, name: string): Promise<void> {
  await user.click(screen.getByTestId('conversation-end'));
  await user.click(screen.getByTestId('conversation-end-confirm'));
  const rows = await screen.findAllByTestId('conversation-row');
  const row = rows.find((r) => r.querySelector('.name')?.textContent === name)!;
  await user.click(within(row).getByTestId('conversation-open'));
  await screen.findByRole('heading', { level: 1, name: `Gesprek met ${name}` });
}

const YN = 'vol.angst.levensgevaar';

describe('own words with every answer', () => {
  it('saves words alone on a yes/no question (Enter: new line, Ctrl+Enter: save) and brings them back', async () => {
    const { user, fake } = await openConversationOf('Sanne');
    await user.click(screen.getByTestId(`question-${YN}`));
    const box = screen.getByLabelText('In eigen woorden');
    expect(box).toHaveAttribute('aria-keyshortcuts', 'Control+Enter');
    await user.type(box, 'Soms denk ik het.{Enter}Niet altijd.');
    expect(box).toHaveValue('Soms denk ik het.\nNiet altijd.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Opgeslagen'));
    // Nothing chosen: the backend records the words alone; they do not make the question "asked".
    expect(await savedAnswer(fake, YN)).toMatchObject({ value: { type: 'unanswered' }, words: 'Soms denk ik het.\nNiet altijd.' });
    expect(within(screen.getByTestId(`question-${YN}`)).getByText('beantwoord')).toBeInTheDocument();

    // Choosing "Ja" afterwards keeps the words.
    await user.click(within(screen.getByTestId('answer-yesno')).getByLabelText('Ja'));
    await waitFor(async () =>
      expect(await savedAnswer(fake, YN)).toMatchObject({ value: { type: 'yes_no_unknown', value: 'yes' }, words: 'Soms denk ik het.\nNiet altijd.' }),
    );

    await reopen(user, 'Sanne');
    await user.click(screen.getByTestId(`question-${YN}`));
    expect(screen.getByTestId('answer-words')).toHaveValue('Soms denk ik het.\nNiet altijd.');
    expect(within(screen.getByTestId('answer-yesno')).getByLabelText('Ja')).toBeChecked();
  });

  it('has a words field with choice, scale and behaviour questions, not with an open question', async () => {
    const { user } = await openConversationOf('Sanne');
    await user.click(screen.getByTestId('question-vol.start.aanleiding'));
    expect(screen.getByTestId('answer-text')).toBeInTheDocument();
    expect(screen.queryByTestId('answer-words')).toBeNull();
    await user.click(screen.getByTestId('question-vol.controle.contacten'));
    expect(screen.getByTestId('answer-words')).toBeInTheDocument();
    await reopen(user, 'Daan');
    await user.click(screen.getByTestId('question-k12.veilig.cijfer'));
    expect(screen.getByTestId('answer-scale')).toBeInTheDocument();
    expect(screen.getByTestId('answer-words')).toBeInTheDocument();
    await user.click(screen.getByTestId('question-k12.afspraken.regels'));
    expect(screen.getByTestId('answer-choice')).toBeInTheDocument();
    expect(screen.getByTestId('answer-words')).toBeInTheDocument();
  });
});

describe('who may see it', () => {
  it('is asked only once there is an answer or words, not for an empty or "niet gevraagd" question', async () => {
    const { user, fake } = await openConversationOf('Sanne');
    await user.click(screen.getByTestId(`question-${YN}`));
    expect(screen.queryByTestId('answer-confidential')).toBeNull();
    await user.click(screen.getByTestId('answer-not_asked'));
    expect(screen.queryByTestId('answer-confidential')).toBeNull();
    await user.type(screen.getByTestId('answer-words'), 'Ik wil het er nu niet over hebben.');
    // Words with "niet gevraagd" stay open; with "gevraagd, niets gemeld" there is something to protect.
    expect(screen.queryByTestId('answer-confidential')).toBeNull();
    await user.click(screen.getByTestId('answer-asked_nothing_reported'));
    const picker = screen.getByTestId('answer-confidential');
    // The default from Rust: what Sanne says alone is for her and the professional.
    expect(picker).toHaveValue('named_persons');
    expect(screen.getByRole('checkbox', { name: 'Sanne' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Mark' })).not.toBeChecked();
    await waitFor(async () =>
      expect(await savedAnswer(fake, YN)).toMatchObject({
        value: { type: 'asked_nothing_reported' },
        words: 'Ik wil het er nu niet over hebben.',
        confidential: { kind: 'named_persons', persons: [JANSEN.SANNE] },
      }),
    );
  });
});

describe('previous, next and progress', () => {
  it('moves with the buttons and Alt+PageDown/PageUp, saving first, and shows the progress', async () => {
    const { user, fake } = await openConversationOf('Sanne');
    const progress = screen.getByTestId('mode-progress');
    const text = () => within(progress).getByText(/^Vraag \d+ van \d+ · \d+ beantwoord$/).textContent ?? '';
    const total = Number(/van (\d+)/.exec(text())![1]);
    const answered = Number(/(\d+) beantwoord/.exec(text())![1]);
    expect(text()).toBe(`Vraag 1 van ${total} · ${answered} beantwoord`);
    const bar = screen.getByRole('progressbar', { name: `Beantwoorde vragen: ${answered} van ${total}` });
    expect(bar).toHaveAttribute('max', String(total));
    const prev = screen.getByRole('button', { name: /Vorige vraag/ });
    const next = screen.getByRole('button', { name: /Volgende vraag/ });
    expect(prev).toBeDisabled();
    expect(prev).toHaveAttribute('aria-keyshortcuts', 'Alt+PageUp');
    expect(next).toHaveAttribute('aria-keyshortcuts', 'Alt+PageDown');
    const first = screen.getAllByRole('button', { current: 'step' })[0]!;

    await user.click(next);
    await waitFor(() => expect(text()).toBe(`Vraag 2 van ${total} · ${answered} beantwoord`));
    expect(first).not.toHaveAttribute('aria-current');
    expect(prev).toBeEnabled();

    // Words typed and at once on to the next question: the pending save goes first.
    await user.click(screen.getByTestId(`question-${YN}`));
    const at = Number(/Vraag (\d+)/.exec(text())![1]);
    await user.type(screen.getByTestId('answer-words'), 'Ja.');
    await user.keyboard('{Alt>}{PageDown}{/Alt}');
    // Well before the autosave delay (600 ms).
    await waitFor(async () => expect(await savedAnswer(fake, YN)).toMatchObject({ words: 'Ja.' }), { timeout: 300 });
    await waitFor(() => expect(text()).toBe(`Vraag ${at + 1} van ${total} · ${answered + 1} beantwoord`));
    expect(screen.getByRole('progressbar', { name: `Beantwoorde vragen: ${answered + 1} van ${total}` })).toHaveValue(answered + 1);
    await user.keyboard('{Alt>}{PageUp}{/Alt}');
    await waitFor(() => expect(text()).toBe(`Vraag ${at} van ${total} · ${answered + 1} beantwoord`));
    expect(screen.getByTestId('answer-words')).toHaveValue('Ja.');
  });

  it('keeps the answer next to the question: the answer pane comes before the list', async () => {
    await openConversationOf('Sanne');
    const pane = screen.getByTestId('answer-pane');
    const list = screen.getByRole('navigation', { name: 'Vragen uit de leidraad' });
    expect(pane.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(pane).getByTestId('mode-progress')).toBeInTheDocument();
  });
});
