// Bewaartermijnen and corrections (issue 14, points 1 and 5), on the fake backend replaying what Rust
// answered (`codegen::retention_fixture`): a case's date set in the past puts it on the retention
// screen; deleting asks first and says it is permanent; extending needs a date and a reason; and a
// person's correction is shown beside the record it is about.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { RETENTION } from '../lib/ipc/fake';
import { renderUnlocked } from './helpers';

async function practiceCase() {
  const app = await renderUnlocked();
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByRole('heading', { level: 1, name: /Jansen-de Vries/ });
  return app;
}

async function setDateInThePast(app: Awaited<ReturnType<typeof practiceCase>>) {
  await app.user.click(screen.getByTestId('tab-logboek'));
  const section = await screen.findByTestId('case-retention');
  expect(within(section).getByTestId('case-retention-until')).toHaveTextContent('Bewaren tot 01-02-2046.');
  await app.user.click(within(section).getByTestId('case-retention-change'));
  const date = within(section).getByTestId('case-retention-date');
  await app.user.clear(date);
  await app.user.type(date, '01-01-2026');
  await app.user.type(within(section).getByLabelText('Reden'), 'Verzoek tot vernietiging van beide ouders.');
  await app.user.click(within(section).getByTestId('case-retention-save'));
  await waitFor(() => expect(within(section).getByTestId('case-retention-until')).toHaveTextContent('Bewaren tot 01-01-2026.'));
  expect(within(section).getByTestId('case-retention-history')).toHaveTextContent('Verzoek tot vernietiging van beide ouders.');
  expect(screen.getByTestId('case-retention-head')).toHaveTextContent('Bewaren tot 01-01-2026');
}

describe('retention', () => {
  it('lists nothing while no date has passed, and a new case has no date until it is closed', async () => {
    const app = await practiceCase();
    await app.user.click(screen.getByTestId('case-back'));
    await app.user.click(await screen.findByTestId('retention-open'));
    expect(await screen.findByTestId('retention-none')).toBeInTheDocument();
    // The practice case has a date of its own; Rust counts no open case without one.
    expect(RETENTION.overview.withoutDate).toBe(0);
    expect(screen.queryByTestId('retention-without-date')).toBeNull();
    expect(screen.getByLabelText('Jaren na het archiveren')).toHaveValue(20);
    await app.user.click(screen.getByTestId('retention-back'));
    await app.user.clear(await screen.findByTestId('case-create-label'));
    await app.user.type(screen.getByTestId('case-create-label'), 'Gezin Nieuw');
    await app.user.click(screen.getByTestId('case-create-submit'));
    await screen.findByRole('heading', { level: 1, name: 'Gezin Nieuw' });
    await app.user.click(screen.getByTestId('tab-logboek'));
    expect(await screen.findByTestId('case-retention-until')).toHaveTextContent(
      `Deze casus heeft nog geen bewaardatum. Archiveert u hem vandaag, dan wordt dat ${RETENTION.empty.defaultIfClosedToday.split('-').reverse().join('-')}.`,
    );
  });

  it('shows a case whose date passed, and deletes it for good only after a confirmation that says so', async () => {
    const app = await practiceCase();
    await setDateInThePast(app);
    await app.user.click(screen.getByTestId('case-back'));
    // The case list reminds of it (a number, no case), and leads to the screen.
    expect(await screen.findByTestId('retention-notice')).toHaveTextContent('Bij één casus is de bewaartermijn verstreken');
    await app.user.click(screen.getByTestId('retention-notice-open'));
    const row = await screen.findByTestId('retention-row');
    expect(row).toHaveTextContent('Gezin Jansen-de Vries');
    expect(row).toHaveTextContent('01-01-2026');
    expect(row).toHaveTextContent('Verstreken, 73 dagen geleden');

    await app.user.click(within(row).getByTestId('retention-delete'));
    const dialog = await screen.findByTestId('retention-delete-dialog');
    expect(dialog).toHaveTextContent('definitief');
    expect(dialog).toHaveTextContent('Dit kunt u niet ongedaan maken.');
    // Cancel first: nothing is deleted.
    await app.user.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    expect(app.fake.calls).not.toContain('retention_delete');
    expect(screen.getByTestId('retention-row')).toBeInTheDocument();

    await app.user.click(within(screen.getByTestId('retention-row')).getByTestId('retention-delete'));
    await app.user.click(within(await screen.findByTestId('retention-delete-dialog')).getByTestId('retention-delete-confirm'));
    expect(await screen.findByTestId('retention-none')).toBeInTheDocument();
    expect(screen.getByTestId('app-status')).toHaveTextContent('Casus definitief verwijderd.');
    await app.user.click(screen.getByTestId('retention-back'));
    await waitFor(() => expect(screen.getByTestId('case-list')).not.toHaveTextContent('Jansen-de Vries'));
    expect(screen.queryByTestId('retention-notice')).toBeNull();
  });

  it('extends with a later date and a reason; a refusal from Rust is shown', async () => {
    const app = await practiceCase();
    await setDateInThePast(app);
    await app.user.click(screen.getByTestId('case-back'));
    await app.user.click(await screen.findByTestId('retention-open'));
    await app.user.click(within(await screen.findByTestId('retention-row')).getByTestId('retention-extend'));
    const dialog = await screen.findByTestId('retention-extend-dialog');
    await app.user.type(within(dialog).getByTestId('retention-extend-until'), '01-01-2047');
    // Without a reason Rust refuses (the error table), and the dialog says why.
    await app.user.click(within(dialog).getByTestId('retention-extend-save'));
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();
    await app.user.type(within(dialog).getByLabelText('Reden'), 'Lopende procedure bij de rechtbank.');
    await app.user.click(within(dialog).getByTestId('retention-extend-save'));
    expect(await screen.findByTestId('retention-none')).toBeInTheDocument();
    expect(screen.getByTestId('app-status')).toHaveTextContent('Bewaartermijn verlengd.');
  });
});

describe('retention screen and locking', () => {
  it('leaves no case label in the DOM after quick hide or lock', async () => {
    for (const button of ['btn-hide', 'btn-lock']) {
      const app = await practiceCase();
      await setDateInThePast(app);
      await app.user.click(screen.getByTestId('case-back'));
      await app.user.click(await screen.findByTestId('retention-open'));
      expect(await screen.findByTestId('retention-row')).toHaveTextContent('Jansen-de Vries');
      await app.user.click(screen.getByTestId(button));
      await waitFor(() => expect(screen.queryByTestId('retention-screen')).toBeNull());
      expect(document.body.innerHTML).not.toContain('Jansen-de Vries');
      app.unmount();
    }
  });
});

describe('corrections', () => {
  it('keeps a person’s own words beside the record, which stays as it was', async () => {
    const app = await practiceCase();
    await app.user.click(screen.getByTestId('tab-wiedoetwat'));
    const rows = await screen.findAllByTestId('behaviour-row');
    const first = rows[0]!;
    const summary = first.querySelector('.name')?.textContent;
    await app.user.click(within(first).getByTestId('correction-add'));
    const dialog = await screen.findByTestId('correction-dialog');
    await app.user.selectOptions(within(dialog).getByLabelText('Wie zegt het?'), 'Sanne');
    await app.user.type(within(dialog).getByTestId('correction-text'), 'Zo is het niet gegaan.');
    await app.user.click(within(dialog).getByTestId('correction-save'));
    const block = await within(first).findByTestId('correction');
    expect(block).toHaveTextContent('Correctie/bezwaar van Sanne');
    expect(block).toHaveTextContent('“Zo is het niet gegaan.”');
    expect(first.querySelector('.name')?.textContent).toBe(summary);
    expect(app.fake.calls).toContain('correction_add');
    expect(app.fake.calls).not.toContain('behaviour_save');
  });

  it('keeps a statement beside the open note', async () => {
    const app = await practiceCase();
    await app.user.click(screen.getByTestId('tab-notities'));
    await app.user.click((await screen.findAllByTestId('note-item'))[0]!);
    await screen.findByTestId('note-editor');
    await app.user.click(screen.getByTestId('correction-add'));
    const dialog = await screen.findByTestId('correction-dialog');
    await app.user.selectOptions(within(dialog).getByLabelText('Wie zegt het?'), 'Mark');
    await app.user.type(within(dialog).getByTestId('correction-text'), 'Ik heb die avond niet geschreeuwd.');
    await app.user.click(within(dialog).getByTestId('correction-save'));
    expect(await screen.findByTestId('correction')).toHaveTextContent('Correctie/bezwaar van Mark');
    expect(app.fake.calls).not.toContain('note_save');
  });
});
