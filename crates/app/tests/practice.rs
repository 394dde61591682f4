//! Practice mode (issue 12, point 2): a practice vault of its own, never mixed with real data. Only one
//! vault is open at a time, so no command reaches ids of the other; what only the real vault does is
//! refused; a practice folder is never used or restored as the real vault; locking ends practice mode.

use std::collections::BTreeMap;
use std::path::Path;

use app::ErrorCode;
use app::codegen::{self, State, table_host};
use app::host::{PASSPHRASE, TestHost};
use domain::fixture::ids as J;
use serde_json::{Value, json};

/// Every file below `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.strip_prefix(dir).unwrap().display().to_string(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn status(host: &mut TestHost) -> Value {
    host.dispatch("vault_status", json!({})).unwrap()
}

fn labels(host: &mut TestHost) -> Vec<String> {
    let list = host.dispatch("cases_list", json!({})).unwrap();
    list.as_array().unwrap().iter().map(|c| c["label"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn the_practice_vault_is_its_own_and_starts_with_one_practice_family() {
    let (mut host, map) = table_host(State::Unlocked);
    let real_case = map.get(J::CASE);
    assert_eq!(status(&mut host)["practice"], false);
    let real_labels = labels(&mut host);
    assert!(real_labels.contains(&"Gezin Jansen-de Vries".to_owned()));

    let opened = host.dispatch("practice_open", json!({})).unwrap();
    let st = status(&mut host);
    assert_eq!((st["state"].as_str(), st["practice"].as_bool()), (Some("unlocked"), Some(true)));
    assert!(host.practice_dir.path().join(app::commands::practice::MARKER_FILE).is_file(), "the folder is marked");
    // The practice vault holds the first-run family and nothing of the real vault.
    assert_eq!(labels(&mut host), ["Gezin Meidoorn (fictief)"]);
    let family = host.dispatch("household_get", json!({ "case_id": opened["caseId"] })).unwrap();
    let names: Vec<&str> = family["persons"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"Esra Meidoorn") && names.contains(&"Sem Meidoorn"));
    assert_eq!(family["relations"].as_array().unwrap().len(), 3, "partners and two parent links");
    // An id of the real vault is not found here: nothing of it can be read, changed or copied.
    for (command, request) in [
        ("case_open", json!({ "case_id": real_case })),
        ("household_get", json!({ "case_id": real_case })),
        ("analysis_get", json!({ "case_id": real_case })),
        ("notes_list", json!({ "case_id": real_case })),
        ("case_delete", json!({ "case_id": real_case })),
        ("person_add", json!({ "case_id": real_case, "input": { "role": "child", "name": "Mila", "year_of_birth": 2018, "gender": null, "lives_in_household": true, "notes": "" } })),
    ] {
        assert_eq!(host.dispatch(command, request), Err(ErrorCode::NotFound), "{command} with a real case id in practice mode");
    }
    // Search finds nothing of the real vault.
    let found = host.dispatch("search", json!({ "query": "Jansen", "case_id": null })).unwrap();
    assert_eq!(found["hits"].as_array().map(Vec::len), Some(0), "{found}");

    // Opening practice mode again does not add the family twice.
    host.dispatch("practice_open", json!({})).unwrap();
    assert_eq!(labels(&mut host), ["Gezin Meidoorn (fictief)"]);

    // Leaving practice mode closes the practice vault; the real vault is unlocked with its own passphrase
    // and holds exactly what it held, nothing of the practice family.
    host.dispatch("practice_close", json!({})).unwrap();
    let st = status(&mut host);
    assert_eq!((st["state"].as_str(), st["practice"].as_bool()), (Some("locked"), Some(false)));
    host.dispatch("vault_unlock", json!({ "passphrase": PASSPHRASE })).unwrap();
    assert_eq!(labels(&mut host), real_labels);
    let practice_case = opened["caseId"].clone();
    assert_eq!(host.dispatch("household_get", json!({ "case_id": practice_case })), Err(ErrorCode::NotFound));
}

#[test]
fn practice_mode_never_writes_the_real_vault_and_refuses_what_only_the_real_vault_does() {
    let (mut host, _map) = table_host(State::Unlocked);
    host.lock();
    let before = files(host.dir.path());
    host.dispatch("practice_open", json!({})).unwrap();
    let case = host.dispatch("cases_list", json!({})).unwrap()[0]["id"].clone();
    host.dispatch("case_rename", json!({ "case_id": case, "label": "Gezin Meidoorn (oefening 1)" })).unwrap();
    for (command, request) in [
        ("backup_make", json!({})),
        ("backup_restore", json!({ "passphrase": PASSPHRASE })),
        ("vault_unlock", json!({ "passphrase": PASSPHRASE })),
        ("vault_create", json!({ "passphrase": codegen::NEW_PASSPHRASE })),
        ("vault_change_passphrase", json!({ "old_passphrase": PASSPHRASE, "new_passphrase": codegen::NEW_PASSPHRASE })),
        ("vault_set_aside", json!({ "passphrase": PASSPHRASE })),
    ] {
        assert_eq!(host.dispatch(command, request), Err(ErrorCode::PracticeMode), "{command} in practice mode");
    }
    // Quick hide / lock ends practice mode.
    host.dispatch("vault_lock", json!({})).unwrap();
    assert_eq!(status(&mut host)["practice"], false);
    assert_eq!(files(host.dir.path()), before, "not one byte of the real vault's folder changed");
}

#[test]
fn a_practice_vault_is_never_used_or_restored_as_the_real_one() {
    // The practice folder copied by hand to a USB disk, then offered as a backup to restore.
    let (mut host, _map) = table_host(State::Unlocked);
    host.dispatch("practice_open", json!({})).unwrap();
    host.dispatch("practice_close", json!({})).unwrap();
    let usb = tempfile::tempdir().unwrap();
    let copy = usb.path().join("Samen Kijken reservekopie 2026-03-15");
    std::fs::create_dir_all(&copy).unwrap();
    for (name, bytes) in files(host.practice_dir.path()) {
        std::fs::write(copy.join(name), bytes).unwrap();
    }
    host.answer_folder_dialog(Some(copy.clone()));
    let before = files(host.dir.path());
    assert_eq!(host.dispatch("backup_restore", json!({ "passphrase": PASSPHRASE })), Err(ErrorCode::PracticeVaultMismatch));
    assert_eq!(files(host.dir.path()), before);

    // The practice vault without its marker file, put in the real vault's place: unlocking refuses it.
    let mut other = TestHost::missing();
    std::fs::remove_dir_all(other.dir.path()).unwrap();
    std::fs::create_dir_all(other.dir.path()).unwrap();
    for (name, bytes) in files(host.practice_dir.path()) {
        if name != app::commands::practice::MARKER_FILE {
            std::fs::write(other.dir.path().join(name), bytes).unwrap();
        }
    }
    // Its passphrase is built into the app; whoever knows it still cannot use it as a real vault.
    let practice_pass = practice_passphrase();
    assert_eq!(other.dispatch("vault_unlock", json!({ "passphrase": practice_pass })), Err(ErrorCode::PracticeVaultMismatch));
    assert_eq!(status(&mut other)["state"], "locked");

    // A real vault in the practice folder is not opened as the practice vault.
    let mut third = TestHost::unlocked();
    third.lock();
    for (name, bytes) in files(third.dir.path()) {
        std::fs::write(third.practice_dir.path().join(name), bytes).unwrap();
    }
    assert_eq!(third.dispatch("practice_open", json!({})), Err(ErrorCode::PracticeVaultMismatch));
    assert_eq!(status(&mut third)["practice"], false);
}

/// The built-in passphrase, read from the source so the test does not restate it.
fn practice_passphrase() -> String {
    let source = include_str!("../src/commands/practice.rs");
    let start = source.find("PRACTICE_PASSPHRASE: &str = \"").unwrap() + "PRACTICE_PASSPHRASE: &str = \"".len();
    source[start..start + source[start..].find('"').unwrap()].to_owned()
}

#[test]
fn a_trainer_adds_practice_families_to_the_practice_vault_only_and_saves_their_role_cards() {
    let (mut host, _map) = table_host(State::Unlocked);
    let list = host.dispatch("practice_cases_list", json!({})).unwrap();
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(ids.len() >= 4 && ids.contains(&"oefen.hazelaar"), "{ids:?}");
    assert!(list.to_string().contains("teaches") && !list.to_string().contains("reference"), "what it teaches, not the answers");

    // Never into a real vault.
    let real_before = labels(&mut host);
    assert_eq!(host.dispatch("practice_case_add", json!({ "practice_case_id": "oefen.hazelaar" })), Err(ErrorCode::PracticeOnly));
    assert_eq!(labels(&mut host), real_before);

    host.dispatch("practice_open", json!({})).unwrap();
    let added = host.dispatch("practice_case_add", json!({ "practice_case_id": "oefen.hazelaar" })).unwrap();
    assert!(labels(&mut host).contains(&added["label"].as_str().unwrap().to_owned()));
    assert_eq!(host.dispatch("practice_case_add", json!({ "practice_case_id": "oefen.onbekend" })), Err(ErrorCode::NotFound));

    // Role cards: a PDF through the save dialog, named after the family, nothing else written.
    let saved = host.dispatch("role_cards_export", json!({ "practice_case_id": "oefen.hazelaar" })).unwrap();
    assert_eq!(saved["saved"], true);
    let files = host.shell.saved.lock().unwrap().clone();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "rolkaarten-hazelaar.pdf");
    assert!(files[0].1.starts_with(b"%PDF-"));
}
