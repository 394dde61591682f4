// The Backend over Tauri IPC. The only file (with index.ts choosing it) that touches @tauri-apps/api.
// Every command takes one argument, `request`, typed by the generated client.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { Backend } from './backend';
import type { BackupProgress } from './bindings/BackupProgress';
import type { VaultLocked } from './bindings/VaultLocked';
import { toBackendError } from './errors';
import { createClient } from './generated/client';

export function createTauriBackend(): Backend {
  const client = createClient(async (command, request) => {
    try {
      return await invoke(command, { request });
    } catch (error) {
      throw toBackendError(error);
    }
  });
  return {
    ...client,
    kind: 'tauri',
    async onVaultLocked(handler) {
      return listen<VaultLocked>('vault-locked', (event) => handler(event.payload));
    },
    async onBackupProgress(handler) {
      return listen<BackupProgress>('backup-progress', (event) => handler(event.payload));
    },
    async onFilesDropped(handler) {
      return listen('files-dropped', () => handler());
    },
  };
}
