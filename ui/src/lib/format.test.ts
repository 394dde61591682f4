import { describe, expect, it } from 'vitest';
import { approximateAge, nextFreeLetter, relationChoice, relationKindFrom } from './format';

describe('format helpers', () => {
  it('suggests the next free letter', () => {
    const template = (letter: string) => `Gezin ${letter}.`;
    expect(nextFreeLetter([], template)).toBe('A');
    expect(nextFreeLetter(['Gezin A.', 'gezin b.', 'Gezin D.'], template)).toBe('C');
  });

  it('computes an age from a year of birth', () => {
    expect(approximateAge(2016, new Date('2025-06-01'))).toBe(9);
  });

  it('maps step-parent to parent_of with step, and back', () => {
    expect(relationKindFrom('step_parent_of', '')).toEqual({ kind: 'parent_of', step: true });
    expect(relationChoice({ kind: 'parent_of', step: true })).toBe('step_parent_of');
    expect(relationKindFrom('ex_partner_of', '')).toEqual({ kind: 'ex_partner_of', separation_date: null });
    expect(relationKindFrom('ex_partner_of', '2024-01-31')).toEqual({
      kind: 'ex_partner_of',
      separation_date: '2024-01-31',
    });
  });
});
