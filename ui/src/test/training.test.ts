// Training (issue 12, point 4): a participant saves their work on a practice family for the trainer; the
// trainer opens participants' files and sees them beside the reference. The fake replays what Rust
// answered (`training.json`: the first-run family's work as "Groep A" with groups B and C, a truncated
// file refused on top of them, the comparison once a group is taken off).
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import practiceMode from '../lib/ipc/fixtures/practiceMode.json';
import training from '../lib/ipc/fixtures/training.json';
import { renderApp } from './helpers';

const FAMILY = practiceMode.household.case.label;

async function practice() {
  const app = renderApp();
  await app.user.click(await screen.findByTestId('practice-open'));
  await screen.findByRole('heading', { level: 1, name: FAMILY });
  return app;
}

async function trainer() {
  const app = await practice();
  await app.user.click(screen.getByTestId('case-back'));
  await app.user.click(await screen.findByTestId('trainer-open'));
  await screen.findByTestId('trainer-screen');
  return app;
}

describe('training: participant export and the trainer screen', () => {
  it('a participant saves their work under a group name; an empty name gets Rust\'s words', async () => {
    const { user, fake } = await practice();
    const section = screen.getByTestId('work-export');
    await user.click(within(section).getByTestId('work-export-save'));
    expect(await screen.findByTestId('work-export-error')).toHaveTextContent('Vul uw naam of groepsnaam in');
    await user.type(screen.getByTestId('work-group'), 'Groep Noord');
    await user.click(within(section).getByTestId('work-export-save'));
    await waitFor(() => expect(screen.getByTestId('app-status')).toHaveTextContent('Uw oefenwerk is opgeslagen'));
    expect(fake.calls.filter((c) => c === 'practice_work_export')).toHaveLength(2);
  });

  it('the trainer opens three groups and sees who found what, red flags, choices and agreement', async () => {
    const { user } = await trainer();
    expect(screen.getByTestId('trainer-empty')).toBeInTheDocument();
    await user.click(screen.getByTestId('trainer-import'));
    const groups = await screen.findAllByTestId('trainer-group');
    expect(groups.map((g) => g.querySelector('strong')?.textContent)).toEqual(['Groep A', 'Groep B', 'Groep C']);
    const c = training.imported.comparison!;
    expect(screen.getByTestId('trainer-total')).toHaveTextContent(`${c.agreement.percent}%`);
    // Per reference record: found or missed by each group, as Rust compared it.
    const rows = screen.getAllByTestId('trainer-record');
    expect(rows).toHaveLength(c.records.length);
    const first = rows[0]!;
    const cells = [...first.querySelectorAll('td[data-found]')].map((td) => td.getAttribute('data-found'));
    expect(cells).toEqual(c.records[0]!.found.map(String));
    expect(first).toHaveTextContent('gemist');
    // Meldcode question 2: group C answered the other way.
    const q2 = screen.getAllByTestId('trainer-meldcode-row').find((r) => r.getAttribute('data-question') === '2')!;
    expect([...q2.querySelectorAll('td[data-agrees]')].map((td) => td.getAttribute('data-agrees'))).toEqual(['false', 'true', 'false']);
    // Top 3: the reference beside each group's.
    expect(screen.getByTestId('trainer-top3')).toHaveTextContent(c.top3.reference[0]!);
  });

  it('a refused file is named with its problem and the screen stays as it was', async () => {
    const { user, fake } = await trainer();
    await user.click(screen.getByTestId('trainer-import'));
    await screen.findAllByTestId('trainer-group');
    const before = screen.getByTestId('trainer-records').textContent;
    fake.nextImport = 'refused';
    await user.click(screen.getByTestId('trainer-import'));
    const refused = await screen.findByTestId('trainer-refused');
    expect(refused).toHaveAttribute('role', 'alert');
    expect(refused).toHaveTextContent('afgebroken.json');
    expect(refused).toHaveTextContent('Dit bestand is niet compleet');
    expect(screen.getAllByTestId('trainer-group')).toHaveLength(3);
    expect(screen.getByTestId('trainer-records').textContent).toBe(before);
  });

  it('presentation view: large type and no group names unless the trainer turns them on', async () => {
    const { user } = await trainer();
    await user.click(screen.getByTestId('trainer-import'));
    await screen.findAllByTestId('trainer-group');
    await user.click(screen.getByTestId('trainer-present'));
    expect(screen.getByTestId('trainer-screen')).toHaveClass('present');
    expect(screen.getByTestId('trainer-screen')).not.toHaveTextContent('Groep A');
    expect(screen.getAllByTestId('trainer-group')[0]).toHaveTextContent('Groep 1');
    await user.click(screen.getByTestId('trainer-names'));
    expect(screen.getAllByTestId('trainer-group')[0]).toHaveTextContent('Groep A');
  });

  it('files dropped on the window are read by Rust; a group can be taken off the screen', async () => {
    const { user, fake } = await trainer();
    fake.simulateDrop();
    await waitFor(() => expect(screen.getAllByTestId('trainer-group')).toHaveLength(3));
    expect(fake.calls).toContain('training_import');
    const third = screen.getAllByTestId('trainer-remove')[2]!;
    await user.click(third);
    await waitFor(() => expect(screen.getAllByTestId('trainer-group')).toHaveLength(2));
    expect(fake.calls).toContain('training_compare');
  });
});
