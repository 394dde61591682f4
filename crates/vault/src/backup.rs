//! Backup and restore. A backup is a directory with a copy of the key file and an encrypted copy of
//! the database made by `sqlcipher_export` (same DEK, so the same passphrase and recovery key open it).

use std::fs;
use std::io::Write;
use std::path::Path;

use rusqlite::params;

use crate::audit::{self, AuditAction};
use crate::db::OpenCheck;
use crate::error::{Result, VaultError};
use crate::keyfile::{self, KeyFile, Passphrase};
use crate::{Vault, VaultPaths, migrations, repo};

impl Vault {
    /// Writes a backup of the open vault into `backup_dir` (created if needed; must hold no vault).
    /// The backup is consistent (one read transaction) and checked before this returns.
    pub fn backup_to(&self, backup_dir: impl AsRef<Path>) -> Result<()> {
        let target = VaultPaths::in_dir(backup_dir);
        if target.any_exists() {
            return Err(VaultError::Exists);
        }
        fs::create_dir_all(&target.dir)?;
        repo::write(&self.conn, |tx| audit::append(tx, AuditAction::BackupMade, None, None))?;
        let key_bytes = fs::read(&self.paths.key)?;
        let made = (|| -> Result<()> {
            let db_path = target.db.to_str().ok_or(VaultError::Io(std::io::ErrorKind::InvalidInput))?;
            // The vault's connection is opened without SQLITE_OPEN_CREATE (unlock never creates a
            // database), and ATTACH inherits that: make the empty file first, which SQLite takes as new.
            fs::OpenOptions::new().write(true).create_new(true).open(&target.db)?;
            let key = self.dek.sqlcipher_key_literal();
            self.conn.execute("ATTACH DATABASE ?1 AS backup KEY ?2", params![db_path, key.as_str()])?;
            let exported = (|| -> Result<()> {
                self.conn.query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))?;
                let version = migrations::user_version(&self.conn)?;
                self.conn.execute_batch(&format!("PRAGMA backup.user_version = {version};"))?;
                Ok(())
            })();
            let detached = self.conn.execute_batch("DETACH DATABASE backup");
            exported?;
            detached?;
            fsync_file(&target.db)?;
            keyfile::write_atomic(&target.key, &key_bytes, false)?;
            // Check the copy as it will be restored: open it separately, read-only of intent.
            let check = crate::db::open(&target.db, &self.dek, false, OpenCheck::Full);
            drop(check?);
            keyfile::sync_dir(&target.dir)
        })();
        if made.is_err() {
            target.remove_created();
        }
        made
    }

    /// Restores the backup in `backup_dir` into `target_dir`, which must hold no vault (use
    /// [`Vault::set_aside`] first to keep a damaged one). The passphrase is checked against the backup's
    /// key file before anything is copied; the copy is fully checked before it is returned unlocked.
    pub fn restore_from(backup_dir: impl AsRef<Path>, target_dir: impl AsRef<Path>, passphrase: &Passphrase) -> Result<Vault> {
        let source = VaultPaths::in_dir(backup_dir);
        let target = VaultPaths::in_dir(target_dir);
        let kf = KeyFile::read(&source.key)?;
        if !source.db.is_file() {
            return Err(VaultError::Missing);
        }
        let dek = kf.unwrap_with_passphrase(passphrase)?;
        if target.any_exists() {
            return Err(VaultError::Exists);
        }
        fs::create_dir_all(&target.dir)?;
        let restored = (|| -> Result<Vault> {
            copy_new(&source.db, &target.db)?;
            keyfile::write_atomic(&target.key, &kf.to_bytes(), false)?;
            let v = Vault::open_unwrapped(target.clone(), dek, OpenCheck::Full)?;
            repo::write(&v.conn, |tx| audit::append(tx, AuditAction::RestoredFromBackup, None, None))?;
            Ok(v)
        })();
        if restored.is_err() {
            target.remove_created();
        }
        restored
    }
}

fn fsync_file(path: &Path) -> Result<()> {
    fs::File::open(path)?.sync_all()?;
    Ok(())
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
