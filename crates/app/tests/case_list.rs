//! The case list of a practice (issue 13, point 4): per case the red-flag marker, the next evaluation date
//! and the notes' tags, from a stored cache that follows every change to the case and the passing of days,
//! and that is itself no change to the case (no `updated_at`, no access-log row).

use app::codegen::{self, State, table_host};
use app::Clock;
use app::host::{IdMap, TestHost};
use chrono::{Days, NaiveDate};
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn row(host: &mut TestHost, map: &IdMap, case: &Value) -> Value {
    let list = codegen::run(host, map, "cases_list", &json!({})).expect("cases_list");
    list.as_array().unwrap().iter().find(|c| &c["id"] == case).cloned().expect("case in the list")
}

fn on_day(host: &mut TestHost, day: NaiveDate) {
    host.clock = Clock::at(day.and_hms_opt(10, 0, 0).unwrap().and_utc());
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str().map(|s| s.parse().unwrap())
}

#[test]
fn the_list_shows_what_the_analysis_and_the_plan_say_today() {
    let (mut host, map) = table_host(State::Unlocked);
    let case = json!(J::CASE);
    let today = domain::fixture::today();
    let analysis = codegen::run(&mut host, &map, "analysis_get", &json!({ "case_id": case })).unwrap();
    assert_eq!(analysis["acute"]["possibly_acute"], true, "the example family has a current red flag");

    let first = row(&mut host, &map, &case);
    assert_eq!(first["red_flag"], true, "the marker is the analysis' acute state");
    assert_eq!(first["next_evaluation"], Value::Null, "no plan dates yet");
    let notes = codegen::run(&mut host, &map, "notes_list", &json!({ "case_id": case })).unwrap();
    let mut expected: Vec<String> = notes["notes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|n| n["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_owned()))
        .collect();
    expected.sort();
    expected.dedup();
    assert!(!expected.is_empty(), "the example family's notes have tags");
    let tags: Vec<String> = serde_json::from_value(first["tags"].clone()).unwrap();
    assert_eq!(tags, expected, "the live notes' tags, each once");
    let trashed_only: Vec<String> = notes["trash"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|n| n["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_owned()))
        .filter(|t| !expected.contains(t))
        .collect();
    for t in &trashed_only {
        assert!(!tags.contains(t), "a tag only in the trash is not shown: {t}");
    }

    // A plan with an evaluation behind and two ahead: the list shows the nearest one ahead.
    let mut plan = codegen::run(&mut host, &map, "plan_get", &json!({ "case_id": case })).unwrap()["plan"].clone();
    let (past, near, far) = (today - Days::new(10), today + Days::new(20), today + Days::new(60));
    plan["evaluation_dates"] = json!([far, past, near]);
    codegen::run(&mut host, &map, "plan_save", &json!({ "plan": plan })).unwrap();
    assert_eq!(date(&row(&mut host, &map, &case)["next_evaluation"]), Some(near), "a change to the case is seen at once");

    // Days pass without any change: the next evaluation moves on the day after it.
    on_day(&mut host, near);
    assert_eq!(date(&row(&mut host, &map, &case)["next_evaluation"]), Some(near), "on its day it is still the next");
    on_day(&mut host, near + Days::new(1));
    assert_eq!(date(&row(&mut host, &map, &case)["next_evaluation"]), Some(far), "the day after, the next one");
    on_day(&mut host, far + Days::new(1));
    assert_eq!(row(&mut host, &map, &case)["next_evaluation"], Value::Null);
}

#[test]
fn a_red_flag_leaves_the_list_when_it_is_no_longer_current_and_returns_with_a_new_record() {
    // A family whose one flag is dated: a strangling on 1 March 2026, told by the person it happened to.
    let mut b = domain::fixture::Builder::new();
    let (a, v) = b.couple();
    let talk = b.conversation(&[v]);
    let strangled = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    b.record_with(a, v, "fys.wurgen", domain::Stance::Reported { frequency: domain::Frequency::Once }, v, |r| {
        r.first_occurrence = Some(strangled);
        r.last_occurrence = Some(strangled);
        r.conversation_id = Some(talk);
    });
    let snapshot = b.build();
    let mut host = TestHost::unlocked();
    let map = host.store(&snapshot);
    let case = json!(snapshot.household.case.id);

    // Every day from today until well after three months: the row says what the analysis says that day,
    // and it changes exactly once, on the first day the strangling is no longer current.
    let mut day = domain::fixture::today();
    let end_of_current = domain::analysis::first_day_not_current(strangled);
    let mut seen = Vec::new();
    while day < end_of_current + Days::new(10) {
        on_day(&mut host, day);
        let a = codegen::run(&mut host, &map, "analysis_get", &json!({ "case_id": case })).unwrap();
        let listed = row(&mut host, &map, &case)["red_flag"].clone();
        assert_eq!(listed, a["acute"]["possibly_acute"], "on {day} the list says what the analysis says");
        assert_eq!(listed, json!(day < end_of_current), "on {day}");
        seen.push(listed);
        day = day + Days::new(1);
    }
    assert!(seen.contains(&json!(true)) && seen.contains(&json!(false)), "the flag was listed, then not");

    // The same strangling told again, now dated the day before: the row shows the flag at once.
    let mut again = serde_json::to_value(&snapshot.records[0]).unwrap();
    again["id"] = json!(uuid::Uuid::nil());
    again["first_occurrence"] = json!(day - Days::new(1));
    again["last_occurrence"] = json!(day - Days::new(1));
    codegen::run(&mut host, &map, "behaviour_save", &json!({ "record": again })).expect("behaviour_save");
    assert_eq!(row(&mut host, &map, &case)["red_flag"], true, "a new record is seen at once");
}

#[test]
fn trashing_a_note_takes_its_tags_off_the_row() {
    let (mut host, map) = table_host(State::Unlocked);
    let case = json!(J::CASE);
    let person = json!(J::SANNE);
    let input = json!({ "date": domain::fixture::today(), "title": "Schoolgesprek", "text": "Juf zegt dat het beter gaat.",
        "tags": ["Schoolzorg"], "confidential": false, "person_id": person, "conversation_id": null });
    let note = codegen::run(&mut host, &map, "note_create", &json!({ "case_id": case, "input": input })).unwrap();
    let tags = |host: &mut TestHost| -> Vec<String> { serde_json::from_value(row(host, &map, &case)["tags"].clone()).unwrap() };
    let shown = tags(&mut host);
    let tag = note["tags"][0].as_str().unwrap().to_owned();
    assert!(shown.contains(&tag), "the new note's tag ({tag}) is on the row: {shown:?}");
    codegen::run(&mut host, &map, "note_trash", &json!({ "case_id": case, "note_id": note["id"] })).unwrap();
    assert!(!tags(&mut host).contains(&tag), "a trashed note's tag is not");
    codegen::run(&mut host, &map, "note_restore", &json!({ "case_id": case, "note_id": note["id"] })).unwrap();
    assert!(tags(&mut host).contains(&tag), "restored, it is back");
}

#[test]
fn listing_changes_nothing_of_a_case_and_logs_nothing() {
    let (mut host, map) = table_host(State::Unlocked);
    let case = json!(J::CASE);
    let before = row(&mut host, &map, &case);
    let writes = host.writes();
    on_day(&mut host, domain::fixture::today() + Days::new(400));
    let after = row(&mut host, &map, &case);
    assert_eq!(before["updated_at"], after["updated_at"], "computing the marker is not a change to the case");
    assert_eq!(host.writes(), writes, "no access-log row for the list");
    // A new, empty case: no marker, no tags, no evaluation.
    let created = host.dispatch("case_create", json!({ "label": "Gezin Leeg" })).unwrap();
    let empty = row(&mut host, &map, &created["id"]);
    assert_eq!((empty["red_flag"].clone(), empty["next_evaluation"].clone(), empty["tags"].clone()), (json!(false), Value::Null, json!([])));
}
