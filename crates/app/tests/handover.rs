//! The handover file (`overdrachtsbestand`, issue 15 point 2) through the test host, with real vaults:
//! the example family exported from one vault and imported into a second gives the same analysis; a
//! hostile or damaged file (fuzzed, truncated, wrong passphrase, future version, duplicated case,
//! 100 MB, a costly work factor, a changed part, an id of another case) gets its own error and leaves
//! the receiving vault as it was; the file holds no plaintext; practice and real never exchange; the
//! access log records both sides with ids only.

use std::collections::BTreeMap;
use std::path::PathBuf;

use age::secrecy::SecretString;
use app::ErrorCode;
use app::host::TestHost;
use domain::fixture::gezin_jansen_inzage;
use domain::fixture::ids::CASE;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The passphrase the sender passes on by phone.
const PASS: &str = "zeven blauwe fietsen langs de haven";

/// The example family with its plan (and escape plan) and a Meldcode entry, stored in a new vault.
fn sender() -> (TestHost, Uuid) {
    let host = TestHost::unlocked();
    let f = gezin_jansen_inzage();
    let map = host.store(&f.snapshot);
    host.with_vault(|v| v.safety_plans().save(&map.apply(&f.plan)).expect("plan"));
    (host, map.get(CASE))
}

fn all_parts() -> Value {
    json!(["persons", "conversations", "records", "plan"])
}

/// Exports and returns the file's bytes as the save dialog received them.
fn export(host: &mut TestHost, case_id: Uuid, parts: Value) -> Vec<u8> {
    let out = host.dispatch("handover_export", json!({ "case_id": case_id, "parts": parts, "passphrase": PASS })).expect("export");
    assert_eq!(out["saved"], json!(true));
    assert!(out["file_name"].as_str().is_some_and(|n| n.starts_with("overdracht-") && n.ends_with(".age")));
    host.shell.saved.lock().expect("saved").last().expect("a file").1.clone()
}

/// Puts `bytes` where the receiver's file dialog will answer, and chooses it.
fn choose(host: &mut TestHost, bytes: &[u8]) -> PathBuf {
    let path = host.usb.path().join("overdracht.age");
    std::fs::write(&path, bytes).expect("write file");
    host.answer_file_dialog(Some(path.clone()));
    let chosen = host.dispatch("handover_choose", json!({})).expect("choose");
    assert_eq!(chosen["chosen"], json!(true));
    path
}

fn preview(host: &mut TestHost, pass: &str) -> Result<Value, ErrorCode> {
    host.dispatch("handover_preview", json!({ "passphrase": pass }))
}

fn import(host: &mut TestHost, pass: &str, export_id: &Value) -> Result<Value, ErrorCode> {
    host.dispatch("handover_import", json!({ "passphrase": pass, "export_id": export_id }))
}

/// Everything a vault holds that an import could change: the case list and the access log.
fn state(host: &mut TestHost) -> (Value, usize) {
    (host.dispatch("cases_list", json!({})).expect("cases"), host.writes())
}

fn log_rows(host: &TestHost, action: &str) -> Vec<vault::AuditEntry> {
    host.with_vault(|v| v.audit_log().expect("log")).into_iter().filter(|e| e.action == action).collect()
}

/// The analysis with every id replaced by a name both vaults agree on (a person's name, a record's
/// content with names), and every list sorted, so two vaults' analyses of the same case compare equal.
fn comparable(host: &mut TestHost, case_id: Uuid) -> Value {
    let analysis = host.dispatch("analysis_get", json!({ "case_id": case_id })).expect("analysis");
    let snapshot = host.with_vault(|v| v.snapshot(case_id).expect("snapshot"));
    let mut names: BTreeMap<Uuid, String> = BTreeMap::from([(case_id, "case".to_owned())]);
    for p in &snapshot.household.persons {
        names.insert(p.id, format!("person:{}", p.name));
    }
    fn label(v: Value, names: &BTreeMap<Uuid, String>) -> String {
        let mut v = v;
        if let Value::Object(o) = &mut v {
            o.remove("id");
        }
        let mut s = v.to_string();
        for (id, name) in names {
            s = s.replace(&id.to_string(), name);
        }
        s
    }
    let add = |pairs: Vec<(Uuid, Value)>, names: &mut BTreeMap<Uuid, String>| {
        let labelled: Vec<(Uuid, String)> = pairs.into_iter().map(|(id, v)| (id, label(v, names))).collect();
        names.extend(labelled);
    };
    let to = |v: &dyn erased::Ser| v.json();
    add(snapshot.household.relations.iter().map(|r| (r.id, to(r))).collect(), &mut names);
    // In this order: each one's label may name the ones before (an answer names its records).
    add(snapshot.conversations.iter().map(|c| (c.id, to(c))).collect(), &mut names);
    add(snapshot.records.iter().map(|r| (r.id, to(r))).collect(), &mut names);
    add(snapshot.answers.iter().map(|a| (a.id, to(a))).collect(), &mut names);
    add(snapshot.judgements.iter().map(|j| (j.id, to(j))).collect(), &mut names);
    add(snapshot.acute_decisions.iter().map(|d| (d.id, to(d))).collect(), &mut names);
    let mut text = analysis.to_string();
    for (id, name) in &names {
        text = text.replace(&id.to_string(), &name.replace('"', "'"));
    }
    fn sorted(v: Value) -> Value {
        match v {
            Value::Array(items) => {
                let mut items: Vec<Value> = items.into_iter().map(sorted).collect();
                items.sort_by_key(|v| v.to_string());
                Value::Array(items)
            }
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, sorted(v))).collect()),
            v => v,
        }
    }
    sorted(serde_json::from_str(&text).expect("still JSON"))
}

mod erased {
    pub trait Ser {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("serialises")
        }
    }
}

#[test]
fn a_handover_file_imported_into_a_second_vault_gives_the_same_analysis_and_both_logs_say_so() {
    let (mut from, case_id) = sender();
    let bytes = export(&mut from, case_id, all_parts());
    let exported = log_rows(&from, "handover_exported");
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0].case_id, Some(case_id));

    let mut to = TestHost::unlocked();
    choose(&mut to, &bytes);
    let before = state(&mut to);
    let seen = preview(&mut to, PASS).expect("preview");
    assert_eq!(state(&mut to), before, "a preview writes nothing and logs nothing");
    assert_eq!(seen["case_label"], json!(gezin_jansen_inzage().snapshot.household.case.label));
    assert_eq!(seen["parts"], all_parts());
    assert_eq!(seen["counts"]["persons"], json!(4));
    assert!(seen["counts"]["escape_plan_items"].as_u64().is_some_and(|n| n > 0), "the preview says an escape plan is in it");
    assert_eq!(Some(seen["export_id"].as_str().expect("id").to_owned()), exported[0].subject_id.map(|s| s.to_string()));

    let imported = import(&mut to, PASS, &seen["export_id"]).expect("import");
    let new_case: Uuid = serde_json::from_value(imported["case"]["id"].clone()).expect("case id");
    assert_ne!(new_case, case_id, "a new case, with a new id");
    let (got, want) = (comparable(&mut to, new_case), comparable(&mut from, case_id));
    if got != want {
        std::fs::write("/tmp/handover-got.json", serde_json::to_string_pretty(&got).unwrap()).unwrap();
        std::fs::write("/tmp/handover-want.json", serde_json::to_string_pretty(&want).unwrap()).unwrap();
    }
    assert!(got == want, "the analysis differs (see /tmp/handover-got.json, /tmp/handover-want.json)");

    // Every id is new.
    let old = from.with_vault(|v| v.snapshot(case_id).expect("snapshot"));
    let new = to.with_vault(|v| v.snapshot(new_case).expect("snapshot"));
    let old_text = serde_json::to_string(&old).expect("json");
    for id in domain::handover::uuids_in(&serde_json::to_string(&new).expect("json")) {
        assert!(!old_text.contains(&id.1.to_string()), "id {} came along unchanged", id.1);
    }
    assert_eq!(new.records.len(), old.records.len());
    assert_eq!(new.answers.len(), old.answers.len());
    let plan = to.with_vault(|v| v.safety_plans().list(new_case).expect("plans"));
    assert_eq!(plan.len(), 1);

    let rows = log_rows(&to, "handover_imported");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].case_id, Some(new_case));
    assert_eq!(rows[0].subject_id, exported[0].subject_id, "the receiver's log names the export's id");
}

#[test]
fn a_chosen_part_goes_alone_and_records_go_only_with_their_conversations() {
    let (mut from, case_id) = sender();
    assert_eq!(
        from.dispatch("handover_export", json!({ "case_id": case_id, "parts": ["persons", "records"], "passphrase": PASS })),
        Err(ErrorCode::HandoverPartsIncomplete)
    );
    assert_eq!(
        from.dispatch("handover_export", json!({ "case_id": case_id, "parts": ["plan"], "passphrase": PASS })),
        Err(ErrorCode::HandoverPartsIncomplete)
    );
    assert_eq!(
        from.dispatch("handover_export", json!({ "case_id": case_id, "parts": ["persons"], "passphrase": "welkom123" })),
        Err(ErrorCode::PassphraseTooWeak)
    );
    assert!(from.shell.saved.lock().expect("saved").is_empty());
    assert!(log_rows(&from, "handover_exported").is_empty());

    let bytes = export(&mut from, case_id, json!(["persons", "plan"]));
    let mut to = TestHost::unlocked();
    choose(&mut to, &bytes);
    let seen = preview(&mut to, PASS).expect("preview");
    assert_eq!(seen["parts"], json!(["persons", "plan"]));
    assert_eq!(seen["counts"]["answers"], json!(0));
    let imported = import(&mut to, PASS, &seen["export_id"]).expect("import");
    let new_case: Uuid = serde_json::from_value(imported["case"]["id"].clone()).expect("case id");
    let new = to.with_vault(|v| v.snapshot(new_case).expect("snapshot"));
    assert_eq!(new.household.persons.len(), 4);
    assert!(new.conversations.is_empty() && new.records.is_empty() && new.answers.is_empty());
    assert_eq!(to.with_vault(|v| v.safety_plans().list(new_case).expect("plans")).len(), 1);
}

/// The plaintext of a file (to build hostile variants that pass the encryption).
fn open_plain(bytes: &[u8]) -> Value {
    let id = age::scrypt::Identity::new(SecretString::from(PASS.to_owned()));
    serde_json::from_slice(&age::decrypt(&id, bytes).expect("decrypts")).expect("json")
}

fn seal(plain: &Value) -> Vec<u8> {
    let mut r = age::scrypt::Recipient::new(SecretString::from(PASS.to_owned()));
    r.set_work_factor(10);
    age::encrypt(&r, plain.to_string().as_bytes()).expect("encrypts")
}

/// The plaintext with one part's JSON changed and its checksum made right again.
fn with_part(plain: &Value, part: &str, change: impl FnOnce(&mut Value)) -> Value {
    let mut plain = plain.clone();
    let mut v: Value = serde_json::from_str(plain["parts"][part].as_str().expect("part")).expect("part json");
    change(&mut v);
    let text = v.to_string();
    plain["manifest"]["checksums"][part] = json!(hex::encode(Sha256::digest(text.as_bytes())));
    plain["parts"][part] = json!(text);
    plain
}

#[test]
fn a_hostile_or_damaged_file_gets_its_own_error_and_the_vault_stays_as_it_was() {
    let (mut from, case_id) = sender();
    let good = export(&mut from, case_id, all_parts());
    let plain = open_plain(&good);
    let header_end = good.windows(4).position(|w| w == b"--- ").expect("header") + 50;

    let mut to = TestHost::unlocked();
    // A case of the receiving vault, which no file may point into.
    let theirs = to.dispatch("case_create", json!({ "label": "Eigen casus" })).expect("case");
    let their_case = theirs["id"].as_str().expect("id").to_owned();

    let flipped = |at: usize| {
        let mut b = good.clone();
        b[at] ^= 0x20;
        b
    };
    let mut version = plain.clone();
    version["manifest"]["format_version"] = json!(2);
    let mut schema = plain.clone();
    schema["manifest"]["schema_version"] = json!(vault::SCHEMA_VERSION + 1);
    let mut costly = String::from_utf8_lossy(&good).into_owned().into_bytes();
    let stanza = costly.windows(9).position(|w| w == b"-> scrypt").expect("stanza");
    let line_end = stanza + costly[stanza..].iter().position(|b| *b == b'\n').expect("line");
    costly.splice(line_end - 2..line_end, *b"22");
    let mut garbage = vec![0u8; 4096];
    garbage.iter_mut().enumerate().for_each(|(i, b)| *b = (i * 7919 % 251) as u8);

    let table: Vec<(&str, Vec<u8>, &str, ErrorCode)> = vec![
        ("fuzzed: a byte of the payload", flipped(header_end + 100), PASS, ErrorCode::HandoverDamaged),
        ("fuzzed: the last byte", flipped(good.len() - 1), PASS, ErrorCode::HandoverDamaged),
        ("fuzzed: the header's MAC", flipped(header_end - 10), PASS, ErrorCode::HandoverDamaged),
        ("fuzzed: the format line", flipped(3), PASS, ErrorCode::HandoverDamaged),
        ("fuzzed: random bytes", garbage, PASS, ErrorCode::HandoverDamaged),
        ("truncated: half", good[..good.len() / 2].to_vec(), PASS, ErrorCode::HandoverDamaged),
        ("truncated: one byte short", good[..good.len() - 1].to_vec(), PASS, ErrorCode::HandoverDamaged),
        ("truncated: header only", good[..header_end].to_vec(), PASS, ErrorCode::HandoverDamaged),
        ("empty", Vec::new(), PASS, ErrorCode::HandoverDamaged),
        ("wrong passphrase", good.clone(), "zeven blauwe fietsen langs de rivier", ErrorCode::HandoverWrongPassphrase),
        ("future format version", seal(&version), PASS, ErrorCode::HandoverFutureVersion),
        ("future schema version", seal(&schema), PASS, ErrorCode::HandoverFutureVersion),
        ("a costly work factor", costly, PASS, ErrorCode::HandoverTooCostly),
        (
            "a part changed, checksum not",
            seal(&{
                let mut p = plain.clone();
                let text = p["parts"]["persons"].as_str().expect("part").replace("Sanne", "Sanna");
                p["parts"]["persons"] = json!(text);
                p
            }),
            PASS,
            ErrorCode::HandoverDamaged,
        ),
        (
            "counts that do not match",
            seal(&{
                let mut p = plain.clone();
                p["manifest"]["counts"]["records"] = json!(1);
                p
            }),
            PASS,
            ErrorCode::HandoverDamaged,
        ),
        (
            "a record pointing into another case of this vault",
            seal(&with_part(&plain, "records", |v| v["records"][0]["actors"] = json!([their_case]))),
            PASS,
            ErrorCode::HandoverDamaged,
        ),
        (
            "two persons with one id",
            seal(&with_part(&plain, "persons", |v| {
                let first = v["persons"][0]["id"].clone();
                v["persons"][1]["id"] = first;
            })),
            PASS,
            ErrorCode::HandoverDamaged,
        ),
        (
            "a field of a newer kind",
            seal(&with_part(&plain, "persons", |v| v["extra"] = json!("x"))),
            PASS,
            ErrorCode::HandoverDamaged,
        ),
        (
            "a text over the limit",
            seal(&with_part(&plain, "persons", |v| v["persons"][0]["notes"] = json!("x".repeat(app::limits::MAX_TEXT_CHARS + 1)))),
            PASS,
            ErrorCode::HandoverDamaged,
        ),
        (
            "parts missing from the manifest",
            seal(&{
                let mut p = plain.clone();
                p["manifest"]["parts"] = json!(["persons"]);
                p
            }),
            PASS,
            ErrorCode::HandoverDamaged,
        ),
    ];
    let before = state(&mut to);
    for (what, bytes, pass, code) in table {
        choose(&mut to, &bytes);
        assert_eq!(preview(&mut to, pass).map(|_| ()), Err(code), "{what}: preview");
        let id = plain["manifest"]["export_id"].clone();
        assert_eq!(import(&mut to, pass, &id).map(|_| ()), Err(code), "{what}: import");
        assert_eq!(state(&mut to), before, "{what}: nothing imported, nothing logged");
    }

    // Fuzzed: 300 files with one to three bytes changed anywhere (a fixed seed, so a failure repeats).
    // None opens; each is refused as damaged, as a wrong passphrase (the scrypt stanza's salt or key) or
    // as too costly (its work factor); nothing panics and nothing is stored.
    let mut seed: u64 = 0x5eed_0f_0e7d_ac47;
    let mut next = |below: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % below
    };
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..300 {
        let mut bytes = good.clone();
        for _ in 0..=next(3) {
            let at = next(bytes.len());
            bytes[at] ^= 1 + next(255) as u8;
        }
        choose(&mut to, &bytes);
        let got = preview(&mut to, PASS).map(|_| ()).expect_err("a fuzzed file never opens");
        assert!(
            matches!(got, ErrorCode::HandoverDamaged | ErrorCode::HandoverWrongPassphrase | ErrorCode::HandoverTooCostly),
            "fuzzed: {got:?}"
        );
        seen.insert(got);
    }
    assert!(seen.contains(&ErrorCode::HandoverDamaged));
    assert_eq!(state(&mut to), before, "fuzzed: nothing stored");

    // Passes every check of the file (the preview shows it) and is refused by the vault halfway through
    // the import, after the case and its persons were written: the transaction takes all of it back.
    let self_relation = seal(&with_part(&plain, "persons", |v| v["relations"][0]["to"] = v["relations"][0]["from"].clone()));
    choose(&mut to, &self_relation);
    let seen = preview(&mut to, PASS).expect("the preview does not check relations against roles");
    assert_eq!(import(&mut to, PASS, &seen["export_id"]).map(|_| ()), Err(ErrorCode::HandoverDamaged));
    assert_eq!(state(&mut to), before, "a refusal halfway leaves nothing: no case, no person, no log row");

    // 100 MB: refused by its size, before it is read.
    let path = to.usb.path().join("groot.age");
    std::fs::File::create(&path).expect("file").set_len(100 * 1024 * 1024).expect("size");
    to.answer_file_dialog(Some(path));
    to.dispatch("handover_choose", json!({})).expect("choose");
    let started = std::time::Instant::now();
    assert_eq!(preview(&mut to, PASS).map(|_| ()), Err(ErrorCode::HandoverTooLarge));
    assert_eq!(import(&mut to, PASS, &plain["manifest"]["export_id"]).map(|_| ()), Err(ErrorCode::HandoverTooLarge));
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "refused without reading 100 MB");
    assert_eq!(state(&mut to), before);

    // Duplicated case: the same file a second time, and the file back into the vault it came from.
    choose(&mut to, &good);
    import(&mut to, PASS, &plain["manifest"]["export_id"]).expect("the first import");
    let after_first = state(&mut to);
    // The import forgets the chosen file: the next one starts with the file dialog again.
    assert_eq!(preview(&mut to, PASS).map(|_| ()), Err(ErrorCode::NotFound));
    choose(&mut to, &good);
    assert_eq!(preview(&mut to, PASS).map(|_| ()), Err(ErrorCode::HandoverAlreadyImported));
    assert_eq!(import(&mut to, PASS, &plain["manifest"]["export_id"]).map(|_| ()), Err(ErrorCode::HandoverAlreadyImported));
    assert_eq!(state(&mut to), after_first, "no second copy");
    choose(&mut from, &good);
    let sender_before = state(&mut from);
    assert_eq!(import(&mut from, PASS, &plain["manifest"]["export_id"]).map(|_| ()), Err(ErrorCode::HandoverAlreadyImported));
    assert_eq!(state(&mut from), sender_before);
}

#[test]
fn the_handover_file_holds_no_plaintext_and_the_check_can_fail() {
    let (mut from, case_id) = sender();
    let marker = "KANARIE-OVERDRACHT-7f3a9c";
    let person = from.with_vault(|v| v.snapshot(case_id).expect("snapshot")).household.persons[0].clone();
    from.dispatch("case_rename", json!({ "case_id": case_id, "label": format!("{marker} label") })).expect("rename");
    let mut input = serde_json::to_value(&person).expect("json");
    input["name"] = json!(format!("{marker} naam"));
    input["notes"] = json!(format!("{marker} notitie"));
    from.dispatch("person_update", json!({ "case_id": case_id, "person_id": person.id, "input": input })).expect("person");
    from.with_vault(|v| {
        for mut r in v.behaviour_records().list(case_id).expect("records") {
            r.impact_text = format!("{marker} impact");
            v.behaviour_records().save(&r).expect("record");
        }
        for mut a in v.answers().list(case_id).expect("answers") {
            a.words = format!("{marker} woorden");
            v.answers().save(&a).expect("answer");
        }
    });
    let bytes = export(&mut from, case_id, all_parts());
    let plain = open_plain(&bytes).to_string();
    assert!(plain.contains(marker), "the marker is in the file's content, so the scan below can fail");
    let lower = bytes.to_ascii_lowercase();
    let needles = [marker.to_ascii_lowercase().into_bytes(), marker.encode_utf16().flat_map(|u| u.to_le_bytes()).collect::<Vec<u8>>().to_ascii_lowercase(), b"kanarie".to_vec(), b"overdracht-7f3a9c".to_vec()];
    for needle in needles {
        assert!(!lower.windows(needle.len()).any(|w| w == needle.as_slice()), "plaintext in the handover file");
    }
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(marker);
    assert!(!bytes.windows(12).any(|w| w == &b64.as_bytes()[..12]));
}

#[test]
fn practice_and_real_never_exchange_a_handover_file() {
    let (mut real, case_id) = sender();
    let real_file = export(&mut real, case_id, all_parts());

    let mut practice = TestHost::unlocked();
    practice.dispatch("practice_open", json!({})).expect("practice mode");
    let cases = practice.dispatch("cases_list", json!({})).expect("cases");
    let practice_case = cases[0]["id"].clone();
    let out = practice.dispatch("handover_export", json!({ "case_id": practice_case, "parts": ["persons"], "passphrase": PASS })).expect("export");
    assert_eq!(out["saved"], json!(true));
    let practice_file = practice.shell.saved.lock().expect("saved").last().expect("file").1.clone();

    // A real file into the practice vault.
    choose(&mut practice, &real_file);
    let before = state(&mut practice);
    assert_eq!(preview(&mut practice, PASS).map(|_| ()), Err(ErrorCode::HandoverPracticeMismatch));
    assert_eq!(import(&mut practice, PASS, &json!(Uuid::nil())).map(|_| ()), Err(ErrorCode::HandoverPracticeMismatch));
    assert_eq!(state(&mut practice), before);

    // A practice file into a real vault.
    let mut other = TestHost::unlocked();
    choose(&mut other, &practice_file);
    let before = state(&mut other);
    assert_eq!(preview(&mut other, PASS).map(|_| ()), Err(ErrorCode::HandoverPracticeMismatch));
    assert_eq!(import(&mut other, PASS, &json!(Uuid::nil())).map(|_| ()), Err(ErrorCode::HandoverPracticeMismatch));
    assert_eq!(state(&mut other), before);

    // A practice file into another practice vault is fine.
    let mut trainee = TestHost::unlocked();
    trainee.dispatch("practice_open", json!({})).expect("practice mode");
    choose(&mut trainee, &practice_file);
    let seen = preview(&mut trainee, PASS).expect("preview");
    import(&mut trainee, PASS, &seen["export_id"]).expect("import");
}

#[test]
fn the_preview_and_import_need_a_chosen_file_and_the_file_previewed() {
    let (mut from, case_id) = sender();
    let good = export(&mut from, case_id, all_parts());
    let mut to = TestHost::unlocked();
    assert_eq!(preview(&mut to, PASS).map(|_| ()), Err(ErrorCode::NotFound));
    to.answer_file_dialog(None);
    assert_eq!(to.dispatch("handover_choose", json!({})).expect("cancel")["chosen"], json!(false));
    choose(&mut to, &good);
    let before = state(&mut to);
    assert_eq!(import(&mut to, PASS, &json!(Uuid::now_v7())).map(|_| ()), Err(ErrorCode::HandoverChanged));
    assert_eq!(state(&mut to), before);
}
