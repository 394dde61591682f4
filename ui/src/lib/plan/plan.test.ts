// The safety plan editor on the fake backend with the practice family: visibility rules offered,
// child-disclosure marking, guard-rail hints, the export warning and the preview pages.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderUnlocked } from '../../test/helpers';
import { PRACTICE } from '../ipc/fake';

/** Opens the practice plan; `worked`: the plan with the professional's escape step and Daan's need. */
async function planOpen(worked = false) {
  const app = await renderUnlocked();
  if (worked) app.fake.storePlan(PRACTICE.workedPlan);
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByTestId('acute-marker');
  await app.user.click(screen.getByTestId('tab-veiligheidsplan'));
  await screen.findByTestId('plan-editor');
  return app;
}

function visibilityOptions(item: HTMLElement): string[] {
  const select = within(item).getByTestId('plan-item-visibility') as HTMLSelectElement;
  return Array.from(select.options).map((o) => o.value);
}

describe('veiligheidsplan', () => {
  it('shows every section with its add button, and the prefilled worries as professional-only', async () => {
    await planOpen();
    for (const s of [
      'worries',
      'conditions',
      'acute_actions',
      'agreements',
      'problems',
      'recovery',
      'support',
      'network',
      'professionals',
      'measures',
      'signals',
      'escape_plan',
    ]) {
      expect(screen.getByTestId(`plan-section-${s}`)).toBeInTheDocument();
      expect(screen.getByTestId(`plan-add-${s}`)).toBeInTheDocument();
    }
    const worries = within(screen.getByTestId('plan-section-worries')).getAllByTestId('plan-item');
    expect(worries).toHaveLength(3);
    expect(within(worries[0]!).getByTestId('plan-item-text')).toHaveValue(
      'Mark tegen Sanne: wurgen, de keel dichtknijpen of smoren (1 keer in het afgelopen jaar)',
    );
    expect(within(worries[0]!).getByTestId('plan-item-visibility')).toHaveValue('professional_only');
    // Three worries at most.
    expect(screen.getByTestId('plan-add-worries')).toBeDisabled();
  });

  it('an escape-plan item can never be set to everyone, and says why', async () => {
    const { user } = await planOpen(true);
    const section = screen.getByTestId('plan-section-escape_plan');
    expect(section).toHaveTextContent('nooit op ‘Iedereen’');
    await user.click(screen.getByTestId('plan-add-escape_plan'));
    const items = within(section).getAllByTestId('plan-item');
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(visibilityOptions(item)).not.toContain('everyone');
      expect(within(item).getByTestId('plan-item-visibility')).toHaveValue('persons');
    }
    // A new entry protects Sanne (the person the worries are about) by default.
    expect(within(items[1]!).getByRole('checkbox', { name: /Sanne/ })).toBeChecked();
    // Other sections do offer "everyone".
    await user.click(screen.getByTestId('plan-add-signals'));
    const signal = within(screen.getByTestId('plan-section-signals')).getByTestId('plan-item');
    expect(visibilityOptions(signal)).toContain('everyone');
  });

  it('marks what a child disclosed and offers only that child as reader', async () => {
    const { user } = await planOpen(true);
    const item = within(screen.getByTestId('plan-section-recovery')).getByTestId('plan-item');
    expect(item).toHaveTextContent('Verteld door Daan (kind)');
    expect(item).toHaveTextContent('nooit in de versie van een ouder');
    expect(visibilityOptions(item)).not.toContain('everyone');
    await user.selectOptions(within(item).getByTestId('plan-item-visibility'), 'persons');
    const boxes = within(item).getAllByRole('checkbox');
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toHaveAccessibleName(/Daan/);
    expect(within(item).queryByRole('checkbox', { name: /Mark|Sanne/ })).toBeNull();
  });

  // Which wording gets a hint is Rust's (domain::plan::checks); the UI shows what plan_check returns.
  it('autosaves and shows the hints the backend returns: victim-blaming wording and an art. 31 prompt', async () => {
    const { user, fake } = await planOpen();
    await user.click(screen.getByTestId('plan-add-agreements'));
    const item = within(screen.getByTestId('plan-section-agreements')).getByTestId('plan-item');
    expect(within(item).queryByTestId('plan-hint')).toBeNull();
    await user.type(within(item).getByTestId('plan-item-text'), PRACTICE.checksExample.text);
    await waitFor(() => expect(screen.getByTestId('plan-save-status')).toHaveTextContent('Opgeslagen'), { timeout: 3000 });
    expect(fake.calls).toContain('plan_save');
    const hints = within(item).getAllByTestId('plan-hint');
    expect(hints.map((h) => h.textContent).join(' ')).toContain('Niemand lokt geweld uit.');
    expect(hints.map((h) => h.textContent).join(' ')).toContain('art. 31');
    // Stored: a fresh plan_get returns the typed text.
    const stored = await fake.planGet({ case_id: (await fake.casesList())[0]!.id });
    expect(stored.plan.agreements[0]!.content.what).toContain('lokt het uit');
  });

  it('preview shows the pages with alt text for the chosen reader', async () => {
    const { user } = await planOpen();
    const pages = await screen.findAllByTestId('plan-page');
    expect(pages[0]).toHaveAttribute('alt', `Pagina 1 van ${pages.length}, versie voor de professional (alles)`);
    const reader = screen.getByTestId('plan-reader');
    await user.selectOptions(reader, within(reader).getByRole('option', { name: 'Daan (kind)' }));
    await waitFor(() =>
      expect(screen.getAllByTestId('plan-page')[0]).toHaveAttribute('alt', expect.stringContaining('versie voor Daan (kind)')),
    );
  });

  it('export shows the not-encrypted warning first, and only then calls the command', async () => {
    const { user, fake } = await planOpen();
    await screen.findAllByTestId('plan-page');
    await user.click(screen.getByTestId('plan-export'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('niet versleuteld');
    expect(dialog).toHaveTextContent('waar niemand anders bij kan');
    expect(fake.calls).not.toContain('plan_export_pdf');
    await user.click(screen.getByTestId('plan-export-confirm'));
    await waitFor(() => expect(fake.calls).toContain('plan_export_pdf'));
    await waitFor(() => expect(screen.getByTestId('plan-versions')).toHaveTextContent('Versie 1'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('cancelling the warning does not export', async () => {
    const { user, fake } = await planOpen();
    await user.click(screen.getByTestId('plan-export'));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls).not.toContain('plan_export_pdf');
  });

  it('print freezes a version first', async () => {
    const { user, fake } = await planOpen();
    await screen.findAllByTestId('plan-page');
    let printed = 0;
    window.print = () => {
      printed += 1;
    };
    await user.click(screen.getByTestId('plan-print'));
    await waitFor(() => expect(screen.getByTestId('plan-versions')).toHaveTextContent('Versie 1'));
    expect(fake.calls.indexOf('plan_freeze')).toBeGreaterThanOrEqual(0);
    expect(fake.calls.indexOf('print_page')).toBeGreaterThan(fake.calls.indexOf('plan_freeze'));
    expect(printed).toBe(1);
  });

  it('presentation view hides the editor and keeps the preview', async () => {
    const { user } = await planOpen();
    await user.click(screen.getByRole('checkbox', { name: /Presentatieweergave/ }));
    expect(screen.queryByTestId('plan-editor')).toBeNull();
    expect(screen.getByTestId('plan-preview')).toBeInTheDocument();
  });
});

describe('an item translation (issue 15.3)', () => {
  it('offers a field per language Rust names, shows what was entered and autosaves a new one', async () => {
    const { user, fake } = await planOpen(true);
    expect(PRACTICE.workedPlan.languages).toEqual(['en']);
    const escape = within(screen.getByTestId('plan-section-escape_plan')).getByTestId('plan-item');
    const entered = within(escape).getByLabelText('Vertaling: English (Engels)');
    expect(entered).toHaveValue('In immediate danger, call 112.');
    expect(entered).toHaveAttribute('lang', 'en');
    expect(within(escape).getByText('Vertaling voor lezers met een andere taal (1)')).toBeInTheDocument();
    const condition = within(screen.getByTestId('plan-section-conditions')).getAllByTestId('plan-item')[0]!;
    await user.click(within(condition).getByText('Vertaling voor lezers met een andere taal (0)'));
    await user.type(within(condition).getByTestId('plan-translation-en'), 'No one is hit.');
    await waitFor(() => expect(screen.getByTestId('plan-save-status')).toHaveTextContent('Opgeslagen'), { timeout: 3000 });
    const stored = await fake.planGet({ case_id: (await fake.casesList())[0]!.id });
    expect(stored.plan.conditions[0]!.translations).toEqual([{ language: 'en', text: 'No one is hit.' }]);
    expect(stored.languages).toEqual(['en']);
  });


  it('is set, replaced and cleared per language; Rust checks it on save', async () => {
    const { setTranslation, translationOf } = await import('./model');
    const item = { ...structuredClone(PRACTICE.plan.plan.worries[0]!), translations: [] as { language: 'ar' | 'uk'; text: string }[] };
    expect(translationOf(item, 'ar')).toBe('');
    setTranslation(item, 'ar', 'نص');
    setTranslation(item, 'uk', 'текст');
    setTranslation(item, 'ar', 'نص جديد');
    expect(item.translations).toEqual([
      { language: 'ar', text: 'نص جديد' },
      { language: 'uk', text: 'текст' },
    ]);
    setTranslation(item, 'ar', '');
    expect(item.translations).toEqual([{ language: 'uk', text: 'текст' }]);
    expect(translationOf(item, 'uk')).toBe('текст');
  });
});
