// The typed contract between the UI and the Rust backend. Every Tauri command has
// one method here; tauri.ts implements it over IPC and fake.ts in memory.
// To add a command: add the method here, in tauri.ts (command name + camelCase
// argument keys exactly as the Rust side) and in fake.ts.
import type { Case } from './bindings/Case';
import type { CaseSummary } from './bindings/CaseSummary';
import type { Household } from './bindings/Household';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { Relation } from './bindings/Relation';
import type { RelationInput } from './bindings/RelationInput';
import type { Strength } from './bindings/Strength';
import type { Settings, VaultCreated, VaultLockedPayload, VaultStatus } from './types';

export type Unsubscribe = () => void;

export interface Backend {
  /** 'tauri' for the real app, 'fake' for tests and the browser demo. */
  readonly kind: 'tauri' | 'fake';

  // vault
  vaultStatus(): Promise<VaultStatus>;
  passphraseStrength(passphrase: string): Promise<Strength>;
  vaultCreate(passphrase: string): Promise<VaultCreated>;
  vaultUnlock(passphrase: string): Promise<void>;
  vaultRecover(recoveryKey: string, newPassphrase: string): Promise<void>;
  vaultLock(): Promise<void>;
  vaultChangePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void>;
  activity(): Promise<void>;

  // settings
  settingsGet(): Promise<Settings>;
  settingsSet(settings: Settings): Promise<Settings>;

  // cases
  casesList(): Promise<CaseSummary[]>;
  caseCreate(label: string): Promise<Case>;
  caseRename(caseId: string, label: string): Promise<Case>;
  caseDelete(caseId: string): Promise<void>;

  // household
  householdGet(caseId: string): Promise<Household>;
  personAdd(caseId: string, input: PersonInput): Promise<Person>;
  personUpdate(personId: string, input: PersonInput): Promise<Person>;
  personDelete(personId: string): Promise<void>;
  relationAdd(caseId: string, input: RelationInput): Promise<Relation>;
  relationDelete(relationId: string): Promise<void>;

  // events
  onVaultLocked(handler: (payload: VaultLockedPayload) => void): Promise<Unsubscribe>;
}
