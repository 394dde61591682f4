// The date field reads and shows dd-mm-jjjj whatever the system locale, and says so when the text is no date.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import DateField from './DateField.svelte';

describe('DateField', () => {
  it('shows the ISO value as dd-mm-jjjj and reports typed dates as ISO', async () => {
    const onchange = vi.fn();
    render(DateField, { props: { id: 'd', value: '2026-03-05', testid: 'd', onchange } });
    const input = screen.getByTestId('d') as HTMLInputElement;
    expect(input.value).toBe('05-03-2026');
    expect(input).toHaveAttribute('placeholder', 'dd-mm-jjjj');
    const user = userEvent.setup();
    await user.clear(input);
    expect(onchange).toHaveBeenLastCalledWith('');
    await user.type(input, '1-12-2025');
    expect(onchange).toHaveBeenLastCalledWith('2025-12-01');
    await user.tab();
    expect(input.value).toBe('01-12-2025');
    expect(input).toHaveAttribute('aria-invalid', 'false');
  });

  it('marks an impossible date and keeps the last good value', async () => {
    const onchange = vi.fn();
    render(DateField, { props: { id: 'd', value: '', testid: 'd', onchange } });
    const input = screen.getByTestId('d');
    const user = userEvent.setup();
    await user.type(input, '31-04-2026');
    expect(input).toHaveAttribute('aria-invalid', 'false');
    await user.tab();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(onchange).not.toHaveBeenCalledWith('2026-04-31');
    expect(screen.getByText(/Dit is geen datum/)).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(/Dit is geen datum/);
  });
});
