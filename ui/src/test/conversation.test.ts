// Conversation mode, behaviour records, judgements, the acute decision and the joint-conversation
// guard-rail, on the fake backend with the fictional practice family (Oefencasus Jansen-de Vries).
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FakeBackend } from '../lib/ipc';
import { renderUnlocked, JANSEN } from './helpers';

type User = ReturnType<typeof userEvent.setup>;

const MARKERS = {
  sanneAnswer: 'Sanne-Antwoord-Qx81',
  sanneRecord: 'Sanne-Gevolg-Zk55',
  markAnswer: 'Mark-Eigen-Antwoord-Wp3',
};

/** Seeds words of Sanne (answer and record) and one answer of Mark in their own conversations. */
async function seedMarkers(fake: FakeBackend): Promise<void> {
  await fake.answerSave({ case_id: JANSEN.CASE, conversation_id: JANSEN.CONV_SANNE, question_id: 'vol.start.aanleiding', value: { type: 'text', text: MARKERS.sanneAnswer }, words: null, confidential: { kind: 'everyone' } });
  await fake.behaviourSave({ record: {
    id: '00000000-0000-0000-0000-000000000000',
    case_id: JANSEN.CASE,
    actors: [JANSEN.MARK],
    targets: [JANSEN.SANNE],
    behaviour_id: 'psy.dreigen_slaan',
    stance: { stance: 'reported', frequency: 'twice' },
    first_occurrence: null,
    last_occurrence: null,
    context: [],
    impact: [],
    impact_text: MARKERS.sanneRecord,
    children_exposed: [],
    source_person: JANSEN.SANNE,
    conversation_id: JANSEN.CONV_SANNE,
    question_id: null,
    confidential: { kind: 'everyone' },
    updated_at: '2026-02-03T10:00:00Z',
  } });
  await fake.answerSave({ case_id: JANSEN.CASE, conversation_id: JANSEN.CONV_MARK, question_id: 'vol.start.aanleiding', value: { type: 'text', text: MARKERS.markAnswer }, words: null, confidential: { kind: 'everyone' } });
}

export async function openPractice(options: { seed?: boolean } = {}) {
  const app = await renderUnlocked();
  if (options.seed) {
    await app.fake.practiceCaseCreate();
    await seedMarkers(app.fake);
  }
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
  await app.user.click(await screen.findByTestId('tab-overzicht'));
  await screen.findByTestId('coverage');
  return app;
}

async function openTab(user: User, testid: string): Promise<void> {
  await user.click(screen.getByTestId(testid));
}

async function openConversationOf(user: User, name: string): Promise<void> {
  await openTab(user, 'tab-gesprekken');
  const rows = await screen.findAllByTestId('conversation-row');
  const row = rows.find((r) => r.querySelector('.name')?.textContent === name);
  if (!row) throw new Error(`no conversation of ${name}`);
  await user.click(within(row).getByTestId('conversation-open'));
  await screen.findByRole('heading', { level: 1, name: `Gesprek met ${name}` });
}

function domText(): string {
  const values = Array.from(document.querySelectorAll('input, textarea, select'))
    .map((el) => (el as HTMLInputElement).value)
    .join(' ');
  return document.body.innerHTML + values;
}

describe('conversation mode', () => {
  it("shows only this conversation's answers and records; nothing another person said", async () => {
    const { user } = await openPractice({ seed: true });
    // Before: the case views hold Sanne's words (evidence, records).
    await openTab(user, 'tab-wiedoetwat');
    expect(await screen.findByText(`“${MARKERS.sanneRecord}”`)).toBeInTheDocument();
    await openConversationOf(user, 'Mark');
    expect(screen.getByTestId('conversation-mode')).toBeInTheDocument();
    await user.click(screen.getByTestId('question-vol.start.aanleiding'));
    expect(screen.getByTestId('answer-text')).toHaveValue(MARKERS.markAnswer);
    const text = domText();
    expect(text).not.toContain(MARKERS.sanneAnswer);
    expect(text).not.toContain(MARKERS.sanneRecord);
    expect(text).not.toContain('Ik dacht dat ik doodging.');
    expect(text).not.toContain('Ik durf niks meer te zeggen');
    expect(screen.queryByTestId('acute-banner')).toBeNull();
    expect(screen.queryByTestId('matrix')).toBeNull();
    // Mark's own records (he denies strangling) are there.
    expect(screen.getByText(/Mark → Sanne: wurgen/)).toBeInTheDocument();
  });

  it('autosaves after typing, shows the status, and keeps the text with a retry on error', async () => {
    const { user, fake } = await openPractice();
    await openConversationOf(user, 'Sanne');
    const status = screen.getByTestId('save-status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    await user.click(screen.getByTestId('question-vol.start.aanleiding'));
    await user.type(screen.getByTestId('answer-text'), 'Het gaat wisselend');
    await waitFor(() => expect(status).toHaveTextContent('Opgeslagen'), { timeout: 2000 });
    const detail = await fake.conversationOpen({ case_id: JANSEN.CASE, conversation_id: JANSEN.CONV_SANNE });
    expect(detail.answers.find((a) => a.question_id === 'vol.start.aanleiding')?.value).toEqual({
      type: 'text',
      text: 'Het gaat wisselend',
    });

    fake.failAnswerSaves = true;
    await user.type(screen.getByTestId('answer-text'), ', soms goed');
    // Enter is a new line in the person's words; Ctrl+Enter saves at once.
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('answer-text')).toHaveValue('Het gaat wisselend, soms goed\n');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(status).toHaveTextContent('Niet opgeslagen'));
    expect(screen.getByTestId('answer-text')).toHaveValue('Het gaat wisselend, soms goed\n');
    fake.failAnswerSaves = false;
    await user.click(screen.getByRole('button', { name: 'Opnieuw opslaan' }));
    await waitFor(() => expect(status).toHaveTextContent('Opgeslagen'));
  });

  it('every question can be recorded as "gevraagd, niets gemeld" or "niet gevraagd"; not asked stays open', async () => {
    const { user, fake } = await openPractice();
    await openConversationOf(user, 'Sanne');
    const saved = async (question: string) =>
      (await fake.conversationOpen({ case_id: JANSEN.CASE, conversation_id: JANSEN.CONV_SANNE })).answers.find((a) => a.question_id === question)?.value;
    // A yes/no question: asked, nothing reported.
    await user.click(screen.getByTestId('question-vol.angst.levensgevaar'));
    await user.click(screen.getByTestId('answer-asked_nothing_reported'));
    await waitFor(async () => expect(await saved('vol.angst.levensgevaar')).toEqual({ type: 'asked_nothing_reported' }));
    expect(screen.getByTestId('answer-asked_nothing_reported')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('answer-outcome-status')).toHaveTextContent('gevraagd, niets gemeld');
    expect(within(screen.getByTestId('question-vol.angst.levensgevaar')).getByText('beantwoord')).toBeInTheDocument();
    // A text question: not asked. It is stored, and the question is not marked as answered.
    await user.click(screen.getByTestId('question-vol.start.aanleiding'));
    await user.click(screen.getByTestId('answer-not_asked'));
    await waitFor(async () => expect(await saved('vol.start.aanleiding')).toEqual({ type: 'not_asked' }));
    const nav = screen.getByTestId('question-vol.start.aanleiding');
    expect(within(nav).queryByText('beantwoord')).toBeNull();
    expect(within(nav).getByText('Niet gevraagd')).toBeInTheDocument();
    // Typing the person's words after all replaces the mark.
    await user.type(screen.getByTestId('answer-text'), 'Toch verteld');
    await waitFor(async () => expect(await saved('vol.start.aanleiding')).toEqual({ type: 'text', text: 'Toch verteld' }), { timeout: 2000 });
    expect(screen.getByTestId('answer-not_asked')).toHaveAttribute('aria-pressed', 'false');
  });

  it('saves yes/no, scale and choice answers, with confidentiality per answer', async () => {
    const { user, fake } = await openPractice();
    await openConversationOf(user, 'Sanne');
    await user.click(screen.getByTestId('question-vol.angst.levensgevaar'));
    await user.click(within(screen.getByTestId('answer-yesno')).getByLabelText('Ja'));
    await user.selectOptions(screen.getByTestId('answer-confidential'), 'professional_only');
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Opgeslagen'));
    await waitFor(async () => {
      const answers = (await fake.conversationOpen({ case_id: JANSEN.CASE, conversation_id: JANSEN.CONV_SANNE })).answers;
      expect(answers.find((a) => a.question_id === 'vol.angst.levensgevaar')).toMatchObject({
        value: { type: 'yes_no_unknown', value: 'yes' },
        confidential: { kind: 'professional_only' },
      });
    });
    // The guide for 12–17 (Daan) has a choice and a 0–10 scale.
    await user.click(screen.getByTestId('conversation-end'));
    await user.click(screen.getByTestId('conversation-end-confirm'));
    await screen.findByTestId('conversation-new');
    await openConversationOf(user, 'Daan');
    await user.click(screen.getByTestId('question-k12.afspraken.regels'));
    await user.click(within(screen.getByTestId('answer-choice')).getByLabelText('uitgelegd en besproken'));
    await user.click(screen.getByTestId('question-k12.veilig.cijfer'));
    fireEvent.change(screen.getByTestId('answer-scale'), { target: { value: '3' } });
    await waitFor(async () => {
      const answers = (await fake.conversationOpen({ case_id: JANSEN.CASE, conversation_id: JANSEN.CONV_DAAN })).answers;
      expect(answers.find((a) => a.question_id === 'k12.afspraken.regels')?.value).toEqual({ type: 'choice', option: 'begrepen' });
      expect(answers.find((a) => a.question_id === 'k12.veilig.cijfer')?.value).toEqual({ type: 'scale', value: 3 });
    });
  });

  it('records a behaviour from the conversation with Alt+G, source filled in', async () => {
    const { user, fake } = await openPractice();
    await openConversationOf(user, 'Sanne');
    await user.keyboard('{Alt>}g{/Alt}');
    const search = await screen.findByTestId('behaviour-search');
    expect(search).toHaveFocus();
    expect(screen.getByTestId('behaviour-source')).toHaveValue(JANSEN.SANNE);
    expect(screen.getByTestId('behaviour-source')).toBeDisabled();
    await user.type(search, 'opwachten');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.selectOptions(screen.getByTestId('behaviour-actor'), JANSEN.MARK);
    await user.selectOptions(screen.getByTestId('behaviour-target'), JANSEN.SANNE);
    await user.selectOptions(screen.getByTestId('behaviour-frequency'), 'six_to_ten');
    await user.click(screen.getByTestId('behaviour-save'));
    await waitFor(() => expect(screen.getByText(/Mark → Sanne: de ander volgen of opwachten/)).toBeInTheDocument());
    const saved = (await fake.behavioursList({ case_id: JANSEN.CASE })).find((r) => r.behaviour_id === 'bel.volgen');
    expect(saved).toMatchObject({
      source_person: JANSEN.SANNE,
      conversation_id: JANSEN.CONV_SANNE,
      stance: { stance: 'reported', frequency: 'six_to_ten' },
    });
  });

  it('ends the conversation and comes back to Gesprekken with the case data reloaded', async () => {
    const { user } = await openPractice();
    await openConversationOf(user, 'Daan');
    await user.click(screen.getByTestId('conversation-end'));
    await user.click(screen.getByTestId('conversation-end-confirm'));
    await screen.findByTestId('conversation-new');
    expect(screen.getByTestId('tab-gesprekken')).toHaveAttribute('aria-selected', 'true');
  });
});

describe('starting conversations', () => {
  it('a joint conversation with coercive-control indicators warns (no art. 48: that is for imposed mediation) and needs a justification', async () => {
    const { user } = await openPractice();
    await openTab(user, 'tab-gesprekken');
    await user.click(screen.getByTestId('conversation-new'));
    await user.click(screen.getByTestId('conversation-person-0'));
    await user.click(screen.getByTestId('conversation-person-1'));
    const warning = await screen.findByTestId('joint-warning');
    expect(warning).toHaveTextContent('dwingende controle');
    expect(warning).not.toHaveTextContent('art. 48');
    await user.click(screen.getByTestId('conversation-start'));
    expect(screen.getByText('Geef aan waarom u dit gesprek samen voert.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Waarom een gezamenlijk gesprek?'), 'afspraken over de overdracht');
    await user.click(screen.getByTestId('conversation-start'));
    expect(screen.getByText('Leg vast waarom een gezamenlijk gesprek toch verantwoord is.')).toBeInTheDocument();
    expect(screen.queryByTestId('conversation-mode')).toBeNull();
    await user.type(screen.getByTestId('joint-justification'), 'beide partners willen het; veiligheidsplan besproken');
    await user.click(screen.getByTestId('conversation-start'));
    expect(await screen.findByTestId('conversation-mode')).toBeInTheDocument();
  });

  it('a child conversation starts with the pre-check, which waits for an expert to be consulted when there are warning signs', async () => {
    const { user } = await openPractice();
    await openTab(user, 'tab-gesprekken');
    await user.click(screen.getByTestId('conversation-new'));
    await user.click(screen.getByTestId('conversation-person-2')); // Lotte (6)
    expect(screen.getByText(/Gekozen op rol en leeftijd: Gesprek met een kind \(4 tot en met 7 jaar\)/)).toBeInTheDocument();
    await user.click(screen.getByTestId('conversation-start'));
    const form = await screen.findByTestId('precheck-form');
    expect(form).toHaveTextContent('Beloof nooit geheimhouding.');
    // What is still missing comes from Rust's precheck_review, as the form is filled in.
    expect(await within(form).findByTestId('precheck-issue-consent_missing')).toHaveTextContent('Er is nog geen geldige toestemming.');
    await user.click(within(form).getByLabelText('Signalen van seksueel misbruik'));
    expect(await within(form).findByTestId('precheck-issue-consult_expert_first')).toHaveTextContent('Raadpleeg eerst een deskundige');
    await user.click(within(form).getByLabelText('Ouders gaven toestemming'));
    await user.click(within(form).getByLabelText('Sanne'));
    await waitFor(() => expect(within(form).queryByTestId('precheck-issue-consent_missing')).toBeNull());
    expect(within(form).getByTestId('precheck-issue-consult_expert_first')).toBeInTheDocument();
    // Rust's review: with warning signs the talk waits until an expert was consulted.
    await user.click(within(form).getByLabelText('Ik heb een deskundige geraadpleegd over deze signalen'));
    await waitFor(() => expect(within(form).queryByTestId('precheck-issue-consult_expert_first')).toBeNull());
    await user.click(screen.getByTestId('precheck-save'));
    expect(await screen.findByTestId('conversation-mode')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Gesprek met Lotte');
  });
});

describe('behaviour records', () => {
  it('adds a behaviour by keyboard (search, arrows, Enter) and shows it in the list and the matrix', async () => {
    const { user } = await openPractice();
    await openTab(user, 'tab-wiedoetwat');
    await user.click(screen.getByTestId('behaviour-add'));
    expect(screen.getByTestId('behaviour-search')).toHaveFocus();
    await user.keyboard('dreigen');
    const options = screen.getAllByTestId('behaviour-option');
    expect(options.map((o) => o.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('dreigen de ander te doden'), expect.stringContaining('dreigen te slaan')]),
    );
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const expected = screen.getAllByTestId('behaviour-option')[2]?.textContent ?? options[2]!.textContent!;
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('behaviour-search')).toHaveValue(expected.split(' ·')[0]!.trim());
    await user.selectOptions(screen.getByTestId('behaviour-actor'), JANSEN.SANNE);
    await user.selectOptions(screen.getByTestId('behaviour-target'), JANSEN.MARK);
    await user.selectOptions(screen.getByTestId('behaviour-stance'), 'denied');
    expect(screen.queryByTestId('behaviour-frequency')).toBeNull();
    await user.selectOptions(screen.getByTestId('behaviour-source'), JANSEN.SANNE);
    await user.click(screen.getByTestId('behaviour-save'));
    await waitFor(() =>
      expect(screen.getAllByTestId('behaviour-row').some((r) => /Sanne → Mark: dreigen/.test(r.textContent ?? ''))).toBe(true),
    );
    await user.click(screen.getByTestId('view-matrix'));
    const matrix = screen.getByTestId('matrix');
    expect(within(matrix).getAllByRole('columnheader').map((h) => h.textContent)).toContain('Mark');
    expect(within(matrix).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Mark', 'Sanne', 'Lotte', 'Daan']);
    expect(matrix).toHaveTextContent(/dreigen .*ontkend/);
    // Mark → Sanne: strangling, ernstig, counted once a year; Daan heard the pushing.
    expect(matrix).toHaveTextContent(/wurgen, de keel dichtknijpen of smoren · ernstig · 1× per jaar/);
    expect(matrix).toHaveTextContent('Daan: gehoord');
  });

  it('refuses a record without actor and target', async () => {
    const { user } = await openPractice();
    await openTab(user, 'tab-wiedoetwat');
    await user.click(screen.getByTestId('behaviour-add'));
    await user.keyboard('duwen{ArrowDown}{Enter}');
    await user.click(screen.getByTestId('behaviour-save'));
    expect(screen.getByRole('alert')).toHaveTextContent('Kies een gedraging, wie het deed, tegen wie en wie het vertelde.');
  });

  it('moves a record to the trash and restores it', async () => {
    const { user, fake } = await openPractice();
    await openTab(user, 'tab-wiedoetwat');
    const before = screen.getAllByTestId('behaviour-row').length;
    await user.click(screen.getAllByTestId('behaviour-trash')[0]!);
    await waitFor(() => expect(screen.getAllByTestId('behaviour-row')).toHaveLength(before - 1));
    expect(await fake.behavioursTrashList({ case_id: JANSEN.CASE })).toHaveLength(1);
    await user.click(screen.getByTestId('trash-restore'));
    await waitFor(() => expect(screen.getAllByTestId('behaviour-row')).toHaveLength(before));
    expect(await fake.behavioursTrashList({ case_id: JANSEN.CASE })).toHaveLength(0);
    expect(screen.getByText('De prullenbak is leeg.')).toBeInTheDocument();
  });

  it('shows perspectives side by side, the timeline and severity with its inputs', async () => {
    const { user } = await openPractice();
    await openTab(user, 'tab-wiedoetwat');
    await user.click(screen.getByTestId('view-perspectives'));
    const strangle = screen
      .getAllByTestId('perspective-row')
      .find((r) => r.textContent?.includes('wurgen'))!;
    expect(strangle).toHaveTextContent('Volgens Mark');
    expect(strangle).toHaveTextContent('ontkent');
    expect(strangle).toHaveTextContent('Volgens Sanne');
    expect(strangle).toHaveTextContent('spreken elkaar tegen');
    await user.click(screen.getByTestId('view-timeline'));
    expect(screen.getByTestId('timeline')).toHaveTextContent('Eerste keer: duwen (Mark → Sanne)');
    await user.click(screen.getByTestId('view-severity'));
    expect(screen.getByTestId('severity-category')).toHaveTextContent('Veelvuldig of ernstig geweld');
    expect(screen.getByTestId('severity')).toHaveTextContent('ongeveer 18 keer in het afgelopen jaar');
    expect(screen.getByTestId('severity')).toHaveTextContent('Er is ernstig partnergeweld.');
    expect(screen.getByTestId('severity')).toHaveTextContent('ongeveer 2 keer licht en 0 keer ernstig in het afgelopen jaar');
  });
});

describe('overview: acute banner, hypotheses, judgements', () => {
  it('the acute banner asks for a decision and its rationale before saving', async () => {
    const { user } = await openPractice();
    const banner = screen.getByTestId('acute-banner');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('Mogelijk acute onveiligheid — handel binnen 24 uur');
    expect(banner).toHaveTextContent('Wurgen');
    expect(banner).toHaveTextContent('wurgen, de keel dichtknijpen of smoren: Mark → Sanne (verteld door Sanne)');
    await user.click(screen.getByTestId('acute-save'));
    expect(banner).toHaveTextContent('Vul zowel het besluit als de reden in.');
    await user.type(screen.getByTestId('acute-decision'), 'Veilig Thuis geraadpleegd');
    await user.click(screen.getByTestId('acute-save'));
    expect(banner).toHaveTextContent('Vul zowel het besluit als de reden in.');
    await user.click(screen.getByLabelText(/Veilig Thuis raadplegen/));
    await user.type(screen.getByTestId('acute-rationale'), 'wurging in januari, angst voor het leven');
    await user.click(screen.getByTestId('acute-save'));
    await waitFor(() => expect(screen.getByTestId('acute-banner')).toHaveTextContent('Er is een besluit genomen'));
    // Once decided, the banner is no longer an alarm: the decision, what was done, the flags folded away.
    const decided = screen.getByTestId('acute-banner');
    expect(decided).toHaveAttribute('data-state', 'decided');
    expect(decided).not.toHaveAttribute('role', 'alert');
    expect(decided).toHaveTextContent('Besluit over acute onveiligheid vastgelegd');
    expect(decided).toHaveTextContent('Veilig Thuis geraadpleegd');
    expect(decided).toHaveTextContent('Veilig Thuis raadplegen');
    expect(decided.querySelector('details')).not.toHaveAttribute('open');
  });

  it('a judgement needs a reason; it is shown next to the hypothesis, with a note when they differ', async () => {
    const { user, fake } = await openPractice();
    const pattern = screen.getByTestId('pattern');
    expect(pattern).toHaveTextContent('Intieme terreur door Mark');
    expect(pattern).toHaveTextContent('mogelijk gewelddadig verzet door Sanne');
    expect(pattern).toHaveTextContent('Controle door Mark over: contacten, telefoon en locatie, geld');
    await user.click(within(pattern).getByTestId('judge-pattern-confirmed'));
    await user.click(within(pattern).getByTestId('judge-pattern-save'));
    expect(within(pattern).getByRole('alert')).toHaveTextContent('Geef een reden.');
    await user.type(within(pattern).getByTestId('judge-pattern-reason'), 'besproken met de aandachtsfunctionaris');
    await user.click(within(pattern).getByTestId('judge-pattern-save'));
    await waitFor(() =>
      expect(screen.getByTestId('pattern')).toHaveTextContent('Uw oordeel: bevestigd — besproken met de aandachtsfunctionaris'),
    );
    expect(screen.getByTestId('pattern')).not.toHaveTextContent('berekende hypothese is veranderd');

    // The rules later compute another hypothesis: the note appears.
    const analysis = await fake.analysisGet({ case_id: JANSEN.CASE });
    const review = analysis.reviews.find((r) => r.key.startsWith('pattern:'))!;
    review.hypothesis = 'situationeel_partnergeweld';
    review.status = 'hypothesis_changed';
    fake.setAnalysis(JANSEN.CASE, analysis);
    await user.click(screen.getByTestId('tab-gesprekken'));
    await openConversationOf(user, 'Mark');
    await user.click(screen.getByTestId('conversation-end'));
    await user.click(screen.getByTestId('conversation-end-confirm'));
    await user.click(await screen.findByTestId('tab-overzicht'));
    await waitFor(() =>
      expect(screen.getByTestId('pattern')).toHaveTextContent('de berekende hypothese is veranderd sinds uw oordeel'),
    );
  });

  it('shows coverage with open work, profiles with indicators, and the arrangement card', async () => {
    await openPractice();
    const coverage = screen.getByTestId('coverage');
    expect(coverage).toHaveTextContent('Lotte');
    expect(document.body).toHaveTextContent('Lotte is nog niet alleen gehoord.');
    const likely = screen.getAllByTestId('profile').find((p) => p.textContent?.includes('waarschijnlijk') && !p.textContent.includes('niet waarschijnlijk'))!;
    expect(likely).toHaveTextContent('Intieme terreur');
    expect(likely).toHaveTextContent('Controle op meerdere levensdomeinen: aanwezig');
    expect(screen.getByTestId('arrangement-card')).toHaveTextContent('geen relatietherapie');
  });

  it('changes the phase', async () => {
    const { user, fake } = await openPractice();
    await user.selectOptions(screen.getByTestId('phase-select'), 'duurzame_veiligheid');
    await waitFor(async () =>
      expect((await fake.householdGet({ case_id: JANSEN.CASE })).case.phase).toBe('duurzame_veiligheid'),
    );
  });
});

describe('Meldcode', () => {
  it('shows per step whether it is open, under way or done, and what the case already holds for it', async () => {
    const { user } = await openPractice();
    await openTab(user, 'tab-meldcode');
    // Rust's status for the practice family: records and conversations exist, no step is recorded yet.
    const step1 = screen.getByTestId('meldcode-step-1');
    expect(step1).toHaveAttribute('data-state', 'in_progress');
    expect(within(step1).getByTestId('meldcode-step-state')).toHaveTextContent('Bezig');
    expect(within(step1).getByTestId('meldcode-known')).toHaveTextContent(/gedragingen vastgelegd/);
    expect(within(step1).getByTestId('meldcode-known')).toHaveTextContent(/Gesprek met Sanne op 3 februari 2026/);
    expect(screen.getByTestId('meldcode-step-2')).toHaveAttribute('data-state', 'open');
    expect(within(screen.getByTestId('meldcode-step-2')).getByTestId('meldcode-step-state')).toHaveTextContent('Nog niet begonnen');
    // Step 3 (talking with those involved) takes over the conversations held instead of retyping them.
    const step3 = screen.getByTestId('meldcode-step-3');
    await user.click(within(step3).getByRole('button', { name: /Vastleggen/ }));
    await user.click(within(step3).getByTestId('meldcode-reuse'));
    const rationale = within(step3).getByTestId('meldcode-rationale') as HTMLTextAreaElement;
    expect(rationale.value).toMatch(/Gesprek met Sanne op/);
    expect(rationale.value).toMatch(/Gesprek met Mark op/);
  });

  // What an answer means for the status (question 2 "yes" → report) is Rust's: crates/app/tests/commands.rs;
  // the fake replays the status Rust computed for the same answer.
  it('logs a weighing question with rationale, consulted person and evidence; the status is asked again', async () => {
    const { user, fake } = await openPractice();
    await openTab(user, 'tab-meldcode');
    const meldcode = screen.getByTestId('meldcode');
    expect(meldcode).toHaveTextContent('10 afwegingsvragen nog open.');
    expect(meldcode).toHaveTextContent('Is er dwingende controle: beperkt één partner de ander op meerdere levensterreinen');
    await user.click(screen.getByRole('button', { name: /Vastleggen ?: Vraag 2 Is er sprake van acute/ }));
    await user.click(screen.getByTestId('meldcode-save'));
    expect(screen.getByRole('alert')).toHaveTextContent('Vul de onderbouwing in.');
    await user.type(screen.getByTestId('meldcode-rationale'), 'wurging en scheiding met controle');
    await user.type(screen.getByLabelText('Geraadpleegd (wie)'), 'aandachtsfunctionaris');
    // Question 2 starts with what the analysis brings: acute and structural unsafety.
    expect(screen.getByLabelText('Rode vlag: Wurging (ooit)')).toBeChecked();
    expect(screen.getByTestId('meldcode-q2-analysis')).toHaveTextContent('structurele onveiligheid');
    await user.click(screen.getByTestId('meldcode-save'));
    await waitFor(() => expect(fake.calls.slice(fake.calls.lastIndexOf('meldcode_save'))).toContain('meldcode_status'));
    // The status Rust computes for this answer (replayed by the fake) is shown: the norm and the decision to take.
    await waitFor(() => expect(screen.getByTestId('meldcode-norm')).toHaveTextContent('De meldnorm wijst op melden bij Veilig Thuis.'));
    expect(screen.getByTestId('meldcode-decision-required')).toBeInTheDocument();
    const [entry] = await fake.meldcodeList({ case_id: JANSEN.CASE });
    expect(entry).toMatchObject({
      question_id: 'afweging.2',
      step: 4,
      answer: 'yes',
      consulted: [{ who: 'aandachtsfunctionaris', organisation: '' }],
    });
    expect(entry!.evidence).toEqual(
      expect.arrayContaining([
        { kind: 'conclusion', key: 'acute' },
        { kind: 'conclusion', key: 'redflag:strangulation' },
        { kind: 'conclusion', key: 'structural' },
      ]),
    );
  });

  it('a "nee" on question 3 says the norm points to reporting, logged under step 5', async () => {
    const { user, fake } = await openPractice();
    await openTab(user, 'tab-meldcode');
    expect(screen.queryByTestId('meldcode-norm')).toBeNull();
    await user.click(screen.getByTestId('meldcode-record-afweging.3'));
    await user.selectOptions(screen.getByLabelText('Antwoord'), 'no');
    await user.type(screen.getByTestId('meldcode-rationale'), 'geen passende hulp beschikbaar');
    await user.click(screen.getByTestId('meldcode-save'));
    await waitFor(() => expect(screen.getByTestId('meldcode-norm')).toHaveTextContent('De meldnorm wijst op melden bij Veilig Thuis'));
    const [entry] = await fake.meldcodeList({ case_id: JANSEN.CASE });
    expect(entry).toMatchObject({ question_id: 'afweging.3', step: 5, answer: 'no' });
  });
});
