//! Retention (issue 14, point 1): closing a case gives it the default date from the setting; the
//! overview lists the cases whose date has passed or passes within 90 days; a date is set or extended
//! only with a reason (an extension only to a later date), the reason is kept in the vault and never in
//! the access log; a due case is deleted for real only when the professional asks, and a case that is
//! not due is refused there. The test clock's today is 2026-03-15.

use app::codegen::{self, State, other, table_host};
use app::ErrorCode;
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn due_ids(overview: &Value) -> Vec<(String, String)> {
    overview["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["caseId"].as_str().unwrap().to_owned(), c["state"].as_str().unwrap().to_owned()))
        .collect()
}


fn ask(host: &mut app::host::TestHost, map: &app::host::IdMap, command: &str, request: Value) -> Result<Value, ErrorCode> {
    codegen::run(host, map, command, &request)
}

#[test]
fn closing_a_case_gives_it_the_default_date_from_the_setting_once() {
    let (mut host, map) = table_host(State::Unlocked);
    let overview = ask(&mut host, &map, "retention_overview", json!({})).unwrap();
    assert_eq!((overview["years"].as_u64(), overview["dueWithinDays"].as_u64()), (Some(20), Some(90)));
    assert_eq!(overview["withoutDate"], 1, "the other case is open without a date; the practice case has one");
    assert!(due_ids(&overview).is_empty());

    // The other case has no date: closing it gives the default, 20 years after today.
    let closed = ask(&mut host, &map, "case_set_archived", json!({ "case_id": other::CASE, "archived": true })).unwrap();
    assert_eq!(closed["retention_until"], "2046-03-15", "20 years after closing");
    let r = ask(&mut host, &map, "retention_get", json!({ "case_id": other::CASE })).unwrap();
    assert_eq!((r["case"]["state"].as_str(), r["case"]["daysLeft"].as_i64()), (Some("later"), Some(7305)));
    let history = r["history"].as_array().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!((history[0]["kind"].as_str(), history[0]["previous"].is_null(), history[0]["reason"].as_str()), (Some("default"), true, Some("")));

    // Taken out of the archive and closed again: the date it has stays, no second default.
    ask(&mut host, &map, "case_set_archived", json!({ "case_id": other::CASE, "archived": false })).unwrap();
    let again = ask(&mut host, &map, "case_set_archived", json!({ "case_id": other::CASE, "archived": true })).unwrap();
    assert_eq!(again["retention_until"], "2046-03-15");
    assert_eq!(ask(&mut host, &map, "retention_get", json!({ "case_id": other::CASE })).unwrap()["history"].as_array().unwrap().len(), 1);
    // A case with a date of its own keeps it when closed.
    let practice = ask(&mut host, &map, "case_set_archived", json!({ "case_id": J::CASE, "archived": true })).unwrap();
    assert_eq!(practice["retention_until"], "2046-02-01");
    assert_eq!(ask(&mut host, &map, "retention_get", json!({ "case_id": J::CASE })).unwrap()["history"], json!([]));

    // A shorter setting (a practice vault) applies to cases closed from then on.
    let set = ask(&mut host, &map, "retention_years_set", json!({ "years": 2 })).unwrap();
    assert_eq!(set["years"], 2);
    assert_eq!(ask(&mut host, &map, "retention_overview", json!({})).unwrap()["years"], 2, "the setting is kept");
    let new_case = ask(&mut host, &map, "case_create", json!({ "label": "Gezin C." })).unwrap();
    let r = ask(&mut host, &map, "retention_get", json!({ "case_id": new_case["id"] })).unwrap();
    assert_eq!((r["case"]["retentionUntil"].is_null(), r["case"]["state"].as_str()), (true, Some("not_set")));
    assert_eq!(r["defaultIfClosedToday"], "2028-03-15");
    let closed = ask(&mut host, &map, "case_set_archived", json!({ "case_id": new_case["id"], "archived": true })).unwrap();
    assert_eq!(closed["retention_until"], "2028-03-15");
    assert_eq!(ask(&mut host, &map, "retention_get", json!({ "case_id": other::CASE })).unwrap()["case"]["retentionUntil"], "2046-03-15");
    assert_eq!(ask(&mut host, &map, "retention_overview", json!({})).unwrap()["withoutDate"], 0);
}

#[test]
fn a_due_case_is_listed_and_deleted_for_real_only_when_asked() {
    let (mut host, map) = table_host(State::Unlocked);
    let case = J::CASE.to_string();
    // Not due (kept until 2046-02-01): refused from the retention screen, and nothing is deleted.
    assert_eq!(ask(&mut host, &map, "retention_delete", json!({ "case_id": J::CASE })), Err(ErrorCode::RetentionNotDue));
    ask(&mut host, &map, "retention_set", json!({ "case_id": other::CASE, "until": "2026-07-01", "reason": "Afspraak met de jeugdbeschermer." })).unwrap();
    assert_eq!(ask(&mut host, &map, "retention_delete", json!({ "case_id": other::CASE })), Err(ErrorCode::RetentionNotDue), "108 days ahead");
    assert_eq!(ask(&mut host, &map, "cases_list", json!({})).unwrap().as_array().unwrap().len(), 2);

    // Within 90 days: listed as soon; in the past: listed as passed, earliest first.
    ask(&mut host, &map, "retention_set", json!({ "case_id": other::CASE, "until": "2026-06-13", "reason": "Afspraak met de jeugdbeschermer." })).unwrap();
    let passed = ask(&mut host, &map, "retention_set", json!({ "case_id": J::CASE, "until": "2026-01-01", "reason": "Verzoek tot vernietiging." })).unwrap();
    assert_eq!((passed["case"]["state"].as_str(), passed["case"]["daysLeft"].as_i64()), (Some("passed"), Some(-73)));
    let overview = ask(&mut host, &map, "retention_overview", json!({})).unwrap();
    assert_eq!(due_ids(&overview), [(case.clone(), "passed".to_owned()), (other::CASE.to_string(), "soon".to_owned())]);
    assert_eq!(overview["due"][0]["label"], "Gezin Jansen-de Vries");

    let after = ask(&mut host, &map, "retention_delete", json!({ "case_id": J::CASE })).unwrap();
    assert_eq!(due_ids(&after), [(other::CASE.to_string(), "soon".to_owned())]);
    let list = ask(&mut host, &map, "cases_list", json!({})).unwrap();
    assert!(list.as_array().unwrap().iter().all(|c| c["id"] != json!(case)), "the case is gone");
    assert_eq!(ask(&mut host, &map, "retention_get", json!({ "case_id": J::CASE })), Err(ErrorCode::NotFound));
    let real = map.get(J::CASE);
    let log = host.with_vault(|v| v.audit_log().unwrap());
    let last = log.last().unwrap();
    assert_eq!((last.action.as_str(), last.case_id), ("case_deleted", Some(real)));
    host.with_vault(|v| {
        let n: i64 = v.connection().query_row("SELECT count(*) FROM retention_changes WHERE case_id = ?1", [real.to_string()], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "the reasons went with the case");
    });
}

#[test]
fn an_extension_needs_a_reason_and_a_later_date_and_the_reason_stays_out_of_the_access_log() {
    let (mut host, map) = table_host(State::Unlocked);
    let c = |until: &str, reason: &str| json!({ "case_id": J::CASE, "until": until, "reason": reason });
    ask(&mut host, &map, "retention_set", c("2026-04-01", "Behandeling afgerond, ouders gevraagd om vernietiging.")).unwrap();
    assert_eq!(ask(&mut host, &map, "retention_extend", c("2026-03-31", "Rechtszaak loopt.")), Err(ErrorCode::RetentionNotLater));
    assert_eq!(ask(&mut host, &map, "retention_extend", c("2026-04-01", "Rechtszaak loopt.")), Err(ErrorCode::RetentionNotLater));
    assert_eq!(ask(&mut host, &map, "retention_extend", c("2031-04-01", " ")), Err(ErrorCode::ReasonRequired));
    let extended = ask(&mut host, &map, "retention_extend", c("2031-04-01", "Rechtszaak Qwerty loopt nog.")).unwrap();
    assert_eq!((extended["case"]["retentionUntil"].as_str(), extended["case"]["state"].as_str()), (Some("2031-04-01"), Some("later")));
    let h = extended["history"].as_array().unwrap();
    let rows: Vec<(&str, Option<&str>, &str, &str)> = h
        .iter()
        .map(|x| (x["kind"].as_str().unwrap(), x["previous"].as_str(), x["until"].as_str().unwrap(), x["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rows,
        [
            ("extended", Some("2026-04-01"), "2031-04-01", "Rechtszaak Qwerty loopt nog."),
            ("set", Some("2046-02-01"), "2026-04-01", "Behandeling afgerond, ouders gevraagd om vernietiging."),
        ]
    );
    assert_eq!(h[0]["changed_on"], "2026-03-15");
    assert!(due_ids(&ask(&mut host, &map, "retention_overview", json!({})).unwrap()).is_empty(), "extended: no longer due");
    // The case shows its date.
    assert_eq!(ask(&mut host, &map, "household_get", json!({ "case_id": J::CASE })).unwrap()["case"]["retention_until"], "2031-04-01");

    let real = map.get(J::CASE);
    let change_ids: Vec<uuid::Uuid> = h.iter().map(|x| x["id"].as_str().unwrap().parse().unwrap()).collect();
    let log = host.with_vault(|v| v.audit_log().unwrap());
    let mine: Vec<(&str, Option<uuid::Uuid>, Option<uuid::Uuid>)> =
        log.iter().filter(|r| r.action.starts_with("retention_")).map(|r| (r.action.as_str(), r.case_id, r.subject_id)).collect();
    assert_eq!(mine, [("retention_set", Some(real), Some(change_ids[1])), ("retention_extended", Some(real), Some(change_ids[0]))]);
    let text = format!("{log:?}");
    assert!(!text.contains("Qwerty") && !text.contains("vernietiging"), "no reason in the access log");
    let case_log = ask(&mut host, &map, "case_log", json!({ "case_id": J::CASE })).unwrap();
    assert!(!serde_json::to_string(&case_log).unwrap().contains("Qwerty"));
}
