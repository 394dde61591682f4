//! App state: where the vault lives, whether it is unlocked, and the idle timer.
//!
//! The unlocked [`app::Vault`] is the only holder of the data key. Locking drops it (the connection
//! closes and the key is wiped). The idle timer lives here, in Rust, so the app locks even when the
//! WebView is busy or hung.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

pub use app::views::{LockReason, VaultLocked, LOCKED_EVENT};

pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 5;

/// A clock that keeps counting while the machine sleeps. `Instant` (CLOCK_MONOTONIC on Linux) stops
/// during suspend: idle 4 minutes, sleep for hours, wake, and the case would still be on screen.
pub trait Clock: Send + Sync {
    /// Time since some fixed point, including time asleep.
    fn now(&self) -> Duration;
}

/// `CLOCK_BOOTTIME` on Linux (counts suspend); elsewhere the monotonic clock (see SECURITY.md for what
/// Windows and macOS need).
pub struct BootClock;

impl Clock for BootClock {
    fn now(&self) -> Duration {
        #[cfg(target_os = "linux")]
        {
            let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
            // SAFETY: a valid clock id and a valid out-pointer; CLOCK_BOOTTIME exists since Linux 2.6.39.
            unsafe { libc::clock_gettime(libc::CLOCK_BOOTTIME, &mut t) };
            Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
        }
        #[cfg(not(target_os = "linux"))]
        {
            static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
            START.get_or_init(std::time::Instant::now).elapsed()
        }
    }
}

pub struct AppState {
    pub vault_dir: PathBuf,
    /// The practice vault's folder (`oefenkluis`, beside the real vault).
    pub practice_dir: PathBuf,
    /// Practice mode: the open vault (if any) is the practice vault. Every lock ends it.
    practice: std::sync::atomic::AtomicBool,
    vault: Mutex<Option<app::Vault>>,
    clock: Box<dyn Clock>,
    last_activity: Mutex<Duration>,
    auto_lock_minutes: AtomicU32,
    /// Set by `backup_cancel` while a backup runs.
    pub backup_cancel: std::sync::atomic::AtomicBool,
    /// The files last dropped on the window, until a command takes them.
    dropped: Mutex<Vec<PathBuf>>,
    /// The handover file chosen in the file dialog (its path only), for the preview and the import.
    pub handover_file: std::sync::Mutex<Option<std::path::PathBuf>>,
}

pub type Shared = Arc<AppState>;

/// The practice vault's folder beside the real one: `…/kluis` → `…/oefenkluis`, any other name gets
/// `-oefenkluis` (a test's or a portable vault folder).
pub fn practice_dir_beside(vault_dir: &std::path::Path) -> PathBuf {
    let name = vault_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let practice = if name == "kluis" { "oefenkluis".to_owned() } else { format!("{name}-oefenkluis") };
    vault_dir.with_file_name(practice)
}

impl AppState {
    pub fn new(vault_dir: PathBuf) -> Shared {
        Self::with_clock(vault_dir, Box::new(BootClock))
    }

    /// With another clock (tests inject one).
    pub fn with_clock(vault_dir: PathBuf, clock: Box<dyn Clock>) -> Shared {
        let now = clock.now();
        let practice_dir = practice_dir_beside(&vault_dir);
        Arc::new(AppState {
            vault_dir,
            practice_dir,
            practice: std::sync::atomic::AtomicBool::new(false),
            vault: Mutex::new(None),
            clock,
            last_activity: Mutex::new(now),
            auto_lock_minutes: AtomicU32::new(DEFAULT_AUTO_LOCK_MINUTES),
            backup_cancel: std::sync::atomic::AtomicBool::new(false),
            dropped: Mutex::new(Vec::new()),
            handover_file: std::sync::Mutex::new(None),
        })
    }

    /// Keeps the files just dropped on the window (replacing any not taken).
    pub fn set_dropped(&self, paths: Vec<PathBuf>) {
        *self.dropped.lock().unwrap_or_else(|p| p.into_inner()) = paths;
    }

    /// The files last dropped, taken.
    pub fn take_dropped(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *self.dropped.lock().unwrap_or_else(|p| p.into_inner()))
    }

    fn slot(&self) -> MutexGuard<'_, Option<app::Vault>> {
        // A panic while holding the lock must not keep the vault open or wedge the app.
        self.vault.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Puts an open vault in the slot (tests; the app unlocks through the contract's `Env`).
    #[cfg(test)]
    pub fn install(&self, v: app::Vault) {
        *self.slot() = Some(v);
        self.touch();
    }

    pub fn is_unlocked(&self) -> bool {
        self.slot().is_some()
    }

    /// Drops the vault (closing the database and wiping the key). Returns whether it was open. Ends
    /// practice mode: after any lock the real vault's unlock screen follows.
    pub fn lock(&self) -> bool {
        let was_open = self.slot().take().is_some();
        self.practice.store(false, Ordering::SeqCst);
        was_open
    }

    pub fn practice(&self) -> bool {
        self.practice.load(Ordering::SeqCst)
    }

    pub fn set_practice(&self, on: bool) {
        self.practice.store(on, Ordering::SeqCst);
    }

    /// The vault slot, for a command's [`app::Env`] (which locks it per use).
    pub fn slot_mutex(&self) -> &Mutex<Option<app::Vault>> {
        &self.vault
    }

    pub fn touch(&self) {
        *self.last_activity.lock().unwrap_or_else(|p| p.into_inner()) = self.clock.now();
    }

    /// Idle time on the clock that counts sleep.
    pub fn idle_for(&self) -> Duration {
        let last = *self.last_activity.lock().unwrap_or_else(|p| p.into_inner());
        self.clock.now().saturating_sub(last)
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicU64;

    /// A clock the test moves by hand (milliseconds).
    #[derive(Clone, Default)]
    struct FakeClock(Arc<AtomicU64>);

    impl FakeClock {
        fn advance(&self, d: Duration) {
            self.0.fetch_add(d.as_millis() as u64, Ordering::SeqCst);
        }
    }

    impl Clock for FakeClock {
        fn now(&self) -> Duration {
            Duration::from_millis(self.0.load(Ordering::SeqCst))
        }
    }

    fn unlocked_state(clock: &FakeClock) -> (Shared, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let (v, _) = vault::Vault::create(dir.path(), &"wachtwoord lang genoeg".into(), vault::KdfParams::insecure_fast_for_tests()).unwrap();
        let state = AppState::with_clock(dir.path().to_path_buf(), Box::new(clock.clone()));
        state.install(v);
        (state, dir)
    }

    #[test]
    fn idle_lock_at_the_boundary() {
        let clock = FakeClock::default();
        let (state, _dir) = unlocked_state(&clock);
        state.set_auto_lock_minutes(5);
        clock.advance(Duration::from_secs(5 * 60) - Duration::from_millis(1));
        assert!(!state.lock_if_idle());
        // Activity resets the timer.
        state.touch();
        clock.advance(Duration::from_secs(4 * 60));
        assert!(!state.lock_if_idle());
        clock.advance(Duration::from_secs(60));
        assert!(state.lock_if_idle());
        assert!(!state.is_unlocked());
    }

    #[test]
    fn time_asleep_counts_as_idle() {
        // Idle 4 minutes, then the laptop sleeps for hours: the clock that counts sleep jumps, and the
        // first check after waking locks.
        let clock = FakeClock::default();
        let (state, _dir) = unlocked_state(&clock);
        clock.advance(Duration::from_secs(4 * 60));
        assert!(!state.lock_if_idle());
        clock.advance(Duration::from_secs(3 * 3600));
        assert!(state.lock_if_idle());
    }

    #[test]
    fn boot_clock_moves_forward() {
        let a = BootClock.now();
        let b = BootClock.now();
        assert!(b >= a && a > Duration::ZERO);
    }
}
