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
