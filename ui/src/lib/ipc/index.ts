// The UI's single door to the backend. Import `backend` (or the types) from here;
// nothing else in ui/ imports @tauri-apps/api. The fake backend is only in test and `--mode fake`
// builds: in a production build the condition below is false at build time and the fake is dropped.
import type { Backend } from './backend';
import { createTauriBackend } from './tauri';
import { createFakeBackend } from './fake';

export type { Backend, Unsubscribe } from './backend';
export * from './errors';
export { createFakeBackend, type FakeBackend, type FakeOptions } from './fake';

export type { About } from './bindings/About';
export type { BackupMade } from './bindings/BackupMade';
export type { BackupProgress } from './bindings/BackupProgress';
export type { BackupRestored } from './bindings/BackupRestored';
export type { Case } from './bindings/Case';
export type { HandoverPart } from './bindings/HandoverPart';
export type { HandoverPreview } from './bindings/HandoverPreview';
export type { HandoverCounts } from './bindings/HandoverCounts';
export type { CaseStatus } from './bindings/CaseStatus';
export type { CaseSummary } from './bindings/CaseSummary';
export type { ContentBundle } from './bindings/ContentBundle';
export type { ConversationDetail } from './bindings/ConversationDetail';
export type { CreatedVault } from './bindings/CreatedVault';
export type { ErrorCode } from './bindings/ErrorCode';
export type { Gender } from './bindings/Gender';
export type { Household } from './bindings/Household';
export type { HouseholdView } from './bindings/HouseholdView';
export type { Language } from './bindings/Language';
export type { LockReason } from './bindings/LockReason';
export type { Person } from './bindings/Person';
export type { PlanLanguage } from './bindings/PlanLanguage';
export type { ItemTranslation } from './bindings/ItemTranslation';
export type { PersonGuidance } from './bindings/PersonGuidance';
export type { PersonInput } from './bindings/PersonInput';
export type { Phase } from './bindings/Phase';
export type { PlanEditor } from './bindings/PlanEditor';
export type { PlanExported } from './bindings/PlanExported';
export type { Relation } from './bindings/Relation';
export type { RelationInput } from './bindings/RelationInput';
export type { RelationKind } from './bindings/RelationKind';
export type { RelationProposal } from './bindings/RelationProposal';
export type { ProposalReason } from './bindings/ProposalReason';
export type { BehaviourPrefill } from './bindings/BehaviourPrefill';
export type { Role } from './bindings/Role';
export type { Settings } from './bindings/Settings';
export type { Strength } from './bindings/Strength';
export type { StrengthHint } from './bindings/StrengthHint';
export type { StrengthLevel } from './bindings/StrengthLevel';
export type { VaultCheck } from './bindings/VaultCheck';
export type { VaultHealth } from './bindings/VaultHealth';
export type { VaultLocked } from './bindings/VaultLocked';
export type { VaultState } from './bindings/VaultState';
export type { VaultStatus } from './bindings/VaultStatus';

/** The id to send for a record or log entry that does not exist yet; the backend assigns one. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** The real backend in the app; the in-memory fake in tests and the `--mode fake` browser demo. */
export function chooseBackend(): Backend {
  if (import.meta.env.VITE_BACKEND === 'fake' || import.meta.env.MODE === 'test') {
    // The browser demo locks itself after the idle time, like the real app.
    return createFakeBackend({ idleTimer: true });
  }
  return createTauriBackend();
}

export const backend: Backend = chooseBackend();
