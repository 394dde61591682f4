//! A full disk (issue 11, point 4), on a real full file system: a small tmpfs mounted for the test
//! (the tests run as root; mounting is required, not optional). Unlock still opens the vault to read;
//! every write — a case, a passphrase change, a backup — fails with `disk_full` and changes nothing;
//! when space returns, the waiting audit row is written and all is whole.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use domain::Role;
use vault::{Passphrase, UnlockWarning, Vault};

/// A tmpfs of `size` mounted on a fresh temp dir; unmounted on drop.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount").args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700"), "tmpfs"]).arg(dir.path()).output().unwrap();
        assert!(out.status.success(), "mounting a tmpfs needs root (CAP_SYS_ADMIN): {}", String::from_utf8_lossy(&out.stderr));
        Tmpfs { dir }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Fills the file system of `dir` with a filler file until ENOSPC; returns its path.
fn fill(dir: &Path) -> PathBuf {
    let filler = dir.join("filler");
    let mut f = fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    loop {
        match f.write(&chunk) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.raw_os_error() == Some(libc::ENOSPC) => break,
            Err(e) => panic!("{e}"),
        }
    }
    let _ = f.sync_all();
    filler
}

#[test]
fn unlock_on_full_disk() {
    let fs_ = Tmpfs::mount("4m");
    let dir = fs_.path().join("kluis");
    let (v, _) = new_vault(&dir);
    let c = v.cases().create("Gezin V.").unwrap();
    let saved = v.persons().add(c.id, person(Role::Parent, "Vera")).unwrap();
    drop(v);
    let filler = fill(fs_.path());

    // Unlock opens to read, and says the disk is full.
    let v = Vault::open(&dir, &pass()).unwrap();
    assert!(v.warnings().contains(&UnlockWarning::DiskFull), "{:?}", v.warnings());
    assert_eq!(v.household(c.id).unwrap().persons, [saved.clone()]);
    assert_eq!(v.cases().list().unwrap().len(), 1);

    // Every write: disk_full, nothing changed.
    assert_eq!(v.cases().create("Gezin W.").unwrap_err().code(), "disk_full");
    let mut big = person(Role::Child, "Wim");
    big.notes = "w".repeat(1_500);
    assert_eq!(v.persons().add(c.id, big).unwrap_err().code(), "disk_full");
    let new = Passphrase::new("een nieuw wachtwoord");
    assert_eq!(v.change_passphrase(&pass(), &new).unwrap_err().code(), "disk_full");
    let backup_dir = fs_.path().join("backup");
    assert_eq!(v.backup_to(&backup_dir).unwrap_err().code(), "disk_full");
    assert!(!backup_dir.exists() || files_under(&backup_dir).is_empty(), "a failed backup leaves nothing");
    assert_eq!(v.cases().list().unwrap().len(), 1);
    // Space again before the lock: the row of the unlock on the full disk is written then.
    fs::remove_file(&filler).unwrap();
    drop(v);
    assert_eq!(Vault::open(&dir, &new).unwrap_err().code(), "wrong_passphrase", "the old passphrase stays valid");

    // Writes work, both unlocks are in the log, all whole.
    let v = Vault::open(&dir, &pass()).unwrap();
    assert!(v.warnings().is_empty(), "{:?}", v.warnings());
    v.cases().create("Gezin W.").unwrap();
    let actions: Vec<String> = v.audit_log().unwrap().into_iter().map(|e| e.action).collect();
    assert!(actions.iter().filter(|a| *a == "unlocked").count() == 2, "{actions:?}");
    v.check_integrity().unwrap();
    assert!(v.check_audit().unwrap().is_ok());
    assert!(!actions.contains(&"backup_made".to_owned()));
}

#[test]
fn a_row_waiting_for_space_is_written_with_the_next_write() {
    let fs_ = Tmpfs::mount("4m");
    let dir = fs_.path().join("kluis");
    drop(new_vault(&dir));
    let filler = fill(fs_.path());
    let v = Vault::open(&dir, &pass()).unwrap();
    assert!(v.warnings().contains(&UnlockWarning::DiskFull));
    let before = v.audit_log().unwrap().len();
    fs::remove_file(&filler).unwrap();
    // Same session: the first write after space returns carries the waiting `unlocked` row first.
    let c = v.cases().create("Gezin X.").unwrap();
    let log = v.audit_log().unwrap();
    assert_eq!(log.len(), before + 2);
    assert_eq!(log[before].action, "unlocked");
    assert_eq!(log[before + 1].action, "case_created");
    assert!(log[before].at < log[before + 1].at);
    assert_eq!(v.check_audit().unwrap(), Ok(log.len()));
    assert!(v.cases().get(c.id).is_ok());
}

#[test]
fn backup_to_a_full_disk_leaves_nothing_and_no_row() {
    let stick = Tmpfs::mount("1m");
    let dir = tempfile::tempdir().unwrap();
    let (v, _) = new_vault(dir.path());
    for i in 0..40 {
        let c = v.cases().create(&format!("Gezin {i}")).unwrap();
        let mut p = person(Role::Parent, "Ouder");
        p.notes = "n".repeat(3000);
        v.persons().add(c.id, p).unwrap();
    }
    // The vault (well over 100 KiB) does not fit on the nearly full stick.
    let _filler = {
        let f = fill(stick.path());
        let keep = fs::metadata(&f).unwrap().len().saturating_sub(64 * 1024);
        fs::OpenOptions::new().write(true).open(&f).unwrap().set_len(keep).unwrap();
        f
    };
    let target = stick.path().join("backup-1");
    assert_eq!(v.backup_to(&target).unwrap_err().code(), "disk_full");
    let left: Vec<_> = fs::read_dir(stick.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["filler"], "only the filler is left on the stick");
    assert_eq!(v.last_backup_at().unwrap(), None);
    assert!(v.audit_log().unwrap().iter().all(|e| e.action != "backup_made"));
}
