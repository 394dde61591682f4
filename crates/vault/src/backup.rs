//! Backup and restore. A backup is a folder with the database (page-by-page copy through SQLite's
//! backup API, same DEK, so the same passphrase and recovery key open it) and a key file whose anchor
//! is the backup's own access-log head.
//!
//! Every file of a backup is written under a temp name in the target folder, fsync'd, checked and only
//! then renamed to its final name (never over an existing file), so a cancelled, failed or interrupted
//! backup leaves nothing that looks like a backup. The `backup_made` row is written after the backup
//! is complete.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use crate::audit::{self, AuditAction, AuditProblem};
use crate::db::OpenCheck;
use crate::error::{Result, VaultError};
use crate::fsutil::TempFile;
use crate::journal::side_file;
use crate::keyfile::{self, Dek, KeyFile, Passphrase};
use crate::{Vault, VaultPaths, repo};

/// How far a backup is: pages copied of the database's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupProgress {
    pub pages_done: u64,
    pub pages_total: u64,
}

/// Result of [`Vault::check_all`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// `cipher_integrity_check` (every page's HMAC) and `integrity_check` both clean.
    pub integrity_ok: bool,
    /// The access log: `Ok(rows)` or what is wrong.
    pub audit: std::result::Result<usize, AuditProblem>,
}

impl CheckReport {
    pub fn all_ok(&self) -> bool {
        self.integrity_ok && self.audit.is_ok()
    }
}

/// A vault restored in place by [`Vault::restore_replacing`].
#[derive(Debug)]
pub struct Restored {
    pub vault: Vault,
    /// Where the vault that was there before now is (never overwritten), if there was one.
    pub set_aside: Option<PathBuf>,
}

/// Pages per backup step: small enough for a smooth progress bar and a quick cancel.
const STEP_PAGES: std::os::raw::c_int = 64;

impl Vault {
    /// Writes a backup of the open vault into `backup_dir` (created if needed; must hold no vault).
    /// The same as [`Vault::backup_with_progress`] without progress or cancel.
    pub fn backup_to(&self, backup_dir: impl AsRef<Path>) -> Result<()> {
        self.backup_with_progress(backup_dir, |_| {}, &AtomicBool::new(false))
    }

    /// Writes a backup into `backup_dir` (e.g. a folder on a USB disk; created if needed, must hold no
    /// vault), calling `progress` after each step, and stopping with `backup_cancelled` as soon as
    /// `cancel` is set. The backup is consistent (SQLite's backup API restarts if the vault changes),
    /// fully checked before it gets its final names, and the `backup_made` row is written only after
    /// it is complete. On any failure only files this call created are removed.
    pub fn backup_with_progress(
        &self,
        backup_dir: impl AsRef<Path>,
        mut progress: impl FnMut(BackupProgress),
        cancel: &AtomicBool,
    ) -> Result<()> {
        let target = VaultPaths::in_dir(backup_dir);
        if target.any_exists() {
            return Err(VaultError::Exists);
        }
        let created_dir = !target.dir.exists();
        fs::create_dir_all(&target.dir)?;
        let made = self.write_backup(&target, &mut progress, cancel);
        if made.is_err() && created_dir {
            // Only if empty: never removes anything the app did not write.
            let _ = fs::remove_dir(&target.dir);
        }
        made?;
        match repo::write(&self.conn, |tx| audit::append(tx, AuditAction::BackupMade, None, None)) {
            // The backup is whole; on a full vault disk its row waits in memory.
            Err(VaultError::DiskFull) => audit::defer(&self.conn, AuditAction::BackupMade),
            other => other,
        }
    }

    fn write_backup(&self, target: &VaultPaths, progress: &mut dyn FnMut(BackupProgress), cancel: &AtomicBool) -> Result<()> {
        let kf = KeyFile::read(&self.paths.key)?;
        let db_tmp = TempFile::create_beside(&target.db)?;
        {
            let mut dst = crate::db::open(db_tmp.path(), &self.dek, true, OpenCheck::Quick)?;
            {
                let b = rusqlite::backup::Backup::new(&self.conn, &mut dst)?;
                loop {
                    if cancel.load(Ordering::Relaxed) {
                        return Err(VaultError::Cancelled);
                    }
                    let step = b.step(STEP_PAGES)?;
                    let p = b.progress();
                    let total = p.pagecount.max(0) as u64;
                    progress(BackupProgress { pages_done: total.saturating_sub(p.remaining.max(0) as u64), pages_total: total });
                    match step {
                        rusqlite::backup::StepResult::Done => break,
                        rusqlite::backup::StepResult::More => {}
                        // Busy or locked: the vault's own connection is the only one; try again.
                        _ => std::thread::sleep(std::time::Duration::from_millis(5)),
                    }
                }
            }
            dst.close().map_err(|(_, e)| VaultError::from(e))?;
        }
        // Check the copy as it will be restored, and read its access-log head for its key file.
        let head = {
            let check = crate::db::open(db_tmp.path(), &self.dek, false, OpenCheck::Full)?;
            let head = audit::head(&check)?;
            check.close().map_err(|(_, e)| VaultError::from(e))?;
            head
        };
        let key = match head {
            Some((count, mac)) if kf.recovery_slot_intact(&self.dek) != Some(false) => kf.with_anchor(&self.dek, count, &mac),
            _ => kf,
        };
        let key_tmp = TempFile::create_beside(&target.key)?;
        {
            let mut f = fs::OpenOptions::new().write(true).open(key_tmp.path())?;
            f.write_all(&key.to_bytes())?;
            f.sync_all()?;
        }
        db_tmp.persist(&target.db, false)?;
        if let Err(e) = key_tmp.persist(&target.key, false) {
            // The database was put there by this call a moment ago.
            let _ = fs::remove_file(&target.db);
            return Err(e);
        }
        keyfile::sync_dir(&target.dir)
    }

    /// Restores the backup (or a folder copy of a vault, with its `-wal`/`-journal` if a crash left
    /// them) in `backup_dir` into `target_dir`, which must hold no vault (use [`Vault::set_aside`]
    /// first, or [`Vault::restore_replacing`]). The passphrase is checked against the backup's key file
    /// before anything is copied; the source is never changed; the copy is fully checked before it is
    /// returned unlocked.
    pub fn restore_from(backup_dir: impl AsRef<Path>, target_dir: impl AsRef<Path>, passphrase: &Passphrase) -> Result<Vault> {
        let source = VaultPaths::in_dir(backup_dir);
        let (kf, dek) = Self::unwrap_backup(&source, passphrase)?;
        Self::restore_into(&source, &VaultPaths::in_dir(target_dir), &kf, dek)
    }

    fn unwrap_backup(source: &VaultPaths, passphrase: &Passphrase) -> Result<(KeyFile, Dek)> {
        let kf = KeyFile::read(&source.key)?;
        if !source.db.is_file() {
            return Err(VaultError::Missing);
        }
        let dek = kf.unwrap_with_passphrase(passphrase)?;
        Ok((kf, dek))
    }

    fn restore_into(source: &VaultPaths, target: &VaultPaths, kf: &KeyFile, dek: Dek) -> Result<Vault> {
        if target.any_exists() {
            return Err(VaultError::Exists);
        }
        fs::create_dir_all(&target.dir)?;
        let restored = (|| -> Result<Vault> {
            copy_new(&source.db, &target.db)?;
            // A crashed copy's committed writes may be only in its side files: they come along, are
            // checked (crate::journal) and folded in by the open below.
            for suffix in ["-wal", "-journal"] {
                let src = side_file(&source.db, suffix);
                if fs::symlink_metadata(&src).is_ok_and(|m| m.is_file() && m.len() > 0) {
                    copy_new(&src, &side_file(&target.db, suffix))?;
                }
            }
            keyfile::write_atomic(&target.key, &kf.to_bytes(), false)?;
            let mut v = Vault::open_unwrapped(target.clone(), dek, OpenCheck::Full)?;
            v.record_unlock(&[AuditAction::RestoredFromBackup])?;
            Ok(v)
        })();
        if restored.is_err() {
            target.remove_created();
        }
        restored
    }

    /// Restores a backup into `vault_dir` in place of whatever vault is there: the backup is copied and
    /// fully checked in a staging folder first; only then is the current vault (damaged or not) moved
    /// aside with [`Vault::set_aside`] — renamed, never overwritten or deleted — and the restored copy
    /// moved in. A wrong passphrase or a bad backup leaves the current vault as it was.
    pub fn restore_replacing(backup_dir: impl AsRef<Path>, vault_dir: impl AsRef<Path>, passphrase: &Passphrase) -> Result<Restored> {
        let source = VaultPaths::in_dir(backup_dir);
        let vault_dir = vault_dir.as_ref();
        let (kf, dek) = Self::unwrap_backup(&source, passphrase)?;
        let keep = dek.clone();
        fs::create_dir_all(vault_dir)?;
        let mut suffix = [0u8; 8];
        keyfile::fill_random(&mut suffix)?;
        let staging = VaultPaths::in_dir(vault_dir.join(format!(".restore-{}.tmp", hex::encode(suffix))));
        let staged = Self::restore_into(&source, &staging, &kf, dek);
        let staged = match staged {
            Ok(v) => v,
            Err(e) => {
                let _ = fs::remove_dir(&staging.dir);
                return Err(e);
            }
        };
        drop(staged);
        let set_aside = if Vault::exists(vault_dir) { Some(Vault::set_aside(vault_dir)?) } else { None };
        let paths = VaultPaths::in_dir(vault_dir);
        crate::fsutil::rename_noreplace(&staging.db, &paths.db)?;
        crate::fsutil::rename_noreplace(&staging.key, &paths.key)?;
        keyfile::sync_dir(vault_dir)?;
        let _ = fs::remove_dir(&staging.dir);
        let mut vault = Vault::open_unwrapped(paths, keep, OpenCheck::Quick)?;
        vault.record_unlock(&[AuditAction::Unlocked])?;
        Ok(Restored { vault, set_aside })
    }

    /// The full check on demand: every page's HMAC, SQLite's integrity check, and the access log with
    /// its head and the key file's anchor.
    pub fn check_all(&self) -> Result<CheckReport> {
        let integrity_ok = match crate::db::check_db(&self.conn, OpenCheck::Full) {
            Ok(()) => true,
            Err(VaultError::Damaged(_)) => false,
            Err(e) => return Err(e),
        };
        Ok(CheckReport { integrity_ok, audit: self.check_audit()? })
    }

    /// Since when the vault's content is no longer all in a backup (from the access log), for the
    /// backup reminder: the last backup made, or the last restore — right after a restore the vault
    /// holds exactly what the backup it came from holds, so what is not backed up starts there.
    pub fn last_backup_at(&self) -> Result<Option<DateTime<Utc>>> {
        let at: Option<String> = self
            .conn
            .query_row(
                "SELECT at FROM audit_log WHERE action IN ('backup_made', 'restored_from_backup') ORDER BY seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        at.as_deref().map(repo::parse_time).transpose()
    }

    /// Whether to remind the user to make a backup at `now`: never made, or older than the setting
    /// [`crate::SettingsRepo::backup_reminder_days`].
    pub fn backup_reminder_due(&self, now: DateTime<Utc>) -> Result<bool> {
        let days = self.settings().backup_reminder_days()?;
        Ok(match self.last_backup_at()? {
            None => true,
            Some(at) => now - at >= chrono::Duration::days(i64::from(days)),
        })
    }
}

/// Copies `src` to a new file `dst` (never replacing one), durably.
fn copy_new(src: &Path, dst: &Path) -> Result<()> {
    let mut out = fs::OpenOptions::new().write(true).create_new(true).open(dst).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists { VaultError::Exists } else { e.into() }
    })?;
    let mut inp = fs::File::open(src)?;
    std::io::copy(&mut inp, &mut out)?;
    out.flush()?;
    out.sync_all()?;
    Ok(())
}
