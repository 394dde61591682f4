// The UI's single door to the backend. Import `backend` (or the types) from here;
// nothing else in ui/ imports @tauri-apps/api.
import type { Backend } from './backend';
import { createFakeBackend } from './fake';
import { createTauriBackend } from './tauri';

export type { Backend, Unsubscribe } from './backend';
export * from './errors';
export type * from './types';
export { createFakeBackend, type FakeBackend, type FakeOptions } from './fake';

export type { Case } from './bindings/Case';
export type { CaseStatus } from './bindings/CaseStatus';
export type { CaseSummary } from './bindings/CaseSummary';
export type { Gender } from './bindings/Gender';
export type { Household } from './bindings/Household';
export type { Person } from './bindings/Person';
export type { PersonInput } from './bindings/PersonInput';
export type { Phase } from './bindings/Phase';
export type { Relation } from './bindings/Relation';
export type { RelationInput } from './bindings/RelationInput';
export type { RelationKind } from './bindings/RelationKind';
export type { Role } from './bindings/Role';
export type { Strength } from './bindings/Strength';
export type { StrengthHint } from './bindings/StrengthHint';
export type { StrengthLevel } from './bindings/StrengthLevel';

function runningInTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/** The real backend inside the Tauri shell; the in-memory fake elsewhere (tests, `build:fake`). */
export function chooseBackend(): Backend {
  if (import.meta.env.VITE_BACKEND !== 'fake' && runningInTauri()) {
    return createTauriBackend();
  }
  // The browser demo locks itself after the idle time, like the real app.
  return createFakeBackend({ idleTimer: true });
}

export const backend: Backend = chooseBackend();
