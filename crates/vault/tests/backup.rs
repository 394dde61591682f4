//! The vault side of backups in the app (issue 11, points 3 and 9): progress and cancel, the "last
//! backup" time for the reminder, restore in place with the current vault set aside (never
//! overwritten), checks on demand, and atomic file writes that never delete what the app did not make.

mod common;

use std::fs;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Duration, Utc};
use common::*;
use domain::Role;
use vault::{Passphrase, Vault, write_file_atomic};

fn busy_vault(dir: &std::path::Path) -> (Vault, Vec<uuid::Uuid>) {
    let (v, _) = new_vault(dir);
    let ids = (0..60)
        .map(|i| {
            let c = v.cases().create(&format!("Gezin {i}")).unwrap();
            let mut p = person(Role::Parent, "Ouder");
            p.notes = "n".repeat(2000);
            v.persons().add(c.id, p).unwrap();
            c.id
        })
        .collect();
    (v, ids)
}

#[test]
fn backup_reports_progress_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let (v, _) = busy_vault(dir.path());
    let mut seen = Vec::new();
    v.backup_with_progress(stick.path().join("b1"), |p| seen.push(p), &AtomicBool::new(false)).unwrap();
    assert!(seen.len() >= 2, "several steps: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].pages_done <= w[1].pages_done));
    let last = seen.last().unwrap();
    assert_eq!(last.pages_done, last.pages_total);
    assert!(Vault::open(stick.path().join("b1"), &pass()).is_ok());

    // Cancelled after the first step: an error code, nothing on the stick, no backup row.
    let cancel = AtomicBool::new(false);
    let rows = v.audit_log().unwrap().len();
    let err = v.backup_with_progress(stick.path().join("b2"), |_| cancel.store(true, Ordering::Relaxed), &cancel).unwrap_err();
    assert_eq!(err.code(), "backup_cancelled");
    assert!(!stick.path().join("b2").exists(), "the folder this call made is gone again");
    assert_eq!(v.audit_log().unwrap().len(), rows);
    // A folder the user made before is kept, empty.
    fs::create_dir(stick.path().join("b3")).unwrap();
    cancel.store(true, Ordering::Relaxed);
    assert_eq!(v.backup_with_progress(stick.path().join("b3"), |_| {}, &cancel).unwrap_err().code(), "backup_cancelled");
    assert!(files_under(&stick.path().join("b3")).is_empty());
}

#[test]
fn last_backup_time_drives_the_reminder() {
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    assert_eq!(v.settings().backup_reminder_days().unwrap(), 7);
    assert!(v.backup_reminder_due(Utc::now()).unwrap(), "never backed up");
    v.backup_to(stick.path().join("b")).unwrap();
    let at = v.last_backup_at().unwrap().unwrap();
    assert!(!v.backup_reminder_due(at + Duration::days(7) - Duration::seconds(1)).unwrap());
    assert!(v.backup_reminder_due(at + Duration::days(7)).unwrap());
    v.settings().set_backup_reminder_days(30).unwrap();
    assert!(!v.backup_reminder_due(at + Duration::days(29)).unwrap());
    for bad in [0, 91] {
        assert_eq!(v.settings().set_backup_reminder_days(bad).unwrap_err().code(), "invalid");
    }
}

#[test]
fn restore_in_place_sets_the_current_vault_aside() {
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let c = v.cases().create("Gezin vóór de backup").unwrap();
    v.backup_to(stick.path().join("b")).unwrap();
    v.cases().rename(c.id, "Gezin na de backup").unwrap();
    drop(v);
    let current = snapshot(dir.path());

    // Wrong passphrase, or a damaged backup: the current vault stays exactly as it was.
    assert_eq!(Vault::restore_replacing(stick.path().join("b"), dir.path(), &Passphrase::new("fout")).unwrap_err().code(), "wrong_passphrase");
    assert!(snapshot(dir.path()) == current);
    let broken = tempfile::tempdir().unwrap();
    for f in ["vault.db", "vault.key"] {
        fs::copy(stick.path().join("b").join(f), broken.path().join(f)).unwrap();
    }
    let mut db = fs::read(broken.path().join("vault.db")).unwrap();
    db[5000] ^= 1;
    fs::write(broken.path().join("vault.db"), db).unwrap();
    assert_eq!(Vault::restore_replacing(broken.path(), dir.path(), &pass()).unwrap_err().code(), "vault_damaged");
    assert!(snapshot(dir.path()) == current, "a bad backup changes nothing");

    let before_restore = Utc::now() - Duration::seconds(1);
    let r = Vault::restore_replacing(stick.path().join("b"), dir.path(), &pass()).unwrap();
    assert_eq!(r.vault.cases().get(c.id).unwrap().label, "Gezin vóór de backup");
    // Right after the restore everything in the vault is in a backup: no reminder yet.
    let since = r.vault.last_backup_at().unwrap().expect("a restored vault counts as backed up");
    assert!(since >= before_restore, "counted from the restore: {since}");
    assert!(!r.vault.backup_reminder_due(Utc::now()).unwrap());
    assert!(r.vault.warnings().is_empty(), "{:?}", r.vault.warnings());
    assert!(r.vault.check_all().unwrap().all_ok());
    let aside = r.set_aside.clone().unwrap();
    drop(r);
    // The vault that was there is kept whole, byte for byte, in the set-aside folder.
    for (path, (bytes, _)) in &current {
        assert_eq!(&fs::read(aside.join(path.file_name().unwrap())).unwrap(), bytes);
    }
    let old = Vault::open(&aside, &pass()).unwrap();
    assert_eq!(old.cases().get(c.id).unwrap().label, "Gezin na de backup");
    drop(old);
    // No staging folder left behind.
    let names: Vec<String> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.starts_with(".restore-")), "{names:?}");
}

#[test]
fn a_damaged_vault_can_be_set_aside_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    let c = v.cases().create("Gezin S.").unwrap();
    v.backup_to(stick.path().join("b")).unwrap();
    drop(v);
    let mut db = fs::read(dir.path().join("vault.db")).unwrap();
    db[100] ^= 1;
    fs::write(dir.path().join("vault.db"), &db).unwrap();
    assert_eq!(Vault::open(dir.path(), &pass()).unwrap_err().code(), "vault_damaged");
    let r = Vault::restore_replacing(stick.path().join("b"), dir.path(), &pass()).unwrap();
    assert_eq!(r.vault.cases().get(c.id).unwrap().label, "Gezin S.");
    assert_eq!(fs::read(r.set_aside.unwrap().join("vault.db")).unwrap(), db, "the damaged file is kept as it was");
}

#[test]
fn atomic_write_replaces_regular_files_only() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plan.pdf");
    write_file_atomic(&target, b"eerste").unwrap();
    write_file_atomic(&target, b"tweede").unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"tweede");
    // A symlink at the target is neither followed nor deleted.
    let elsewhere = dir.path().join("elders.txt");
    fs::write(&elsewhere, b"niet van de app").unwrap();
    let link = dir.path().join("link.pdf");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    assert_eq!(write_file_atomic(&link, b"x").unwrap_err().code(), "io");
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read(&elsewhere).unwrap(), b"niet van de app");
    // A folder at the target is left alone.
    fs::create_dir(dir.path().join("map.pdf")).unwrap();
    assert_eq!(write_file_atomic(&dir.path().join("map.pdf"), b"x").unwrap_err().code(), "io");
    // No temp files are left, and a new file is private to the user.
    let mut names: Vec<String> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["elders.txt", "link.pdf", "map.pdf", "plan.pdf"]);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
}
