//! The timeline through `timeline_get` (issue 13): the case's live notes in their own lane by their
//! date, a confidential note with its title only, the trash never; the plan's evaluation dates once the
//! plan has them.

use app::codegen::{self, State, notes, table_host};
use app::host::{IdMap, TestHost};
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn ok(host: &mut TestHost, map: &IdMap, command: &str, request: Value) -> Value {
    codegen::run(host, map, command, &request)
        .unwrap_or_else(|e| panic!("{command} refused with {e}"))
}

fn in_lane<'a>(timeline: &'a Value, lane: &str) -> Vec<&'a Value> {
    timeline["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["lane"] == lane)
        .collect()
}

#[test]
fn live_notes_are_on_the_timeline_and_a_confidential_one_only_by_its_title() {
    let (mut host, map) = table_host(State::Unlocked);
    let timeline = ok(
        &mut host,
        &map,
        "timeline_get",
        json!({ "case_id": J::CASE }),
    );
    let notes_on = in_lane(&timeline, "note");
    let ids: Vec<&Value> = notes_on.iter().map(|e| &e["what"]["note"]).collect();
    assert_eq!(
        ids,
        [&json!(notes::HOME_VISIT), &json!(notes::CONFIDENTIAL)],
        "by date; not the trashed note"
    );
    assert!(
        timeline["lanes"]
            .as_array()
            .unwrap()
            .contains(&json!("note"))
    );

    let home = notes_on[0];
    assert_eq!(home["date"], "2026-03-10");
    assert_eq!(home["persons"], json!([J::SANNE]));
    assert_eq!(home["what"]["title"], "Huisbezoek");
    assert_eq!(
        home["what"]["excerpt"],
        "Wat Sanne vertelt · Mark schreeuwde toen Daan niet wilde slapen. · afspraak met school · oma belt morgen"
    );

    let daan = notes_on[1];
    assert_eq!(
        (daan["date"].as_str(), daan["persons"].clone()),
        (Some("2026-03-12"), json!([J::DAAN]))
    );
    assert_eq!(
        (
            daan["what"]["title"].as_str(),
            daan["what"]["confidential"].as_bool()
        ),
        (Some("Daan"), Some(true))
    );
    assert!(daan["what"]["excerpt"].is_null());
    assert!(
        !timeline.to_string().contains("nachtmerries"),
        "the confidential text is not in the answer"
    );

    // Trashed, it leaves the timeline; restored, it is back.
    ok(
        &mut host,
        &map,
        "note_trash",
        json!({ "case_id": J::CASE, "note_id": notes::HOME_VISIT }),
    );
    let timeline = ok(
        &mut host,
        &map,
        "timeline_get",
        json!({ "case_id": J::CASE }),
    );
    assert_eq!(in_lane(&timeline, "note").len(), 1);
    ok(
        &mut host,
        &map,
        "note_restore",
        json!({ "case_id": J::CASE, "note_id": notes::HOME_VISIT }),
    );
    let timeline = ok(
        &mut host,
        &map,
        "timeline_get",
        json!({ "case_id": J::CASE }),
    );
    assert_eq!(in_lane(&timeline, "note").len(), 2);
}

#[test]
fn the_plans_evaluation_dates_are_a_lane_once_the_plan_has_them() {
    let (mut host, map) = table_host(State::Unlocked);
    let timeline = ok(
        &mut host,
        &map,
        "timeline_get",
        json!({ "case_id": J::CASE }),
    );
    assert!(in_lane(&timeline, "evaluation").is_empty());
    let today = timeline["today"].as_str().unwrap().to_owned();

    let mut plan = ok(&mut host, &map, "plan_get", json!({ "case_id": J::CASE }))["plan"].clone();
    plan["evaluation_dates"] = json!(["2026-01-20", today, "2026-09-01"]);
    ok(&mut host, &map, "plan_save", json!({ "plan": plan }));
    let timeline = ok(
        &mut host,
        &map,
        "timeline_get",
        json!({ "case_id": J::CASE }),
    );
    let got: Vec<(&str, bool)> = in_lane(&timeline, "evaluation")
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap(),
                e["what"]["planned"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2026-01-20", false),
            (today.as_str(), true),
            ("2026-09-01", true)
        ]
    );
    assert_eq!(
        timeline["zooms"][0]["to"], "2026-09-01",
        "the whole period reaches the planned evaluation"
    );
}
