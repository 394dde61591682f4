//! Archiving a case (issue 13, point 4): `case_set_archived` sets the archived status (`closed`) and
//! back, the case list carries it, and each change is one audit row with the case id only.

use app::codegen::{self, State, table_host};
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn status_in_list(list: &Value, case: &Value) -> String {
    let row = list.as_array().unwrap().iter().find(|c| &c["id"] == case).expect("case in the list");
    row["status"].as_str().unwrap().to_owned()
}

#[test]
fn a_case_is_archived_and_taken_out_of_the_archive_with_an_audit_row_each() {
    let (mut host, map) = table_host(State::Unlocked);
    let case = json!(J::CASE);
    let mut ask = |command: &str, request: Value| codegen::run(&mut host, &map, command, &request);
    assert_eq!(status_in_list(&ask("cases_list", json!({})).unwrap(), &case), "open");

    let archived = ask("case_set_archived", json!({ "case_id": case, "archived": true })).unwrap();
    assert_eq!((archived["status"].as_str(), archived["label"].as_str()), (Some("closed"), Some("Gezin Jansen-de Vries")));
    assert_eq!(status_in_list(&ask("cases_list", json!({})).unwrap(), &case), "closed");
    let back = ask("case_set_archived", json!({ "case_id": case, "archived": false })).unwrap();
    assert_eq!(back["status"], "open");
    assert_eq!(back["phase"], archived["phase"], "only the status changes");
    assert_eq!(
        ask("case_set_archived", json!({ "case_id": codegen::NOBODY, "archived": true })),
        Err(app::ErrorCode::NotFound)
    );

    let real_case = map.get(J::CASE);
    let rows = host.with_vault(|v| v.audit_log().unwrap());
    let mine: Vec<(&str, Option<uuid::Uuid>, Option<uuid::Uuid>)> = rows
        .iter()
        .filter(|r| r.action.starts_with("case_archived") || r.action.starts_with("case_unarchived"))
        .map(|r| (r.action.as_str(), r.case_id, r.subject_id))
        .collect();
    assert_eq!(mine, [("case_archived", Some(real_case), None), ("case_unarchived", Some(real_case), None)]);
}
