// The report to Veilig Thuis (issue 15, point 1): the draft opens only when asked (it shows what was
// told in confidence); it shows what Rust composed — every statement with its source, a child's
// confidence listed but not ticked, quotes that cannot be reworded — and what stands in the way of
// reporting; the professional's choices go to Rust, and a report made shows as a version. The fake
// replays what Rust answered for the practice family (`codegen::melding_fixture`).
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { MELDING } from '../lib/ipc/fake';
import { t } from '../lib/i18n/index.svelte';
import { renderUnlocked } from './helpers';

async function openTab() {
  const app = await renderUnlocked();
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
  await app.user.click(screen.getByTestId('tab-melding'));
  return { app, tab: await screen.findByTestId('melding-tab') };
}

async function openDraft() {
  const { app, tab } = await openTab();
  await app.user.click(within(tab).getByTestId('melding-open'));
  await within(tab).findByTestId('melding-status');
  return { app, tab };
}

const statementEl = (tab: HTMLElement, key: string) => tab.querySelector<HTMLElement>(`[data-key="${key}"]`)!;

describe('melding tab', () => {
  it('shows nothing of the case until the professional opens the draft', async () => {
    const { app, tab } = await openTab();
    expect(within(tab).getByText(t('melding.privacy'))).toBeInTheDocument();
    expect(within(tab).queryAllByTestId('melding-statement')).toHaveLength(0);
    expect(app.fake.calls).not.toContain('melding_get');
  });

  it('shows every statement Rust composed with its source, and what still stands in the way', async () => {
    const { tab } = await openDraft();
    const all = MELDING.initial.document.parts.flatMap((p) => p.statements);
    expect(within(tab).getAllByTestId('melding-statement')).toHaveLength(all.length);
    for (const s of all) {
      const el = statementEl(tab, s.key);
      expect(el).toHaveTextContent(`${MELDING.initial.document.source_label}: ${s.source}`);
      expect(within(el).getByTestId<HTMLInputElement>('melding-include').checked).toBe(s.included);
      // A quote has no "reword" button.
      expect(within(el).queryByTestId('melding-edit') !== null).toBe(s.editable);
    }
    const child = all.filter((s) => s.child_confidence);
    expect(child.length).toBeGreaterThan(0);
    for (const s of child) {
      expect(within(statementEl(tab, s.key)).getByTestId('melding-child')).toBeInTheDocument();
      expect(s.included).toBe(false);
    }
    expect(within(tab).getByTestId('melding-problems')).toHaveTextContent(t('melding.problem.request_missing'));
    expect(within(tab).getByTestId('melding-report')).toBeDisabled();
    // Facts and judgement are marked apart.
    expect(within(tab).getByTestId('melding-part-signals')).toHaveTextContent(t('melding.kind.fact'));
    expect(within(tab).getByTestId('melding-part-judgement')).toHaveTextContent(t('melding.kind.judgement'));
  });

  it('sends the choices to Rust, and a report made shows as a version', async () => {
    const { app, tab } = await openDraft();
    const draft = MELDING.draft;
    // Include Daan's account (a child's confidence: ticked by the professional).
    await app.user.click(within(statementEl(tab, draft.choices[0]!.key)).getByTestId('melding-include'));
    expect(within(tab).getByTestId('melding-notice')).toHaveTextContent(t('melding.unsaved'));
    expect(within(tab).getByTestId('melding-pdf')).toBeDisabled();
    await app.user.type(within(tab).getByTestId('melding-request'), draft.request);
    const own = draft.own[0]!;
    await app.user.type(within(tab).getByTestId('melding-own-text'), own.text);
    await app.user.type(within(tab).getByTestId('melding-own-source'), own.source);
    await app.user.click(within(tab).getByTestId('melding-own-add'));
    expect(await within(tab).findByText(t('melding.saved'))).toBeInTheDocument();
    expect(app.fake.calls).toContain('melding_save');
    const ownKey = `own:${MELDING.saved.draft.own[0]!.id}`;
    expect(statementEl(tab, ownKey)).toHaveTextContent(own.source);
    expect(within(tab).queryByTestId('melding-problems')).toBeNull();

    await app.user.click(within(tab).getByTestId('melding-report'));
    const dialog = await screen.findByTestId('melding-report-dialog');
    await app.user.click(within(dialog).getByTestId('melding-report-confirm'));
    const versions = await within(tab).findAllByTestId('melding-version');
    expect(versions).toHaveLength(MELDING.reported.versions.length);
    expect(within(tab).getByTestId('melding-status')).toHaveTextContent(MELDING.reported.document.status);
    expect(app.fake.calls).toContain('meldcode_status');

    await app.user.click(within(tab).getByTestId('melding-text'));
    expect(await within(tab).findByText(t('melding.exported'))).toBeInTheDocument();
  });

  it('shows Rust’s refusal of a draft it does not take', async () => {
    const { app, tab } = await openDraft();
    // Any draft other than the fixture's: the fake composes nothing and refuses, as a broken backend would.
    await app.user.type(within(tab).getByTestId('melding-request'), 'Iets anders');
    await app.user.click(within(tab).getByTestId('melding-save'));
    expect(await within(tab).findByTestId('melding-error')).toBeInTheDocument();
  });
});
