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
    expect(key).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$/);
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
    await fake.vaultRecover(key, 'nog een heel andere lange zin');
  });
});

describe('unlock', () => {
  it('shows a clear message for a wrong passphrase and opens with the right one', async () => {
    const { user } = renderApp({ state: 'locked', passphrase: PASSPHRASE });
    await user.type(await screen.findByTestId('unlock-passphrase'), 'verkeerd');
    await user.click(screen.getByTestId('unlock-submit'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('De wachtwoordzin klopt niet.');
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
    expect(alert).toHaveTextContent('back-up');
    expect(alert).not.toHaveTextContent('klopt niet');
  });

  it('opens the vault with the recovery key from the "forgot" link', async () => {
    const { user } = renderApp({ state: 'locked', passphrase: PASSPHRASE, recoveryKey: 'ABCD-EFGH-JKLM' });
    await user.click(await screen.findByRole('button', { name: /Wachtwoordzin vergeten/ }));
    await user.type(screen.getByLabelText('Herstelsleutel'), 'ABCD-EFGH-XXXX');
    await user.type(screen.getByLabelText('Nieuwe wachtwoordzin'), 'nieuwe zin met genoeg woorden erin');
    await user.type(screen.getByLabelText('Herhaal de nieuwe wachtwoordzin'), 'nieuwe zin met genoeg woorden erin');
    await user.click(screen.getByRole('button', { name: 'Kluis openen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('De herstelsleutel klopt niet');

    await user.clear(screen.getByLabelText('Herstelsleutel'));
    await user.type(screen.getByLabelText('Herstelsleutel'), 'abcd efgh jklm');
    await user.click(screen.getByRole('button', { name: 'Kluis openen' }));
    await waitFor(() => expect(screen.getByTestId('case-list')).toBeInTheDocument());
  });

  it('shows English texts for known error codes when the language is English', async () => {
    const { user } = renderApp({ state: 'locked', passphrase: PASSPHRASE, settings: { language: 'en' } });
    expect(await screen.findByRole('heading', { name: 'Unlock the vault' })).toBeInTheDocument();
    await user.type(screen.getByTestId('unlock-passphrase'), 'wrong');
    await user.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The passphrase is not correct.');
  });
});
