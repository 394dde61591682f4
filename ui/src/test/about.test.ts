import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import about from '../lib/ipc/fixtures/about.json';
import { renderApp, renderUnlocked } from './helpers';

describe('the About dialog', () => {
  it('shows version, licence and where the data lives, as Rust says, while unlocked', async () => {
    const { user, fake } = await renderUnlocked();
    await user.click(screen.getByRole('button', { name: 'Over Samen Kijken' }));
    const dialog = await screen.findByTestId('about-dialog');
    expect(await within(dialog).findByTestId('about-version')).toHaveTextContent(about.version);
    expect(within(dialog).getByTestId('about-licence')).toHaveTextContent('EUPL-1.2');
    expect(within(dialog).getByTestId('about-folder')).toHaveTextContent(about.vaultFolder);
    expect(dialog).toHaveTextContent('De versleutelde kluis staat in deze map.');
    expect(within(dialog).getByTestId('about-third-party')).toHaveTextContent('THIRD-PARTY-LICENSES.txt');
    expect(fake.calls).toContain('about_get');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('about-dialog')).toBeNull());
  });

  it('is there before a vault exists, and says where it will be', async () => {
    const { user } = renderApp({ state: 'missing' });
    await screen.findByTestId('create-passphrase');
    await user.click(screen.getByTestId('btn-about'));
    const dialog = await screen.findByTestId('about-dialog');
    expect(await within(dialog).findByTestId('about-folder')).toHaveTextContent(about.vaultFolder);
    expect(dialog).toHaveTextContent('Hier komt de versleutelde kluis zodra u hem aanmaakt.');
  });

  it('closes when the window is hidden', async () => {
    const { user } = await renderUnlocked();
    await user.click(screen.getByTestId('btn-about'));
    await screen.findByTestId('about-dialog');
    await user.click(screen.getByTestId('btn-hide'));
    await waitFor(() => expect(screen.queryByTestId('about-dialog')).toBeNull());
  });
});
