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
    async onVaultLocked(handler) {
      return listen<VaultLockedPayload>('vault-locked', (event) => handler(event.payload));
    },
  };
}
