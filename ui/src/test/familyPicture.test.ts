// "Gezin in beeld": the genogram with who→whom arrows is drawn from the picture the backend computed,
// with the same content in words; filters hide arrows without changing them.
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { renderUnlocked } from './helpers';

async function openPicture() {
  const app = await renderUnlocked();
  await app.user.click(screen.getByTestId('practice-case'));
  await screen.findByTestId('start-section');
  await app.user.click(screen.getByTestId('tab-wiedoetwat'));
  await app.user.click(await screen.findByTestId('view-picture'));
  return app;
}

describe('family picture', () => {
  it('draws every person and one arrow per actor → target, with a text alternative', async () => {
    await openPicture();
    const picture = screen.getByTestId('family-picture');
    expect(within(picture).getAllByTestId('picture-person-node')).toHaveLength(4);
    expect(within(picture).getAllByTestId('picture-arrow')).toHaveLength(3);
    const svg = screen.getByTestId('picture-svg');
    expect(svg).toHaveAttribute('role', 'img');
    expect(svg).toHaveAccessibleName('Het gezin in beeld');
    const words = screen.getByTestId('picture-words');
    expect(words).toHaveTextContent('Mark en Sanne zijn partners');
    expect(words).toHaveTextContent(/Mark → Sanne: .*wurgen/);
    expect(words).toHaveTextContent('ongeveer 88 keer in het afgelopen jaar · met ernstig gedrag · erbij: Daan');
    expect(words).toHaveTextContent(/Sanne → Mark: .* · ongeveer 5 keer in het afgelopen jaar · alleen licht gedrag/);
  });

  it('filters by person and by kind of behaviour', async () => {
    const { user } = await openPicture();
    const daan = screen.getAllByRole('option', { name: 'Daan' })[0] as HTMLOptionElement;
    await user.selectOptions(screen.getByTestId('picture-person'), daan.value);
    expect(screen.getAllByTestId('picture-arrow')).toHaveLength(1);
    expect(screen.getAllByTestId('picture-arrow-text')[0]).toHaveTextContent('Mark → Daan');
    await user.selectOptions(screen.getByTestId('picture-person'), '');
    await user.click(screen.getByLabelText('psychisch'));
    await user.click(screen.getByLabelText('lichamelijk'));
    // Only coercive control is left: Mark → Sanne.
    expect(screen.getAllByTestId('picture-arrow')).toHaveLength(1);
    expect(screen.getAllByTestId('picture-arrow-text')[0]).toHaveTextContent('Mark → Sanne');
  });
});
