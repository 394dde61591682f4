import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../ipc/errors';
import { ERROR_CODES } from '../ipc/generated/client';
import { ERROR_MESSAGES } from '../ipc/generated/errors';
import { en } from './en';
import { errorText, placeholders, setLanguage, t } from './index.svelte';
import { nl } from './nl';

describe('i18n catalogues', () => {
  afterEach(() => setLanguage('nl'));

  it('every Dutch key exists in English with the same placeholders', () => {
    for (const [key, text] of Object.entries(nl)) {
      const english = (en as Record<string, string>)[key];
      expect(english, `en is missing ${key}`).toBeTypeOf('string');
      expect(placeholders(english!), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('every English key exists in Dutch with the same placeholders', () => {
    for (const [key, text] of Object.entries(en)) {
      const dutch = (nl as Record<string, string>)[key];
      expect(dutch, `nl is missing ${key}`).toBeTypeOf('string');
      expect(placeholders(dutch!), `placeholders of ${key}`).toEqual(placeholders(text));
    }
  });

  it('no text is empty', () => {
    for (const [key, text] of [...Object.entries(nl), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and follows the language', () => {
    expect(t('cases.suggestion', { letter: 'B' })).toBe('Gezin B.');
    setLanguage('en');
    expect(t('cases.suggestion', { letter: 'B' })).toBe('Family B.');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the text of the error code in the UI language, whatever message came with it', () => {
    const error = new BackendError('wrong_passphrase', 'anything');
    expect(errorText(error)).toBe(ERROR_MESSAGES.nl.wrong_passphrase);
    setLanguage('en');
    expect(errorText(error)).toBe(ERROR_MESSAGES.en.wrong_passphrase);
    expect(ERROR_MESSAGES.en.wrong_passphrase).not.toBe(ERROR_MESSAGES.nl.wrong_passphrase);
  });

  it('has a Dutch and an English text for every error code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES.nl[code].trim()).not.toBe('');
      expect(ERROR_MESSAGES.en[code].trim()).not.toBe('');
    }
  });
});
