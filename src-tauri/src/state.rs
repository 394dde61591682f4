//! App state: where the vault lives, whether it is unlocked, and the idle timer.
//!
//! The unlocked [`vault::Vault`] is the only holder of the data key. Locking drops it (the connection
//! closes and the key is wiped). The idle timer lives here, in Rust, so the app locks even when the
//! WebView is busy or hung.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::Serialize;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};

/// Why the vault was locked; sent with the `vault-locked` event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LockReason {
    Idle,
    Manual,
    Hidden,
    Suspend,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct VaultLocked {
    pub reason: LockReason,
}

/// Name of the event the UI listens to.
pub const LOCKED_EVENT: &str = "vault-locked";

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;

pub struct AppState {
    pub vault_dir: PathBuf,
    vault: Mutex<Option<vault::Vault>>,
    last_activity: Mutex<Instant>,
    auto_lock_minutes: AtomicU32,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn new(vault_dir: PathBuf) -> Shared {
        Arc::new(AppState {
            vault_dir,
            vault: Mutex::new(None),
            last_activity: Mutex::new(Instant::now()),
            auto_lock_minutes: AtomicU32::new(DEFAULT_AUTO_LOCK_MINUTES),
        })
    }

    fn slot(&self) -> MutexGuard<'_, Option<vault::Vault>> {
        // A panic while holding the lock must not keep the vault open or wedge the app.
        self.vault.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn is_unlocked(&self) -> bool {
        self.slot().is_some()
    }

    pub fn install(&self, v: vault::Vault) {
        *self.slot() = Some(v);
        self.touch();
    }

    /// Drops the vault (closing the database and wiping the key). Returns whether it was open.
    pub fn lock(&self) -> bool {
        self.slot().take().is_some()
    }

    /// Runs `f` with the unlocked vault, or fails with `locked`.
    pub fn with_vault<T>(&self, f: impl FnOnce(&mut vault::Vault) -> IpcResult<T>) -> IpcResult<T> {
        let mut slot = self.slot();
        let v = slot.as_mut().ok_or_else(IpcError::locked)?;
        f(v)
    }

    pub fn touch(&self) {
        *self.last_activity.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
    }

    pub fn idle_for(&self) -> Duration {
        self.last_activity.lock().unwrap_or_else(|p| p.into_inner()).elapsed()
    }

    pub fn auto_lock_after(&self) -> Duration {
        Duration::from_secs(u64::from(self.auto_lock_minutes.load(Ordering::Relaxed)) * 60)
    }

    pub fn set_auto_lock_minutes(&self, minutes: u32) {
        self.auto_lock_minutes.store(minutes, Ordering::Relaxed);
    }

    pub fn auto_lock_minutes(&self) -> u32 {
        self.auto_lock_minutes.load(Ordering::Relaxed)
    }

    /// Locks when the vault is open and idle for longer than the setting. Returns whether it locked.
    pub fn lock_if_idle(&self) -> bool {
        self.is_unlocked() && self.idle_for() >= self.auto_lock_after() && self.lock()
    }
}

/// Runs blocking vault work off the async runtime so the UI never waits on a busy thread.
pub async fn blocking<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&AppState) -> IpcResult<T> + Send + 'static,
) -> IpcResult<T> {
    let state = Arc::clone(state);
    tauri::async_runtime::spawn_blocking(move || f(&state)).await.map_err(|_| IpcError::internal())?
}
