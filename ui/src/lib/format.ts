// Small display helpers shared by screens (dates, ages, relation kinds).
import type { Language, RelationKind } from './ipc';
import type { MessageKey } from './i18n/index.svelte';

// One formatter per language, made once: a new Intl formatter per date (two per row of a 1,000-case
// list) costs ICU memory and time until the garbage collector catches up.
function perLanguage<T>(make: (locale: string) => T): (lang: Language) => T {
  const made = new Map<Language, T>();
  return (lang) => {
    let value = made.get(lang);
    if (value === undefined) {
      value = make(lang === 'nl' ? 'nl-NL' : 'en-GB');
      made.set(lang, value);
    }
    return value;
  };
}

const dateFormat = perLanguage(
  (locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
);
const countFormat = perLanguage((locale) => new Intl.NumberFormat(locale));

export function formatDate(iso: string, lang: Language): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormat(lang).format(date);
}

/** A count as the language writes it: 1.000 in Dutch, 1,000 in English. */
export function formatCount(n: number, lang: Language): string {
  return countFormat(lang).format(n);
}

/** Age from a year of birth only: the age this person reaches this year. */
export function approximateAge(yearOfBirth: number, today: Date = new Date()): number {
  return Math.max(0, today.getFullYear() - yearOfBirth);
}

/** The choices offered in the relation form; step-parent is `parent_of` with `step: true`. */
export type RelationChoice = 'partner_of' | 'ex_partner_of' | 'parent_of' | 'step_parent_of' | 'sibling_of';

export const RELATION_CHOICES: readonly RelationChoice[] = [
  'partner_of',
  'ex_partner_of',
  'parent_of',
  'step_parent_of',
  'sibling_of',
];

export function relationChoice(kind: RelationKind): RelationChoice {
  if (kind.kind === 'parent_of') return kind.step ? 'step_parent_of' : 'parent_of';
  return kind.kind;
}

export function relationKindFrom(choice: RelationChoice, separationDate: string): RelationKind {
  switch (choice) {
    case 'partner_of':
      return { kind: 'partner_of' };
    case 'ex_partner_of':
      return { kind: 'ex_partner_of', separation_date: separationDate === '' ? null : separationDate };
    case 'parent_of':
      return { kind: 'parent_of', step: false };
    case 'step_parent_of':
      return { kind: 'parent_of', step: true };
    case 'sibling_of':
      return { kind: 'sibling_of' };
  }
}

export function relationKey(choice: RelationChoice): MessageKey {
  return `relations.kind.${choice}`;
}

/** Next free suggestion letter for "Gezin A.", "Gezin B.", … given the existing labels. */
export function nextFreeLetter(labels: readonly string[], template: (letter: string) => string): string {
  const taken = new Set(labels.map((label) => label.trim().toLowerCase()));
  for (let code = 65; code <= 90; code += 1) {
    const letter = String.fromCharCode(code);
    if (!taken.has(template(letter).toLowerCase())) return letter;
  }
  return String(labels.length + 1);
}

/**
 * Dates are typed and shown as dd-mm-jjjj whatever the system locale (a native date field in WebKitGTK
 * follows the system and showed mm/dd/yyyy). Accepts `-`, `/`, `.` or spaces between the parts and
 * eight digits without separators. Returns the ISO date, '' for an empty field, or null when the text is
 * not a real calendar date.
 */
export function parseDutchDate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = /^(\d{1,2})[-/. ]+(\d{1,2})[-/. ]+(\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An ISO date (or the date part of a timestamp) as dd-mm-jjjj; '' stays ''. */
export function dutchDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : '';
}

/** A timestamp as dd-mm-jjjj uu:mm in Dutch time, whatever the system's zone or locale. */
export function dutchDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('nl-NL', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Amsterdam',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}`;
}
