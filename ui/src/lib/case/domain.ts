// Display helpers for conversations and behaviour records: names, labels, guide choice.
// No rules of the analysis live here: severity, patterns, profiles and red flags come from Rust.
import type { BehaviourDef } from '../ipc/bindings/BehaviourDef';
import type { BehaviourRecord } from '../ipc/bindings/BehaviourRecord';
import type { Confidentiality } from '../ipc/bindings/Confidentiality';
import type { ContextTag } from '../ipc/bindings/ContextTag';
import type { Evidence } from '../ipc/bindings/Evidence';
import type { Exposure } from '../ipc/bindings/Exposure';
import type { Frequency } from '../ipc/bindings/Frequency';
import type { Guide } from '../ipc/bindings/Guide';
import type { GuideAudience } from '../ipc/bindings/GuideAudience';
import type { ImpactTag } from '../ipc/bindings/ImpactTag';
import type { Person } from '../ipc/bindings/Person';
import type { ContentBundle } from '../ipc/types';
import { approximateAge } from '../format';

export const FREQUENCIES: readonly Frequency[] = [
  'not_last_year_but_before',
  'once',
  'twice',
  'three_to_five',
  'six_to_ten',
  'eleven_to_twenty',
  'more_than_twenty',
];

/** The category midpoints of domain.md §5, shown as "× per jaar" (the Rust rules count the same). */
export const YEARLY: Record<Frequency, number> = {
  not_last_year_but_before: 0,
  once: 1,
  twice: 2,
  three_to_five: 4,
  six_to_ten: 8,
  eleven_to_twenty: 15,
  more_than_twenty: 25,
};

export const CONTEXT_TAGS: readonly ContextTag[] = [
  'alcohol_or_drugs',
  'around_separation',
  'in_front_of_children',
  'at_contact_handover',
  'during_pregnancy',
  'outside_the_home',
  'after_conflict_about_money',
  'after_conflict_about_children',
];

export const IMPACT_TAGS: readonly ImpactTag[] = [
  'fear',
  'fear_for_life',
  'injury',
  'sleep_problems',
  'withdrawal',
  'shame',
  'adapting',
];

export const EXPOSURES: readonly Exposure[] = ['saw', 'heard', 'noticed_aftermath', 'hurt_intervening'];

export function nameOf(persons: readonly Person[], id: string): string {
  return persons.find((p) => p.id === id)?.name ?? '?';
}

export function namesOf(persons: readonly Person[], ids: readonly string[]): string {
  return ids.map((id) => nameOf(persons, id)).join(', ');
}

export function behaviourDef(content: ContentBundle | null, id: string): BehaviourDef | undefined {
  return content?.catalogue.items.find((i) => i.id === id);
}

export function behaviourLabel(content: ContentBundle | null, id: string): string {
  return behaviourDef(content, id)?.label ?? id;
}

/** The guide audience for one person: by role, and for children by age band (under 4: observed; 4–7, 8–11, 12–17). */
export function audienceFor(person: Person, today: Date = new Date()): GuideAudience | null {
  if (person.role === 'network') return 'network';
  if (person.role !== 'child') return 'adult_partner';
  if (person.year_of_birth === null) return null;
  const age = approximateAge(person.year_of_birth, today);
  if (age >= 0 && age < 4) return 'child_observation';
  if (age >= 4 && age <= 7) return 'child4_to7';
  if (age >= 8 && age <= 11) return 'child8_to11';
  if (age >= 12 && age <= 17) return 'child12_to17';
  if (age >= 18) return 'adult_partner';
  return null;
}

export function guideFor(guides: readonly Guide[], person: Person, today: Date = new Date()): Guide | null {
  const audience = audienceFor(person, today);
  return audience ? (guides.find((g) => g.audience === audience) ?? null) : null;
}

/** Default visibility of what someone tells: a child's words for the professional only. */
export function defaultConfidentiality(person: Person | undefined): Confidentiality {
  return person?.role === 'child' ? { kind: 'professional_only' } : { kind: 'everyone' };
}

/** Evidence records that still exist, for display. */
export function evidenceRecords(evidence: Evidence, records: readonly BehaviourRecord[]): BehaviourRecord[] {
  return evidence.records
    .map((id) => records.find((r) => r.id === id))
    .filter((r): r is BehaviourRecord => r !== undefined);
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
