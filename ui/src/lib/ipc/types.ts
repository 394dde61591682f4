// IPC types that are not (yet) generated from Rust. When ts-rs generates one of
// these into ./bindings, delete it here and re-export the generated one instead.

export type VaultState = 'missing' | 'locked' | 'unlocked';

/** Answer of `vault_status`. */
export type VaultStatus = { state: VaultState; autoLockMinutes: number };

export type Language = 'nl' | 'en';

/** Answer of `settings_get` / argument and answer of `settings_set`. */
export type Settings = { autoLockMinutes: number; language: Language };

/** Answer of `vault_create`: the recovery key, shown to the user exactly once. */
export type VaultCreated = { recoveryKey: string };

export type LockReason = 'idle' | 'manual' | 'hidden' | 'suspend';

/** Payload of the `vault-locked` event. */
export type VaultLockedPayload = { reason: LockReason };

/** How every error crosses the IPC boundary. */
export type ErrorPayload = { code: string; message: string };

import type { Answer } from './bindings/Answer';
import type { BehaviourRecord } from './bindings/BehaviourRecord';
import type { BlamingPhrase } from './bindings/BlamingPhrase';
import type { Catalogue } from './bindings/Catalogue';
import type { ChildPrecheck } from './bindings/ChildPrecheck';
import type { Conversation } from './bindings/Conversation';
import type { Guide } from './bindings/Guide';
import type { IndicatorDef } from './bindings/IndicatorDef';
import type { MeldcodeModel } from './bindings/MeldcodeModel';
import type { ProfileCard } from './bindings/ProfileCard';
import type { RedFlagSet } from './bindings/RedFlagSet';

/** Answer of `content_get`: the static content, loaded once after unlock. */
export type ContentBundle = {
  guides: Guide[];
  catalogue: Catalogue;
  profileCards: ProfileCard[];
  redFlags: RedFlagSet;
  indicators: IndicatorDef[];
  meldcode: MeldcodeModel;
  blamingPhrases: BlamingPhrase[];
};

/** Answer of `conversation_open`: only this conversation's answers and records. */
export type ConversationDetail = {
  conversation: Conversation;
  answers: Answer[];
  records: BehaviourRecord[];
  precheck: ChildPrecheck | null;
};

import type { PlanChecks } from './bindings/PlanChecks';
import type { SafetyPlan } from './bindings/SafetyPlan';

/** Answer of `plan_save`: the stored plan and its guard-rail checks. */
export type PlanSaved = { plan: SafetyPlan; checks: PlanChecks };

/** Answer of `plan_preview`: each page as a `data:image/png;base64,…` URL, rendered in memory. */
export type PlanPreview = { pages: string[] };

/** Answer of `plan_export_pdf`: whether a file was saved (the user may cancel) and the frozen version. */
export type PlanExported = { saved: boolean; version: number | null };

/** The id to send for a record or log entry that does not exist yet; the backend assigns one. */
export const NIL_UUID = '00000000-0000-0000-0000-000000000000';
