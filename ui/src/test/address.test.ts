import { describe, expect, it } from 'vitest';
import { nl } from '../lib/i18n/nl';
import { ERROR_MESSAGES } from '../lib/ipc/generated/errors';

// One form of address per audience: the interface speaks to the professional, and so do the guides'
// help texts and the Meldcode (crates/content/tests/lint.rs) — always "u", never "je".
const JE = /\b(je|jij|jou|jouw)\b/i;

describe('form of address', () => {
  it('the Dutch interface texts address the professional as "u"', () => {
    const offending = Object.entries(nl).filter(([, text]) => JE.test(text));
    expect(offending).toEqual([]);
  });

  it('the Dutch error texts address the professional as "u"', () => {
    const offending = Object.entries(ERROR_MESSAGES.nl).filter(([, text]) => JE.test(text));
    expect(offending).toEqual([]);
  });
});
