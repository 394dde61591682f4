//! `precheck_review`: what a child pre-check still lacks, by Rust's rule (`ChildPrecheck::issues`), and
//! the proof that the UI fake may look a review up by the pre-check's shape (`codegen::precheck_shape`).

use app::codegen::{self, State, precheck_shape, precheck_shapes, table_host};
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn review(host: &mut app::host::TestHost, map: &app::host::IdMap, precheck: &Value) -> Value {
    codegen::run(host, map, "precheck_review", &json!({ "case_id": J::CASE, "precheck": precheck })).expect("precheck_review")
}

fn precheck(age: u8, consent: Value, signs: Value, expert: bool) -> Value {
    json!({ "child_id": J::DAAN, "age": age, "consent": consent, "warning_signs": signs, "expert_consulted": expert,
            "checked_at": "2026-03-02T10:00:00Z" })
}

#[test]
fn consent_by_age_band_reason_and_expert() {
    let (mut host, map) = table_host(State::Unlocked);
    let parents = json!([J::SANNE, J::MARK]);
    let table: Vec<(u8, Value, Value, bool, Vec<&str>, bool)> = vec![
        // Under 12: the parents with authority decide.
        (9, json!({ "kind": "parental_consent", "by": parents }), json!([]), false, vec![], true),
        (9, json!({ "kind": "parental_consent", "by": [] }), json!([]), false, vec!["consent_missing"], false),
        // 12–15: the child and the parents.
        (13, json!({ "kind": "parental_consent", "by": parents }), json!([]), false, vec!["child_consent_missing"], false),
        (13, json!({ "kind": "child_and_parental_consent", "by": parents }), json!([]), false, vec![], true),
        (15, json!({ "kind": "own_consent" }), json!([]), false, vec!["too_young_for_own_consent"], false),
        // 16 and older: the young person decides; the parents' consent alone is not enough.
        (16, json!({ "kind": "own_consent" }), json!([]), false, vec![], true),
        (16, json!({ "kind": "parental_consent", "by": parents }), json!([]), false, vec!["child_consent_missing"], false),
        (13, json!({ "kind": "not_yet_asked" }), json!([]), false, vec!["consent_missing"], false),
        (13, json!({ "kind": "refused" }), json!([]), false, vec!["consent_missing"], false),
        // Talking without consent when the child's safety asks for it, with the reason.
        (13, json!({ "kind": "exception", "reason": "  " }), json!([]), false, vec!["exception_without_reason"], false),
        (13, json!({ "kind": "exception", "reason": "Toestemming vragen brengt Daan in gevaar." }), json!([]), false, vec![], true),
        // Warning signs: consult an expert first — the talk waits until that is done (§4).
        (13, json!({ "kind": "child_and_parental_consent", "by": parents }), json!(["sexual_abuse"]), false, vec!["consult_expert_first"], false),
        (13, json!({ "kind": "child_and_parental_consent", "by": parents }), json!(["sexual_abuse"]), true, vec![], true),
        // Under 4: no child guide, whatever the consent.
        (3, json!({ "kind": "parental_consent", "by": parents }), json!([]), false, vec!["no_guide_for_age"], false),
    ];
    for (age, consent, signs, expert, issues, passed) in table {
        let got = review(&mut host, &map, &precheck(age, consent.clone(), signs.clone(), expert));
        assert_eq!(got["issues"], json!(issues), "age {age}, {consent}, {signs}, expert {expert}");
        assert_eq!(got["passed"], json!(passed), "age {age}, {consent}, {signs}, expert {expert}");
    }
}

#[test]
fn precheck_review_depends_only_on_its_shape() {
    let (mut host, map) = table_host(State::Unlocked);
    let variants = |p: &Value| -> Vec<Value> {
        let mut out = Vec::new();
        for by in [json!([J::MARK]), json!([J::MARK, J::SANNE])] {
            if p["consent"]["by"].as_array().is_some_and(|a| !a.is_empty()) {
                let mut q = p.clone();
                q["consent"]["by"] = by;
                out.push(q);
            }
        }
        if p["consent"]["reason"].as_str().is_some_and(|r| !r.trim().is_empty()) {
            let mut q = p.clone();
            q["consent"]["reason"] = json!("Een andere reden, anders verwoord.");
            out.push(q);
        }
        if p["warning_signs"].as_array().is_some_and(|a| !a.is_empty()) {
            let mut q = p.clone();
            q["warning_signs"] = json!(["honour_related_violence", "sexual_abuse"]);
            out.push(q);
        }
        let mut q = p.clone();
        q["child_id"] = json!(J::LOTTE);
        out.push(q);
        out
    };
    for p in precheck_shapes() {
        let base = review(&mut host, &map, &p);
        for q in variants(&p) {
            assert_eq!(precheck_shape(&q), precheck_shape(&p));
            assert_eq!(review(&mut host, &map, &q), base, "{q}");
        }
    }
}
