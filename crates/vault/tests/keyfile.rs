//! The key file is checked before anything costly happens (issue 11, point 6): only a regular file of
//! sane size is read, malformed fields are `vault_damaged` before Argon2 runs, the recovery slot is
//! checked at unlock, and no key file can ask for more Argon2 work than this app writes.

mod common;

use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use common::*;
use vault::{KdfParams, KeyFile, RecoveryKey, UnlockWarning, Vault, VaultPaths};

/// Runs `Vault::open` on a thread and returns its error code, or panics when it does not come back:
/// a FIFO or `/dev/zero` as key file made unlock hang or eat memory.
fn open_code(dir: &Path) -> String {
    let dir = dir.to_path_buf();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(Vault::open(&dir, &pass()).map(|_| ()).map_err(|e| e.code().to_owned()));
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(Err(code)) => code,
        Ok(Ok(())) => "opened".into(),
        Err(_) => panic!("unlock did not return"),
    }
}

fn edit_key_file(dir: &Path, f: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("vault.key");
    let mut json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    f(&mut json);
    fs::write(&path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
}

#[test]
fn only_a_regular_key_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    drop(new_vault(dir.path()));
    let key = dir.path().join("vault.key");
    let good = dir.path().join("good.key");
    fs::rename(&key, &good).unwrap();

    // A FIFO: opening it used to wait for a writer forever.
    let status = std::process::Command::new("mkfifo").arg(&key).status().unwrap();
    assert!(status.success());
    assert_eq!(open_code(dir.path()), "vault_damaged");
    fs::remove_file(&key).unwrap();

    // A symlink to /dev/zero: used to be read without end.
    std::os::unix::fs::symlink("/dev/zero", &key).unwrap();
    assert_eq!(open_code(dir.path()), "vault_damaged");
    fs::remove_file(&key).unwrap();

    // A symlink to the real key file is not a regular file either.
    std::os::unix::fs::symlink(&good, &key).unwrap();
    assert_eq!(open_code(dir.path()), "vault_damaged");
    fs::remove_file(&key).unwrap();

    // A directory.
    fs::create_dir(&key).unwrap();
    assert_eq!(open_code(dir.path()), "vault_damaged");
    fs::remove_dir(&key).unwrap();

    fs::rename(&good, &key).unwrap();
    assert_eq!(open_code(dir.path()), "opened");
}

#[test]
fn malformed_fields_are_damage_before_key_derivation() {
    let dir = tempfile::tempdir().unwrap();
    drop(new_vault(dir.path()));
    let original = fs::read(dir.path().join("vault.key")).unwrap();
    let paths = VaultPaths::in_dir(dir.path());
    for slot in ["passphrase", "recovery"] {
        for field in ["salt", "nonce", "ciphertext"] {
            for bad in ["zz", "abc", "", "00"] {
                fs::write(&paths.key, &original).unwrap();
                edit_key_file(dir.path(), |j| {
                    let v = j[slot][field].as_str().unwrap().to_owned();
                    j[slot][field] = match bad {
                        // Not hex / odd length / empty / one byte short.
                        "zz" => format!("zz{}", &v[2..]),
                        "abc" => format!("{}a", v),
                        "" => String::new(),
                        _ => v[2..].to_owned(),
                    }
                    .into();
                });
                // Reading the key file alone refuses it: no key derivation can have run.
                let err = KeyFile::read(&paths.key).unwrap_err();
                assert_eq!(err.code(), "vault_damaged", "{slot}.{field} = {bad:?}");
                assert_eq!(open_code(dir.path()), "vault_damaged");
            }
        }
    }
}

#[test]
fn argon2_cost_is_capped_at_what_the_app_writes() {
    assert_eq!(KdfParams::MAX_M_COST_KIB, KdfParams::default().m_cost_kib);
    assert_eq!(KdfParams::MAX_T_COST, KdfParams::default().t_cost);
    assert_eq!(KdfParams::MAX_LANES, KdfParams::default().lanes);
    let dir = tempfile::tempdir().unwrap();
    drop(new_vault(dir.path()));
    let original = fs::read(dir.path().join("vault.key")).unwrap();
    for (m, t, lanes) in [(64 * 1024 + 1, 3, 1), (128 * 1024, 3, 1), (1024 * 1024, 16, 1), (64 * 1024, 4, 1), (64 * 1024, 3, 2)] {
        fs::write(dir.path().join("vault.key"), &original).unwrap();
        edit_key_file(dir.path(), |j| {
            j["passphrase"]["kdf"] = serde_json::json!({ "algorithm": "argon2id", "m_cost_kib": m, "t_cost": t, "lanes": lanes });
        });
        assert_eq!(open_code(dir.path()), "key_file_unsupported", "{m} KiB, {t} passes, {lanes} lanes");
    }
    // The cap itself is accepted.
    assert!(KdfParams { m_cost_kib: 64 * 1024, t_cost: 3, lanes: 1 }.check_strength().is_ok());
}

#[test]
fn a_damaged_recovery_slot_is_found_at_unlock_and_can_be_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let (v, rk) = new_vault(dir.path());
    let c = v.cases().create("Gezin R.").unwrap();
    drop(v);
    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert!(v.warnings().is_empty(), "{:?}", v.warnings());
    drop(v);

    // One character of the recovery slot's ciphertext changed: still valid hex, so only the MAC in
    // the key file's anchor can tell.
    edit_key_file(dir.path(), |j| {
        let ct = j["recovery"]["ciphertext"].as_str().unwrap();
        let flipped = if ct.starts_with('0') { format!("1{}", &ct[1..]) } else { format!("0{}", &ct[1..]) };
        j["recovery"]["ciphertext"] = flipped.into();
    });
    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.warnings(), [UnlockWarning::RecoverySlotDamaged]);
    assert_eq!(v.warnings()[0].code(), "recovery_slot_damaged");
    assert_eq!(v.cases().get(c.id).unwrap().label, "Gezin R.", "the vault itself opens");
    drop(v);
    // The warning stays until a new recovery key is made.
    let mut v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.warnings(), [UnlockWarning::RecoverySlotDamaged]);
    assert_eq!(v.replace_recovery_key(&"fout".into()).unwrap_err().code(), "wrong_passphrase");
    let new_rk = v.replace_recovery_key(&pass()).unwrap();
    assert!(v.warnings().is_empty());
    drop(v);
    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert!(v.warnings().is_empty(), "{:?}", v.warnings());
    drop(v);
    let old = RecoveryKey::parse(&rk.to_display_string()).unwrap();
    assert_eq!(Vault::open_with_recovery_key(dir.path(), &old, &pass()).unwrap_err().code(), "wrong_recovery_key");
    let v = Vault::open_with_recovery_key(dir.path(), &new_rk, &pass()).unwrap();
    assert_eq!(v.cases().get(c.id).unwrap().label, "Gezin R.");
    assert!(v.audit_log().unwrap().iter().any(|e| e.action == "recovery_key_replaced"));
}
