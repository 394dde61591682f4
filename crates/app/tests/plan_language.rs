//! The reader's language through the commands (issue 15.3): a person's preferred language is stored
//! and returned; a plan item takes a translation per language, checked by `plan_save`; the exported PDF
//! of a reader is in their language, the professional's in Dutch.

use app::codegen::{self, State, table_host};
use app::host::TestHost;
use app::ErrorCode;
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn ok(host: &mut TestHost, map: &app::host::IdMap, command: &str, request: Value) -> Value {
    codegen::run(host, map, command, &request).unwrap_or_else(|e| panic!("{command} refused with {e}"))
}

/// Sets a person's preferred language through `person_update` and returns the answer.
fn set_language(host: &mut TestHost, map: &app::host::IdMap, person: uuid::Uuid, language: &str) -> Value {
    let household = ok(host, map, "household_get", json!({ "case_id": J::CASE }));
    let persons = household["household"]["persons"].as_array().or_else(|| household["persons"].as_array()).unwrap().clone();
    let p = persons.iter().find(|p| p["id"] == json!(person)).expect("person").clone();
    let input = json!({
        "role": p["role"], "name": p["name"], "year_of_birth": p["year_of_birth"], "gender": p["gender"],
        "lives_in_household": p["lives_in_household"], "notes": p["notes"], "language": language,
    });
    ok(host, map, "person_update", json!({ "case_id": J::CASE, "person_id": person, "input": input }))
}

/// The language the PDF declares (`/Lang` of its catalog).
fn pdf_lang(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("valid PDF");
    let lang = doc.catalog().unwrap().get(b"Lang").and_then(|l| l.as_str()).expect("PDF declares its language").to_vec();
    String::from_utf8_lossy(&lang).into_owned()
}

#[test]
fn a_persons_language_is_stored_and_their_pdf_uses_it() {
    let (mut host, map) = table_host(State::Unlocked);
    let changed = set_language(&mut host, &map, J::SANNE, "ar");
    assert_eq!(changed["language"], "ar");
    let out = ok(&mut host, &map, "plan_export_pdf", json!({ "case_id": J::CASE, "audience": { "kind": "adult", "person": J::SANNE } }));
    assert_eq!(out["saved"], true);
    ok(&mut host, &map, "plan_export_pdf", json!({ "case_id": J::CASE, "audience": { "kind": "professional" } }));
    let saved = host.shell.saved.lock().unwrap();
    assert_eq!(pdf_lang(&saved[0].1), "ar");
    assert!(pdf_lang(&saved[1].1).starts_with("nl"), "the professional's version stays Dutch");
}

#[test]
fn a_language_the_app_does_not_know_is_refused() {
    let (mut host, map) = table_host(State::Unlocked);
    let input = json!({ "role": "parent", "name": "X", "year_of_birth": null, "gender": null, "lives_in_household": true, "notes": "", "language": "de" });
    let refused = codegen::run(&mut host, &map, "person_add", &json!({ "case_id": J::CASE, "input": input }));
    assert!(refused.is_err(), "{refused:?}");
}

#[test]
fn plan_save_checks_the_translations_of_an_item() {
    let (mut host, map) = table_host(State::Unlocked);
    let editor = ok(&mut host, &map, "plan_get", json!({ "case_id": J::CASE }));
    let with = |translations: Value| {
        let mut plan = editor["plan"].clone();
        plan["worries"][0]["translations"] = translations;
        json!({ "plan": plan })
    };
    let saved = ok(&mut host, &map, "plan_save", with(json!([{ "language": "ar", "text": "إلى بيت أختي" }, { "language": "en", "text": "" }])));
    assert_eq!(saved["plan"]["worries"][0]["translations"][0]["language"], "ar");
    let save = |host: &mut TestHost, t: Value| codegen::run(host, &map, "plan_save", &with(t));
    assert_eq!(save(&mut host, json!([{ "language": "nl", "text": "Naar mijn zus" }])), Err(ErrorCode::Invalid));
    assert_eq!(
        save(&mut host, json!([{ "language": "tr", "text": "a" }, { "language": "tr", "text": "b" }])),
        Err(ErrorCode::Invalid)
    );
    let long = "x".repeat(domain::plan::MAX_TRANSLATION_CHARS + 1);
    assert_eq!(save(&mut host, json!([{ "language": "pl", "text": long }])), Err(ErrorCode::FieldTooLong));
}
