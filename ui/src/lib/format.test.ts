import { describe, expect, it } from 'vitest';
import { approximateAge, dutchDate, nextFreeLetter, parseDutchDate, relationChoice, relationKindFrom } from './format';

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

  it.each([
    ['05-03-2026', '2026-03-05'],
    ['5-3-2026', '2026-03-05'],
    ['05/03/2026', '2026-03-05'],
    ['5.3.2026', '2026-03-05'],
    ['05032026', '2026-03-05'],
    [' 29-02-2024 ', '2024-02-29'],
    ['', ''],
    ['29-02-2026', null],
    ['31-04-2026', null],
    ['2026-03-05', null],
    ['03/05', null],
    ['13-13-2026', null],
    ['vijf maart', null],
  ])('reads the Dutch date %j as %j', (text, iso) => {
    expect(parseDutchDate(text)).toBe(iso);
  });

  it('shows ISO dates and timestamps as dd-mm-jjjj', () => {
    expect(dutchDate('2026-03-05')).toBe('05-03-2026');
    expect(dutchDate('2026-12-01T23:59:00Z')).toBe('01-12-2026');
    expect(dutchDate('')).toBe('');
    expect(dutchDate(null)).toBe('');
  });
});
