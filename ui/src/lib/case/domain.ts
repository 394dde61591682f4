// Display helpers for conversations and behaviour records: names, labels, the order of choices.
// No rules live here: which guide fits a person, default confidentiality and yearly estimates come
// from Rust (household guidance, the content bundle).
import type { BehaviourDef } from '../ipc/bindings/BehaviourDef';
import type { BehaviourRecord } from '../ipc/bindings/BehaviourRecord';
import type { ContextTag } from '../ipc/bindings/ContextTag';
import type { Evidence } from '../ipc/bindings/Evidence';
import type { Exposure } from '../ipc/bindings/Exposure';
import type { Frequency } from '../ipc/bindings/Frequency';
import type { ImpactTag } from '../ipc/bindings/ImpactTag';
import type { Person } from '../ipc/bindings/Person';
import type { ContentBundle } from '../ipc/bindings/ContentBundle';

/** The frequency categories in the order the content offers them. */
export function frequencies(content: ContentBundle | null): Frequency[] {
  return content?.frequencies.map((f) => f.frequency) ?? [];
}

/** The yearly estimate Rust counts a frequency with (category midpoint). */
export function perYear(content: ContentBundle | null, frequency: Frequency): number | undefined {
  return content?.frequencies.find((f) => f.frequency === frequency)?.per_year;
}

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

/** Evidence records that still exist, for display. */
export function evidenceRecords(evidence: Evidence, records: readonly BehaviourRecord[]): BehaviourRecord[] {
  return evidence.records
    .map((id) => records.find((r) => r.id === id))
    .filter((r): r is BehaviourRecord => r !== undefined);
}
