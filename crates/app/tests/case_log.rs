//! The access log of a case (issue 14, point 3): what was done to the case and when, in order, with
//! ids and action names only; the whole log is checked each time it is shown, and a row changed behind
//! the app's back is reported while the rows are still shown.

use app::codegen::{self, State, other, table_host};
use domain::fixture::ids as J;
use serde_json::json;

#[test]
fn the_case_log_lists_this_case_only_and_holds_no_case_text() {
    let (mut host, map) = table_host(State::Unlocked);
    let c = json!({ "case_id": J::CASE });
    codegen::run(&mut host, &map, "case_rename", &json!({ "case_id": J::CASE, "label": "Gezin Zwaluw-Qvk" })).unwrap();
    let log = codegen::run(&mut host, &map, "case_log", &c).unwrap();
    let entries = log["entries"].as_array().unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions.first(), Some(&"case_created"));
    assert_eq!(actions.last(), Some(&"case_renamed"), "{actions:?}");
    assert!(entries.windows(2).all(|w| w[0]["seq"].as_i64() < w[1]["seq"].as_i64()), "oldest first");
    assert!(log["problem"].is_null());
    let rows = log["auditRows"].as_u64().unwrap();
    assert!(rows as usize > entries.len(), "the whole log is checked, not only this case's rows");
    // Ids and action names only.
    let text = serde_json::to_string(&log).unwrap();
    for word in ["Zwaluw", "Sanne", "Jansen"] {
        assert!(!text.contains(word), "{word} in the access log");
    }
    // The other case's rows are not in this case's log, and the other way round.
    let theirs = codegen::run(&mut host, &map, "case_log", &json!({ "case_id": other::CASE })).unwrap();
    let theirs: Vec<i64> = theirs["entries"].as_array().unwrap().iter().map(|e| e["seq"].as_i64().unwrap()).collect();
    assert!(!theirs.is_empty());
    assert!(entries.iter().all(|e| !theirs.contains(&e["seq"].as_i64().unwrap())));
}

#[test]
fn a_changed_row_is_reported_when_the_log_is_shown() {
    let (mut host, map) = table_host(State::Unlocked);
    let c = json!({ "case_id": J::CASE });
    let before = codegen::run(&mut host, &map, "case_log", &c).unwrap();
    host.with_vault(|v| v.connection().execute("UPDATE audit_log SET action = 'case_renamed' WHERE action = 'case_created'", []).unwrap());
    let after = codegen::run(&mut host, &map, "case_log", &c).unwrap();
    assert_eq!(after["problem"], json!("audit_chain_broken"));
    assert!(after["auditRows"].is_null());
    // Still shown, as it is now.
    assert_eq!(after["entries"].as_array().unwrap().len(), before["entries"].as_array().unwrap().len());
    // Rows cut off the end are found too.
    let (mut host, map) = table_host(State::Unlocked);
    host.with_vault(|v| v.connection().execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", []).unwrap());
    let cut = codegen::run(&mut host, &map, "case_log", &c).unwrap();
    assert!(cut["problem"].is_string(), "a cut log is reported: {cut}");
}

#[test]
fn an_unknown_case_has_no_log() {
    let (mut host, map) = table_host(State::Unlocked);
    let err = codegen::run(&mut host, &map, "case_log", &json!({ "case_id": uuid::Uuid::nil() })).unwrap_err();
    assert_eq!(err.to_string(), "not_found");
}

#[test]
fn opening_a_case_is_logged_once_and_reading_it_again_is_not() {
    let (mut host, map) = table_host(State::Unlocked);
    let c = json!({ "case_id": J::CASE });
    let count = |host: &mut app::host::TestHost| {
        let log = codegen::run(host, &map, "case_log", &c).unwrap();
        log["entries"].as_array().unwrap().iter().filter(|e| e["action"] == json!("case_opened")).count()
    };
    assert_eq!(count(&mut host), 0);
    let opened = codegen::run(&mut host, &map, "case_open", &c).unwrap();
    let read = codegen::run(&mut host, &map, "household_get", &c).unwrap();
    assert_eq!(opened, read, "the same view as household_get");
    assert_eq!(count(&mut host), 1);
    codegen::run(&mut host, &map, "household_get", &c).unwrap();
    assert_eq!(count(&mut host), 1, "a refresh is not an opening");
}

#[test]
fn a_plan_saved_as_pdf_is_logged_and_a_cancelled_save_is_not() {
    let (mut host, map) = table_host(State::Unlocked);
    let c = json!({ "case_id": J::CASE });
    let exported = |host: &mut app::host::TestHost| {
        let log = codegen::run(host, &map, "case_log", &c).unwrap();
        log["entries"].as_array().unwrap().iter().filter(|e| e["action"] == json!("plan_exported")).count()
    };
    let request = json!({ "case_id": J::CASE, "audience": { "kind": "professional" } });
    let out = codegen::run(&mut host, &map, "plan_export_pdf", &request).unwrap();
    assert_eq!(out["saved"], json!(true));
    assert_eq!(exported(&mut host), 1);
    host.shell.cancel = true;
    let out = codegen::run(&mut host, &map, "plan_export_pdf", &request).unwrap();
    assert_eq!(out["saved"], json!(false));
    assert_eq!(exported(&mut host), 1, "nothing left the vault");
}
