// The safety plan editor's data helpers: sections, fields, new items, readers. No rules of who may
// read what live here — that is Rust's `view_for`; the UI only offers choices that the filter would
// honour anyway (escape plan never "everyone", a child's disclosure never to a parent).
import type { Audience } from '../ipc/bindings/Audience';
import type { Item } from '../ipc/bindings/Item';
import type { Person } from '../ipc/bindings/Person';
import type { SafetyPlan } from '../ipc/bindings/SafetyPlan';
import type { Visibility } from '../ipc/bindings/Visibility';

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

export const MAX_WORRIES = 3;

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

export function newId(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function isChild(p: Person): boolean {
  return p.role === 'child';
}

export function isAdult(p: Person): boolean {
  return p.role !== 'child' && p.role !== 'network';
}

/** The person an escape plan protects by default: the first adult the worries are about, else the first adult. */
export function defaultProtected(plan: SafetyPlan, persons: readonly Person[]): string | null {
  const adults = persons.filter(isAdult);
  for (const w of plan.worries) {
    if (w.about && adults.some((a) => a.id === w.about)) return w.about;
  }
  return adults[0]?.id ?? persons[0]?.id ?? null;
}

/** A new, empty item for a section, written by the professional. */
export function newItem(section: SectionId, plan: SafetyPlan, persons: readonly Person[]): Item<unknown> {
  const first = (pred: (p: Person) => boolean) => persons.find(pred)?.id ?? persons[0]?.id ?? '';
  const base = { id: newId(), about: null as string | null, origin: { kind: 'professional' } as const };
  const everyone: Visibility = { kind: 'everyone' };
  switch (section) {
    case 'worries':
      return { ...base, visibility: { kind: 'professional_only' }, content: { situation: '', impact: '' } };
    case 'conditions':
      return { ...base, visibility: everyone, content: { text: '' } };
    case 'acute_actions':
      return { ...base, visibility: { kind: 'professional_only' }, content: { what: '', who: [], before: null } };
    case 'agreements':
      return { ...base, visibility: everyone, content: { who: [], what: '', from: null, checked_by: [], if_broken: '' } };
    case 'problems': {
      const person = first(isAdult);
      return {
        ...base,
        about: person,
        visibility: { kind: 'persons', persons: [person] },
        content: { person, priority: 1, problem: '', help: '' },
      };
    }
    case 'recovery':
    case 'support': {
      const person = first(() => true);
      return { ...base, about: person, visibility: { kind: 'persons', persons: [person] }, content: { person, need: '', help: '' } };
    }
    case 'network':
      return { ...base, visibility: everyone, content: { member: first((p) => p.role === 'network'), task: '' } };
    case 'professionals':
      return { ...base, visibility: everyone, content: { name: '', organisation: '', role: '', contact: '' } };
    case 'measures':
      return {
        ...base,
        visibility: { kind: 'professional_only' },
        content: { kind: 'tijdelijk_huisverbod', status: 'considered', details: '', until: null },
      };
    case 'signals':
      return { ...base, visibility: everyone, content: { signal: '', action: '' } };
    case 'escape_plan': {
      // The escape plan is for the protected person and the professional only.
      const protects = defaultProtected(plan, persons) ?? '';
      return { ...base, about: protects, visibility: { kind: 'persons', persons: [protects] }, content: { kind: 'where_to_go', text: '' } };
    }
  }
}

/** The audience a person reads as, by role (as Rust's `Audience::for_person`). */
export function audienceFor(p: Person): Audience {
  if (p.role === 'child') return { kind: 'child', person: p.id };
  if (p.role === 'network') return { kind: 'network', person: p.id };
  return { kind: 'adult', person: p.id };
}

export function audienceKey(a: Audience): string {
  return a.kind === 'professional' ? 'professional' : `${a.kind}:${a.person}`;
}

/** Persons an item's visibility may name: for a child's disclosure only that child. */
export function allowedReaders(item: Item<unknown>, persons: readonly Person[]): Person[] {
  if (item.origin.kind === 'child_disclosure') {
    const child = item.origin.child;
    return persons.filter((p) => p.id === child);
  }
  return [...persons];
}

/** Whether "everyone" may be chosen: never for the escape plan or a child's disclosure. */
export function everyoneAllowed(section: SectionId, item: Item<unknown>): boolean {
  return section !== 'escape_plan' && item.origin.kind !== 'child_disclosure';
}

/** The items of one section, typed loosely for the generic editor. */
export function itemsOf(plan: SafetyPlan, section: SectionId): Item<Record<string, unknown>>[] {
  return plan[section] as unknown as Item<Record<string, unknown>>[];
}
