// A tiny typed translation function. Dutch is the source; the language comes
// from the settings (`settings_get`) and is reactive: templates that call t()
// re-render when it changes.
import type { BackendError } from '../ipc/errors';
import type { Language } from '../ipc';
import { ERROR_MESSAGES } from '../ipc/generated/errors';
import { en } from './en';
import { nl, type MessageKey } from './nl';

export type { MessageKey } from './nl';
export type Params = Record<string, string | number>;

const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

export const i18n = $state<{ lang: Language }>({ lang: 'nl' });

export function setLanguage(lang: Language): void {
  i18n.lang = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function t(key: MessageKey, params?: Params): string {
  return format(catalogues[i18n.lang][key] ?? nl[key], params);
}

/** What to show for a backend error: the text for its code (`assets/i18n/errors.json`) in the UI's language. */
export function errorText(error: BackendError): string {
  return ERROR_MESSAGES[i18n.lang][error.code] ?? ERROR_MESSAGES.nl.internal;
}

/** The text for an error or warning code, as `errorText` gives it (warnings after unlock, check results). */
export function codeText(code: BackendError['code']): string {
  return ERROR_MESSAGES[i18n.lang][code] ?? ERROR_MESSAGES.nl.internal;
}

/** Placeholders used in a message, sorted, e.g. ['count', 'name']. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export const catalogueFor = (lang: Language): Record<MessageKey, string> => catalogues[lang];
