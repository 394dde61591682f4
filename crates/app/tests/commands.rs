//! Every command through the test host, without Tauri: the happy path of each, and what the responses
//! carry so that the UI does not have to decide it.

use app::codegen::{self, State, other, table_host, valid_requests};
use app::host::{PASSPHRASE, TestHost};
use app::{COMMANDS, ErrorCode};
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn ok(host: &mut TestHost, map: &app::host::IdMap, command: &str, request: Value) -> Value {
    codegen::run(host, map, command, &request).unwrap_or_else(|e| panic!("{command} refused with {e}"))
}

#[test]
fn every_command_has_a_happy_path_that_succeeds() {
    let valid = valid_requests();
    for info in COMMANDS {
        let name = info.name;
        if name == "vault_recover" {
            let mut host = TestHost::locked();
            let key = host.recovery_key.clone().unwrap();
            host.dispatch(name, json!({ "recovery_key": key, "new_passphrase": codegen::NEW_PASSPHRASE })).expect("recover");
            assert!(host.is_unlocked() && host.effects.unlocked);
            continue;
        }
        if name == "backup_restore" || name == "vault_set_aside" {
            // Both need files a valid request cannot carry: `tests/backup.rs` has their happy paths.
            continue;
        }
        if name == "handover_preview" || name == "handover_import" {
            // Both need a handover file in the file dialog: `tests/handover.rs` has their happy paths.
            continue;
        }
        let (_, state, request) = valid.iter().find(|(c, ..)| *c == name).unwrap_or_else(|| panic!("no valid request for {name}"));
        let (mut host, map) = table_host(*state);
        if name == "behaviour_restore" {
            ok(&mut host, &map, "behaviour_trash", json!({ "case_id": J::CASE, "record_id": J::R_PUSH_BY_SANNE }));
        }
        if name == "practice_case_add" || name == "training_import" || name == "training_compare" {
            ok(&mut host, &map, "practice_open", json!({}));
        }
        if name == "practice_work_export" {
            let opened = host.dispatch("practice_open", json!({})).expect("practice_open");
            host.dispatch(name, json!({ "case_id": opened["caseId"], "group": "Groep 1" })).expect("practice_work_export");
            continue;
        }
        if name == "melding_report" {
            ok(&mut host, &map, "melding_save", json!({ "draft": codegen::melding_draft() }));
        }
        if name == "retention_delete" {
            ok(&mut host, &map, "retention_set", json!({ "case_id": J::CASE, "until": "2026-03-01", "reason": "Verzoek van de ouders." }));
        }
        ok(&mut host, &map, name, request.clone());
    }
}

#[test]
fn unlock_create_lock_tell_the_host_what_to_do() {
    let mut host = TestHost::missing();
    host.dispatch("vault_create", json!({ "passphrase": PASSPHRASE })).unwrap();
    assert!(host.effects.unlocked);
    assert_eq!(host.effects.auto_lock_minutes, Some(5));
    assert_eq!(host.dispatch("vault_status", json!({})).unwrap()["state"], "unlocked");
    host.dispatch("vault_lock", json!({})).unwrap();
    assert!(host.effects.locked && !host.is_unlocked());
    assert_eq!(host.dispatch("vault_status", json!({})).unwrap()["state"], "locked");
    host.dispatch("vault_lock", json!({})).unwrap();
    assert!(!host.effects.locked, "locking a locked vault sends no second event");
    host.dispatch("vault_unlock", json!({ "passphrase": PASSPHRASE })).unwrap();
    assert!(host.effects.unlocked);
    // Already unlocked: the right passphrase is fine, a wrong one is refused, the vault stays open.
    host.dispatch("vault_unlock", json!({ "passphrase": PASSPHRASE })).unwrap();
    assert_eq!(host.dispatch("vault_unlock", json!({ "passphrase": "een heel andere zin van woorden" })), Err(ErrorCode::WrongPassphrase));
    assert!(host.is_unlocked());
    host.dispatch("settings_set", json!({ "settings": { "autoLockMinutes": 12, "language": "en" } })).unwrap();
    assert_eq!(host.effects.auto_lock_minutes, Some(12));
    assert_eq!(host.dispatch("vault_status", json!({})).unwrap()["autoLockMinutes"], 12);
}

#[test]
fn the_household_says_which_guide_fits_whom_and_what_needs_a_precheck() {
    let (mut host, map) = table_host(State::Unlocked);
    let hh = ok(&mut host, &map, "household_get", json!({ "case_id": J::CASE }));
    let guidance = |p: uuid::Uuid| hh["guidance"].as_array().unwrap().iter().find(|g| g["person"] == p.to_string()).unwrap().clone();
    // Lotte is 6 (born 2020), Daan 13, Mark and Sanne adults; the clock says 15 March 2026.
    assert_eq!(guidance(J::LOTTE)["guide_id"], "gids.kind_4_7");
    assert_eq!(guidance(J::LOTTE)["precheck_required"], true);
    assert_eq!(guidance(J::LOTTE)["precheck_passed"], false);
    assert_eq!(guidance(J::LOTTE)["default_confidentiality"], json!({ "kind": "professional_only" }));
    assert_eq!(guidance(J::LOTTE)["reader"], json!({ "kind": "child", "person": J::LOTTE }));
    assert_eq!(guidance(J::DAAN)["guide_id"], "gids.kind_12_17");
    assert_eq!(guidance(J::MARK)["guide_id"], "gids.volwassene");
    assert_eq!(guidance(J::MARK)["precheck_required"], false);
    // What an adult says is for that adult and the professional only, unless the professional widens it.
    assert_eq!(guidance(J::MARK)["default_confidentiality"], json!({ "kind": "named_persons", "persons": [J::MARK] }));
    assert_eq!(guidance(J::SANNE)["default_confidentiality"], json!({ "kind": "named_persons", "persons": [J::SANNE] }));
    assert_eq!(hh["today"], "2026-03-15");

    // Lotte's conversation waits for the pre-check; once it is saved without issues it may start.
    let start = json!({ "case_id": J::CASE, "participants": [J::LOTTE], "guide_id": "gids.kind_4_7", "joint_reason": null, "safety_justification": null });
    assert_eq!(codegen::run(&mut host, &map, "conversation_start", &start), Err(ErrorCode::PrecheckRequired));
    let precheck = json!({ "case_id": J::CASE, "precheck": { "child_id": J::LOTTE, "age": 6, "consent": { "kind": "not_yet_asked" }, "warning_signs": [], "expert_consulted": false, "checked_at": "2026-03-15T10:00:00Z" } });
    ok(&mut host, &map, "precheck_save", precheck.clone());
    assert_eq!(codegen::run(&mut host, &map, "conversation_start", &start), Err(ErrorCode::PrecheckRequired), "consent still missing");
    let mut given = precheck;
    given["precheck"]["consent"] = json!({ "kind": "parental_consent", "by": [J::SANNE] });
    ok(&mut host, &map, "precheck_save", given);
    let hh = ok(&mut host, &map, "household_get", json!({ "case_id": J::CASE }));
    let lotte = hh["guidance"].as_array().unwrap().iter().find(|g| g["person"] == J::LOTTE.to_string()).unwrap();
    assert_eq!(lotte["precheck_passed"], true);
    ok(&mut host, &map, "conversation_start", start);
}

/// Choosing another guide or a joint conversation never skips a child's pre-check (§4).
#[test]
fn a_childs_precheck_cannot_be_skipped_by_another_guide_or_a_joint_talk() {
    let (mut host, map) = table_host(State::Unlocked);
    let start = |participants: Value, guide: &str, reason: Value| {
        json!({ "case_id": J::CASE, "participants": participants, "guide_id": guide, "joint_reason": reason,
            "safety_justification": "besproken met Veilig Thuis" })
    };
    let table = [
        ("Lotte alone with the adult guide", start(json!([J::LOTTE]), "gids.volwassene", Value::Null)),
        ("Lotte alone with the network guide", start(json!([J::LOTTE]), "gids.netwerk", Value::Null)),
        ("Lotte with her mother", start(json!([J::SANNE, J::LOTTE]), "gids.kind_4_7", json!("samen tekenen"))),
        ("Daan with his mother, adult guide", start(json!([J::SANNE, J::DAAN]), "gids.volwassene", json!("afspraken"))),
    ];
    for (name, request) in &table {
        assert_eq!(codegen::run(&mut host, &map, "conversation_start", request), Err(ErrorCode::PrecheckRequired), "{name}");
    }
    // With Lotte's pre-check passed, a joint talk with her is no longer refused for it.
    let precheck = json!({ "case_id": J::CASE, "precheck": { "child_id": J::LOTTE, "age": 6,
        "consent": { "kind": "parental_consent", "by": [J::SANNE] }, "warning_signs": [], "expert_consulted": false,
        "checked_at": "2026-03-15T10:00:00Z" } });
    ok(&mut host, &map, "precheck_save", precheck);
    assert_ne!(codegen::run(&mut host, &map, "conversation_start", &table[2].1), Err(ErrorCode::PrecheckRequired));
}

#[test]
fn an_open_conversation_holds_only_its_own_words_and_is_confidential_with_a_child() {
    let (mut host, map) = table_host(State::Unlocked);
    let daan = ok(&mut host, &map, "conversation_open", json!({ "case_id": J::CASE, "conversation_id": J::CONV_DAAN }));
    assert_eq!(daan["default_confidentiality"], json!({ "kind": "professional_only" }));
    let records: Vec<&Value> = daan["records"].as_array().unwrap().iter().collect();
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r["conversation_id"] == J::CONV_DAAN.to_string()));
    let sanne = ok(&mut host, &map, "conversation_open", json!({ "case_id": J::CASE, "conversation_id": J::CONV_SANNE }));
    assert_eq!(sanne["default_confidentiality"], json!({ "kind": "named_persons", "persons": [J::SANNE] }));
    assert!(sanne["answers"].as_array().unwrap().iter().all(|a| a["source_person"] == J::SANNE.to_string()));
}

#[test]
fn a_joint_conversation_of_adults_is_for_its_participants_by_default() {
    let (mut host, map) = table_host(State::Unlocked);
    let start = json!({ "case_id": J::CASE, "participants": [J::SANNE, J::MARK], "guide_id": "gids.volwassene",
        "joint_reason": "afspraken over de overdracht", "safety_justification": "beide willen het; veiligheidsplan besproken" });
    let conversation = ok(&mut host, &map, "conversation_start", start);
    let open = ok(&mut host, &map, "conversation_open", json!({ "case_id": J::CASE, "conversation_id": conversation["id"] }));
    assert_eq!(open["default_confidentiality"], json!({ "kind": "named_persons", "persons": [J::SANNE, J::MARK] }));
}

/// The person's own words go with every type of answer, also alone; they are kept and come back.
#[test]
fn own_words_are_saved_with_every_answer_and_alone() {
    let (mut host, map) = table_host(State::Unlocked);
    let conf = json!({ "kind": "named_persons", "persons": [J::SANNE] });
    let save = |host: &mut TestHost, question: &str, value: Value, words: Value| {
        codegen::run(host, &map, "answer_save", &json!({ "case_id": J::CASE, "conversation_id": J::CONV_SANNE,
            "question_id": question, "value": value, "words": words, "confidential": conf }))
    };
    let saved = |host: &mut TestHost, question: &str| -> Value {
        let open = ok(host, &map, "conversation_open", json!({ "case_id": J::CASE, "conversation_id": J::CONV_SANNE }));
        open["answers"].as_array().unwrap().iter().find(|a| a["question_id"] == question).cloned().unwrap_or(Value::Null)
    };
    // Words alone on a yes/no question: nothing is chosen, so it is not "asked" for the analysis.
    let yn = "vol.angst.levensgevaar";
    let words = "Soms denk ik dat hij het echt zou doen.\nMaar dan weer niet.";
    let a = save(&mut host, yn, Value::Null, json!(words)).unwrap();
    assert_eq!(a["value"], json!({ "type": "unanswered" }));
    assert_eq!(a["words"], words);
    assert_eq!(saved(&mut host, yn)["words"], words);
    // Choosing "yes" later keeps the words; changing only the words keeps "yes".
    save(&mut host, yn, json!({ "type": "yes_no_unknown", "value": "yes" }), Value::Null).unwrap();
    assert_eq!(saved(&mut host, yn)["words"], words, "no words in the request: the saved words stay");
    save(&mut host, yn, Value::Null, json!("Ja, daar ben ik bang voor.")).unwrap();
    let back = saved(&mut host, yn);
    assert_eq!(back["value"], json!({ "type": "yes_no_unknown", "value": "yes" }));
    assert_eq!(back["words"], "Ja, daar ben ik bang voor.");
    // Words with a behaviour question, and with "asked, nothing reported" / "not asked", which fit every question.
    let beh = "vol.controle.contacten";
    save(&mut host, beh, json!({ "type": "behaviour_records", "records": [] }), json!("Hij kijkt wie ik spreek.")).unwrap();
    assert_eq!(saved(&mut host, beh)["words"], "Hij kijkt wie ik spreek.");
    save(&mut host, beh, json!({ "type": "asked_nothing_reported" }), Value::Null).unwrap();
    save(&mut host, yn, json!({ "type": "not_asked" }), Value::Null).unwrap();
    assert_eq!(saved(&mut host, yn)["value"], json!({ "type": "not_asked" }));
    // Every text has a limit, the words too.
    let long = "x".repeat(app::limits::MAX_TEXT_CHARS + 1);
    assert_eq!(save(&mut host, yn, Value::Null, json!(long)), Err(ErrorCode::FieldTooLong));
    // "Unanswered" still has to be a question of this guide.
    assert_eq!(save(&mut host, "vol.bestaat.niet", Value::Null, json!("x")), Err(ErrorCode::UnknownQuestion));
}

#[test]
fn the_plan_says_who_may_read_each_item() {
    let (mut host, map) = table_host(State::Unlocked);
    let editor = ok(&mut host, &map, "plan_get", json!({ "case_id": J::CASE }));
    let readers = editor["readers"].as_array().unwrap();
    assert_eq!(readers.len(), domain::fixture::gezin_jansen().household.persons.len().max(1).max(readers.len()));
    for item in editor["plan"]["escape_plan"].as_array().unwrap() {
        let r = readers.iter().find(|r| r["item"] == item["id"]).unwrap();
        assert_eq!(r["everyone"], false, "never everyone for the escape plan");
    }
    for item in editor["plan"]["recovery"].as_array().unwrap().iter().filter(|i| i["origin"]["kind"] == "child_disclosure") {
        let r = readers.iter().find(|r| r["item"] == item["id"]).unwrap();
        assert_eq!(r["persons"], json!([item["origin"]["child"]]), "a child's disclosure may name only that child");
    }
    // The prefill names three worries: worries cannot take another, other sections can.
    let addable = editor["addable"].as_array().unwrap();
    assert!(!addable.contains(&json!("worries")));
    assert!(addable.contains(&json!("signals")));
    // A new escape step protects the adult the worries are about, and only they read it.
    let added = ok(&mut host, &map, "plan_item_add", json!({ "plan": editor["plan"], "section": "escape_plan" }));
    let step = added["plan"]["escape_plan"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(step["about"], json!(J::SANNE));
    assert_eq!(step["visibility"], json!({ "kind": "persons", "persons": [J::SANNE] }));
}

#[test]
fn exporting_freezes_a_version_and_saves_a_pdf_named_without_names() {
    let (mut host, map) = table_host(State::Unlocked);
    let out = ok(&mut host, &map, "plan_export_pdf", json!({ "case_id": J::CASE, "audience": { "kind": "adult", "person": J::SANNE } }));
    assert_eq!(out, json!({ "saved": true, "version": 1 }));
    let saved = host.shell.saved.lock().unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].0, "veiligheidsplan-versie-1-volwassene.pdf");
    assert!(saved[0].1.starts_with(b"%PDF"));
    drop(saved);
    let versions = ok(&mut host, &map, "plan_versions", json!({ "case_id": J::CASE }));
    assert_eq!(versions.as_array().unwrap().len(), 1);
    ok(&mut host, &map, "print_page", json!({}));
    assert_eq!(*host.shell.prints.lock().unwrap(), 1);
}

#[test]
fn a_cancelled_save_dialog_writes_nothing_but_keeps_the_frozen_version() {
    let (mut host, map) = table_host(State::Unlocked);
    host.shell.cancel = true;
    let out = ok(&mut host, &map, "plan_export_pdf", json!({ "case_id": J::CASE, "audience": { "kind": "professional" } }));
    assert_eq!(out, json!({ "saved": false, "version": 1 }));
    assert!(host.shell.saved.lock().unwrap().is_empty());
}

#[test]
fn ids_of_another_case_are_refused_everywhere_they_can_appear() {
    let (mut host, map) = table_host(State::Unlocked);
    let other_record = json!({ "case_id": J::CASE, "record_id": other::RECORD });
    assert_eq!(codegen::run(&mut host, &map, "behaviour_trash", &other_record), Err(ErrorCode::NotInCase));
    // The other case's own command with the same id works.
    ok(&mut host, &map, "behaviour_trash", json!({ "case_id": other::CASE, "record_id": other::RECORD }));
}

#[test]
fn a_yes_on_weighing_question_2_means_report_and_one_question_less_is_open() {
    let (mut host, map) = table_host(State::Unlocked);
    let before = ok(&mut host, &map, "meldcode_status", json!({ "case_id": J::CASE }));
    assert_eq!(before["report_required"], false);
    let open_before = before["unanswered"].as_array().unwrap().len();
    ok(&mut host, &map, "meldcode_save", json!({ "entry": {
        "id": uuid::Uuid::nil(), "case_id": J::CASE, "step": 4, "question_id": "afweging.2", "date": "2026-03-14", "answer": "yes",
        "rationale": "wurging en scheiding met controle", "consulted": [], "evidence": [], "recorded_at": "2026-03-15T10:00:00Z" } }));
    let after = ok(&mut host, &map, "meldcode_status", json!({ "case_id": J::CASE }));
    assert_eq!(after["report_required"], true);
    assert_eq!(after["unanswered"].as_array().unwrap().len(), open_before - 1);
    assert_eq!(after["today"], "2026-03-15");
}

#[test]
fn about_says_version_licence_and_where_the_data_lives_in_every_state() {
    for (mut host, exists) in [(TestHost::missing(), false), (TestHost::locked(), true), (TestHost::unlocked(), true)] {
        let writes = host.is_unlocked().then(|| host.writes());
        let about = host.dispatch("about_get", json!({})).expect("about_get");
        assert_eq!(about["version"], json!(env!("CARGO_PKG_VERSION")));
        assert_eq!(about["licence"], json!("EUPL-1.2"));
        assert_eq!(about["vaultFolder"], json!(host.dir.path().display().to_string()));
        assert_eq!(about["vaultExists"], json!(exists));
        // A build from source has no licence file; it never opens or changes the vault.
        assert_eq!(about["thirdPartyLicences"], Value::Null);
        assert!(!host.effects.unlocked && !host.effects.locked);
        if let Some(before) = writes {
            assert_eq!(host.writes(), before, "about_get writes nothing");
        }
    }
    // Where the package put the licence file, the dialog names it.
    let mut host = TestHost::missing();
    host.shell.licences = Some("/usr/share/doc/samen-kijken/THIRD-PARTY-LICENSES.txt".into());
    let about = host.dispatch("about_get", json!({})).expect("about_get");
    assert_eq!(about["thirdPartyLicences"], json!("/usr/share/doc/samen-kijken/THIRD-PARTY-LICENSES.txt"));
}
