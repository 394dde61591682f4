//! The access log is a keyed, anchored chain (issue 11, point 8): edits, rows cut off the end, an
//! emptied log and a `vault.db` put back from an older copy are all found — at unlock as a warning
//! (the vault still opens) and on demand.

mod common;

use std::fs;

use common::*;
use domain::Role;
use sha2::{Digest, Sha256};
use vault::{AuditProblem, UnlockWarning, Vault};

fn vault_with_history(dir: &std::path::Path) {
    let (v, _) = new_vault(dir);
    for i in 0..5 {
        let c = v.cases().create(&format!("Gezin {i}")).unwrap();
        v.persons().add(c.id, person(Role::Parent, "Ouder")).unwrap();
    }
}

fn audit_warning(dir: &std::path::Path) -> Vec<UnlockWarning> {
    Vault::open(dir, &pass()).expect("a broken log never locks the user out").warnings().to_vec()
}

#[test]
fn rows_are_macs_under_a_key_from_the_data_key() {
    let dir = tempfile::tempdir().unwrap();
    vault_with_history(dir.path());
    let v = Vault::open(dir.path(), &pass()).unwrap();
    let conn = v.connection();
    let (seq, at, action, case_id, subject, prev, hash): (i64, String, String, Option<String>, Option<String>, String, String) = conn
        .query_row("SELECT seq, at, action, case_id, subject_id, prev_hash, hash FROM audit_log WHERE seq = 3", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })
        .unwrap();
    // Not the unkeyed sha256 link anyone could recompute.
    let mut h = Sha256::new();
    for part in [prev.as_str(), &seq.to_string(), &at, &action, case_id.as_deref().unwrap_or(""), subject.as_deref().unwrap_or("")] {
        h.update(part.as_bytes());
        h.update(b"\n");
    }
    assert_ne!(hex::encode(h.finalize()), hash);
    let keyed: i64 = conn.query_row("SELECT min(keyed) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert_eq!(keyed, 1);

    // Someone without the key edits a row and recomputes the unkeyed chain from there: found.
    conn.execute("UPDATE audit_log SET action = 'case_opened' WHERE seq = 3", []).unwrap();
    assert_eq!(v.check_audit().unwrap(), Err(AuditProblem::ChainBroken));
    assert_eq!(v.verify_audit_chain().unwrap_err().code(), "vault_damaged");
    drop(v);
    assert_eq!(audit_warning(dir.path()), [UnlockWarning::Audit(AuditProblem::ChainBroken)]);
}

#[test]
fn rows_cut_off_the_end_or_all_deleted_are_found() {
    for cut in ["DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)", "DELETE FROM audit_log", "DELETE FROM audit_log; DELETE FROM audit_head"] {
        let dir = tempfile::tempdir().unwrap();
        vault_with_history(dir.path());
        let v = Vault::open(dir.path(), &pass()).unwrap();
        assert!(v.warnings().is_empty());
        let n = v.verify_audit_chain().unwrap();
        assert!(n > 10);
        v.connection().execute_batch(cut).unwrap();
        assert_eq!(v.check_audit().unwrap(), Err(AuditProblem::LogCut), "{cut}");
        assert_eq!(v.verify_audit_chain().unwrap_err().code(), "vault_damaged", "{cut}");
        let report = v.check_all().unwrap();
        assert!(report.integrity_ok && report.audit == Err(AuditProblem::LogCut) && !report.all_ok());
        drop(v);
        // At unlock: a warning with its code, and the vault opens.
        let warnings = audit_warning(dir.path());
        assert_eq!(warnings, [UnlockWarning::Audit(AuditProblem::LogCut)], "{cut}");
        assert_eq!(warnings[0].code(), "audit_log_cut");
    }
}

#[test]
fn an_older_copy_of_the_database_put_back_is_found() {
    let dir = tempfile::tempdir().unwrap();
    vault_with_history(dir.path());
    let old = tempfile::tempdir().unwrap();
    fs::copy(dir.path().join("vault.db"), old.path().join("vault.db")).unwrap();
    let v = Vault::open(dir.path(), &pass()).unwrap();
    v.cases().create("Gezin na de kopie").unwrap();
    drop(v);
    // Head row and rows roll back together: only the key file's anchor can tell.
    fs::copy(old.path().join("vault.db"), dir.path().join("vault.db")).unwrap();
    let v = Vault::open(dir.path(), &pass()).unwrap();
    assert_eq!(v.warnings(), [UnlockWarning::Audit(AuditProblem::RolledBack)]);
    assert_eq!(v.warnings()[0].code(), "audit_log_rolled_back");
    assert_eq!(v.check_audit().unwrap(), Err(AuditProblem::RolledBack));
}

#[test]
fn backup_made_is_written_after_the_backup_succeeded() {
    let dir = tempfile::tempdir().unwrap();
    let backups = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    v.cases().create("Gezin B.").unwrap();
    // A backup that fails (a vault is already there) leaves no row.
    let taken = backups.path().join("bezet");
    fs::create_dir(&taken).unwrap();
    fs::write(taken.join("vault.db"), b"iets anders").unwrap();
    assert_eq!(v.backup_to(&taken).unwrap_err().code(), "vault_exists");
    assert!(v.audit_log().unwrap().iter().all(|e| e.action != "backup_made"));
    assert_eq!(v.last_backup_at().unwrap(), None);

    let b = backups.path().join("b1");
    v.backup_to(&b).unwrap();
    let log = v.audit_log().unwrap();
    assert_eq!(log.last().unwrap().action, "backup_made");
    assert_eq!(v.last_backup_at().unwrap(), Some(log.last().unwrap().at));
    drop(v);
    // The backup holds the log up to just before: complete and anchored on its own.
    let bv = Vault::open(&b, &pass()).unwrap();
    assert!(bv.warnings().is_empty(), "{:?}", bv.warnings());
    let blog = bv.audit_log().unwrap();
    assert!(blog.iter().all(|e| e.action != "backup_made"));
    assert_eq!(&blog[..log.len() - 1], &log[..log.len() - 1]);
}
