//! Backups and the vault's health: make a backup in a folder the user chooses (a USB disk), with
//! progress and cancel; restore one in place of the current vault (which is set aside, never
//! overwritten); the checks on demand; and a vault that cannot be opened set aside so a new one or a
//! backup can take its place.
//!
//! Folders come from the host's folder dialog, never from the UI: a request cannot name a path.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use chrono::{DateTime, Utc};
use vault::{Vault, VaultError, VaultPaths};

use crate::contract::*;
use crate::env::{Env, FolderPurpose};
use crate::error::{AppResult, ErrorCode};
use crate::input::given;
use crate::views::{BackupMade, BackupRestored, SetAside, VaultCheck, VaultHealth};

/// The start of every backup folder's name (the restore dialog's hint names it too).
pub const BACKUP_FOLDER_PREFIX: &str = "Samen Kijken reservekopie";

fn health_of(v: &Vault, now: DateTime<Utc>) -> AppResult<VaultHealth> {
    use vault::repo::settings::{BACKUP_REMINDER_DAYS_MAX, BACKUP_REMINDER_DAYS_MIN};
    let last = v.last_backup_at()?;
    let days_since_backup = last.map(|at| u32::try_from((now - at).num_days().max(0)).unwrap_or(u32::MAX));
    Ok(VaultHealth {
        warnings: v.warnings().iter().map(|w| ErrorCode::from_text(w.code())).collect(),
        last_backup_at: last,
        days_since_backup,
        backup_due: v.backup_reminder_due(now)?,
        reminder_days: v.settings().backup_reminder_days()?,
        reminder_days_min: BACKUP_REMINDER_DAYS_MIN,
        reminder_days_max: BACKUP_REMINDER_DAYS_MAX,
    })
}

pub fn vault_health(env: &mut Env<'_>, _: VaultHealthRequest) -> AppResult<VaultHealth> {
    let now = env.clock.now;
    env.vault(|v| health_of(v, now))
}

pub fn backup_reminder_set(env: &mut Env<'_>, r: BackupReminderSetRequest) -> AppResult<VaultHealth> {
    use vault::repo::settings::{BACKUP_REMINDER_DAYS_MAX, BACKUP_REMINDER_DAYS_MIN};
    if !(BACKUP_REMINDER_DAYS_MIN..=BACKUP_REMINDER_DAYS_MAX).contains(&r.days) {
        return Err(ErrorCode::OutOfRange.into());
    }
    let now = env.clock.now;
    env.vault(|v| {
        v.settings().set_backup_reminder_days(r.days)?;
        health_of(v, now)
    })
}

/// A new folder in `parent` for one backup, named by the Dutch date and time to the minute, with a
/// number added when a folder of that name is already there.
fn new_backup_folder(parent: &Path, now: DateTime<Utc>) -> PathBuf {
    let local = now.with_timezone(&chrono_tz::Europe::Amsterdam);
    let base = format!("{BACKUP_FOLDER_PREFIX} {}", local.format("%Y-%m-%d %H.%M"));
    let mut candidate = parent.join(&base);
    let mut n = 2;
    while std::fs::symlink_metadata(&candidate).is_ok() {
        candidate = parent.join(format!("{base} ({n})"));
        n += 1;
    }
    candidate
}

pub fn backup_make(env: &mut Env<'_>, _: BackupMakeRequest) -> AppResult<BackupMade> {
    // A practice vault holds fictional families: no backups of it, so none can be restored as real.
    env.real_vault_only()?;
    let now = env.clock.now;
    // Refuse while locked before any dialog opens.
    env.vault(|_| Ok(()))?;
    let Some(parent) = env.shell.pick_folder(FolderPurpose::BackupTarget)? else {
        let health = env.vault(|v| health_of(v, now))?;
        return Ok(BackupMade { made: false, folder_name: None, location: None, health });
    };
    if !parent.is_dir() {
        return Err(ErrorCode::NotFound.into());
    }
    let target = new_backup_folder(&parent, now);
    env.cancel.store(false, Ordering::SeqCst);
    let shell = env.shell;
    let cancel = env.cancel;
    let result = env.vault(|v| {
        v.backup_with_progress(&target, |p| shell.backup_progress(p.pages_done, p.pages_total), cancel)?;
        health_of(v, now)
    });
    if result.is_err() {
        // The vault removed what it wrote; the folder it made for this backup goes too, if empty.
        let _ = std::fs::remove_dir(&target);
    }
    let health = result?;
    // A long backup is activity: the idle timer starts again from its end.
    env.effects.activity = true;
    Ok(BackupMade {
        made: true,
        folder_name: target.file_name().map(|n| n.to_string_lossy().into_owned()),
        location: Some(parent.display().to_string()),
        health,
    })
}

pub fn backup_cancel(env: &mut Env<'_>, _: BackupCancelRequest) -> AppResult<()> {
    env.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Restores a backup the user chooses in place of the vault on this laptop. An open vault is closed
/// first (without a lock event: the UI reloads from the restored vault); the vault that was here is set aside (renamed, never overwritten); the restored vault is
/// open afterwards. A wrong passphrase or a folder without a backup changes nothing.
pub fn backup_restore(env: &mut Env<'_>, r: BackupRestoreRequest) -> AppResult<BackupRestored> {
    env.real_vault_only()?;
    let passphrase = given(&r.passphrase);
    let Some(folder) = env.shell.pick_folder(FolderPurpose::Restore)? else {
        return Ok(BackupRestored { restored: false, set_aside: None });
    };
    if !VaultPaths::in_dir(&folder).key.is_file() {
        return Err(ErrorCode::BackupNotFound.into());
    }
    // A practice vault's folder (copied by hand) is never restored as the real vault.
    if super::practice::is_practice_folder(&folder) {
        return Err(ErrorCode::PracticeVaultMismatch.into());
    }
    if folder_is(&folder, env.dir) {
        // The vault itself is not a backup of itself.
        return Err(ErrorCode::BackupNotFound.into());
    }
    // Checked before anything changes, so a typo does not lock the open vault.
    Vault::unwrap_dek(&VaultPaths::in_dir(&folder), &passphrase).map_err(|e| match e {
        VaultError::Missing => ErrorCode::BackupNotFound.into(),
        e => crate::AppError::from(e),
    })?;
    // The open vault is closed here; no lock event: the restored vault takes its place at once.
    let was_open = env.slot().take().is_some();
    let restored = match Vault::restore_replacing(&folder, env.dir, &passphrase) {
        Ok(r) => r,
        Err(e) => {
            // The current vault is unchanged but closed: the UI goes to the unlock screen.
            env.effects.locked = was_open;
            return Err(e.into());
        }
    };
    let set_aside = restored.set_aside.as_ref().map(|p| p.display().to_string());
    let minutes = restored.vault.settings().get()?.auto_lock_minutes;
    *env.slot() = Some(restored.vault);
    env.effects.unlocked = true;
    env.effects.auto_lock_minutes = Some(minutes);
    Ok(BackupRestored { restored: true, set_aside })
}

fn folder_is(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

pub fn vault_check(env: &mut Env<'_>, _: VaultCheckRequest) -> AppResult<VaultCheck> {
    env.vault(|v| {
        let report = v.check_all()?;
        let (audit_rows, audit_problem) = match report.audit {
            Ok(rows) => (Some(u32::try_from(rows).unwrap_or(u32::MAX)), None),
            Err(problem) => (None, Some(ErrorCode::from_text(problem.code()))),
        };
        Ok(VaultCheck { integrity_ok: report.integrity_ok, audit_rows, audit_problem })
    })
}

/// Moves a vault that cannot be opened aside (its files into a `set-aside-…` folder next to them;
/// nothing is deleted), so that a backup can be restored or a new vault made. Only a damaged vault:
/// one that opens with the passphrase is refused with `vault_not_damaged`, a wrong passphrase with
/// `wrong_passphrase`.
pub fn vault_set_aside(env: &mut Env<'_>, r: VaultSetAsideRequest) -> AppResult<SetAside> {
    env.real_vault_only()?;
    if env.slot().is_some() {
        return Err(ErrorCode::VaultNotDamaged.into());
    }
    if !Vault::exists(env.dir) {
        return Err(ErrorCode::VaultMissing.into());
    }
    let passphrase = given(&r.passphrase);
    // Opened only to see whether it opens, with the full page check, and closed again unchanged: no
    // unlock row is written for a look.
    let paths = VaultPaths::in_dir(env.dir);
    let opened = Vault::unwrap_dek(&paths, &passphrase).and_then(|dek| Vault::open_unwrapped(paths.clone(), dek, vault::OpenCheck::Full));
    match opened {
        Ok(v) => {
            v.lock();
            Err(ErrorCode::VaultNotDamaged.into())
        }
        Err(VaultError::Damaged(_)) => {
            let aside = Vault::set_aside(env.dir)?;
            Ok(SetAside { folder: aside.display().to_string() })
        }
        Err(e) => Err(e.into()),
    }
}
