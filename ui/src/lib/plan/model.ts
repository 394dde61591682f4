// The safety plan editor's layout: sections and their fields. No rules live here: who may read an
// item and what a new item looks like come from Rust (`plan_get`, `plan_item_add`: readers per item).
import type { Audience } from '../ipc/bindings/Audience';
import type { Item } from '../ipc/bindings/Item';
import type { PlanLanguage } from '../ipc/bindings/PlanLanguage';
import type { SafetyPlan } from '../ipc/bindings/SafetyPlan';

/** The languages a person's plan version can be in, in the order the person form lists them. */
export const PLAN_LANGUAGES: readonly PlanLanguage[] = ['nl', 'en', 'tr', 'ar', 'pl', 'uk'];

/** The text of an item's translation into `language`, or '' when none was entered. */
export function translationOf(item: Item<unknown>, language: PlanLanguage): string {
  return item.translations.find((t) => t.language === language)?.text ?? '';
}

/** Sets (or, with '', clears) an item's translation into `language`; Rust checks it on save. */
export function setTranslation(item: Item<unknown>, language: PlanLanguage, text: string): void {
  const i = item.translations.findIndex((t) => t.language === language);
  const found = item.translations[i];
  if (text === '' && found) item.translations.splice(i, 1);
  else if (found) found.text = text;
  else if (text !== '') item.translations.push({ language, text });
}

export const SECTIONS = [
  'worries',
  'conditions',
  'acute_actions',
  'agreements',
  'problems',
  'recovery',
  'support',
  'network',
  'professionals',
  'measures',
  'signals',
  'escape_plan',
] as const;
export type SectionId = (typeof SECTIONS)[number];

export type FieldKind = 'text' | 'textarea' | 'person' | 'parties' | 'date' | 'datetime' | 'number' | 'select';
export type Field = { key: string; kind: FieldKind; options?: readonly string[]; main?: boolean };

const MEASURE_KINDS = [
  'tijdelijk_huisverbod',
  'contact_ban',
  'criminal_conditions',
  'ots',
  'police_priority',
  'alarm_device',
  'address_shielding',
  'other',
] as const;
const ESCAPE_KINDS = ['where_to_go', 'what_to_take', 'who_to_call', 'other'] as const;

/** The editable fields of each section's content, in screen order. `main` is the item's main text. */
export const FIELDS: Record<SectionId, readonly Field[]> = {
  worries: [{ key: 'situation', kind: 'textarea', main: true }, { key: 'impact', kind: 'textarea' }],
  conditions: [{ key: 'text', kind: 'textarea', main: true }],
  acute_actions: [
    { key: 'what', kind: 'textarea', main: true },
    { key: 'who', kind: 'parties' },
    { key: 'before', kind: 'datetime' },
  ],
  agreements: [
    { key: 'what', kind: 'textarea', main: true },
    { key: 'who', kind: 'parties' },
    { key: 'from', kind: 'date' },
    { key: 'checked_by', kind: 'parties' },
    { key: 'if_broken', kind: 'textarea' },
  ],
  problems: [
    { key: 'problem', kind: 'textarea', main: true },
    { key: 'person', kind: 'person' },
    { key: 'priority', kind: 'number' },
    { key: 'help', kind: 'textarea' },
  ],
  recovery: [
    { key: 'need', kind: 'textarea', main: true },
    { key: 'person', kind: 'person' },
    { key: 'help', kind: 'textarea' },
  ],
  support: [
    { key: 'need', kind: 'textarea', main: true },
    { key: 'person', kind: 'person' },
    { key: 'help', kind: 'textarea' },
  ],
  network: [
    { key: 'task', kind: 'textarea', main: true },
    { key: 'member', kind: 'person' },
  ],
  professionals: [
    { key: 'name', kind: 'text', main: true },
    { key: 'organisation', kind: 'text' },
    { key: 'role', kind: 'text' },
    { key: 'contact', kind: 'text' },
  ],
  measures: [
    { key: 'details', kind: 'textarea', main: true },
    { key: 'kind', kind: 'select', options: MEASURE_KINDS },
    { key: 'status', kind: 'select', options: ['in_place', 'considered'] },
    { key: 'until', kind: 'date' },
  ],
  signals: [
    { key: 'signal', kind: 'textarea', main: true },
    { key: 'action', kind: 'textarea' },
  ],
  escape_plan: [
    { key: 'text', kind: 'textarea', main: true },
    { key: 'kind', kind: 'select', options: ESCAPE_KINDS },
  ],
};

export function audienceKey(a: Audience): string {
  return a.kind === 'professional' ? 'professional' : `${a.kind}:${a.person}`;
}

/** The items of one section, typed loosely for the generic editor. */
export function itemsOf(plan: SafetyPlan, section: SectionId): Item<Record<string, unknown>>[] {
  return plan[section] as unknown as Item<Record<string, unknown>>[];
}
