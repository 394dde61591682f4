import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../ipc/errors';
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

  it('shows the backend message in Dutch and a translated text for known codes in English', () => {
    const error = new BackendError('wrong_passphrase', 'De wachtwoordzin klopt niet. Let op hoofdletters.');
    expect(errorText(error)).toBe('De wachtwoordzin klopt niet. Let op hoofdletters.');
    setLanguage('en');
    expect(errorText(error)).toBe('The passphrase is not correct.');
    expect(errorText(new BackendError('disk_full', 'De schijf is vol.'))).toBe('De schijf is vol.');
  });
});
