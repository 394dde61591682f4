import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, renderApp } from './helpers';

describe('first-start wizard', () => {
  it('refuses two different passphrases', async () => {
    const { user, fake } = renderApp();
    await user.type(await screen.findByTestId('create-passphrase'), PASSPHRASE);
    await user.type(screen.getByTestId('create-passphrase-repeat'), `${PASSPHRASE}!`);
    await user.click(screen.getByTestId('create-submit'));
    expect(await screen.findByRole('alert')).toHaveTextContent('De twee wachtwoordzinnen zijn niet gelijk.');
    expect(fake.calls).not.toContain('vault_create');
    expect((await fake.vaultStatus()).state).toBe('missing');
  });

  it('refuses a weak passphrase and shows the strength hints', async () => {
    const { user, fake } = renderApp();
    await user.type(await screen.findByTestId('create-passphrase'), 'welkom12');
    await user.type(screen.getByTestId('create-passphrase-repeat'), 'welkom12');
    expect(await screen.findByText('Te zwak')).toBeInTheDocument();
    expect(screen.getByText(/Maak de zin langer/)).toBeInTheDocument();
    await user.click(screen.getByTestId('create-submit'));
    expect(await screen.findByRole('alert')).toHaveTextContent('te zwak');
    expect(fake.calls).not.toContain('vault_create');
  });

  it('creates the vault, shows the recovery key once and continues only after confirming', async () => {
    const { user, fake } = renderApp();
    await user.type(await screen.findByTestId('create-passphrase'), PASSPHRASE);
    await user.type(screen.getByTestId('create-passphrase-repeat'), PASSPHRASE);
    await user.click(screen.getByTestId('create-submit'));

    const key = (await screen.findByTestId('recovery-key')).textContent ?? '';
    // The vault's form: 8 groups of 5 from Crockford's base-32 alphabet (crates/vault keyfile.rs).
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){7}$/);
    expect((await fake.vaultStatus()).state).toBe('unlocked');

    const next = screen.getByTestId('recovery-continue');
    expect(next).toBeDisabled();
    await user.click(screen.getByTestId('recovery-confirm'));
    expect(next).toBeEnabled();
    await user.click(next);

    expect(await screen.findByTestId('case-list')).toHaveTextContent('Nog geen casussen');
    expect(screen.queryByTestId('recovery-key')).toBeNull();
    expect(document.body.innerHTML).not.toContain(key);

    // The recovery key really opens the vault.
    await fake.vaultLock();
    await fake.vaultRecover({ recovery_key: key, new_passphrase: 'nog een heel andere lange zin' });
  });
});

describe('unlock', () => {
  it('shows a clear message for a wrong passphrase and opens with the right one', async () => {
    const { user } = renderApp({ state: 'locked', passphrase: PASSPHRASE });
    await user.type(await screen.findByTestId('unlock-passphrase'), 'verkeerd');
    await user.click(screen.getByTestId('unlock-submit'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Deze wachtwoordzin opent de kluis niet.');
    expect(alert).toHaveTextContent('Er is niets veranderd.');
    expect(screen.getByTestId('unlock-passphrase')).toHaveValue('');

    await user.type(screen.getByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('case-list')).toBeInTheDocument();
    expect(screen.queryByTestId('unlock-screen')).toBeNull();
  });

  it('tells a damaged vault apart from a wrong passphrase', async () => {
    const { user } = renderApp({ state: 'locked', passphrase: PASSPHRASE, damaged: true });
    await user.type(await screen.findByTestId('unlock-passphrase'), PASSPHRASE);
    await user.click(screen.getByTestId('unlock-submit'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('beschadigd');
    expect(alert).toHaveTextContent('reservekopie');
    expect(alert).not.toHaveTextContent('opent de kluis niet');
    // The way out the message promises is one click away.
    expect(screen.getByTestId('unlock-damaged-restore')).toBeInTheDocument();
  });

  it('opens the vault with the recovery key from the "forgot" link', async () => {
    const { user } = renderApp({ state: 'locked', passphrase: PASSPHRASE, recoveryKey: 'ABCD-EFGH-JKLM' });
    await user.click(await screen.findByRole('button', { name: /Wachtwoordzin vergeten/ }));
    await user.type(await screen.findByLabelText('Herstelsleutel'), 'ABCD-EFGH-XXXX');
    await user.type(screen.getByLabelText('Nieuwe wachtwoordzin'), 'nieuwe zin met genoeg woorden erin');
    await user.type(screen.getByLabelText('Herhaal de nieuwe wachtwoordzin'), 'nieuwe zin met genoeg woorden erin');
    await user.click(screen.getByRole('button', { name: 'Kluis openen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Deze herstelsleutel opent de kluis niet');

    await user.clear(screen.getByLabelText('Herstelsleutel'));
    await user.type(screen.getByLabelText('Herstelsleutel'), 'abcd efgh jklm');
    await user.click(screen.getByRole('button', { name: 'Kluis openen' }));
    await waitFor(() => expect(screen.getByTestId('case-list')).toBeInTheDocument());
  });

  it('shows English texts for known error codes when the language is English', async () => {
    // The language is a setting in the vault, so it applies once the vault is open (the lock screen is
    // Dutch, as in the real app): a wrong current passphrase in the settings is told in English.
    const { user } = renderApp({ state: 'unlocked', passphrase: PASSPHRASE, settings: { language: 'en' } });
    await screen.findByTestId('case-list');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.type(await screen.findByLabelText('Current passphrase'), 'wrong');
    await user.type(screen.getByLabelText('New passphrase'), 'de nieuwe zin is lang genoeg');
    await user.type(screen.getByLabelText('Repeat the new passphrase'), 'de nieuwe zin is lang genoeg');
    await user.click(screen.getByTestId('settings-change-passphrase'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This passphrase does not open the vault.');
  });
});
