//! The access request (`inzage`, issue 14 point 4) through the test host: the example family stored in a
//! real vault (answers, records, notes, closing notes, a saved plan), each person's export read back from
//! what the save dialog received. Saving is logged (`inzage_exported`, ids only); the review on screen
//! and a cancelled save are not.

use app::codegen;
use app::host::{IdMap, TestHost};
use domain::fixture::ids::{CASE, DAAN, LOTTE, MARK, SANNE};
use domain::fixture::inzage_markers as M;
use domain::fixture::gezin_jansen_inzage;
use serde_json::{Value, json};
use uuid::Uuid;

/// The example family prepared for inzage, stored, with its notes and its plan.
fn stored() -> (TestHost, IdMap) {
    let host = TestHost::unlocked();
    let f = gezin_jansen_inzage();
    let mut map = host.store(&f.snapshot);
    host.with_vault(|v| {
        let case = map.get(CASE);
        for n in &f.notes {
            let input = domain::notes::NoteInput {
                person_id: n.person_id.map(|p| map.get(p)),
                conversation_id: n.conversation_id.map(|c| map.get(c)),
                date: n.date,
                title: n.title.clone(),
                text: n.text.clone(),
                tags: n.tags.clone(),
                confidential: n.confidential,
            };
            let stored = v.notes().create(case, &input).expect("note");
            map.insert(n.id, stored.id);
        }
        v.safety_plans().save(&map.apply(&f.plan)).expect("plan");
    });
    (host, map)
}

fn request(person: Uuid) -> Value {
    json!({ "case_id": CASE, "person_id": person })
}

fn exported_rows(host: &mut TestHost, map: &IdMap) -> Vec<Value> {
    let log = codegen::run(host, map, "case_log", &json!({ "case_id": CASE })).expect("log");
    log["entries"].as_array().expect("entries").iter().filter(|e| e["action"] == json!("inzage_exported")).cloned().collect()
}

#[test]
fn saving_an_inzage_is_logged_once_with_the_person_and_reviewing_it_or_cancelling_is_not() {
    let (mut host, map) = stored();
    let preview = codegen::run(&mut host, &map, "inzage_preview", &request(MARK)).expect("preview");
    assert!(preview["pages"].as_array().is_some_and(|p| !p.is_empty()));
    assert!(exported_rows(&mut host, &map).is_empty(), "a review leaves nothing and is not logged");
    assert!(host.shell.saved.lock().expect("saved").is_empty());

    host.shell.cancel = true;
    let out = codegen::run(&mut host, &map, "inzage_export", &request(MARK)).expect("export");
    assert_eq!(out["saved"], json!(false));
    assert!(exported_rows(&mut host, &map).is_empty(), "nothing left the vault");

    host.shell.cancel = false;
    let out = codegen::run(&mut host, &map, "inzage_export", &request(MARK)).expect("export");
    assert_eq!(out["saved"], json!(true));
    let rows = exported_rows(&mut host, &map);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["subjectId"], json!(MARK), "the row names the person by id");
    // Ids and action names only.
    let log = serde_json::to_string(&codegen::run(&mut host, &map, "case_log", &json!({ "case_id": CASE })).expect("log")).expect("json");
    for word in ["Mark", "Jansen", "ZQ"] {
        assert!(!log.contains(word), "{word} in the access log");
    }
}

#[test]
fn the_save_dialog_gets_a_pdf_and_its_json_named_without_case_or_person() {
    let (mut host, map) = stored();
    codegen::run(&mut host, &map, "inzage_export", &request(SANNE)).expect("export");
    let saved = host.shell.saved.lock().expect("saved").clone();
    let names: Vec<&str> = saved.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["inzage-volwassene-2026-03-15.pdf", "inzage-volwassene-2026-03-15.json"]);
    assert!(saved[0].1.starts_with(b"%PDF-"));
    let json: Value = serde_json::from_slice(&saved[1].1).expect("the JSON parses");
    assert_eq!(json["schema"], json!("samen-kijken/inzage"));
    assert_eq!(json["schema_version"], json!(1));
    assert_eq!(json["person"]["name"], json!("Sanne"));
    assert_eq!(json["corrections"], json!([]));
    // The preview shows the same view the files hold (the counts beside it are the professional's).
    let preview = host.dispatch("inzage_preview", json!({ "case_id": map.get(CASE), "person_id": map.get(SANNE) })).expect("preview");
    assert_eq!(preview["review"]["view"], json);
    assert!(!String::from_utf8_lossy(&saved[1].1).contains("\"withheld\""), "no counts in the export");
}

#[test]
fn each_persons_export_holds_what_they_said_and_what_is_about_them_and_nothing_confidential_to_others() {
    let (mut host, map) = stored();
    // (person, markers their export must hold, markers it must not hold)
    type Markers = &'static [&'static [&'static str]];
    let table: [(Uuid, Markers, Markers); 4] = [
        (MARK, &[M::MARK, M::SHARED], &[M::SANNE, M::DAAN, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, M::NOBODY]),
        (SANNE, &[M::SANNE, M::SHARED], &[M::MARK, M::DAAN, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, M::NOBODY]),
        (DAAN, &[M::DAAN, M::SHARED], &[M::MARK, M::SANNE, M::LOTTE_OPEN, M::LOTTE_CONFIDENTIAL, M::NOBODY]),
        (LOTTE, &[M::LOTTE_OPEN, &["ZQPLANSHARED"]], &[M::LOTTE_CONFIDENTIAL, M::MARK, M::SANNE, M::DAAN, M::NOBODY, &["ZQPUSHSHARED"]]),
    ];
    for (person, must, must_not) in table {
        host.shell.saved.lock().expect("saved").clear();
        codegen::run(&mut host, &map, "inzage_export", &request(person)).expect("export");
        let json = String::from_utf8(host.shell.saved.lock().expect("saved")[1].1.clone()).expect("utf-8");
        for m in must.concat() {
            assert!(json.contains(m), "{person}: missing {m}");
        }
        for m in must_not.concat() {
            assert!(!json.contains(m), "{person}: leaked {m}");
        }
    }
}

#[test]
fn the_review_counts_what_was_left_out_for_the_professional() {
    let (mut host, map) = stored();
    let preview = codegen::run(&mut host, &map, "inzage_preview", &request(MARK)).expect("preview");
    let withheld = &preview["review"]["withheld"];
    assert_eq!(
        withheld,
        &json!([
            { "kind": "others_confidences", "count": 2 },
            { "kind": "child_disclosures", "count": 2 },
            { "kind": "plan_items_for_others", "count": 1 },
            { "kind": "confidential_notes", "count": 1 },
        ])
    );
    // The questions are worded as the guide asks them.
    let answers = preview["review"]["view"]["answers"].as_array().expect("answers");
    assert!(answers.iter().all(|a| a["question"] != a["question_id"]), "{answers:?}");
}

/// Issue 14, point 5: a person's "dit klopt niet" appears in their own inzage beside the item it is about —
/// only theirs, and only where the item itself is in the export (one about something left out would give
/// that item away).
#[test]
fn a_persons_corrections_are_in_their_inzage_and_nobody_elses() {
    let (mut host, map) = stored();
    let add = |host: &mut TestHost, person: Uuid, kind: &str, item: Uuid, text: &str| {
        let input = json!({ "item_kind": kind, "item_id": item, "person_id": person, "date": "2026-03-14", "text": text });
        codegen::run(host, &map, "correction_add", &json!({ "case_id": CASE, "input": input })).expect("correction_add")
    };
    let view = |host: &mut TestHost, person: Uuid| codegen::run(host, &map, "inzage_preview", &request(person)).expect("preview")["review"]["view"].clone();
    // Sanne on the pushing she told about; Mark on the strangling Sanne told about in confidence (not in his export).
    let pushing = add(&mut host, SANNE, "behaviour_record", domain::fixture::ids::R_PUSH_BY_SANNE, "ZQCORRSANNE het was vaker dan drie keer");
    add(&mut host, MARK, "behaviour_record", domain::fixture::ids::R_STRANGLE, "ZQCORRMARK dat is nooit gebeurd");

    let sanne = view(&mut host, SANNE);
    let texts: Vec<&str> = sanne["corrections"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["ZQCORRSANNE het was vaker dan drie keer"]);
    assert_eq!(sanne["corrections"][0]["item_id"], pushing["item_id"]);
    assert!(sanne["records"].as_array().unwrap().iter().any(|r| r["id"] == pushing["item_id"]), "the item is in her export");

    let mark = view(&mut host, MARK);
    let shown_to_mark = mark["records"].as_array().unwrap().iter().any(|r| r["id"] == json!(domain::fixture::ids::R_STRANGLE));
    let mark_texts: Vec<&str> = mark["corrections"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert!(!mark.to_string().contains("ZQCORRSANNE"), "Sanne's correction is not in Mark's export");
    if shown_to_mark {
        assert_eq!(mark_texts, ["ZQCORRMARK dat is nooit gebeurd"]);
    } else {
        assert!(mark_texts.is_empty(), "a correction about an item left out of his export is left out with it");
    }

    // The saved files carry it too.
    host.shell.saved.lock().expect("saved").clear();
    codegen::run(&mut host, &map, "inzage_export", &request(SANNE)).expect("export");
    let saved = host.shell.saved.lock().expect("saved").clone();
    assert!(String::from_utf8_lossy(&saved[1].1).contains("ZQCORRSANNE"), "in the JSON");
}
