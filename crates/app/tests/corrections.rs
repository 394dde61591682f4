//! Correction and objection (issue 14, point 5): a person's "dit klopt niet" is kept beside an answer,
//! a behaviour record or a note of the case, in their own words, with the date and who says it; the
//! original is not changed; the case's statements are listed for the professional's views, and one
//! person's for the access-request export (`Corrections::corrections_for_person`). The access log
//! holds the ids only.

use app::codegen::{self, State, notes, table_host};
use app::ErrorCode;
use domain::fixture::ids as J;
use serde_json::{Value, json};


fn ask(host: &mut app::host::TestHost, map: &app::host::IdMap, command: &str, request: Value) -> Result<Value, ErrorCode> {
    codegen::run(host, map, command, &request)
}

#[test]
fn a_correction_is_kept_beside_the_item_which_stays_as_it_was() {
    let (mut host, map) = table_host(State::Unlocked);
    let c = json!({ "case_id": J::CASE });
    let records_before = ask(&mut host, &map, "behaviours_list", c.clone()).unwrap();
    let notes_before = ask(&mut host, &map, "notes_list", c.clone()).unwrap();
    let answers_before = ask(&mut host, &map, "conversation_open", json!({ "case_id": J::CASE, "conversation_id": J::CONV_SANNE })).unwrap()["answers"].clone();
    assert_eq!(ask(&mut host, &map, "corrections_list", c.clone()).unwrap(), json!([]));

    let add = |kind: &str, item: uuid::Uuid, person: uuid::Uuid, date: &str, text: &str| {
        json!({ "case_id": J::CASE, "input": { "item_kind": kind, "item_id": item, "person_id": person, "date": date, "text": text } })
    };
    let on_record = ask(&mut host, &map, "correction_add", add("behaviour_record", J::R_PUSH_BY_SANNE, J::SANNE, "2026-03-14", "  Ik duwde hem van me af, Zwoerd.  ")).unwrap();
    assert_eq!(on_record["text"], "Ik duwde hem van me af, Zwoerd.", "trimmed, otherwise as said");
    ask(&mut host, &map, "correction_add", add("answer", J::A_SANNE_DEBTS, J::SANNE, "2026-03-15", "De schulden zijn al afgelost.")).unwrap();
    ask(&mut host, &map, "correction_add", add("note", notes::HOME_VISIT, J::MARK, "2026-03-12", "Ik heb niet geschreeuwd.")).unwrap();
    // A statement from someone of another case, or about an item of another case, is refused.
    assert_eq!(ask(&mut host, &map, "correction_add", add("note", notes::HOME_VISIT, codegen::other::PARENT, "2026-03-12", "x y")), Err(ErrorCode::NotInCase));

    let list = ask(&mut host, &map, "corrections_list", c.clone()).unwrap();
    let rows: Vec<(&str, &str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["item_kind"].as_str().unwrap(), x["person_id"].as_str().unwrap(), x["date"].as_str().unwrap()))
        .collect();
    let (sanne, mark) = (J::SANNE.to_string(), J::MARK.to_string());
    assert_eq!(rows, [("note", mark.as_str(), "2026-03-12"), ("behaviour_record", sanne.as_str(), "2026-03-14"), ("answer", sanne.as_str(), "2026-03-15")]);
    assert_eq!(list[1]["item_id"], json!(J::R_PUSH_BY_SANNE));

    // The originals are as they were.
    assert_eq!(ask(&mut host, &map, "behaviours_list", c.clone()).unwrap(), records_before);
    let notes_after = ask(&mut host, &map, "notes_list", c.clone()).unwrap();
    assert_eq!(notes_after["notes"].as_array().unwrap().iter().map(|n| n["text"].clone()).collect::<Vec<_>>(),
        notes_before["notes"].as_array().unwrap().iter().map(|n| n["text"].clone()).collect::<Vec<_>>());
    let answers_after = ask(&mut host, &map, "conversation_open", json!({ "case_id": J::CASE, "conversation_id": J::CONV_SANNE })).unwrap()["answers"].clone();
    assert_eq!(answers_after, answers_before);

    // One person's statements, for their access-request export.
    let (real_sanne, real_mark, real_case) = (map.get(J::SANNE), map.get(J::MARK), map.get(J::CASE));
    let for_sanne = host.with_vault(|v| v.corrections().corrections_for_person(real_sanne).unwrap());
    assert_eq!(for_sanne.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["Ik duwde hem van me af, Zwoerd.", "De schulden zijn al afgelost."]);
    assert!(for_sanne.iter().all(|c| c.person_id == real_sanne && c.case_id == real_case));
    assert_eq!(host.with_vault(|v| v.corrections().corrections_for_person(real_mark).unwrap()).len(), 1);

    // The access log: one row per statement, ids only.
    let log = host.with_vault(|v| v.audit_log().unwrap());
    let rows: Vec<_> = log.iter().filter(|r| r.action == "correction_added").collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.case_id == Some(real_case) && r.subject_id.is_some()));
    assert!(!format!("{log:?}").contains("Zwoerd"));

    // In conversation mode with Sanne: her own statements on this conversation's answers and records, and
    // nothing someone else said (Mark's statement about Sanne's answer stays out of the room).
    ask(&mut host, &map, "correction_add", add("answer", J::A_SANNE_DEBTS, J::MARK, "2026-03-15", "Er zijn helemaal geen schulden, Plofkip.")).unwrap();
    let open = ask(&mut host, &map, "conversation_open", json!({ "case_id": J::CASE, "conversation_id": J::CONV_SANNE })).unwrap();
    let in_room: Vec<&str> = open["corrections"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(in_room, ["Ik duwde hem van me af, Zwoerd.", "De schulden zijn al afgelost."]);
    assert!(!open.to_string().contains("Plofkip"));
    let marks = ask(&mut host, &map, "conversation_open", json!({ "case_id": J::CASE, "conversation_id": J::CONV_MARK })).unwrap();
    assert_eq!(marks["corrections"], json!([]), "Mark's statement is about Sanne's conversation, not his own");

    // A person deleted from the case takes their statements along.
    ask(&mut host, &map, "person_delete", json!({ "case_id": J::CASE, "person_id": J::MARK })).unwrap();
    assert_eq!(ask(&mut host, &map, "corrections_list", c).unwrap().as_array().unwrap().len(), 2, "Mark's two statements went with him");
}
