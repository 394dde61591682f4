import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, createCase, renderApp, renderUnlocked } from './helpers';

describe('backups in the app', () => {
  it('reminds on the case list when no backup was made, and the reminder goes once one is', async () => {
    const { user, fake } = await renderUnlocked();
    expect(await screen.findByTestId('health-reminder')).toHaveTextContent('Maak een reservekopie');
    await user.click(screen.getByTestId('health-backup'));
    const dialog = await screen.findByTestId('backup-dialog');
    expect(within(dialog).getByTestId('backup-last')).toHaveTextContent('Er is nog geen reservekopie gemaakt.');
    await user.click(within(dialog).getByTestId('backup-make'));
    expect(await within(dialog).findByTestId('backup-result')).toHaveTextContent(/Reservekopie gemaakt: map "Samen Kijken reservekopie .*" in \/media\/usb\./);
    expect(within(dialog).getByTestId('backup-last')).toHaveTextContent('Laatste reservekopie: vandaag');
    expect(fake.calls).toContain('backup_make');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('health-notice')).toBeNull());
  });

  it('says nothing was made when the folder dialog is cancelled', async () => {
    const { user } = await renderUnlocked({ folderDialog: 'cancel' });
    await user.click(screen.getByTestId('btn-backup'));
    await user.click(await screen.findByTestId('backup-make'));
    expect(await screen.findByTestId('backup-result')).toHaveTextContent('Geen map gekozen; er is niets gemaakt.');
  });

  it('checks the vault on demand', async () => {
    const { user } = await renderUnlocked();
    await user.click(screen.getByTestId('btn-backup'));
    await user.click(await screen.findByTestId('backup-check'));
    expect(await screen.findByTestId('backup-check-result')).toHaveTextContent(/Alles in orde: .* \(\d+ regels\) klopt\./);
  });

  it('refuses a reminder outside the range Rust gives, and keeps one inside', async () => {
    const { user, fake } = await renderUnlocked();
    await user.click(screen.getByTestId('btn-backup'));
    const field = await screen.findByTestId('backup-reminder');
    await user.clear(field);
    await user.type(field, '120');
    await user.click(screen.getByTestId('backup-reminder-save'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Kies een aantal dagen tussen 1 en 90.');
    expect(fake.calls).not.toContain('backup_reminder_set');
    await user.clear(field);
    await user.type(field, '14');
    await user.click(screen.getByTestId('backup-reminder-save'));
    await waitFor(() => expect(fake.calls).toContain('backup_reminder_set'));
    expect((await fake.vaultHealth()).reminderDays).toBe(14);
  });

  it('backs up, changes a case, restores, and shows the old state', async () => {
    const { user } = await renderUnlocked();
    await createCase(user, 'Gezin voor de reservekopie');
    await user.click(screen.getByTestId('btn-backup'));
    await user.click(await screen.findByTestId('backup-make'));
    await screen.findByTestId('backup-result');
    await user.keyboard('{Escape}');
    await createCase(user, 'Gezin na de reservekopie');

    await user.click(screen.getByTestId('btn-backup'));
    const restore = await screen.findByTestId('restore-form');
    await user.click(within(restore).getByTestId('restore-submit'));
    expect(await within(restore).findByRole('alert')).toHaveTextContent('Vul de wachtwoordzin van de reservekopie in.');
    await user.type(within(restore).getByTestId('restore-passphrase'), 'een verkeerde zin');
    await user.click(within(restore).getByTestId('restore-submit'));
    expect(await within(restore).findByRole('alert')).toHaveTextContent('Deze wachtwoordzin opent de kluis niet.');
    await user.type(within(restore).getByTestId('restore-passphrase'), PASSPHRASE);
    await user.click(within(restore).getByTestId('restore-submit'));

    const list = await screen.findByTestId('case-list');
    await waitFor(() => expect(list).toHaveTextContent('Gezin voor de reservekopie'));
    expect(list).not.toHaveTextContent('Gezin na de reservekopie');
    expect(screen.getByTestId('app-status')).toHaveTextContent('De vorige kluis staat apart in');
    expect(screen.queryByTestId('backup-dialog')).toBeNull();
  });

  it('offers restore and set-aside after a damaged vault, and starts again without deleting', async () => {
    const { user, fake } = renderApp({ state: 'locked', passphrase: PASSPHRASE, damaged: true });
    await user.type(await screen.findByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    await user.click(await screen.findByTestId('unlock-damaged-restore'));
    expect(await screen.findByTestId('restore-screen')).toHaveTextContent('Beschadigde kluis apart zetten');
    await user.type(screen.getByTestId('set-aside-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('set-aside-submit'));
    expect(await screen.findByTestId('set-aside-done')).toHaveTextContent('De beschadigde kluis staat nu in');
    expect((await fake.vaultStatus()).state).toBe('missing');
    await user.click(screen.getByTestId('set-aside-new-vault'));
    expect(await screen.findByTestId('create-passphrase')).toBeInTheDocument();
  });

  it('a new laptop can start from a backup from the first screen', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByTestId('wizard-restore'));
    expect(await screen.findByTestId('restore-screen')).not.toHaveTextContent('Beschadigde kluis apart zetten');
    await user.type(screen.getByTestId('restore-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('restore-submit'));
    // The fake holds no backup: Rust's code for a folder without one.
    expect(await screen.findByRole('alert')).toHaveTextContent('In deze map staat geen reservekopie van Samen Kijken.');
  });
});
