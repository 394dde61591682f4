// The handover file (issue 15, point 2) on the fake backend replaying what Rust answered
// (`codegen::handover_fixture`): "Overdragen" on a case says what goes along (a warning when the plan
// with its escape plan does), takes the passphrase twice and reports the file saved; "Overdrachtsbestand
// openen" on the case list chooses a file, shows what Rust said it holds, refuses a wrong passphrase
// with Rust's text, imports it as a new case and opens it. Everything works by keyboard.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { HANDOVER } from '../lib/ipc/fake';
import { ERROR_MESSAGES } from '../lib/ipc/generated/errors';
import { t } from '../lib/i18n/index.svelte';
import { renderUnlocked } from './helpers';

async function practiceCase() {
  const app = await renderUnlocked();
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
  return app;
}

describe('handover', () => {
  it('says what goes along, warns about the escape plan, needs the passphrase twice and saves', async () => {
    const app = await practiceCase();
    await app.user.click(screen.getByRole('button', { name: t('handover.open') }));
    const dialog = await screen.findByTestId('handover-export-dialog');
    // The passphrase field has the focus when the dialog opens.
    expect(document.activeElement).toBe(within(dialog).getByLabelText(t('handover.passphrase')));
    expect(within(dialog).getByRole('checkbox', { name: t('handover.part.persons') })).toBeDisabled();
    expect(within(dialog).getByText(t('handover.notIncluded'))).toBeInTheDocument();
    expect(within(dialog).queryByTestId('handover-plan-warning')).toBeNull();
    await app.user.click(within(dialog).getByRole('checkbox', { name: t('handover.part.plan') }));
    expect(within(dialog).getByTestId('handover-plan-warning')).toHaveTextContent(t('handover.planWarning'));
    await app.user.type(within(dialog).getByLabelText(t('handover.passphrase')), HANDOVER.passphrase);
    await app.user.type(within(dialog).getByLabelText(t('handover.passphraseRepeat')), 'iets anders');
    await app.user.click(within(dialog).getByTestId('handover-save'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(t('handover.passphraseMismatch'));
    expect(app.fake.calls).not.toContain('handover_export');
    await app.user.clear(within(dialog).getByLabelText(t('handover.passphraseRepeat')));
    await app.user.type(within(dialog).getByLabelText(t('handover.passphraseRepeat')), `${HANDOVER.passphrase}{Enter}`);
    expect(await within(dialog).findByTestId('handover-result')).toHaveTextContent(t('handover.saved', { name: HANDOVER.exported.file_name }));
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('handover-export-dialog')).toBeNull());
  });

  it('opens a file, refuses a wrong passphrase, shows what it holds, imports it as a new case and opens it', async () => {
    const app = await renderUnlocked();
    await app.user.click(screen.getByRole('button', { name: t('handover.importOpen') }));
    const dialog = await screen.findByTestId('handover-import-dialog');
    expect(within(dialog).getByTestId('handover-file')).toHaveTextContent(t('handover.notChosen'));
    await app.user.keyboard('{Enter}');
    expect(await within(dialog).findByTestId('handover-file')).toHaveTextContent(HANDOVER.chosen.file_name!);
    await app.user.type(within(dialog).getByLabelText(t('handover.importPassphrase')), 'zeven blauwe fietsen langs de rivier{Enter}');
    expect(await within(dialog).findByTestId('handover-error')).toHaveTextContent(ERROR_MESSAGES.nl.handover_wrong_passphrase);
    expect(app.fake.calls).not.toContain('handover_import');
    const field = within(dialog).getByLabelText(t('handover.importPassphrase'));
    await app.user.clear(field);
    await app.user.type(field, `${HANDOVER.passphrase}{Enter}`);
    const preview = await within(dialog).findByTestId('handover-preview-result');
    expect(preview).toHaveTextContent(t('handover.previewCase', { label: HANDOVER.preview.case_label }));
    expect(preview).toHaveTextContent(t('handover.count.persons', { n: HANDOVER.preview.counts.persons }));
    expect(preview).toHaveTextContent(t('handover.count.records', { n: HANDOVER.preview.counts.records }));
    // The plan did not go along: the preview says so.
    expect(preview).toHaveTextContent(t('handover.part.plan'));
    await app.user.click(within(preview).getByRole('button', { name: t('handover.import') }));
    expect(await within(dialog).findByTestId('handover-imported')).toHaveTextContent(
      t('handover.imported', { label: HANDOVER.imported.case.label }),
    );
    await app.user.click(within(dialog).getByRole('button', { name: t('handover.openCase') }));
    await screen.findByRole('heading', { level: 1, name: HANDOVER.imported.case.label });
  });
});
