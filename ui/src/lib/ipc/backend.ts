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
import type { AcuteDecision } from './bindings/AcuteDecision';
import type { Analysis } from './bindings/Analysis';
import type { Answer } from './bindings/Answer';
import type { AnswerValue } from './bindings/AnswerValue';
import type { BehaviourRecord } from './bindings/BehaviourRecord';
import type { ChildPrecheck } from './bindings/ChildPrecheck';
import type { Confidentiality } from './bindings/Confidentiality';
import type { Conversation } from './bindings/Conversation';
import type { GuardRail } from './bindings/GuardRail';
import type { Judgement } from './bindings/Judgement';
import type { MeldcodeEntry } from './bindings/MeldcodeEntry';
import type { MeldcodeStatus } from './bindings/MeldcodeStatus';
import type { Phase } from './bindings/Phase';
import type { Audience } from './bindings/Audience';
import type { PlanChecks } from './bindings/PlanChecks';
import type { PlanVersion } from './bindings/PlanVersion';
import type { SafetyPlan } from './bindings/SafetyPlan';
import type {
  ContentBundle,
  ConversationDetail,
  PlanExported,
  PlanPreview,
  PlanSaved,
  Settings,
  VaultCreated,
  VaultLockedPayload,
  VaultStatus,
} from './types';

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

  // content (static, load once after unlock)
  contentGet(): Promise<ContentBundle>;

  // phase
  caseSetPhase(caseId: string, phase: Phase): Promise<Case>;

  // conversations
  conversationsList(caseId: string): Promise<Conversation[]>;
  conversationStart(
    caseId: string,
    participants: string[],
    guideId: string,
    jointReason: string | null,
    safetyJustification: string | null,
  ): Promise<Conversation>;
  jointCheck(caseId: string, participants: string[]): Promise<GuardRail | null>;
  conversationOpen(conversationId: string): Promise<ConversationDetail>;
  conversationEnd(conversationId: string, notes: string): Promise<Conversation>;
  answerSave(
    conversationId: string,
    questionId: string,
    value: AnswerValue,
    confidential: Confidentiality,
  ): Promise<Answer>;
  precheckSave(precheck: ChildPrecheck): Promise<ChildPrecheck>;

  // behaviour records
  behavioursList(caseId: string): Promise<BehaviourRecord[]>;
  behaviourSave(record: BehaviourRecord): Promise<BehaviourRecord>;
  behaviourTrash(recordId: string): Promise<void>;
  behaviourRestore(recordId: string): Promise<void>;
  behavioursTrashList(caseId: string): Promise<BehaviourRecord[]>;

  // analysis
  analysisGet(caseId: string): Promise<Analysis>;
  judgementSave(caseId: string, judgement: Judgement): Promise<Analysis>;
  acuteDecisionSave(caseId: string, decision: AcuteDecision): Promise<Analysis>;

  // Meldcode
  meldcodeList(caseId: string): Promise<MeldcodeEntry[]>;
  meldcodeSave(entry: MeldcodeEntry): Promise<MeldcodeEntry>;
  meldcodeStatus(caseId: string): Promise<MeldcodeStatus>;

  // safety plan (veiligheidsplan)
  /** The stored plan, or a fresh prefilled one that is not stored yet. */
  planGet(caseId: string): Promise<SafetyPlan>;
  planSave(plan: SafetyPlan): Promise<PlanSaved>;
  /** Guard-rail hints without saving. */
  planCheck(plan: SafetyPlan): Promise<PlanChecks>;
  /** Pages of one reader's version as PNG data URLs, rendered in memory. */
  planPreview(caseId: string, audience: Audience): Promise<PlanPreview>;
  /** Freezes a numbered version and opens the native save dialog. */
  planExportPdf(caseId: string, audience: Audience): Promise<PlanExported>;
  /** Freezes a numbered version (before printing). */
  planFreeze(caseId: string): Promise<PlanVersion>;
  planVersions(caseId: string): Promise<PlanVersion[]>;
  /** Opens the system print dialog for what the window shows (the print-only page images). */
  printPage(): Promise<void>;

  // events
  onVaultLocked(handler: (payload: VaultLockedPayload) => void): Promise<Unsubscribe>;
}
