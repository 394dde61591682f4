//! The report to Veilig Thuis through the commands (issue 15, point 1), on the example family stored in
//! a real vault: the draft lists every statement with its source; the professional's choices are kept;
//! a report made is frozen with its day and records Meldcode step 5 with the included signals as its
//! evidence, in one go; the report goes out as PDF or text through the save dialog only, and each step
//! is a row in the access log with ids only.

use app::ErrorCode;
use app::codegen::{self, State, melding_draft, table_host};
use app::host::{IdMap, TestHost};
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn run(host: &mut TestHost, map: &IdMap, command: &str, request: Value) -> Result<Value, ErrorCode> {
    codegen::run(host, map, command, &request)
}

fn statements(screen: &Value) -> Vec<Value> {
    screen["document"]["parts"].as_array().unwrap().iter().flat_map(|p| p["statements"].as_array().unwrap().clone()).collect()
}

fn statement(screen: &Value, key: &str) -> Value {
    statements(screen).into_iter().find(|s| s["key"] == key).unwrap_or_else(|| panic!("no {key}"))
}

fn log(host: &TestHost, action: &str) -> Vec<vault::AuditEntry> {
    host.with_vault(|v| v.audit_log().unwrap()).into_iter().filter(|e| e.action == action).collect()
}

#[test]
fn draft_choices_report_and_export() {
    let (mut host, map) = table_host(State::Unlocked);
    let case = json!({ "case_id": J::CASE });
    let shout = format!("record:{}", J::R_SHOUT_DAAN);

    // A new draft: every statement has a source; Daan's confidence is listed, not included.
    let first = run(&mut host, &map, "melding_get", case.clone()).unwrap();
    assert!(statements(&first).iter().all(|s| !s["source"].as_str().unwrap().trim().is_empty()));
    let s = statement(&first, &shout);
    assert_eq!((s["included"].clone(), s["child_confidence"].clone()), (json!(false), json!(true)));
    assert_eq!(first["problems"], json!([{ "kind": "request_missing" }]));
    assert_eq!(run(&mut host, &map, "melding_report", json!({ "case_id": J::CASE, "reported_on": "2026-03-14" })), Err(ErrorCode::MeldingRequestMissing));
    assert!(log(&host, "melding_reported").is_empty());

    // The professional includes Daan's account, adds the school's signal with its source, writes the request.
    let saved = run(&mut host, &map, "melding_save", json!({ "draft": melding_draft() })).unwrap();
    assert_eq!(statement(&saved, &shout)["included"], json!(true));
    let own: Vec<Value> = statements(&saved).into_iter().filter(|s| s["key"].as_str().unwrap().starts_with("own:")).collect();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["source"], "Mentor van Daan, telefoon 12-03-2026");
    assert_ne!(saved["draft"]["own"][0]["id"], json!(uuid::Uuid::nil()), "an own statement gets its id in Rust");
    assert_eq!(saved["problems"], json!([]));
    assert_eq!(log(&host, "melding_draft_saved").len(), 1);
    // Kept: the next look shows the same choices.
    assert_eq!(run(&mut host, &map, "melding_get", case.clone()).unwrap()["draft"], saved["draft"]);

    // Reported on 14 March: version 1, frozen with only what was included; Meldcode step 5 recorded.
    let reported = run(&mut host, &map, "melding_report", json!({ "case_id": J::CASE, "reported_on": "2026-03-14" })).unwrap();
    let versions = reported["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 1);
    let v1 = &versions[0];
    assert_eq!((v1["number"].clone(), v1["reported_on"].clone()), (json!(1), json!("2026-03-14")));
    assert_eq!(v1["document"]["status"], "Gemeld op 14-03-2026 (versie 1)");
    assert_eq!(reported["document"]["status"], "Concept voor een volgende melding — laatst gemeld op 14-03-2026 (versie 1)");
    let frozen: Vec<Value> = v1["document"]["parts"].as_array().unwrap().iter().flat_map(|p| p["statements"].as_array().unwrap().clone()).collect();
    assert!(frozen.iter().all(|s| s["included"] == json!(true)));
    assert!(frozen.iter().any(|s| s["key"] == shout), "Daan's account, as the professional chose");
    let entries = run(&mut host, &map, "meldcode_list", case.clone()).unwrap();
    let step5: Vec<&Value> = entries.as_array().unwrap().iter().filter(|e| e["question_id"] == "besluit.melden").collect();
    assert_eq!(step5.len(), 1);
    assert_eq!((step5[0]["step"].clone(), step5[0]["answer"].clone(), step5[0]["date"].clone()), (json!(5), json!("yes"), json!("2026-03-14")));
    assert_eq!(step5[0]["id"], v1["meldcode_entry"]);
    let evidence = step5[0]["evidence"].as_array().unwrap();
    assert!(evidence.contains(&json!({ "kind": "record", "id": J::R_STRANGLE })), "{evidence:?}");
    assert!(evidence.contains(&json!({ "kind": "record", "id": J::R_SHOUT_DAAN })), "included by the professional");
    let status = run(&mut host, &map, "meldcode_status", case.clone()).unwrap();
    assert!(status.to_string().contains("besluit.melden"));
    let rows = log(&host, "melding_reported");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].subject_id.map(|u| u.to_string()), Some(map.get(serde_json::from_value(v1["meldcode_entry"].clone()).unwrap()).to_string()));
    // The draft goes on for a later report; a second report is version 2.
    assert_eq!(reported["draft"]["request"], saved["draft"]["request"]);
    let again = run(&mut host, &map, "melding_report", json!({ "case_id": J::CASE, "reported_on": "2026-03-15" })).unwrap();
    assert_eq!(again["versions"].as_array().unwrap().len(), 2);

    // Exported as text and as PDF, through the save dialog; the file names hold no name or label.
    host.shell.saved.lock().unwrap().clear();
    assert_eq!(run(&mut host, &map, "melding_export", json!({ "case_id": J::CASE, "version": 1, "format": "text" })).unwrap()["saved"], json!(true));
    assert_eq!(run(&mut host, &map, "melding_export", json!({ "case_id": J::CASE, "version": null, "format": "pdf" })).unwrap()["saved"], json!(true));
    let files = host.shell.saved.lock().unwrap().clone();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0].0, "melding-veilig-thuis-2026-03-15-versie-1.txt");
    assert!(files[1].0.starts_with("melding-veilig-thuis-concept-") && files[1].0.ends_with(".pdf"));
    let text = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(text.starts_with("Melding aan Veilig Thuis\nGemeld op 14-03-2026 (versie 1)"), "{text}");
    assert!(text.contains("Bron: Mentor van Daan, telefoon 12-03-2026"));
    assert!(text.contains("Graag onderzoek naar de veiligheid van Sanne, Daan en Lotte."));
    for label in ["Sanne", "Mark", "Daan", "Jansen"] {
        assert!(!files.iter().any(|(name, _)| name.contains(label)));
    }
    assert!(files[1].1.starts_with(b"%PDF"));
    assert_eq!(log(&host, "melding_exported").len(), 2);
    // Nothing in the log row but ids and the action.
    assert!(log(&host, "melding_exported").iter().all(|e| e.subject_id.is_none() && e.case_id == Some(map.get(J::CASE))));
}

#[test]
fn a_cancelled_save_writes_nothing_and_logs_nothing() {
    let (mut host, map) = table_host(State::Unlocked);
    host.shell.cancel = true;
    let r = run(&mut host, &map, "melding_export", json!({ "case_id": J::CASE, "version": null, "format": "pdf" })).unwrap();
    assert_eq!(r["saved"], json!(false));
    assert!(host.shell.saved.lock().unwrap().is_empty());
    assert!(log(&host, "melding_exported").is_empty());
}

#[test]
fn a_refused_draft_changes_nothing() {
    let (mut host, map) = table_host(State::Unlocked);
    run(&mut host, &map, "melding_save", json!({ "draft": melding_draft() })).unwrap();
    let before = run(&mut host, &map, "melding_get", json!({ "case_id": J::CASE })).unwrap();
    let mut bad = melding_draft();
    bad["choices"][0] = json!({ "key": format!("quote:record:{}", J::R_PUSH_BY_SANNE), "included": true, "text": "Sanne zei iets anders" });
    assert_eq!(run(&mut host, &map, "melding_save", json!({ "draft": bad })), Err(ErrorCode::MeldingQuoteFixed));
    assert_eq!(run(&mut host, &map, "melding_get", json!({ "case_id": J::CASE })).unwrap(), before);
}
