//! Real deletion (issue 14, point 2): deleting a case removes every row that belongs to it, and
//! afterwards none of its words is anywhere in the database — not in a table, not in the search index,
//! not on a free page — nor in a backup made after the deletion. Only an access-log row with the case's
//! id and the action stays.
//!
//! The words looked for are every text the app served for the practice case (household, conversations
//! and their answers, records, Meldcode, plan and its versions, notes and their versions), less what
//! the other case in the vault also holds; the check can fail: before the delete, the plain copy of the
//! database holds them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use app::codegen::{self, State, other, table_host};
use app::host::{IdMap, PASSPHRASE, TestHost};
use domain::fixture::ids as J;
use serde_json::{Value, json};

fn strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            // Words a person wrote or said; ids, dates, codes and short labels are not case text.
            let t = s.trim();
            let looks_like_id = uuid::Uuid::parse_str(t).is_ok() || t.chars().next().is_some_and(|c| c.is_ascii_digit());
            if t.chars().count() >= 10 && t.contains(' ') && !looks_like_id {
                out.insert(t.to_owned());
            }
        }
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// Every text the app serves for one case, by the command that served it.
fn served(host: &mut TestHost, map: &IdMap, case: uuid::Uuid) -> BTreeMap<&'static str, BTreeSet<String>> {
    let c = json!({ "case_id": case });
    let mut by: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    let mut add = |name: &'static str, v: &Value| strings(v, by.entry(name).or_default());
    add("household_get", &codegen::run(host, map, "household_get", &c).unwrap());
    let conversations = codegen::run(host, map, "conversations_list", &c).unwrap();
    add("conversations_list", &conversations);
    for conv in conversations.as_array().unwrap() {
        let open = codegen::run(host, map, "conversation_open", &json!({ "case_id": case, "conversation_id": conv["id"] })).unwrap();
        // Only what was said and recorded, not the guide's own questions.
        add("answers", &open["answers"]);
        add("answers", &open["records"]);
    }
    for command in ["behaviours_list", "behaviours_trash_list", "analysis_get", "meldcode_list", "plan_get", "plan_versions", "retention_get", "corrections_list", "melding_get"] {
        add(command, &codegen::run(host, map, command, &c).unwrap());
    }
    let notes = codegen::run(host, map, "notes_list", &c).unwrap();
    add("notes_list", &notes);
    for note in notes["notes"].as_array().unwrap().iter().chain(notes["trash"].as_array().unwrap()) {
        add("note_versions", &codegen::run(host, map, "note_versions", &json!({ "case_id": case, "note_id": note["id"] })).unwrap());
    }
    by
}

/// A plain copy of the database's content (`sqlcipher_export`): every table and the search index's
/// own tables, with the encryption taken off.
fn plain_copy(host: &TestHost, to: &Path) -> Vec<u8> {
    let path = to.to_str().unwrap().replace('\'', "''");
    host.with_vault(|v| {
        v.connection()
            .execute_batch(&format!("ATTACH DATABASE '{path}' AS plain KEY ''; SELECT sqlcipher_export('plain'); DETACH DATABASE plain;"))
            .unwrap()
    });
    std::fs::read(to).unwrap()
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The tables that hold a `case_id` (all but the access log's), and how many rows each has for `case`.
fn rows_per_table(host: &TestHost, case: uuid::Uuid) -> BTreeMap<String, i64> {
    host.with_vault(|v| {
        let conn = v.connection();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'audit_%'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        tables
            .into_iter()
            .filter(|t| conn.prepare(&format!("SELECT 1 FROM pragma_table_info('{t}') WHERE name = 'case_id'")).unwrap().exists([]).unwrap())
            .map(|t| {
                let n = conn.query_row(&format!("SELECT count(*) FROM \"{t}\" WHERE case_id = ?1"), [case.to_string()], |r| r.get(0)).unwrap();
                (t, n)
            })
            .collect()
    })
}

#[test]
fn a_deleted_case_leaves_no_word_in_the_database_or_a_later_backup() {
    let (mut host, map) = table_host(State::Unlocked);
    let out = tempfile::tempdir().unwrap();
    let case = map.get(J::CASE);
    // Every kind of row: the practice family, plus what the writing commands' valid requests add
    // (a pre-check, a judgement, an acute decision, a Meldcode entry, a frozen plan, a note, a retention
    // change with its reason, a person's correction, a report to Veilig Thuis made, …).
    let valid = codegen::valid_requests();
    for name in [
        "person_add", "relation_add", "precheck_save", "conversation_start", "answer_save", "conversation_end", "behaviour_save",
        "judgement_save", "acute_decision_save", "meldcode_save", "plan_save", "plan_freeze", "note_create", "note_save",
        "retention_set", "correction_add", "melding_save", "melding_report",
    ] {
        let (_, _, request) = valid.iter().find(|(c, ..)| *c == name).unwrap();
        codegen::run(&mut host, &map, name, request).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // The case list stores its marker of the case (red flag, next evaluation, the notes' tags).
    codegen::run(&mut host, &map, "cases_list", &serde_json::json!({})).expect("cases_list");
    let rows = rows_per_table(&host, case);
    let empty: Vec<&String> = rows.iter().filter(|(_, n)| **n == 0).map(|(t, _)| t).collect();
    assert!(empty.is_empty(), "tables without a row of the case before the delete: {empty:?}");
    assert!(rows.len() >= 10, "tables with a case_id: {rows:?}");
    let mut by = served(&mut host, &map, J::CASE);
    // What the other case also holds (shared wording) cannot show whether this one is gone.
    let others: BTreeSet<String> = served(&mut host, &map, other::CASE).into_values().flatten().collect();
    for set in by.values_mut() {
        set.retain(|s| !others.contains(s));
    }

    let before = plain_copy(&host, &out.path().join("before.db"));
    let found: BTreeMap<&str, Vec<String>> =
        by.iter().map(|(k, set)| (*k, set.iter().filter(|s| holds(&before, s)).cloned().collect())).collect();
    // Every storage path holds words of this case before the delete, so the check below can fail.
    for path in ["household_get", "answers", "behaviours_list", "analysis_get", "meldcode_list", "plan_get", "plan_versions", "notes_list", "note_versions",
        "retention_get", "corrections_list", "melding_get"] {
        assert!(!found[path].is_empty(), "no word of {path} found in the plain copy before the delete: {:?}", by[path]);
    }
    let words: BTreeSet<&String> = found.values().flatten().collect();
    assert!(words.len() >= 20, "only {} words to look for", words.len());
    // The other case's words are there, and stay.
    assert!(holds(&before, "Bram schreeuwde aan de telefoon."));

    codegen::run(&mut host, &map, "case_delete", &json!({ "case_id": J::CASE })).unwrap();

    let after = plain_copy(&host, &out.path().join("after.db"));
    let left: Vec<&&String> = words.iter().filter(|w| holds(&after, w)).collect();
    assert!(left.is_empty(), "words of the deleted case left in the database: {left:?}");
    assert!(holds(&after, "Bram schreeuwde aan de telefoon."), "the other case is untouched");
    host.with_vault(|v| {
        let conn = v.connection();
        let free: i64 = conn.query_row("PRAGMA freelist_count", [], |r| r.get(0)).unwrap();
        assert_eq!(free, 0, "no free pages left after the delete");
        let log = v.audit_log().unwrap();
        let last = log.last().unwrap();
        assert_eq!((last.action.as_str(), last.case_id), ("case_deleted", Some(case)));
        assert!(v.check_all().unwrap().all_ok(), "both checks and the access log are clean after the rewrite");
    });
    // No row anywhere names the case, except the access log.
    let left_rows: Vec<(String, i64)> = rows_per_table(&host, case).into_iter().filter(|(_, n)| *n > 0).collect();
    assert!(left_rows.is_empty(), "rows of the deleted case left: {left_rows:?}");
    // Search finds nothing of it either.
    let hits = codegen::run(&mut host, &map, "search", &json!({ "query": "Sanne", "case_id": null })).unwrap();
    assert!(hits["hits"].as_array().unwrap().iter().all(|h| h["case_id"] != json!(J::CASE)));

    // A backup made after the delete holds none of it.
    let backup = host.usb.path().join("na-verwijderen");
    host.with_vault(|v| v.backup_to(&backup).unwrap());
    let b = vault::Vault::open(&backup, &vault::Passphrase::new(PASSPHRASE)).unwrap();
    // An opened vault's connection may not create files: the empty file is made first.
    std::fs::File::create(out.path().join("backup.db")).unwrap();
    let path = out.path().join("backup.db").to_str().unwrap().replace('\'', "''");
    b.connection()
        .execute_batch(&format!("ATTACH DATABASE '{path}' AS plain KEY ''; SELECT sqlcipher_export('plain'); DETACH DATABASE plain;"))
        .unwrap();
    let in_backup = std::fs::read(out.path().join("backup.db")).unwrap();
    assert!(words.iter().all(|w| !holds(&in_backup, w)), "words of the deleted case in a later backup");
    assert!(holds(&in_backup, "Bram schreeuwde aan de telefoon."));
}

