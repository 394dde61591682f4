//! Backups in the app, through the commands as the UI calls them: a backup to a folder the user
//! chooses, restoring one in place of the current vault (set aside, never overwritten), the checks on
//! demand, the reminder, a damaged vault set aside, and what the unlock found shown as warnings.

use std::path::{Path, PathBuf};

use app::codegen::{self, State, table_host};
use app::host::{PASSPHRASE, TestHost};
use app::{ErrorCode, FolderPurpose};
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn case_label(host: &mut TestHost, map: &app::host::IdMap) -> String {
    let cases = codegen::run(host, map, "cases_list", &json!({})).expect("cases");
    cases.as_array().unwrap().iter().find(|c| c["id"] == json!(J::CASE)).expect("the practice case")["label"].as_str().unwrap().to_owned()
}

fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            p.is_file().then(|| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        })
        .collect();
    out.sort();
    out
}

fn make_backup(host: &mut TestHost) -> (Value, PathBuf) {
    let made = host.dispatch("backup_make", json!({})).expect("backup");
    assert_eq!(made["made"], true);
    let name = made["folderName"].as_str().expect("folder name").to_owned();
    (made, host.usb.path().join(name))
}

#[test]
fn a_backup_goes_into_a_new_folder_in_the_chosen_one_with_progress_and_is_remembered() {
    let (mut host, _) = table_host(State::Unlocked);
    let before = host.dispatch("vault_health", json!({})).unwrap();
    assert_eq!(before["lastBackupAt"], Value::Null);
    assert_eq!(before["backupDue"], true, "no backup yet: remind");
    assert_eq!(before["reminderDays"], 7);

    let (made, folder) = make_backup(&mut host);
    assert!(made["folderName"].as_str().unwrap().starts_with("Samen Kijken reservekopie "), "{made}");
    assert!(!made["folderName"].as_str().unwrap().contains("Jansen"), "no case data in the folder name");
    assert_eq!(made["location"], json!(host.usb.path().display().to_string()));
    assert!(folder.join("vault.db").is_file() && folder.join("vault.key").is_file(), "{:?}", files_in(&folder));
    assert_eq!(*host.shell.folder_asked.lock().unwrap(), vec![FolderPurpose::BackupTarget]);
    let progress = host.shell.progress.lock().unwrap().clone();
    let &(done, total) = progress.last().expect("progress was reported");
    assert!(total > 0 && done == total, "the last report is the whole database: {progress:?}");
    assert!(progress.windows(2).all(|w| w[0].0 <= w[1].0), "progress only goes forward: {progress:?}");
    assert!(made["health"]["lastBackupAt"].is_string());
    assert_eq!(made["health"]["backupDue"], false);
    assert!(host.effects.activity, "a backup counts as activity for the idle timer");

    // A second backup in the same minute gets its own folder; the first is never touched.
    let first = files_in(&folder);
    let (_, second) = make_backup(&mut host);
    assert_ne!(second, folder);
    assert_eq!(files_in(&folder), first);

    // The backup opens with the same passphrase and holds the case.
    let v = vault::Vault::open(&second, &vault::Passphrase::new(PASSPHRASE)).expect("the backup opens");
    assert!(v.check_all().unwrap().all_ok());
}

#[test]
fn a_cancelled_dialog_makes_nothing_and_a_locked_vault_opens_no_dialog() {
    let (mut host, _) = table_host(State::Unlocked);
    host.answer_folder_dialog(None);
    let made = host.dispatch("backup_make", json!({})).unwrap();
    assert_eq!(made["made"], false);
    assert_eq!(made["folderName"], Value::Null);
    assert!(std::fs::read_dir(host.usb.path()).unwrap().next().is_none(), "nothing written");
    assert_eq!(made["health"]["lastBackupAt"], Value::Null);

    let (mut locked, _) = table_host(State::Locked);
    assert_eq!(locked.dispatch("backup_make", json!({})), Err(ErrorCode::Locked));
    assert!(locked.shell.folder_asked.lock().unwrap().is_empty(), "no dialog while locked");
}

#[test]
fn a_folder_that_is_gone_is_refused_and_leaves_nothing() {
    let (mut host, _) = table_host(State::Unlocked);
    host.answer_folder_dialog(Some(host.usb.path().join("weg")));
    assert_eq!(host.dispatch("backup_make", json!({})), Err(ErrorCode::NotFound));
    assert!(!host.usb.path().join("weg").exists());
}

#[test]
fn restore_brings_back_the_old_state_and_sets_the_current_vault_aside() {
    let (mut host, map) = table_host(State::Unlocked);
    let (_, backup) = make_backup(&mut host);
    codegen::run(&mut host, &map, "case_rename", &json!({ "case_id": J::CASE, "label": "Gezin na de reservekopie" })).unwrap();
    assert_eq!(case_label(&mut host, &map), "Gezin na de reservekopie");
    let backup_files = files_in(&backup);

    host.answer_folder_dialog(Some(backup.clone()));
    let restored = host.dispatch("backup_restore", json!({ "passphrase": PASSPHRASE })).expect("restore");
    assert_eq!(restored["restored"], true);
    assert!(host.effects.unlocked && !host.effects.locked, "the restored vault is open in place of the old one");
    assert_eq!(case_label(&mut host, &map), "Gezin Jansen-de Vries", "the state of the backup");
    assert_eq!(files_in(&backup), backup_files, "the backup itself is never changed");

    // The vault that was here is set aside whole: it still opens and holds the change.
    let aside = PathBuf::from(restored["setAside"].as_str().expect("set aside"));
    assert!(aside.starts_with(host.dir.path()));
    let old = vault::Vault::open(&aside, &vault::Passphrase::new(PASSPHRASE)).expect("the set-aside vault opens");
    assert!(old.cases().list().unwrap().iter().any(|c| c.label == "Gezin na de reservekopie"));
}

#[test]
fn a_wrong_passphrase_or_a_folder_without_a_backup_changes_nothing_and_keeps_the_vault_open() {
    let (mut host, map) = table_host(State::Unlocked);
    let (_, backup) = make_backup(&mut host);
    codegen::run(&mut host, &map, "case_rename", &json!({ "case_id": J::CASE, "label": "Nieuwer" })).unwrap();
    host.lock();
    let before = files_in(host.dir.path());
    host.dispatch("vault_unlock", json!({ "passphrase": PASSPHRASE })).unwrap();
    let before_unlocked = host.writes();

    host.answer_folder_dialog(Some(backup.clone()));
    assert_eq!(host.dispatch("backup_restore", json!({ "passphrase": codegen::NEW_PASSPHRASE })), Err(ErrorCode::WrongPassphrase));
    assert!(host.is_unlocked(), "a typo does not lock the open vault");
    assert_eq!(host.writes(), before_unlocked);

    host.answer_folder_dialog(Some(host.usb.path().to_path_buf()));
    assert_eq!(host.dispatch("backup_restore", json!({ "passphrase": PASSPHRASE })), Err(ErrorCode::BackupNotFound));
    host.answer_folder_dialog(Some(host.dir.path().to_path_buf()));
    assert_eq!(host.dispatch("backup_restore", json!({ "passphrase": PASSPHRASE })), Err(ErrorCode::BackupNotFound), "the vault is no backup of itself");
    host.answer_folder_dialog(None);
    assert_eq!(host.dispatch("backup_restore", json!({ "passphrase": PASSPHRASE })).unwrap()["restored"], false);
    assert_eq!(case_label(&mut host, &map), "Nieuwer");
    host.lock();
    let after: Vec<_> = files_in(host.dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(after, before.into_iter().map(|(n, _)| n).collect::<Vec<_>>(), "no file added or removed");
}

/// Flips bytes in the middle of the database, as a failing disk would.
fn damage(db: &Path) {
    let mut bytes = std::fs::read(db).unwrap();
    let at = bytes.len() / 2;
    for b in &mut bytes[at..at + 64] {
        *b ^= 0x5a;
    }
    std::fs::write(db, bytes).unwrap();
}

#[test]
fn a_damaged_vault_is_set_aside_and_a_backup_restored_in_its_place() {
    let (mut host, map) = table_host(State::Unlocked);
    let (_, backup) = make_backup(&mut host);
    host.lock();
    damage(&host.dir.path().join("vault.db"));
    assert_eq!(host.dispatch("vault_unlock", json!({ "passphrase": PASSPHRASE })), Err(ErrorCode::VaultDamaged));
    assert_eq!(host.dispatch("vault_set_aside", json!({ "passphrase": codegen::NEW_PASSPHRASE })), Err(ErrorCode::WrongPassphrase));

    let aside = host.dispatch("vault_set_aside", json!({ "passphrase": PASSPHRASE })).expect("set aside");
    let folder = PathBuf::from(aside["folder"].as_str().unwrap());
    assert!(folder.join("vault.db").is_file() && folder.join("vault.key").is_file(), "moved, not deleted");
    assert_eq!(host.dispatch("vault_status", json!({})).unwrap()["state"], "missing");

    // On the empty place: restore the backup (a new laptop looks the same).
    host.answer_folder_dialog(Some(backup));
    let restored = host.dispatch("backup_restore", json!({ "passphrase": PASSPHRASE })).unwrap();
    assert_eq!(restored["setAside"], Value::Null, "there was nothing left to set aside");
    assert_eq!(case_label(&mut host, &map), "Gezin Jansen-de Vries");
    let check = host.dispatch("vault_check", json!({})).unwrap();
    assert_eq!(check["integrityOk"], true);
    assert!(check["auditRows"].as_u64().unwrap() > 0);
    assert_eq!(check["auditProblem"], Value::Null);
}

#[test]
fn a_healthy_vault_is_not_set_aside() {
    let (mut host, _) = table_host(State::Locked);
    let before = files_in(host.dir.path());
    assert_eq!(host.dispatch("vault_set_aside", json!({ "passphrase": PASSPHRASE })), Err(ErrorCode::VaultNotDamaged));
    assert_eq!(files_in(host.dir.path()), before, "looking changed no file");
}

#[test]
fn the_reminder_follows_the_setting() {
    let (mut host, _) = table_host(State::Unlocked);
    let health = host.dispatch("backup_reminder_set", json!({ "days": 30 })).unwrap();
    assert_eq!(health["reminderDays"], 30);
    assert_eq!(health["reminderDaysMin"], 1);
    assert_eq!(health["reminderDaysMax"], 90);
    assert_eq!(host.dispatch("vault_health", json!({})).unwrap()["reminderDays"], 30);
}

#[test]
fn an_older_database_put_back_is_a_warning_after_unlock_not_a_lock_out() {
    let (mut host, map) = table_host(State::Unlocked);
    host.lock();
    let db = host.dir.path().join("vault.db");
    let old = std::fs::read(&db).unwrap();
    host.dispatch("vault_unlock", json!({ "passphrase": PASSPHRASE })).unwrap();
    codegen::run(&mut host, &map, "case_rename", &json!({ "case_id": J::CASE, "label": "Later" })).unwrap();
    assert_eq!(host.dispatch("vault_health", json!({})).unwrap()["warnings"], json!([]));
    host.lock();
    std::fs::write(&db, old).unwrap();
    host.dispatch("vault_unlock", json!({ "passphrase": PASSPHRASE })).expect("still opens");
    let warnings = host.dispatch("vault_health", json!({})).unwrap()["warnings"].clone();
    assert_eq!(warnings, json!(["audit_log_rolled_back"]));
}
