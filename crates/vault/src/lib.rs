//! The encrypted store of Samen Kijken: key file and key derivation, the SQLCipher connection, schema
//! migrations, repositories (one per aggregate), the hash-chained access log, and backup/restore.
//! Knows SQL; knows nothing of Tauri.
//!
//! # Key design (security.md)
//! - A random 256-bit data key (DEK) is SQLCipher's raw key (`PRAGMA key = "x'…'"`). The passphrase
//!   never reaches SQLCipher.
//! - The DEK is stored twice in `vault.key` next to `vault.db` (see [`keyfile`] for the format):
//!   wrapped with XChaCha20-Poly1305 under an Argon2id key of the passphrase (defaults 64 MiB, 3 passes,
//!   1 lane, 16-byte salt; files below 19 MiB / 2 passes are refused), and under a random recovery key
//!   (200 bits, shown once as 8 groups of 5 characters, HKDF-SHA256 because its entropy is high).
//! - Unlocking = read the key file, unwrap the DEK (AEAD). A wrong passphrase fails there, before the
//!   database is opened at all, so no file is touched. Only then is the database opened, read-write but
//!   never created, with: `cipher_log_level = NONE`, the key, a `cipher_version` check, a first read
//!   (page 1), `foreign_keys`, `temp_store = MEMORY`, `secure_delete`, `PRAGMA quick_check` (reads every
//!   table and index page, so each page's HMAC is verified at unlock), `synchronous = FULL`,
//!   `journal_mode = DELETE` (a rollback journal, see below), then migrations. Any read failure after a good unwrap is `vault_damaged`;
//!   a damaged vault is never re-created or overwritten (see [`Vault::set_aside`] and
//!   [`Vault::restore_from`]).
//! - Changing the passphrase re-wraps the DEK only; the key file is replaced atomically (temp file in the
//!   same directory, fsync, rename, fsync directory), so after a crash exactly one passphrase works.
//! - Keys live in zeroize-on-drop types ([`Passphrase`], [`RecoveryKey`], [`Dek`]). Dropping the
//!   [`Vault`] (= lock) closes the connection and wipes the key.
//!
//! # Damage detection at unlock
//! SQLCipher verifies a page's HMAC only when the page is read, so unlock runs `PRAGMA quick_check`,
//! which reads every page of every table and index. Measured with `cargo bench -p vault` on a
//! 1,000-case vault (2.1 MiB): everything after key derivation takes 12–17 ms with `quick_check` and
//! 19–26 ms with the full `cipher_integrity_check` + `integrity_check` ([`OpenCheck::Full`], used for
//! backups and restores, and available as [`Vault::check_integrity`]); the same open + check + list on
//! a plain-SQLite copy takes 4.6 ms (SQLCipher ≈ 3.5×, nearly all of it page decryption and HMACs).
//! Key derivation with the default parameters takes 0.24–0.35 s; an autosave (one answer,
//! `synchronous = FULL`) has p50 ≈ 4 ms and p99 ≈ 8 ms over 10,000 commits. Pages on the free list are
//! not read by `quick_check`; damage there loses no data and is found by the full check.
//!
//! # No silent loss from a damaged side file (issue 11)
//! SQLite skips the rest of a write-ahead log or journal whose checksum fails, without an error. With
//! a write-ahead log that dropped acknowledged writes (they live in the log until a checkpoint); the
//! vault therefore uses a rollback journal, so a returned commit is in `vault.db` itself, and checks
//! any side file before SQLite reads it ([`journal`]: `vault_damaged` instead of silent loss).
//! Cost, `cargo bench -p vault --bench unlock` on a machine under load (load average ≈ 10 on 2
//! cores, so all figures are high): autosave p50/p99 9.2/101 ms with `delete` (10,000 commits),
//! 7.1/97 ms `truncate`, 6.6/96 ms `persist`, 4.0/54 ms with the former `wal` (2,000 each): the
//! rollback journal costs about twice the write-ahead log per commit. To be re-measured on an idle
//! machine against the p99 < 20 ms target; the write-ahead-log check in [`journal`] would allow
//! going back to `wal` with detection instead (one constant, [`db`]'s `JOURNAL_MODE`).
//!
//! # Keys, access log, full disk, backups (issue 11)
//! The DEK lives in one `mlock`ed page, wiped at lock, and reaches SQLCipher through `sqlite3_key`.
//! The access log is HMAC-chained under a key derived from the DEK, with a head row and an anchor in
//! the key file ([`audit`]); unlock reports problems in [`Vault::warnings`] and never refuses. On a
//! full disk unlock opens to read and every write fails with `disk_full`. Backups
//! ([`Vault::backup_with_progress`]) and [`write_file_atomic`] write temp files, fsync and rename.
//!
//! # Notes and search (issue 13)
//! [`Notes`] keeps dated notes with their earlier versions and a trash; [`Vault::search`] searches an
//! FTS5 index that lives in the same encrypted database (schema 4, see `repo::search`), written in the
//! transaction of every indexed write. `cargo bench -p vault --bench search` on a machine under load
//! (2 cores, another build running), 50,000 notes in 1,000 cases where every query word is in about
//! half of the notes: one search p50 16 ms, p95 25 ms (target < 50 ms); within one case 4 ms; the
//! notes of a case with 500 notes listed in 0.7 ms (target < 100 ms).
//!
//! # Error codes ([`VaultError::code`])
//! `wrong_passphrase`, `wrong_recovery_key`, `vault_damaged`, `vault_missing`, `vault_exists`,
//! `key_file_params_too_weak`, `key_file_unsupported`, `vault_too_new`, `disk_full`, `not_found`,
//! `backup_cancelled`,
//! the domain's own codes for refused input (`field_empty`, `field_too_long`, `invalid`, …), `io`, `db`.
//! Error messages never contain case data.
//!
//! # Tests
//! Tests use `KdfParams::insecure_fast_for_tests()`, available only under `cfg(test)` or the
//! `test-fast-kdf` feature (other crates' test builds may enable it; the app must not).

pub mod audit;
mod backup;
pub mod db;
pub mod error;
pub mod fsutil;
mod journal;
pub mod keyfile;
pub mod migrations;
pub mod repo;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use audit::{AuditAction, AuditEntry, AuditProblem};
pub use backup::{BackupProgress, CheckReport, Restored};
pub use fsutil::write_file_atomic;
pub use db::OpenCheck;
pub use error::{Result, VaultError};
pub use keyfile::{Dek, KdfParams, KeyFile, Passphrase, RecoveryKey};
pub use migrations::CURRENT_VERSION as SCHEMA_VERSION;
pub use repo::cases::{CaseUpdate, Cases, RetentionDefault};
pub use repo::corrections::Corrections;
pub use repo::retention::{CaseDate, Retention};
pub use repo::docs::{Doc, Docs};
pub use repo::notes::Notes;
pub use repo::persons::Persons;
pub use repo::relations::Relations;
pub use repo::settings::{Language, Settings, SettingsRepo};

/// File name of the encrypted database.
pub const DB_FILE: &str = "vault.db";
/// File name of the key file.
pub const KEY_FILE: &str = "vault.key";

/// Where the files of a vault live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VaultPaths {
    pub dir: PathBuf,
    pub db: PathBuf,
    pub key: PathBuf,
}

impl VaultPaths {
    pub fn in_dir(dir: impl AsRef<Path>) -> Self {
        let dir = dir.as_ref().to_path_buf();
        VaultPaths { db: dir.join(DB_FILE), key: dir.join(KEY_FILE), dir }
    }

    /// The database and its SQLite side files (`-wal`, `-shm`, `-journal`).
    pub fn db_files(&self) -> [PathBuf; 4] {
        let side = |s: &str| {
            let mut p = self.db.clone().into_os_string();
            p.push(s);
            PathBuf::from(p)
        };
        [self.db.clone(), side("-wal"), side("-shm"), side("-journal")]
    }

    fn any_exists(&self) -> bool {
        self.key.exists() || self.db_files().iter().any(|p| p.exists())
    }

    /// Removes files this process just created (used only to undo a failed create/restore).
    fn remove_created(&self) {
        for p in self.db_files().iter().chain([&self.key]) {
            let _ = fs::remove_file(p);
        }
    }
}

/// Something the app should show after an unlock that succeeded anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnlockWarning {
    /// The access log's check failed (see [`AuditProblem`]).
    Audit(AuditProblem),
    /// The recovery slot of the key file is not what this vault wrote: the recovery key may no longer
    /// work. Make a new one ([`Vault::replace_recovery_key`]).
    RecoverySlotDamaged,
    /// The disk is full: the vault is open to read, the `unlocked` row waits in memory, and every
    /// write fails with `disk_full` until there is space.
    DiskFull,
}

impl UnlockWarning {
    pub fn code(&self) -> &'static str {
        match self {
            UnlockWarning::Audit(p) => p.code(),
            UnlockWarning::RecoverySlotDamaged => "recovery_slot_damaged",
            UnlockWarning::DiskFull => "disk_full",
        }
    }
}

/// An unlocked vault. Dropping it locks: the key file's anchor is brought up to date (best effort),
/// the connection closes and the key is wiped.
pub struct Vault {
    conn: Connection,
    dek: Dek,
    paths: VaultPaths,
    warnings: Vec<UnlockWarning>,
}

impl Drop for Vault {
    fn drop(&mut self) {
        // Rows that waited for disk space get a last chance (lost if the disk is still full).
        if audit::pending(&self.conn).unwrap_or(0) > 0 {
            let _ = repo::write(&self.conn, |tx| audit::flush_pending(tx));
        }
        let _ = self.write_anchor();
    }
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("dir", &self.paths.dir).finish_non_exhaustive()
    }
}

impl Vault {
    /// Whether anything of a vault (key file or database) is in `dir`.
    pub fn exists(dir: impl AsRef<Path>) -> bool {
        VaultPaths::in_dir(dir).any_exists()
    }

    /// Creates a new vault in `dir` (made if needed). Refuses with `vault_exists` if any vault file is
    /// there. Returns the recovery key, to be shown once.
    pub fn create(dir: impl AsRef<Path>, passphrase: &Passphrase, params: KdfParams) -> Result<(Vault, RecoveryKey)> {
        Self::create_at_version(dir, passphrase, params, migrations::CURRENT_VERSION)
    }

    /// [`Self::create`], with the schema only migrated up to `version` (fixture generation).
    #[doc(hidden)]
    pub fn create_at_version(
        dir: impl AsRef<Path>,
        passphrase: &Passphrase,
        params: KdfParams,
        version: u32,
    ) -> Result<(Vault, RecoveryKey)> {
        let paths = VaultPaths::in_dir(dir);
        if paths.any_exists() {
            return Err(VaultError::Exists);
        }
        fs::create_dir_all(&paths.dir)?;
        let dek = Dek::random()?;
        let (kf, rk) = KeyFile::new(&dek, passphrase, params)?;
        kf.write_new(&paths.key)?;
        let made = (|| {
            let mut conn = db::open(&paths.db, &dek, true, OpenCheck::Quick)?;
            migrations::migrate(&mut conn, version)?;
            audit::register(&conn, &dek)?;
            repo::write(&conn, |tx| audit::append(tx, AuditAction::VaultCreated, None, None))?;
            keyfile::sync_dir(&paths.dir)?;
            Ok(conn)
        })();
        match made {
            Ok(conn) => {
                let v = Vault { conn, dek, paths, warnings: Vec::new() };
                v.write_anchor()?;
                Ok((v, rk))
            }
            Err(e) => {
                paths.remove_created();
                Err(e)
            }
        }
    }

    /// Unlocks with the passphrase. `wrong_passphrase` touches no file.
    ///
    /// The access log and the key file's anchor are checked; what is wrong is in [`Vault::warnings`],
    /// never a refusal. On a full disk the vault still opens to read (warning `disk_full`).
    pub fn open(dir: impl AsRef<Path>, passphrase: &Passphrase) -> Result<Vault> {
        let paths = VaultPaths::in_dir(dir);
        let dek = Self::unwrap_dek(&paths, passphrase)?;
        let mut v = Self::open_unwrapped(paths, dek, OpenCheck::Quick)?;
        v.record_unlock(&[AuditAction::Unlocked])?;
        Ok(v)
    }

    /// Checks the log and the key file, then writes the unlock's audit rows and the anchor; on a full
    /// disk the rows wait in memory.
    fn record_unlock(&mut self, actions: &[AuditAction]) -> Result<()> {
        let kf = KeyFile::read(&self.paths.key)?;
        let anchor = kf.audit_anchor(&self.dek);
        let problem = match &anchor {
            Err(()) => Some(AuditProblem::AnchorInvalid),
            Ok(a) => audit::verify(&self.conn, a.as_ref()).err(),
        };
        self.warnings.extend(problem.map(UnlockWarning::Audit));
        if kf.recovery_slot_intact(&self.dek) == Some(false) {
            self.warnings.push(UnlockWarning::RecoverySlotDamaged);
        }
        let written = repo::write(&self.conn, |tx| actions.iter().try_for_each(|&a| audit::append(tx, a, None, None)));
        match written {
            Ok(()) => {}
            Err(VaultError::DiskFull) => {
                for &a in actions {
                    audit::defer(&self.conn, a)?;
                }
                self.warnings.push(UnlockWarning::DiskFull);
                return Ok(());
            }
            Err(e) => return Err(e),
        }
        match self.write_anchor_with(&kf) {
            Ok(()) | Err(VaultError::DiskFull) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Brings the key file's anchor up to the access log's current head (atomic replace; nothing is
    /// written when it is already there).
    fn write_anchor(&self) -> Result<()> {
        let kf = KeyFile::read(&self.paths.key)?;
        self.write_anchor_with(&kf)
    }

    fn write_anchor_with(&self, kf: &KeyFile) -> Result<()> {
        // After a failed check the anchor stays where it was: moving it would hide what was found.
        if self.warnings.iter().any(|w| matches!(w, UnlockWarning::Audit(_))) {
            return Ok(());
        }
        let Some((count, mac)) = audit::head(&self.conn)? else { return Ok(()) };
        if audit::pending(&self.conn)? > 0 {
            return Ok(());
        }
        if kf.audit_anchor(&self.dek) == Ok(Some((count, mac.clone()))) && kf.recovery_slot_intact(&self.dek) == Some(true) {
            return Ok(());
        }
        // A damaged recovery slot is not vouched for anew: the warning stays until it is replaced.
        if kf.recovery_slot_intact(&self.dek) == Some(false) {
            return Ok(());
        }
        kf.with_anchor(&self.dek, count, &mac).write_atomic(&self.paths.key)
    }

    /// The head to anchor in a rewritten key file: the log's current head, or — after a failed check —
    /// the anchor as it was.
    fn anchor_target(&self, kf: &KeyFile) -> Result<(u64, String)> {
        if self.warnings.iter().any(|w| matches!(w, UnlockWarning::Audit(_))) {
            if let Ok(Some(a)) = kf.audit_anchor(&self.dek) {
                return Ok(a);
            }
        }
        audit::head(&self.conn)?.ok_or(VaultError::Damaged("audit log empty"))
    }

    /// What the unlock found that the app should show (access-log problems, a damaged recovery slot,
    /// a full disk). Empty when all is well.
    pub fn warnings(&self) -> &[UnlockWarning] {
        &self.warnings
    }

    /// Makes a new recovery key (shown once); the old one stops working. Checks the passphrase first.
    pub fn replace_recovery_key(&mut self, passphrase: &Passphrase) -> Result<RecoveryKey> {
        let kf = KeyFile::read(&self.paths.key)?;
        let current = kf.unwrap_with_passphrase(passphrase)?;
        if current.bytes() != self.dek.bytes() {
            return Err(VaultError::Damaged("key file does not belong to this vault"));
        }
        let (new, rk) = kf.with_new_recovery_key(&self.dek)?;
        repo::write(&self.conn, |tx| audit::append(tx, AuditAction::RecoveryKeyReplaced, None, None))?;
        let (count, mac) = self.anchor_target(&kf)?;
        new.with_anchor(&self.dek, count, &mac).write_atomic(&self.paths.key)?;
        self.warnings.retain(|w| *w != UnlockWarning::RecoverySlotDamaged);
        Ok(rk)
    }

    /// Reads the key file and unwraps the DEK (the Argon2id step). Touches no file.
    #[doc(hidden)]
    pub fn unwrap_dek(paths: &VaultPaths, passphrase: &Passphrase) -> Result<Dek> {
        let kf = KeyFile::read(&paths.key)?;
        if !paths.db.is_file() {
            return Err(VaultError::Missing);
        }
        kf.unwrap_with_passphrase(passphrase)
    }

    /// Everything of unlocking after key derivation: open with the raw key, pragmas, check, migrations.
    #[doc(hidden)]
    pub fn open_unwrapped(paths: VaultPaths, dek: Dek, check: OpenCheck) -> Result<Vault> {
        let mut conn = db::open(&paths.db, &dek, false, check)?;
        migrations::migrate(&mut conn, migrations::CURRENT_VERSION)?;
        audit::register(&conn, &dek)?;
        keyfile::remove_stale_temp_files(&paths.dir);
        Ok(Vault { conn, dek, paths, warnings: Vec::new() })
    }

    /// Unlocks with the recovery key and sets a new passphrase (the recovery key stays valid).
    pub fn open_with_recovery_key(dir: impl AsRef<Path>, recovery_key: &RecoveryKey, new_passphrase: &Passphrase) -> Result<Vault> {
        let paths = VaultPaths::in_dir(dir);
        let kf = KeyFile::read(&paths.key)?;
        if !paths.db.is_file() {
            return Err(VaultError::Missing);
        }
        let dek = kf.unwrap_with_recovery_key(recovery_key)?;
        new_passphrase.check_new()?;
        let mut v = Self::open_unwrapped(paths, dek, OpenCheck::Quick)?;
        kf.with_new_passphrase(&v.dek, new_passphrase, kf.params()?)?.write_atomic(&v.paths.key)?;
        v.record_unlock(&[AuditAction::UnlockedWithRecoveryKey, AuditAction::PassphraseChanged])?;
        Ok(v)
    }

    /// Changes the passphrase: checks `old` against the key file, re-wraps the DEK under `new` with the
    /// key file's Argon2 parameters, and replaces the key file atomically. The database is not touched
    /// except for the audit row.
    pub fn change_passphrase(&self, old: &Passphrase, new: &Passphrase) -> Result<()> {
        let kf = KeyFile::read(&self.paths.key)?;
        let current = kf.unwrap_with_passphrase(old)?;
        if current.bytes() != self.dek.bytes() {
            return Err(VaultError::Damaged("key file does not belong to this vault"));
        }
        // The audit row first: on a full disk nothing changes and the old passphrase stays valid.
        let rewrapped = kf.with_new_passphrase(&self.dek, new, kf.params()?)?;
        repo::write(&self.conn, |tx| audit::append(tx, AuditAction::PassphraseChanged, None, None))?;
        let (count, mac) = self.anchor_target(&kf)?;
        let next = if kf.recovery_slot_intact(&self.dek) == Some(false) { rewrapped } else { rewrapped.with_anchor(&self.dek, count, &mac) };
        next.write_atomic(&self.paths.key)
    }

    /// Moves the files of a vault that cannot be opened into a new sub-directory `set-aside-<time>` of
    /// `dir` (nothing is deleted or rewritten), so a backup can be restored in its place. Returns the new
    /// sub-directory.
    pub fn set_aside(dir: impl AsRef<Path>) -> Result<PathBuf> {
        let paths = VaultPaths::in_dir(&dir);
        if !paths.any_exists() {
            return Err(VaultError::Missing);
        }
        let aside = paths.dir.join(format!("set-aside-{}", chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ")));
        fs::create_dir(&aside)?;
        for p in paths.db_files().iter().chain([&paths.key]) {
            if p.exists() {
                fs::rename(p, aside.join(p.file_name().expect("vault files have names")))?;
            }
        }
        keyfile::sync_dir(&aside)?;
        keyfile::sync_dir(&paths.dir)?;
        Ok(aside)
    }

    /// Locks: anchors the access log in the key file, closes the connection and wipes the key (the
    /// same as dropping the vault).
    pub fn lock(self) {
        drop(self);
    }

    pub fn paths(&self) -> &VaultPaths {
        &self.paths
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        migrations::user_version(&self.conn)
    }

    pub fn cases(&self) -> Cases<'_> {
        Cases { conn: &self.conn }
    }

    pub fn persons(&self) -> Persons<'_> {
        Persons { conn: &self.conn }
    }

    pub fn relations(&self) -> Relations<'_> {
        Relations { conn: &self.conn }
    }

    /// The professional's notes, with a trash and earlier versions.
    pub fn notes(&self) -> Notes<'_> {
        Notes { conn: &self.conn }
    }

    /// Retention dates of cases and the changes made to them, with their reasons.
    pub fn retention(&self) -> Retention<'_> {
        Retention { conn: &self.conn }
    }

    /// Persons' corrections and objections to answers, behaviour records and notes.
    pub fn corrections(&self) -> Corrections<'_> {
        Corrections { conn: &self.conn }
    }

    /// Full-text search over notes, answers, behaviour records' impact texts, plan items and case
    /// labels, in every case or in one; the best `limit` first. Nothing in the trash is found.
    pub fn search(&self, query: &domain::search::Query, case_id: Option<uuid::Uuid>, limit: u32) -> Result<Vec<domain::search::SearchHit>> {
        repo::search::search(&self.conn, query, case_id, limit)
    }

    /// Rewrites the database file without free pages (`VACUUM`): after a real delete, nothing of the
    /// deleted rows is left in the file, not even on free pages.
    pub fn vacuum(&self) -> Result<()> {
        self.conn.execute_batch("VACUUM")?;
        Ok(())
    }

    /// Deletes a case for real: every row that belongs to it (persons, relations, conversations and
    /// answers, records, judgements, decisions, pre-checks, Meldcode entries, plans and their versions,
    /// notes and their versions, and its entries in the search index) in one transaction with
    /// `secure_delete` on (freed space is overwritten), then rewrites the file without free pages. Only
    /// an access-log row with the case's id and the action is kept.
    ///
    /// The delete itself is what counts: if the rewrite fails for want of disk space (it needs room for
    /// a copy), the case is gone all the same and its freed pages hold zeros; the rewrite happens at the
    /// next real delete.
    pub fn delete_case(&self, id: uuid::Uuid) -> Result<()> {
        self.cases().delete(id)?;
        self.vacuum_after_delete()
    }

    /// Empties a case's note trash for real (see [`Vault::delete_case`]); how many notes went.
    pub fn empty_note_trash(&self, case_id: uuid::Uuid) -> Result<usize> {
        let n = self.notes().empty_trash(case_id)?;
        if n > 0 {
            self.vacuum_after_delete()?;
        }
        Ok(n)
    }

    fn vacuum_after_delete(&self) -> Result<()> {
        match self.vacuum() {
            Err(VaultError::DiskFull) => Ok(()),
            other => other,
        }
    }

    pub fn settings(&self) -> SettingsRepo<'_> {
        SettingsRepo { conn: &self.conn }
    }

    pub fn conversations(&self) -> Docs<'_, domain::Conversation> {
        self.docs()
    }

    /// Answers; saving one is the autosave of the conversation screen.
    pub fn answers(&self) -> Docs<'_, domain::Answer> {
        self.docs()
    }

    /// Behaviour records, with a trash ([`Docs::trash`], [`Docs::restore`]).
    pub fn behaviour_records(&self) -> Docs<'_, domain::BehaviourRecord> {
        self.docs()
    }

    /// The professional's judgements of the analysis' conclusions (history: every judgement is kept).
    pub fn judgements(&self) -> Docs<'_, domain::analysis::Judgement> {
        self.docs()
    }

    pub fn acute_decisions(&self) -> Docs<'_, domain::analysis::AcuteDecision> {
        self.docs()
    }

    /// Child pre-checks, one per child (keyed by the child's id).
    pub fn child_prechecks(&self) -> Docs<'_, domain::ChildPrecheck> {
        self.docs()
    }

    pub fn meldcode_entries(&self) -> Docs<'_, domain::MeldcodeEntry> {
        self.docs()
    }

    /// The report to Veilig Thuis: the draft and the reports made.
    pub fn meldingen(&self) -> repo::melding::Meldingen<'_> {
        repo::melding::Meldingen { conn: &self.conn, vault: self }
    }

    /// Safety plans and their frozen versions.
    pub fn safety_plans(&self) -> Docs<'_, domain::plan::SafetyPlan> {
        self.docs()
    }

    fn docs<T: Doc>(&self) -> Docs<'_, T> {
        Docs { conn: &self.conn, _t: std::marker::PhantomData }
    }

    /// Everything of a case the analysis needs (household, conversations, answers, behaviour records not
    /// in the trash, judgements, acute decisions, child pre-checks), read in one transaction.
    pub fn snapshot(&self, case_id: uuid::Uuid) -> Result<domain::CaseSnapshot> {
        repo::docs::snapshot(&self.conn, case_id)
    }

    /// The household of a case, read in one transaction.
    pub fn household(&self, case_id: uuid::Uuid) -> Result<domain::Household> {
        self.cases().household(case_id)
    }

    /// The access log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditEntry>> {
        audit::read(&self.conn)
    }

    /// Logs that a reader's version of a case's plan was saved as a PDF outside the vault (ids only).
    pub fn record_plan_exported(&self, case_id: uuid::Uuid) -> Result<()> {
        repo::write(&self.conn, |tx| audit::append(tx, AuditAction::PlanExported, Some(case_id), None))
    }

    /// Logs that one person's access request (`inzage`) of a case was saved outside the vault (the case
    /// and the person's ids only).
    pub fn record_inzage_exported(&self, case_id: uuid::Uuid, person_id: uuid::Uuid) -> Result<()> {
        repo::write(&self.conn, |tx| audit::append(tx, AuditAction::InzageExported, Some(case_id), Some(person_id)))
    }

    /// Runs `f` in one transaction: every write the repositories make inside it joins it (as a
    /// savepoint), so on `Ok` all of it is stored and on `Err` none of it — rows, search index and
    /// access-log rows alike. An import writes a whole case this way.
    pub fn in_one_transaction<T, E: From<VaultError>>(&self, f: impl FnOnce(&Vault) -> std::result::Result<T, E>) -> std::result::Result<T, E> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate).map_err(VaultError::from)?;
        // On `Err` the transaction is dropped, which rolls it back.
        let out = f(self)?;
        tx.commit().map_err(VaultError::from)?;
        Ok(out)
    }

    /// Logs that a case left the vault as a handover file (the case's id and the file's export id, no
    /// content), and remembers the export id, so the file is never taken back in as a second copy.
    pub fn record_handover_exported(&self, case_id: uuid::Uuid, export_id: uuid::Uuid) -> Result<()> {
        repo::write(&self.conn, |tx| {
            repo::settings::remember_handover(tx, export_id, case_id)?;
            audit::append(tx, AuditAction::HandoverExported, Some(case_id), Some(export_id))
        })
    }

    /// Logs that `case_id` was made from the handover file `export_id`, and remembers it (call inside
    /// the import's [`Vault::in_one_transaction`]).
    pub fn record_handover_imported(&self, case_id: uuid::Uuid, export_id: uuid::Uuid) -> Result<()> {
        repo::write(&self.conn, |tx| {
            repo::settings::remember_handover(tx, export_id, case_id)?;
            audit::append(tx, AuditAction::HandoverImported, Some(case_id), Some(export_id))
        })
    }

    /// The case of this vault that the handover file `export_id` was made from or became, if that case
    /// is still here.
    pub fn handover_case(&self, export_id: uuid::Uuid) -> Result<Option<uuid::Uuid>> {
        let Some(case_id) = repo::settings::handover_case(&self.conn, export_id)? else { return Ok(None) };
        match self.cases().get(case_id) {
            Ok(_) => Ok(Some(case_id)),
            Err(VaultError::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The access-log rows about one case, oldest first (ids and action names only; a deleted case's
    /// rows stay).
    pub fn case_log(&self, case_id: uuid::Uuid) -> Result<Vec<AuditEntry>> {
        audit::read_case(&self.conn, case_id)
    }

    /// Checks the access log's hash chain and head; returns the number of rows (`vault_damaged` when
    /// broken). [`Vault::check_audit`] says what is wrong.
    pub fn verify_audit_chain(&self) -> Result<usize> {
        audit::verify_chain(&self.conn)
    }

    /// Checks the access log against its chain, its head row and the key file's anchor.
    pub fn check_audit(&self) -> Result<std::result::Result<usize, AuditProblem>> {
        let kf = KeyFile::read(&self.paths.key)?;
        Ok(match kf.audit_anchor(&self.dek) {
            Err(()) => Err(AuditProblem::AnchorInvalid),
            Ok(a) => audit::verify(&self.conn, a.as_ref()),
        })
    }

    /// The full check: `cipher_integrity_check` (every page's HMAC) and `integrity_check`.
    pub fn check_integrity(&self) -> Result<()> {
        db::check_db(&self.conn, OpenCheck::Full)
    }

    /// The raw connection, for tests that tamper with or inspect the database.
    #[cfg(any(test, feature = "test-fast-kdf"))]
    #[doc(hidden)]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}
