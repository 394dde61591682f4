//! Training (issue 12, point 4): a participant exports their work on a practice family; the trainer
//! imports the files (picker or dropped on the window) and sees them beside the reference. A batch with
//! any bad file is refused whole, each bad file with its own problem, and the trainer's works stay as
//! they were. Only in practice mode; a case not made from a practice family has nothing to compare with.

use std::path::PathBuf;

use app::ErrorCode;
use app::host::TestHost;
use content::training::practice_cases;
use domain::exercise::{self, ImportProblem, ParticipantWork};
use serde_json::{Value, json};

fn practice_host() -> (TestHost, Value) {
    let mut host = TestHost::unlocked();
    let opened = host.dispatch("practice_open", json!({})).expect("practice_open");
    (host, opened["caseId"].clone())
}

fn reference_work(family: &str, group: &str) -> ParticipantWork {
    let c = app::host::content();
    let case = practice_cases().into_iter().find(|x| x.id == family).expect("shipped");
    exercise::reference_work(&case, &c.content.guides, &c.catalogue, &c.content.meldcode, group).expect("valid")
}

/// Writes files into a folder of the host's "USB disk" and returns their paths.
fn files(host: &TestHost, files: &[(&str, Vec<u8>)]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|(name, bytes)| {
            let p = host.usb.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        })
        .collect()
}

fn import(host: &mut TestHost, paths: Vec<PathBuf>, works: &Value) -> Value {
    *host.shell.pick.lock().unwrap() = paths;
    host.dispatch("training_import", json!({ "from": "picker", "works": works })).expect("training_import")
}

fn bytes(w: &ParticipantWork) -> Vec<u8> {
    serde_json::to_vec_pretty(w).unwrap()
}

fn person_id(household: &Value, name: &str) -> Value {
    household["persons"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap()["id"].clone()
}

#[test]
fn a_participants_work_goes_to_the_trainer_and_shows_beside_the_reference() {
    let (mut host, case) = practice_host();
    let household = host.dispatch("household_get", json!({ "case_id": case })).unwrap();
    let esra = person_id(&household, "Esra Meidoorn");
    let family = practice_cases().into_iter().find(|c| c.id == "oefen.meidoorn").unwrap();
    // The participant records one behaviour the reference has: what Esra tells of the first record.
    let first = family.reference.records.iter().find(|r| r.source == "esra" && r.frequency.is_some()).expect("esra tells something");
    let name = |local: &str| family.person(local).unwrap().name.clone();
    let (actor, target) = (person_id(&household, &name(&first.actor)), person_id(&household, &name(&first.target)));
    let frequency = serde_json::to_value(first.frequency.unwrap()).unwrap();
    host.dispatch(
        "behaviour_save",
        json!({ "record": {
            "id": "00000000-0000-0000-0000-000000000000", "case_id": case, "actors": [actor], "targets": [target],
            "behaviour_id": first.behaviour, "stance": { "stance": "reported", "frequency": frequency },
            "first_occurrence": null, "last_occurrence": null, "context": [], "impact": [], "impact_text": "",
            "children_exposed": [], "source_person": esra, "conversation_id": null, "question_id": null,
            "confidential": { "kind": "everyone" }, "updated_at": "2026-03-15T10:00:00Z" } }),
    )
    .expect("behaviour_save");

    assert_eq!(host.dispatch("practice_work_export", json!({ "case_id": case, "group": "  " })), Err(ErrorCode::GroupLabelInvalid));
    let saved = host.dispatch("practice_work_export", json!({ "case_id": case, "group": "Groep Noord" })).unwrap();
    assert_eq!(saved["saved"], true);
    let (file_name, file) = host.shell.saved.lock().unwrap().last().cloned().unwrap();
    assert_eq!(file_name, "oefenwerk-meidoorn-groep-noord.json");
    let work: ParticipantWork = serde_json::from_slice(&file).unwrap();
    assert_eq!((work.group.as_str(), work.practice_case_id.as_str(), work.practice_case_version), ("Groep Noord", "oefen.meidoorn", family.version));
    assert_eq!(work.records.len(), 1);
    assert_eq!((work.records[0].actor.as_str(), work.records[0].target.as_str(), work.records[0].source.as_str()), (first.actor.as_str(), first.target.as_str(), "esra"));
    assert!(String::from_utf8_lossy(&file).contains("\"format\": \"samen-kijken/oefenwerk\""));

    // The trainer imports it with a worked example, then a third group.
    let paths = files(&host, &[("noord.json", file.clone()), ("voorbeeld.json", bytes(&reference_work("oefen.meidoorn", "Voorbeeld")))]);
    let imported = import(&mut host, paths, &json!([]));
    assert_eq!(imported["refused"], json!([]));
    let groups: Vec<&str> = imported["comparison"]["groups"].as_array().unwrap().iter().map(|g| g["group"].as_str().unwrap()).collect();
    assert_eq!(groups, ["Groep Noord", "Voorbeeld"]);
    let row = imported["comparison"]["records"].as_array().unwrap().iter().find(|r| r["id"] == first.id.as_str()).unwrap().clone();
    assert_eq!(row["found"], json!([true, true]));
    let other = imported["comparison"]["records"].as_array().unwrap().iter().find(|r| r["id"] != first.id.as_str()).unwrap().clone();
    assert_eq!(other["found"], json!([false, true]));
    assert_eq!(imported["comparison"]["groups"][1]["agreement"]["percent"], 100);

    let more = files(&host, &[("zuid.json", bytes(&reference_work("oefen.meidoorn", "Groep Zuid")))]);
    let three = import(&mut host, more, &imported["works"]);
    assert_eq!(three["works"].as_array().unwrap().len(), 3);
    // Taking a group off the screen: the comparison of the other two.
    let two: Vec<Value> = three["works"].as_array().unwrap().iter().filter(|w| w["group"] != "Voorbeeld").cloned().collect();
    let compared = host.dispatch("training_compare", json!({ "works": two })).unwrap();
    assert_eq!(compared["groups"].as_array().unwrap().len(), 2);
    assert_eq!(host.dispatch("training_compare", json!({ "works": [] })).unwrap(), Value::Null);
}

#[test]
fn every_hostile_file_is_refused_with_its_own_problem_and_the_screen_stays_as_it_was() {
    let (mut host, _) = practice_host();
    let good = reference_work("oefen.meidoorn", "Groep 1");
    let first = files(&host, &[("groep1.json", bytes(&good))]);
    let on_screen = import(&mut host, first, &json!([]));
    let works = on_screen["works"].clone();
    assert_eq!(works.as_array().unwrap().len(), 1);

    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = serde_json::to_value(reference_work("oefen.meidoorn", "Groep 2")).unwrap();
        f(&mut v);
        serde_json::to_vec(&v).unwrap()
    };
    let whole = bytes(&reference_work("oefen.meidoorn", "Groep 2"));
    let mut fifty_mb = whole.clone();
    fifty_mb.resize(50 * 1024 * 1024, b' ');
    let other_family = practice_cases().into_iter().find(|c| c.id != "oefen.meidoorn").unwrap().id;
    let table: Vec<(&str, Vec<u8>, ImportProblem)> = vec![
        ("afgebroken.json", whole[..whole.len() / 3].to_vec(), ImportProblem::Truncated),
        ("nieuwere-versie.json", edit(&|v| v["format_version"] = 7.into()), ImportProblem::NewerFormat),
        ("groot.json", fifty_mb, ImportProblem::TooLarge),
        ("onbekend-gezin.json", edit(&|v| v["practice_case_id"] = "oefen.bestaat_niet".into()), ImportProblem::UnknownCase),
        ("oude-versie.json", edit(&|v| v["practice_case_version"] = 0.into()), ImportProblem::CaseVersion),
        ("dubbel.json", edit(&|v| v["group"] = "groep 1".into()), ImportProblem::DuplicateGroup),
        ("ander-gezin.json", bytes(&reference_work(&other_family, "Groep 2")), ImportProblem::OtherCase),
        ("plan.pdf.json", b"%PDF-1.7\n\xff\xfe binary".to_vec(), ImportProblem::Unreadable),
        ("iets-anders.json", br#"{"kluis": "reservekopie", "versie": 6}"#.to_vec(), ImportProblem::Foreign),
        ("geen-groep.json", edit(&|v| v["group"] = "".into()), ImportProblem::GroupMissing),
        ("onbekend-gedrag.json", edit(&|v| v["records"][0]["behaviour"] = "fys.bestaat_niet".into()), ImportProblem::Invalid),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for (name, file, want) in table {
        let paths = files(&host, &[(name, file)]);
        let answer = import(&mut host, paths, &works);
        assert_eq!(answer["refused"], json!([{ "file": name, "problem": want }]), "{name}");
        assert_eq!(answer["works"], works, "{name}: the works on the screen are as they were");
        assert_eq!(answer["comparison"], on_screen["comparison"], "{name}");
        assert!(seen.insert(want), "{name}: each file its own problem");
    }
    // A good file beside a bad one: the batch is refused whole, the good one is not added.
    let mixed = files(&host, &[("groep3.json", bytes(&reference_work("oefen.meidoorn", "Groep 3"))), ("kapot.json", b"{\"format\":".to_vec())]);
    let answer = import(&mut host, mixed, &works);
    assert_eq!(answer["refused"], json!([{ "file": "kapot.json", "problem": "truncated" }]));
    assert_eq!(answer["works"], works);
    // A cancelled picker changes nothing either.
    let answer = import(&mut host, Vec::new(), &works);
    assert_eq!((answer["cancelled"].as_bool(), &answer["works"]), (Some(true), &works));
}

#[test]
fn dropped_files_are_read_once_and_come_from_the_desktop() {
    let (mut host, _) = practice_host();
    let paths = files(&host, &[("a.json", bytes(&reference_work("oefen.meidoorn", "Groep A")))]);
    *host.shell.dropped.lock().unwrap() = paths;
    let first = host.dispatch("training_import", json!({ "from": "dropped", "works": [] })).unwrap();
    assert_eq!(first["works"].as_array().unwrap().len(), 1);
    let again = host.dispatch("training_import", json!({ "from": "dropped", "works": first["works"] })).unwrap();
    assert_eq!(again["cancelled"], true, "the dropped files were taken");
    // No request can name a path: the request has no such field.
    assert_eq!(host.dispatch("training_import", json!({ "from": "dropped", "works": [], "path": "/etc/passwd" })), Err(ErrorCode::Invalid));
}

#[test]
fn only_practice_families_in_practice_mode_go_to_the_trainer() {
    let mut real = TestHost::unlocked();
    let case = real.dispatch("case_create", json!({ "label": "Gezin Echt" })).unwrap();
    assert_eq!(real.dispatch("practice_work_export", json!({ "case_id": case["id"], "group": "Groep 1" })), Err(ErrorCode::PracticeOnly));
    assert_eq!(real.dispatch("training_import", json!({ "from": "picker", "works": [] })), Err(ErrorCode::PracticeOnly));

    let (mut host, _) = practice_host();
    let own = host.dispatch("case_create", json!({ "label": "Zelf bedacht" })).unwrap();
    assert_eq!(host.dispatch("practice_work_export", json!({ "case_id": own["id"], "group": "Groep 1" })), Err(ErrorCode::NotAPracticeFamily));
    // A family added later is a practice family too.
    let added = host.dispatch("practice_case_add", json!({ "practice_case_id": "oefen.hazelaar" })).unwrap();
    host.dispatch("practice_work_export", json!({ "case_id": added["id"], "group": "Groep 1" })).unwrap();
    let (name, _) = host.shell.saved.lock().unwrap().last().cloned().unwrap();
    assert_eq!(name, "oefenwerk-hazelaar-groep-1.json");
    // Works the screen sends back are checked as files are.
    let mut w = serde_json::to_value(reference_work("oefen.meidoorn", "Groep 1")).unwrap();
    w["records"][0]["actor"] = "niemand".into();
    assert_eq!(host.dispatch("training_compare", json!({ "works": [w] })), Err(ErrorCode::Invalid));
}
