import { screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderApp, renderUnlocked } from './helpers';

const textScale = () => document.documentElement.style.getPropertyValue('--text-scale');

describe('zoom and text size', () => {
  it('Ctrl + and Ctrl − step through the zoom levels Rust offers, Ctrl 0 resets; the choice is kept', async () => {
    const { user, fake } = await renderUnlocked();
    await user.keyboard('{Control>}={/Control}');
    await waitFor(() => expect(screen.getByTestId('app-status')).toHaveTextContent('Weergave op 110%.'));
    await user.keyboard('{Control>}={/Control}');
    await waitFor(() => expect(screen.getByTestId('app-status')).toHaveTextContent('Weergave op 125%.'));
    expect((await fake.displayGet()).display.zoomPercent).toBe(125);
    await user.keyboard('{Control>}-{/Control}{Control>}-{/Control}{Control>}-{/Control}');
    await waitFor(() => expect(screen.getByTestId('app-status')).toHaveTextContent('Weergave op 90%.'));
    await user.keyboard('{Control>}0{/Control}');
    await waitFor(() => expect(screen.getByTestId('app-status')).toHaveTextContent('Weergave op 100%.'));
  });

  it('zooms on the unlock screen too, before any case is open', async () => {
    const { user, fake } = renderApp({ state: 'locked', passphrase: 'paarse olifant danst op het dak' });
    await screen.findByTestId('unlock-passphrase');
    await user.keyboard('{Control>}+{/Control}');
    await waitFor(async () => expect((await fake.displayGet()).display.zoomPercent).toBe(110));
  });

  it('the text size from the settings enlarges the text and is kept', async () => {
    const { user, fake } = await renderUnlocked();
    await user.click(screen.getByRole('button', { name: 'Instellingen' }));
    const select = await screen.findByTestId('settings-text-size');
    expect(select).toHaveAccessibleName('Tekstgrootte');
    await user.selectOptions(select, '150');
    await waitFor(() => expect(textScale()).toBe('1.5'));
    expect((await fake.displayGet()).display.textPercent).toBe(150);
    await user.selectOptions(select, '100');
    await waitFor(() => expect(textScale()).toBe(''));
  });
});
