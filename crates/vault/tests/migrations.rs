//! Schema migrations: a vault made by schema version 1 (committed fixture) opens with the current code.
//!
//! The fixture in `tests/fixtures/v1/` was made by `make_v1_fixture` below, with the fast test KDF and
//! the passphrase [`FIXTURE_PASS`]. To regenerate it (only ever for a *new* version's fixture; never
//! overwrite an old one): `VAULT_WRITE_FIXTURE=1 cargo test -p vault --test migrations`.
//! The files are named `vault.db` / `vault.key` inside the folder; `crates/vault/.gitignore` un-ignores them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use domain::{RelationKind, Role};
use uuid::Uuid;
use vault::{KdfParams, Language, Passphrase, Vault};

const FIXTURE_PASS: &str = "fixture-wachtwoord-v1";

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1")
}

/// A copy of the committed fixture (which must stay as it is), opened, so migrated to this schema.
fn migrated_copy() -> (tempfile::TempDir, Vault) {
    let dir = tempfile::tempdir().unwrap();
    for f in ["vault.db", "vault.key"] {
        fs::copy(fixture_dir().join(f), dir.path().join(f)).expect("fixture file is committed");
    }
    let v = Vault::open(dir.path(), &Passphrase::new(FIXTURE_PASS)).unwrap();
    (dir, v)
}

/// Makes a small schema-1 vault: one case with two persons and a relation, one setting.
fn make_v1_fixture(dir: &Path) -> (Uuid, Uuid) {
    let (v, _) = Vault::create_at_version(dir, &Passphrase::new(FIXTURE_PASS), KdfParams::insecure_fast_for_tests(), 1)
        .unwrap();
    assert_eq!(v.schema_version().unwrap(), 1);
    let c = v.cases().create("Oefengezin Jansen").unwrap();
    // Persons and their relation as schema 1 stored them: today's repositories read and write columns
    // of later steps (`persons.language`, schema 8), so the generator writes the schema-1 rows itself.
    let sql = |q: &str, values: &[String]| {
        v.connection().execute(q, rusqlite::params_from_iter(values)).unwrap();
    };
    let p = |role: Role, name: &str| {
        let id = Uuid::now_v7();
        let role = serde_json::to_value(role).unwrap().as_str().unwrap().to_owned();
        sql(
            "INSERT INTO persons (id, case_id, role, name, year_of_birth, gender, lives_in_household, notes)
             VALUES (?1, ?2, ?3, ?4, 1985, 'male', 1, 'fictief')",
            &[id.to_string(), c.id.to_string(), role, name.to_owned()],
        );
        id
    };
    let a = p(Role::Parent, "Piet");
    let b = p(Role::Child, "Kim");
    let kind = serde_json::to_string(&RelationKind::ParentOf { step: true }).unwrap();
    sql(
        "INSERT INTO relations (id, case_id, from_id, to_id, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[Uuid::now_v7().to_string(), c.id.to_string(), a.to_string(), b.to_string(), kind],
    );
    v.settings().set_language(Language::En).unwrap();
    v.lock();
    (c.id, a)
}

#[test]
fn fixture_generator_makes_an_openable_v1_vault() {
    let dir = tempfile::tempdir().unwrap();
    let (case_id, _) = make_v1_fixture(dir.path());
    let v = Vault::open(dir.path(), &Passphrase::new(FIXTURE_PASS)).unwrap();
    assert_eq!(v.cases().get(case_id).unwrap().label, "Oefengezin Jansen");
    if std::env::var("VAULT_WRITE_FIXTURE").is_ok() {
        let target = fixture_dir();
        assert!(!target.join("vault.db").exists(), "never overwrite a committed fixture");
        fs::create_dir_all(&target).unwrap();
        make_v1_fixture(&target);
        eprintln!("fixture written to {}", target.display());
    }
}

#[test]
fn v1_fixture_migrates_and_keeps_its_data() {
    // Work on a copy: the committed fixture must stay as it is.
    let dir = tempfile::tempdir().unwrap();
    for f in ["vault.db", "vault.key"] {
        fs::copy(fixture_dir().join(f), dir.path().join(f)).expect("fixture file is committed");
    }
    let v = Vault::open(dir.path(), &Passphrase::new(FIXTURE_PASS)).unwrap();
    assert_eq!(v.schema_version().unwrap(), vault::SCHEMA_VERSION);
    let cases = v.cases().list().unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].label, "Oefengezin Jansen");
    assert_eq!(cases[0].person_count, 2);
    let h = v.household(cases[0].id).unwrap();
    let names: Vec<&str> = h.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Piet", "Kim"]);
    assert_eq!(h.relations.len(), 1);
    assert_eq!(h.relations[0].kind, RelationKind::ParentOf { step: true });
    assert_eq!(v.settings().get().unwrap().language, Language::En);
    v.verify_audit_chain().unwrap();
    v.check_integrity().unwrap();
    // The tables of later schema versions are there and empty.
    assert!(v.snapshot(cases[0].id).unwrap().conversations.is_empty());
    // The migrated vault takes new writes.
    let c = v.cases().create("Na migratie").unwrap();
    drop(v);
    let v = Vault::open(dir.path(), &Passphrase::new(FIXTURE_PASS)).unwrap();
    assert!(v.cases().get(c.id).is_ok());
}

/// Schema 3 (issue 11, point 8): the old plain-hash rows are kept and still checked; rows from the
/// migration on are keyed, with a head row and the key file's anchor.
#[test]
fn v1_fixture_gets_the_keyed_anchored_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["vault.db", "vault.key"] {
        fs::copy(fixture_dir().join(f), dir.path().join(f)).expect("fixture file is committed");
    }
    let v = Vault::open(dir.path(), &Passphrase::new(FIXTURE_PASS)).unwrap();
    assert!(v.warnings().is_empty(), "{:?}", v.warnings());
    let conn = v.connection();
    let rows: Vec<(i64, i64)> =
        conn.prepare("SELECT seq, keyed FROM audit_log ORDER BY seq").unwrap().query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect();
    let legacy = rows.iter().filter(|(_, k)| *k == 0).count();
    assert!(legacy >= 5, "the fixture's own rows stay as written: {rows:?}");
    assert!(rows[..legacy].iter().all(|(_, k)| *k == 0) && rows[legacy..].iter().all(|(_, k)| *k == 1));
    assert_eq!(v.check_audit().unwrap(), Ok(rows.len()));
    // The old rows are still protected: editing one is found …
    conn.execute("UPDATE audit_log SET action = 'case_deleted' WHERE seq = 2", []).unwrap();
    assert_eq!(v.check_audit().unwrap(), Err(vault::AuditProblem::ChainBroken));
    conn.execute("UPDATE audit_log SET action = 'case_created' WHERE seq = 2", []).unwrap();
    assert_eq!(v.check_audit().unwrap(), Ok(rows.len()));
    // … and so is cutting rows off the end.
    conn.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", []).unwrap();
    assert_eq!(v.check_audit().unwrap(), Err(vault::AuditProblem::LogCut));
}

/// Schema 4 (issue 13): what an older vault holds is indexed for search by the migration, and the
/// migrated vault takes notes.
#[test]
fn v1_fixture_is_indexed_for_search_by_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["vault.db", "vault.key"] {
        fs::copy(fixture_dir().join(f), dir.path().join(f)).expect("fixture file is committed");
    }
    let v = Vault::open(dir.path(), &Passphrase::new(FIXTURE_PASS)).unwrap();
    let hits = v.search(&domain::search::parse_query("oefengezin").unwrap(), None, 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!((hits[0].kind, hits[0].case_label.as_str()), (domain::search::SearchKind::Case, "Oefengezin Jansen"));
    let case = hits[0].case_id;
    let note = domain::notes::NoteInput {
        person_id: None,
        conversation_id: None,
        date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
        title: "Na migratie".into(),
        text: "Eerste notitie".into(),
        tags: vec![],
        confidential: false,
    };
    let n = v.notes().create(case, &note).unwrap();
    assert_eq!(v.search(&domain::search::parse_query("notitie").unwrap(), None, 10).unwrap()[0].item_id, n.id);
    v.check_integrity().unwrap();
}

/// Schema 6 (issue 14): an older vault gets the tables for retention changes and corrections; they take
/// rows and go with their case.
#[test]
fn v1_fixture_gets_retention_changes_and_corrections() {
    use domain::corrections::{CorrectionInput, CorrectionItem};
    use domain::retention::RetentionChangeKind;
    let (_dir, v) = migrated_copy();
    assert!(v.schema_version().unwrap() >= 6);
    let case = v.cases().list().unwrap()[0].id;
    assert_eq!(v.cases().get(case).unwrap().retention_until, None, "an old case has no date until it is closed or given one");
    assert_eq!(v.settings().retention_years().unwrap(), 20, "the default setting");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
    let until = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let change = v.retention().change(case, RetentionChangeKind::Set, until, "Na migratie vastgelegd.", day).unwrap();
    assert_eq!(v.cases().get(case).unwrap().retention_until, Some(until));
    assert_eq!(v.retention().history(case).unwrap(), [change]);
    let person = v.household(case).unwrap().persons[0].id;
    let input = CorrectionInput { item_kind: CorrectionItem::Note, item_id: Uuid::now_v7(), person_id: person, date: day, text: "Dat klopt niet.".into() };
    v.corrections().add(case, &input).unwrap();
    assert_eq!(v.corrections().corrections_for_person(person).unwrap().len(), 1);
    v.delete_case(case).unwrap();
    let left: i64 = v
        .connection()
        .query_row("SELECT (SELECT count(*) FROM retention_changes) + (SELECT count(*) FROM corrections)", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0, "both went with the case");
    v.verify_audit_chain().unwrap();
}

/// Schema 7 (issue 15.3): every person stored before has Dutch as the language of their plan version;
/// a chosen language is kept.
#[test]
fn v1_fixture_persons_get_dutch_as_their_language() {
    let (_dir, v) = migrated_copy();
    let case = v.cases().list().unwrap()[0].id;
    let persons = v.household(case).unwrap().persons;
    assert!(persons.iter().all(|p| p.language == domain::PlanLanguage::Nl), "{persons:?}");
    let mut input = persons[0].input();
    input.language = domain::PlanLanguage::Ar;
    let changed = v.persons().update(persons[0].id, input.clone()).unwrap();
    assert_eq!(changed.language, domain::PlanLanguage::Ar);
    input.language = domain::PlanLanguage::Uk;
    let added = v.persons().add(case, input).unwrap();
    assert_eq!(v.persons().get(added.id).unwrap().language, domain::PlanLanguage::Uk);
    assert_eq!(v.persons().get(persons[0].id).unwrap().language, domain::PlanLanguage::Ar);
}
