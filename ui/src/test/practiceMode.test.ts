// Practice mode (issue 12, points 2 and 5): "Probeer het met een oefengezin" on the first screen, the
// unlock screen and an empty case list opens the practice vault (Rust's first-run family, opened at once);
// OEFENMODUS is on every screen while it lasts; leaving it, locking or quick hide returns to the real vault's
// screen with nothing of the practice family on it. The fake replays what Rust answered in practice mode.
import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import practiceMode from '../lib/ipc/fixtures/practiceMode.json';
import { PASSPHRASE, createCase, renderApp, renderUnlocked } from './helpers';

const FAMILY = practiceMode.household.case.label;

async function inPractice(start: Promise<unknown>) {
  await start;
  await waitFor(() => expect(screen.getByTestId('practice-banner')).toHaveTextContent('OEFENMODUS'));
  await screen.findByRole('heading', { level: 1, name: FAMILY });
}

describe('practice mode', () => {
  it('is offered on the first screen, opens the practice family at once and says OEFENMODUS on every screen', async () => {
    const { user, fake } = renderApp();
    await user.click(await screen.findByTestId('practice-open'));
    await inPractice(Promise.resolve());
    expect(fake.calls).toContain('practice_open');
    // A short tour of the main flow on the family's first page; it can be folded away.
    const tour = screen.getByTestId('practice-tour');
    expect(tour).toHaveTextContent('Zo werkt het (oefenen)');
    expect(tour.querySelectorAll('li')).toHaveLength(5);
    await user.click(screen.getByTestId('practice-tour-toggle'));
    expect(tour.querySelectorAll('li')).toHaveLength(0);
    expect(screen.getByTestId('practice-tour-toggle')).toHaveAttribute('aria-expanded', 'false');
    expect((await fake.vaultStatus()).practice).toBe(true);
    // No backup of fictional data: the button is not there.
    expect(screen.queryByTestId('btn-backup')).toBeNull();
    await user.click(screen.getByTestId('case-back'));
    await screen.findByTestId('case-list');
    expect(screen.getByTestId('practice-banner')).toBeInTheDocument();
    expect(screen.getByTestId('case-list')).toHaveTextContent(FAMILY);

    await user.click(screen.getByTestId('practice-close'));
    // No vault of one's own yet: back to the first-start wizard, nothing of the family on screen.
    await screen.findByTestId('create-passphrase');
    expect(screen.queryByTestId('practice-banner')).toBeNull();
    expect(document.body.textContent).not.toContain(FAMILY);
    expect((await fake.vaultStatus()).state).toBe('missing');
  });

  it('from the unlock screen: the real cases are not there, and quick hide ends practice mode', async () => {
    const app = await renderUnlocked();
    await createCase(app.user, 'Gezin Echt');
    await app.user.click(screen.getByTestId('btn-lock'));
    await app.user.click(await screen.findByTestId('practice-open'));
    await inPractice(Promise.resolve());
    await app.user.click(screen.getByTestId('case-back'));
    await screen.findByTestId('case-list');
    expect(screen.getByTestId('case-list')).not.toHaveTextContent('Gezin Echt');

    screen.getByTestId('btn-hide').click();
    expect(screen.getByTestId('neutral-screen')).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Doorgaan' }));
    expect(await screen.findByTestId('unlock-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('practice-banner')).toBeNull();
    expect((await app.fake.vaultStatus()).practice).toBe(false);
    await app.user.type(screen.getByTestId('unlock-passphrase'), PASSPHRASE);
    await app.user.click(screen.getByTestId('unlock-submit'));
    await waitFor(() => expect(screen.getByTestId('case-list')).toHaveTextContent('Gezin Echt'));
    expect(screen.getByTestId('case-list')).not.toHaveTextContent(FAMILY);
  });

  it('refuses what only the real vault does with the text Rust gives', async () => {
    const { user, fake } = renderApp();
    await user.click(await screen.findByTestId('practice-open'));
    await inPractice(Promise.resolve());
    await expect(fake.backupMake()).rejects.toMatchObject({ code: 'practice_mode' });
    await expect(fake.vaultChangePassphrase({ old_passphrase: 'x', new_passphrase: 'y' })).rejects.toMatchObject({ code: 'practice_mode' });
  });

  it('lists the practice families Rust ships, adds one to the practice vault and saves its role cards', async () => {
    const { user, fake } = renderApp();
    await user.click(await screen.findByTestId('practice-open'));
    await inPractice(Promise.resolve());
    await user.click(screen.getByTestId('case-back'));
    const section = await screen.findByTestId('practice-families');
    await waitFor(() => expect(screen.getAllByTestId('practice-family')).toHaveLength(practiceMode.families.length));
    const hazelaar = practiceMode.families.find((f) => f.id === 'oefen.hazelaar')!;
    expect(section).toHaveTextContent(hazelaar.title);
    const row = screen.getAllByTestId('practice-family').find((r) => r.textContent?.includes(hazelaar.title))!;
    await user.click(row.querySelector<HTMLElement>('[data-testid="practice-family-add"]')!);
    await waitFor(() => expect(screen.getByTestId('case-list')).toHaveTextContent(hazelaar.title));
    expect(screen.getByTestId('app-status')).toHaveTextContent('Het oefengezin staat in de lijst.');
    await user.click(row.querySelector<HTMLElement>('[data-testid="practice-family-cards"]')!);
    await waitFor(() => expect(screen.getByTestId('app-status')).toHaveTextContent('De rolkaarten zijn opgeslagen.'));
    expect(fake.calls).toContain('role_cards_export');
    // Outside practice mode Rust refuses to add a fictional family to the real vault.
    await user.click(screen.getByTestId('practice-close'));
    await screen.findByTestId('create-passphrase');
    await expect(fake.practiceCaseAdd({ practice_case_id: 'oefen.hazelaar' })).rejects.toMatchObject({ code: expect.stringMatching(/practice_only|locked|vault_missing/) });
  });
});
