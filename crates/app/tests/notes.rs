//! Notes and search through the commands (issue 13): what the responses carry, the versions, the
//! trash, ids of another case, and search across cases or in one, with marked snippets.

use app::codegen::{self, State, notes, other, table_host};
use app::host::{IdMap, TestHost};
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn ok(host: &mut TestHost, map: &IdMap, command: &str, request: Value) -> Value {
    codegen::run(host, map, command, &request).unwrap_or_else(|e| panic!("{command} refused with {e}"))
}

fn input(title: &str, text: &str) -> Value {
    json!({ "person_id": null, "conversation_id": J::CONV_SANNE, "date": "2026-03-15", "title": title, "text": text,
        "tags": ["#Veiligheid", "veiligheid ", "school"], "confidential": true })
}

fn hits(found: &Value) -> Vec<(String, String)> {
    found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["kind"].as_str().unwrap().to_owned(), h["item_id"].as_str().unwrap().to_owned()))
        .collect()
}

#[test]
fn a_note_is_written_saved_with_its_versions_trashed_restored_and_deleted_for_good() {
    let (mut host, map) = table_host(State::Unlocked);
    let case = J::CASE;
    let note = ok(&mut host, &map, "note_create", json!({ "case_id": case, "input": input("", "") }));
    let id = note["id"].clone();
    assert_eq!(note["case_id"], json!(case));
    assert_eq!(note["tags"], json!(["veiligheid", "school"]), "tags in one form");
    assert_eq!(note["confidential"], true);
    for text in ["Eerste", "Eerste zin.", "Eerste zin. **Tweede** zin."] {
        ok(
            &mut host,
            &map,
            "note_save",
            json!({ "case_id": case, "note_id": id, "input": input("Na het gesprek", text) }),
        );
    }
    let versions = ok(&mut host, &map, "note_versions", json!({ "case_id": case, "note_id": id }));
    let texts: Vec<&str> = versions.as_array().unwrap().iter().map(|v| v["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Eerste zin.", "Eerste"], "newest first; the empty start is no version");
    let found = ok(&mut host, &map, "search", json!({ "query": "tweede", "case_id": null }));
    assert_eq!(hits(&found), [("note".to_owned(), id.as_str().unwrap().to_owned())]);
    let hit = &found["hits"][0];
    assert_eq!(
        (hit["case_label"].as_str(), hit["title"].as_str(), hit["date"].as_str()),
        (Some("Gezin Jansen-de Vries"), Some("Na het gesprek"), Some("2026-03-15"))
    );
    assert_eq!(hit["conversation_id"], json!(J::CONV_SANNE));
    assert!(hit["snippet"].as_array().unwrap().iter().any(|p| p["mark"] == true && p["text"] == "Tweede"));

    ok(&mut host, &map, "note_trash", json!({ "case_id": case, "note_id": id }));
    let list = ok(&mut host, &map, "notes_list", json!({ "case_id": case }));
    assert!(!list["notes"].as_array().unwrap().iter().any(|n| n["id"] == id));
    assert!(list["trash"].as_array().unwrap().iter().any(|n| n["id"] == id && !n["deleted_at"].is_null()));
    assert!(hits(&ok(&mut host, &map, "search", json!({ "query": "tweede", "case_id": null }))).is_empty());
    ok(&mut host, &map, "note_restore", json!({ "case_id": case, "note_id": id }));
    assert_eq!(hits(&ok(&mut host, &map, "search", json!({ "query": "tweede", "case_id": case }))).len(), 1);
    ok(&mut host, &map, "note_trash", json!({ "case_id": case, "note_id": id }));
    // The fixture's own note in the trash goes too.
    assert_eq!(ok(&mut host, &map, "notes_trash_empty", json!({ "case_id": case })), json!(2));
    let list = ok(&mut host, &map, "notes_list", json!({ "case_id": case }));
    assert!(list["trash"].as_array().unwrap().is_empty());
    assert_eq!(
        codegen::run(&mut host, &map, "note_versions", &json!({ "case_id": case, "note_id": id })),
        Err(app::ErrorCode::NotFound)
    );
    assert!(hits(&ok(&mut host, &map, "search", json!({ "query": "tweede", "case_id": null }))).is_empty());
}

#[test]
fn the_list_is_newest_date_first_with_what_the_editor_needs() {
    let (mut host, map) = table_host(State::Unlocked);
    let list = ok(&mut host, &map, "notes_list", json!({ "case_id": J::CASE }));
    let ids: Vec<&Value> = list["notes"].as_array().unwrap().iter().map(|n| &n["id"]).collect();
    assert_eq!(ids, [&json!(notes::CONFIDENTIAL), &json!(notes::HOME_VISIT)]);
    assert_eq!(
        list["trash"].as_array().unwrap().iter().map(|n| &n["id"]).collect::<Vec<_>>(),
        [&json!(notes::TRASHED)]
    );
    let home = &list["notes"][1];
    assert_eq!((&home["person_id"], &home["conversation_id"]), (&json!(J::SANNE), &json!(J::CONV_SANNE)));
    let versions = ok(&mut host, &map, "note_versions", json!({ "case_id": J::CASE, "note_id": notes::HOME_VISIT }));
    assert_eq!(versions[0]["text"], "Sanne vertelt over de avond.");
}

#[test]
fn search_finds_across_cases_or_in_one_and_reads_the_query_safely() {
    let (mut host, map) = table_host(State::Unlocked);
    let mut search = |query: &str, case: Option<uuid::Uuid>| {
        ok(&mut host, &map, "search", json!({ "query": query, "case_id": case }))
    };
    // "schreeuw" is in a note of each case (and a catalogue id is not text).
    let all = search("schreeuw", None);
    let cases: std::collections::BTreeSet<&str> =
        all["hits"].as_array().unwrap().iter().map(|h| h["case_id"].as_str().unwrap()).collect();
    assert_eq!(cases.len(), 2, "{all}");
    assert_eq!(hits(&search("schreeuw", Some(J::CASE))), [("note".to_owned(), notes::HOME_VISIT.to_string())]);
    assert_eq!(hits(&search("schreeuw", Some(other::CASE))), [("note".to_owned(), other::NOTE.to_string())]);
    // A behaviour record's impact in the person's words, found by a form of the verb ("gedronken").
    let drink = search("drinken", Some(J::CASE));
    assert_eq!(drink["hits"][0]["kind"], "behaviour_record");
    assert_eq!(drink["hits"][0]["item_id"], json!(J::R_PUSH_BY_SANNE));
    assert_eq!(drink["hits"][0]["reference"], "fys.duwen");
    // The case label.
    assert!(hits(&search("jansen", None)).contains(&("case".to_owned(), J::CASE.to_string())));
    // Nothing to search for, FTS5 syntax and unbalanced quotes are all just text.
    for query in ["", "   ", "*", "\"", "NEAR(", "schreeuw OR", "a:b", "^", "\"niet wilde"] {
        search(query, None);
    }
    assert_eq!(search("*", None), json!({ "hits": [], "more": false }));
    // A phrase.
    assert_eq!(hits(&search("\"niet wilde slapen\"", None)), [("note".to_owned(), notes::HOME_VISIT.to_string())]);
    assert!(hits(&search("\"wilde niet slapen\"", None)).is_empty());
    // In the trash: not found.
    assert!(hits(&search("vuurwerk", None)).is_empty());
}

/// The fake decides whether a note save keeps a version by looking up Rust's answer for the save's shape
/// (`codegen::note_save_shape`). Every save of many title/text pairs, made through the commands, keeps a
/// version exactly when the table says so for its shape: the shape is all the rule looks at.
#[test]
fn note_version_depends_only_on_its_shape() {
    let practice: Value = serde_json::from_str(include_str!("../../../ui/src/lib/ipc/fixtures/practice.json")).unwrap();
    let table = &practice["noteKeepsVersion"];
    assert_eq!(table.as_object().map(|t| t.len()), Some(16), "every shape");
    let (mut host, map) = table_host(State::Unlocked);
    let texts = ["", " ", "\n\t", "Tekst", "tekst", "Tekst ", "Één regel\nen nog één", "  Titel  "];
    let case = json!(J::CASE);
    for old_title in texts {
        for old_text in texts {
            for (new_title, new_text) in [(old_title, old_text), (old_title, "Anders"), ("Anders", old_text), ("", ""), ("Titel", "Tekst")] {
                let note = ok(&mut host, &map, "note_create", json!({ "case_id": case, "input": input(old_title, old_text) }));
                ok(&mut host, &map, "note_save", json!({ "case_id": case, "note_id": note["id"], "input": input(new_title, new_text) }));
                let versions = ok(&mut host, &map, "note_versions", json!({ "case_id": case, "note_id": note["id"] }));
                let shape = codegen::note_save_shape(old_title, old_text, new_title, new_text);
                assert_eq!(
                    json!(!versions.as_array().unwrap().is_empty()),
                    table[&shape],
                    "{old_title:?}/{old_text:?} → {new_title:?}/{new_text:?} ({shape})"
                );
            }
        }
    }
}
