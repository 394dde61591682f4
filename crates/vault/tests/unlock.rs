//! Creating, unlocking, wrong passphrase, damage, passphrase change and recovery.

mod common;

use std::fs;
use std::io::{Seek, SeekFrom, Write};

use common::*;
use domain::Role;
use vault::{KdfParams, KeyFile, Passphrase, RecoveryKey, Vault, VaultError, VaultPaths};

#[test]
fn create_then_open_finds_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let case = v.cases().create("Gezin A.").unwrap();
    v.lock();
    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.cases().get(case.id).unwrap(), case);
    assert_eq!(v.schema_version().unwrap(), vault::SCHEMA_VERSION);
    v.check_integrity().unwrap();
}

#[test]
fn create_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    drop(v);
    let before = snapshot(dir.path());
    let err = Vault::create(dir.path(), &Passphrase::new("other"), fast()).unwrap_err();
    assert_eq!(err.code(), "vault_exists");
    assert_eq!(snapshot(dir.path()), before);
    // A lone database without key file also counts as a vault.
    let dir2 = tempfile::tempdir().unwrap();
    fs::write(dir2.path().join("vault.db"), b"x").unwrap();
    assert_eq!(Vault::create(dir2.path(), &pass(), fast()).unwrap_err().code(), "vault_exists");
}

#[test]
fn missing_vault_is_reported_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    assert!(!Vault::exists(dir.path()));
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "vault_missing");
    assert!(files_under(dir.path()).is_empty());
    // Key file without database.
    let (v, _) = new_vault(dir.path());
    drop(v);
    assert!(Vault::exists(dir.path()));
    fs::remove_file(dir.path().join("vault.db")).unwrap();
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "vault_missing");
    assert!(!dir.path().join("vault.db").exists());
}

#[test]
fn wrong_passphrase_leaves_files_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let c = v.cases().create("Gezin B.").unwrap();
    v.persons().add(c.id, person(Role::Parent, "Ans")).unwrap();
    drop(v);
    // Mtime resolution: make sure a rewrite would show up.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let before = snapshot(dir.path());
    assert_eq!(before.len(), 2, "closed vault is db + key file: {:?}", before.keys());
    for wrong in ["", "paard batterij nietje correcT", "x", PASS.trim_end_matches('t')] {
        let err = Vault::open(dir.path(), &Passphrase::new(wrong)).unwrap_err();
        assert_eq!(err.code(), "wrong_passphrase");
        assert_eq!(snapshot(dir.path()), before, "files changed after a wrong passphrase");
    }
    // Also while the vault is open elsewhere.
    let open = Vault::open(dir.path(), &pass()).unwrap();
    let before_open = snapshot(dir.path());
    assert_eq!(Vault::open(dir.path(), &Passphrase::new("nope")).unwrap_err().code(), "wrong_passphrase");
    assert_eq!(snapshot(dir.path()), before_open);
    drop(open);
}

/// Flips a byte in the database file at `offset`.
fn flip(path: &std::path::Path, offset: u64) {
    let mut bytes = fs::read(path).unwrap();
    bytes[offset as usize] ^= 0x5a;
    let mut f = fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(offset)).unwrap();
    f.write_all(&bytes[offset as usize..offset as usize + 1]).unwrap();
    f.sync_all().unwrap();
}

#[test]
fn damaged_vault_is_not_wrong_passphrase() {
    let template = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(template.path());
    // Several pages: 40 cases with long notes.
    for i in 0..40 {
        let c = v.cases().create(&format!("Gezin {i}")).unwrap();
        let mut p = person(Role::Parent, "Bram");
        p.notes = "n".repeat(3000);
        v.persons().add(c.id, p).unwrap();
    }
    v.lock();
    let db_len = fs::metadata(template.path().join("vault.db")).unwrap().len();
    assert!(db_len >= 20 * 4096, "db should span many pages, is {db_len} bytes");
    assert!(!template.path().join("vault.db-wal").exists(), "clean close checkpoints the WAL");

    let pages = db_len / 4096;
    // Page 1 after the 16-byte salt, the middle of page 1, its HMAC area, and later pages.
    let offsets = [20, 100, 2000, 4090, 4096 + 50, (pages / 2) * 4096 + 700, (pages - 1) * 4096 + 3000];
    for offset in offsets {
        let dir = tempfile::tempdir().unwrap();
        for f in ["vault.db", "vault.key"] {
            fs::copy(template.path().join(f), dir.path().join(f)).unwrap();
        }
        let db = dir.path().join("vault.db");
        flip(&db, offset);
        let damaged = fs::read(&db).unwrap();
        let err = Vault::open(dir.path(), &pass()).unwrap_err();
        assert_eq!(err.code(), "vault_damaged", "offset {offset}: {err:?}");
        // Still damaged, not rewritten; a wrong passphrase is still reported as such.
        assert_eq!(fs::read(&db).unwrap(), damaged, "offset {offset}: database was rewritten");
        assert_eq!(Vault::open(dir.path(), &Passphrase::new("nope")).unwrap_err().code(), "wrong_passphrase");
        assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "vault_damaged");
        assert_eq!(fs::read(&db).unwrap(), damaged);
    }
}

#[test]
fn damaged_or_truncated_key_file_is_damaged_not_wrong_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    drop(new_vault(dir.path()));
    let key = dir.path().join("vault.key");
    let good = fs::read(&key).unwrap();
    fs::write(&key, &good[..good.len() / 2]).unwrap();
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "vault_damaged");
    fs::write(&key, b"").unwrap();
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "vault_damaged");
    // A database that is not a database at all, with a good key file.
    fs::write(&key, &good).unwrap();
    fs::write(dir.path().join("vault.db"), vec![7u8; 8192]).unwrap();
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "vault_damaged");
    assert_eq!(fs::read(dir.path().join("vault.db")).unwrap(), vec![7u8; 8192]);
}

#[test]
fn passphrase_change_rewraps_only_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let (v, rk) = new_vault(dir.path());
    let c = v.cases().create("Gezin C.").unwrap();
    let new = Passphrase::new("een heel ander wachtwoord");
    assert_eq!(v.change_passphrase(&Passphrase::new("fout"), &new).unwrap_err().code(), "wrong_passphrase");
    v.change_passphrase(&pass(), &new).unwrap();
    drop(v);
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "wrong_passphrase");
    let v = Vault::open(dir.path(), &new).unwrap();
    assert_eq!(v.cases().get(c.id).unwrap().label, "Gezin C.");
    drop(v);
    // The recovery key still works after a passphrase change.
    let v = Vault::open_with_recovery_key(dir.path(), &rk, &pass()).unwrap();
    drop(v);
    assert!(Vault::open(dir.path(), &pass()).is_ok());
    // No temp files are left behind.
    let mut names: Vec<_> = files_under(dir.path()).iter().map(|p| p.file_name().unwrap().to_owned()).collect();
    names.sort();
    assert_eq!(names, ["vault.db", "vault.key"]);
}

#[test]
fn recovery_key_sets_a_new_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (v, rk) = new_vault(dir.path());
    let c = v.cases().create("Gezin D.").unwrap();
    drop(v);
    let typed = rk.to_display_string().to_lowercase().replace('-', " ");
    let rk2 = RecoveryKey::parse(&typed).unwrap();

    let before = snapshot(dir.path());
    let wrong = RecoveryKey::parse("00000-00000-00000-00000-00000-00000-00000-00000").unwrap();
    let err = Vault::open_with_recovery_key(dir.path(), &wrong, &Passphrase::new("x")).unwrap_err();
    assert_eq!(err.code(), "wrong_recovery_key");
    assert_eq!(snapshot(dir.path()), before);

    let new = Passphrase::new("nieuw en lang genoeg");
    let v = Vault::open_with_recovery_key(dir.path(), &rk2, &new).unwrap();
    assert_eq!(v.cases().get(c.id).unwrap().label, "Gezin D.");
    let actions: Vec<_> = v.audit_log().unwrap().into_iter().map(|e| e.action).collect();
    assert!(actions.ends_with(&["unlocked_with_recovery_key".into(), "passphrase_changed".into()]));
    drop(v);
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "wrong_passphrase");
    assert!(Vault::open(dir.path(), &new).is_ok());
}

#[test]
fn default_params_are_the_specified_ones_and_end_up_in_the_key_file() {
    assert_eq!(KdfParams::default(), KdfParams { m_cost_kib: 64 * 1024, t_cost: 3, lanes: 1 });
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = Vault::create(dir.path(), &pass(), KdfParams::default()).unwrap();
    drop(v);
    let kf = KeyFile::read(&VaultPaths::in_dir(dir.path()).key).unwrap();
    assert_eq!(kf.params().unwrap(), KdfParams { m_cost_kib: 65536, t_cost: 3, lanes: 1 });
    let text = fs::read_to_string(dir.path().join("vault.key")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["passphrase"]["kdf"]["algorithm"], "argon2id");
    assert_eq!(json["passphrase"]["salt"].as_str().unwrap().len(), 32, "16-byte salt");
    assert_eq!(json["passphrase"]["nonce"].as_str().unwrap().len(), 48, "24-byte XChaCha nonce");
    assert_eq!(json["recovery"]["kdf"]["algorithm"], "hkdf-sha256");
    assert!(Vault::open(dir.path(), &pass()).is_ok());
}

#[test]
fn weak_params_are_refused_at_create() {
    let dir = tempfile::tempdir().unwrap();
    let weak = KdfParams { m_cost_kib: 16 * 1024, t_cost: 3, lanes: 1 };
    let err = Vault::create(dir.path(), &pass(), weak).unwrap_err();
    assert_eq!(err.code(), "key_file_params_too_weak");
    assert!(files_under(dir.path()).is_empty());
    assert!(matches!(err, VaultError::KeyFileParamsTooWeak));
}

#[test]
fn empty_passphrase_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(Vault::create(dir.path(), &Passphrase::new("  "), fast()).unwrap_err().code(), "field_empty");
    assert!(files_under(dir.path()).is_empty());
    let (v, rk) = new_vault(dir.path());
    assert_eq!(v.change_passphrase(&pass(), &Passphrase::new("")).unwrap_err().code(), "field_empty");
    drop(v);
    let err = Vault::open_with_recovery_key(dir.path(), &rk, &Passphrase::new("")).unwrap_err();
    assert_eq!(err.code(), "field_empty");
    assert!(Vault::open(dir.path(), &pass()).is_ok(), "the old passphrase still works");
}

#[test]
fn set_aside_then_restore_replaces_a_damaged_vault() {
    let dir = tempfile::tempdir().unwrap();
    let backups = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let c = v.cases().create("Gezin E.").unwrap();
    v.backup_to(backups.path().join("b1")).unwrap();
    drop(v);
    flip(&dir.path().join("vault.db"), 100);
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "vault_damaged");
    let aside = Vault::set_aside(dir.path()).unwrap();
    assert!(aside.join("vault.db").exists() && aside.join("vault.key").exists());
    let v = Vault::restore_from(backups.path().join("b1"), dir.path(), &pass()).unwrap();
    assert_eq!(v.cases().get(c.id).unwrap().label, "Gezin E.");
}

#[test]
fn connection_settings_are_the_specified_ones() {
    let dir = tempfile::tempdir().unwrap();
    drop(new_vault(dir.path()));
    let v = Vault::open(dir.path(), &pass()).unwrap();
    let c = v.connection();
    let text = |sql: &str| c.query_row(sql, [], |r| r.get::<_, String>(0)).unwrap();
    let int = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert!(!text("PRAGMA cipher_version").trim().is_empty());
    assert_eq!(text("PRAGMA cipher_log_level").to_uppercase(), "NONE");
    // A rollback journal, not a write-ahead log (issue 11, point 2: see tests/wal.rs).
    assert_eq!(text("PRAGMA journal_mode"), "delete");
    assert_eq!(int("PRAGMA synchronous"), 2, "FULL");
    assert_eq!(int("PRAGMA foreign_keys"), 1);
    assert_eq!(int("PRAGMA temp_store"), 2, "MEMORY");
    assert_eq!(int("PRAGMA secure_delete"), 1);
    // The database file does not start with the plain SQLite header.
    drop(v);
    let head = fs::read(dir.path().join("vault.db")).unwrap();
    assert!(!head.starts_with(b"SQLite format 3"));
}

#[test]
fn oversized_key_file_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    drop(new_vault(dir.path()));
    fs::write(dir.path().join("vault.key"), vec![b' '; 100 * 1024]).unwrap();
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "vault_damaged");
}
