// The Backend over Tauri IPC. The only file (with index.ts choosing it) that
// touches @tauri-apps/api. Command names and argument keys match src-tauri exactly.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { Backend } from './backend';
import { toBackendError } from './errors';
import type { VaultLockedPayload } from './types';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toBackendError(error);
  }
}

export function createTauriBackend(): Backend {
  return {
    kind: 'tauri',
    vaultStatus: () => call('vault_status'),
    passphraseStrength: (passphrase) => call('passphrase_strength', { passphrase }),
    vaultCreate: (passphrase) => call('vault_create', { passphrase }),
    vaultUnlock: (passphrase) => call('vault_unlock', { passphrase }),
    vaultRecover: (recoveryKey, newPassphrase) =>
      call('vault_recover', { recoveryKey, newPassphrase }),
    vaultLock: () => call('vault_lock'),
    vaultChangePassphrase: (oldPassphrase, newPassphrase) =>
      call('vault_change_passphrase', { oldPassphrase, newPassphrase }),
    activity: () => call('activity'),
    settingsGet: () => call('settings_get'),
    settingsSet: (settings) => call('settings_set', { settings }),
    casesList: () => call('cases_list'),
    caseCreate: (label) => call('case_create', { label }),
    caseRename: (caseId, label) => call('case_rename', { caseId, label }),
    caseDelete: (caseId) => call('case_delete', { caseId }),
    householdGet: (caseId) => call('household_get', { caseId }),
    personAdd: (caseId, input) => call('person_add', { caseId, input }),
    personUpdate: (personId, input) => call('person_update', { personId, input }),
    personDelete: (personId) => call('person_delete', { personId }),
    relationAdd: (caseId, input) => call('relation_add', { caseId, input }),
    relationDelete: (relationId) => call('relation_delete', { relationId }),
    contentGet: () => call('content_get'),
    caseSetPhase: (caseId, phase) => call('case_set_phase', { caseId, phase }),
    conversationsList: (caseId) => call('conversations_list', { caseId }),
    conversationStart: (caseId, participants, guideId, jointReason, safetyJustification) =>
      call('conversation_start', { caseId, participants, guideId, jointReason, safetyJustification }),
    jointCheck: (caseId, participants) => call('joint_check', { caseId, participants }),
    conversationOpen: (conversationId) => call('conversation_open', { conversationId }),
    conversationEnd: (conversationId, notes) => call('conversation_end', { conversationId, notes }),
    answerSave: (conversationId, questionId, value, confidential) =>
      call('answer_save', { conversationId, questionId, value, confidential }),
    precheckSave: (precheck) => call('precheck_save', { precheck }),
    behavioursList: (caseId) => call('behaviours_list', { caseId }),
    behaviourSave: (record) => call('behaviour_save', { record }),
    behaviourTrash: (recordId) => call('behaviour_trash', { recordId }),
    behaviourRestore: (recordId) => call('behaviour_restore', { recordId }),
    behavioursTrashList: (caseId) => call('behaviours_trash_list', { caseId }),
    analysisGet: (caseId) => call('analysis_get', { caseId }),
    judgementSave: (caseId, judgement) => call('judgement_save', { caseId, judgement }),
    acuteDecisionSave: (caseId, decision) => call('acute_decision_save', { caseId, decision }),
    meldcodeList: (caseId) => call('meldcode_list', { caseId }),
    meldcodeSave: (entry) => call('meldcode_save', { entry }),
    meldcodeStatus: (caseId) => call('meldcode_status', { caseId }),
    planGet: (caseId) => call('plan_get', { caseId }),
    planSave: (plan) => call('plan_save', { plan }),
    planCheck: (plan) => call('plan_check', { plan }),
    planPreview: (caseId, audience) => call('plan_preview', { caseId, audience }),
    planExportPdf: (caseId, audience) => call('plan_export_pdf', { caseId, audience }),
    planFreeze: (caseId) => call('plan_freeze', { caseId }),
    planVersions: (caseId) => call('plan_versions', { caseId }),
    printPage: () => call('print_page', {}),
    async onVaultLocked(handler) {
      return listen<VaultLockedPayload>('vault-locked', (event) => handler(event.payload));
    },
  };
}
