// The typed contract between the UI and the Rust backend: the generated client (one method per
// command of crates/app/src/contract.rs) plus the lock and backup-progress events. tauri.ts implements it over IPC and
// fake.ts (tests and the browser demo only) in memory. Adding a command needs nothing here.
import type { BackupProgress } from './bindings/BackupProgress';
import type { VaultLocked } from './bindings/VaultLocked';
import type { Client } from './generated/client';

export type Unsubscribe = () => void;

export interface Backend extends Client {
  /** 'tauri' for the real app, 'fake' for tests and the browser demo. */
  readonly kind: 'tauri' | 'fake';
  onVaultLocked(handler: (payload: VaultLocked) => void): Promise<Unsubscribe>;
  /** How far a running backup is (`backup-progress`). */
  onBackupProgress(handler: (payload: BackupProgress) => void): Promise<Unsubscribe>;
  /** Files were dropped on the window (`files-dropped`; the paths stay in Rust: `training_import` reads them). */
  onFilesDropped(handler: () => void): Promise<Unsubscribe>;
}
